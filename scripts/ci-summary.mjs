// Reads vitest's JSON report and prints "N passed, N failed" (skipped tests are neither).
import { readFileSync } from "node:fs";

const file = process.argv[2];
let report;
try {
	report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
	console.error(`no test report at ${file}: ${String(error)}`);
	process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A suite that fails to load has no failed tests but still fails the run.
const failedSuites = (report.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length;
const failed = (report.numFailedTests ?? 0) + failedSuites;
console.log(`${passed} passed, ${failed} failed`);
