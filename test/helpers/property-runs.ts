/**
 * How many runs a property test makes: `ciRuns` in `npm test` and CI, or `CQG_PROPERTY_RUNS` when set
 * (`npm run fuzz` sets it to 100,000).
 */
export function propertyRuns(ciRuns: number): number {
	const override = Number(process.env.CQG_PROPERTY_RUNS);
	return Number.isFinite(override) && override > 0 ? override : ciRuns;
}
