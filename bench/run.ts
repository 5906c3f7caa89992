/**
 * `npm run bench` runs every benchmark and prints its figures; `npm run bench -- --json` prints one
 * JSON object of metric → number instead. Add a benchmark by adding it to `benchmarks` below: a module
 * whose default export takes a logger and resolves to its metrics. `--only=a,b` runs some of them;
 * `--scale=F` shrinks the inputs of the scale benchmark for quick runs while developing.
 */
import type { Benchmark } from "./harness";
// Benchmarks that load UI code (which imports `obsidian`, types only on npm) get the test stub.
import "./obsidian-alias";

const benchmarks: [string, () => Promise<{ default: Benchmark }>][] = [
	["parse", () => import("./parse.bench")],
	["decorate", () => import("./decorate.bench")],
	["match", () => import("./match.bench")],
	["index", () => import("./index.bench")],
	["panel", () => import("./panel.bench")],
	["commands", () => import("./commands.bench")],
	["embeds", () => import("./embeds.bench")],
	["bundle", () => import("./bundle.bench")],
	["scale", () => import("./scale.bench")],
];

async function main(): Promise<void> {
	const json = process.argv.includes("--json");
	const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
	const log = json ? () => {} : (line: string) => console.log(line);
	const metrics: Record<string, number> = {};
	for (const [name, load] of benchmarks) {
		if (only && !only.split(",").includes(name)) continue;
		log(`\n## ${name}`);
		const bench = (await load()).default;
		Object.assign(metrics, await bench(log));
	}
	if (json) console.log(JSON.stringify(metrics));
	else log(`\n${JSON.stringify(metrics, null, 2)}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
