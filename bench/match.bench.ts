/**
 * The term matcher and the term index, on a deterministic synthetic vault.
 *
 * - match_mb_per_s: `findMentions` (NFC check, Markdown contexts, trie walk, mention objects) with 5,000
 *   terms (Latin acronyms, multi-word English, Hangul terms with and without spaces) over 10 MiB of
 *   mixed Korean/English Markdown with about two mentions per KB. MB = 2^20 UTF-8 bytes. Target ≥ 100.
 * - match_vs_regex_ratio: time of one `RegExp` alternation of the same 5,000 terms (escaped, longest
 *   first, flags `gi`; it finds raw occurrences only: no boundaries, particles, spacing or Markdown)
 *   over time of `findMentions`, both on the same 1 MiB prefix of the corpus (the regex is too slow to
 *   run over all 10 MiB in a benchmark). Target ≥ 3.
 * - term_index_update_ms: one note's entries change (20 of the 5,000 terms, one renamed, one alias
 *   added, definitions edited) → `setNote` + `matcher()` returns a matcher that reflects it. Median.
 *   Target < 1 ms.
 */
import { findMentions } from "../src/core/matcher";
import { TermIndex } from "../src/core/term-index";
import type { GlossaryEntry } from "../src/core/types";
import { bestOf, figure, medianOf, seededRandom, utf8Bytes, type Benchmark } from "./harness";

const MIB = 1024 * 1024;
const CORPUS_BYTES = 10 * MIB;
const REGEX_SAMPLE_BYTES = 1 * MIB;
const TERM_COUNT = 5000;
const NOTES = 250;

const SYLLABLES =
	"가각간갈감강개거건걸검게겨격견결경계고곡공과관광교구국군권귀규균그극근글금기긴길김나낙난날남납내너널네녀년노농뇌누눈느는늘능니다단달담답당대더덕도독돈동두둘드득들등디따때또뜻라락란람랑래량러런레려력련령로록론료루류륙률르른를름리린림립마막만말망매머먼메며면명모목몰몸못무문물미민밀바박반발방배백버번벌범법벽변별병보복본봉부북분불비빈빛사산살삼상새생서석선설섬성세소속손송수숙순술숭스슬습시식신실심아악안알암압앙애야약양어억언얼엄업에여역연열염영예오옥온올완왕외요욕용우운울움원월위유육윤율은을음응의이익인일임입자작잔장재저적전절점접정제조족존종좌주죽준중즉지직진질집차착찬찰참창채책처천철첨청체초촉촌총최추축춘출충취측치친칠침카코크키타탁탄탈탐탑태택터토통투특파판팔패편평포표품풍프피필하학한할함합항해핵행향허험혁현협형호혹혼홍화확환활황회획효후훈휴흐흑흔흥희";
const PARTICLES = ["", "", "", "을", "를", "이", "가", "은", "는", "에", "에서", "와", "과", "으로", "의", "도", "만", "이라는", "처럼"];
const ENGLISH =
	"the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no out up what about more said some them can into only its time new could than other then these two may first like any do my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three".split(
		" ",
	);

/** Words of multi-word English terms (jargon, capitalised as in glossaries). */
const JARGON =
	"Retention Funnel Cohort Churn Onboarding Activation Conversion Attribution Segment Pipeline Latency Throughput Backlog Roadmap Sprint Velocity Stakeholder Persona Journey Engagement Monetization Acquisition Referral Revenue Margin Inventory Settlement Merchant Terminal Gateway Ledger Compliance Audit Governance Telemetry Observability Deployment Rollback Canary Feature Flag Experiment Variant Baseline Benchmark Dashboard Metric Signal Threshold Incentive Loyalty Subscription Billing Invoice Checkout Basket Fulfillment Logistics Warehouse Platform Ecosystem Network Marketplace Liquidity Volatility Portfolio Dividend Equity Leverage Hedge Arbitrage Exposure Underwriting Premium Claim Policy Quota Territory Channel Partner Reseller Franchise".split(
		" ",
	);

/** Hangul text: a word of 1–4 random syllables. */
function hangulWord(random: () => number, min = 1, max = 4): string {
	const n = min + Math.floor(random() * (max - min + 1));
	let word = "";
	for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
	return word;
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

/** 5,000 distinct terms: 40% Latin acronyms, 30% multi-word English, 30% Hangul (a third with a space). */
export function makeTerms(random: () => number): string[] {
	const terms = new Map<string, string>();
	const add = (term: string): void => {
		const key = term.toLowerCase().replace(/\s+/g, "");
		if (!terms.has(key)) terms.set(key, term);
	};
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	while (terms.size < TERM_COUNT * 0.4) {
		const n = 2 + Math.floor(random() * 4);
		let acronym = "";
		for (let i = 0; i < n; i++) acronym += letters[Math.floor(random() * 26)];
		if (random() < 0.1) acronym += String(Math.floor(random() * 10));
		if (random() < 0.1) acronym = acronym[0].toLowerCase() + acronym.slice(1); // eCPM style
		add(acronym);
	}
	while (terms.size < TERM_COUNT * 0.7) {
		const words = 2 + Math.floor(random() * 2);
		const parts: string[] = [];
		for (let i = 0; i < words; i++) parts.push(pick(random, JARGON));
		add(parts.join(" "));
	}
	while (terms.size < TERM_COUNT) {
		add(random() < 0.33 ? `${hangulWord(random, 1, 3)} ${hangulWord(random, 2, 3)}` : hangulWord(random, 2 + Math.floor(random() * 2), 5));
	}
	return [...terms.values()];
}

/** How a mention of `term` is written: case and spacing variants, particles, the `*` marker. */
function writeMention(random: () => number, term: string): string {
	let text = term;
	const r = random();
	if (/[A-Za-z]/.test(term) && r < 0.2) text = term.toUpperCase();
	else if (r < 0.3) text = term.replace(/ /g, "");
	if (random() < 0.25) text += "*";
	if (/[가-힣]$/.test(term) || random() < 0.3) text += pick(random, PARTICLES);
	return text;
}

/** ~10 MiB of conference-note Markdown: Q/A lines, quotes, a little code and links, Korean and English. */
export function makeCorpus(random: () => number, terms: readonly string[]): { text: string; written: number } {
	const lines: string[] = [];
	let bytes = 0;
	let written = 0;
	while (bytes < CORPUS_BYTES) {
		const tokens: string[] = [];
		const count = 8 + Math.floor(random() * 30);
		const english = random() < 0.35;
		for (let i = 0; i < count; i++) {
			const r = random();
			if (r < 0.02) {
				tokens.push(writeMention(random, pick(random, terms)));
				written++;
			} else if (r < 0.022) {
				tokens.push(`\`${pick(random, ENGLISH)}()\``);
			} else if (r < 0.024) {
				tokens.push(`[${pick(random, ENGLISH)}](https://example.com/${pick(random, ENGLISH)})`);
			} else if (english ? r < 0.85 : r < 0.2) {
				tokens.push(pick(random, ENGLISH));
			} else {
				tokens.push(hangulWord(random) + pick(random, PARTICLES));
			}
		}
		const kind = random();
		let line = tokens.join(" ");
		if (kind < 0.15) line = `**Q. ${line}?**`;
		else if (kind < 0.4) line = `A. ${line}.`;
		else if (kind < 0.45) line = `> ${line}`;
		else if (kind < 0.47) line = `## ${line}`;
		lines.push(line);
		if (random() < 0.2) lines.push("");
		bytes += utf8Bytes(line) + 1;
	}
	return { text: lines.join("\n"), written };
}

function entry(term: string, line: number, definition: string, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition, definitionMarkdown: definition, line, endLine: line + 1 };
}

const bench: Benchmark = (log) => {
	const random = seededRandom(0x5eed);
	const terms = makeTerms(random);
	const { text, written } = makeCorpus(random, terms);
	const bytes = utf8Bytes(text);

	// The vault: 250 notes of 20 entries; a few aliases.
	const index = new TermIndex();
	const notes: GlossaryEntry[][] = [];
	for (let n = 0; n < NOTES; n++) {
		const entries: GlossaryEntry[] = [];
		for (let i = 0; i < TERM_COUNT / NOTES; i++) {
			const term = terms[n * (TERM_COUNT / NOTES) + i];
			entries.push(entry(term, 10 + i * 3, `definition of ${term}`, i % 7 === 0 ? [`${term} alias`] : []));
		}
		notes.push(entries);
		index.setNote(`notes/${n}.md`, entries);
	}
	const buildMs = bestOf(() => {
		const fresh = new TermIndex();
		for (let n = 0; n < NOTES; n++) fresh.setNote(`notes/${n}.md`, notes[n]);
		fresh.matcher();
	}, 500);
	const matcher = index.matcher();

	log(`corpus: ${(bytes / MIB).toFixed(2)} MiB, ${text.split("\n").length} lines; ${terms.length} terms (${index.size} records)`);
	const mentions = findMentions(text, matcher);
	log(`mentions: ${mentions.length} found (${written} written), ${(mentions.length / (bytes / 1024)).toFixed(2)} per KiB, ${mentions.filter((m) => m.marked).length} marked`);

	const matchMs = bestOf(() => findMentions(text, matcher), 2000, 5);
	const mbPerS = bytes / MIB / (matchMs / 1000);
	figure(log, "findMentions, 10 MiB, 5,000 terms", matchMs, "ms");
	figure(log, "match_mb_per_s", mbPerS, "MiB/s", "≥ 100");

	// The same terms as one RegExp alternation, on the same 1 MiB prefix of the corpus.
	let cut = 0;
	for (let b = 0; cut < text.length && b < REGEX_SAMPLE_BYTES; cut++) b += utf8Bytes(text[cut]);
	cut = text.lastIndexOf("\n", cut) + 1;
	const sample = text.slice(0, cut);
	const sampleBytes = utf8Bytes(sample);
	const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
	const alternation = new RegExp(escaped.join("|"), "gi");
	let regexCount = 0;
	const regexMs = bestOf(
		() => {
			regexCount = 0;
			alternation.lastIndex = 0;
			while (alternation.exec(sample)) regexCount++;
		},
		0,
		1,
	);
	let sampleMentions = 0;
	const sampleMs = bestOf(() => (sampleMentions = findMentions(sample, matcher).length), 500);
	const ratio = regexMs / sampleMs;
	figure(log, `RegExp alternation, ${(sampleBytes / MIB).toFixed(2)} MiB prefix (${regexCount} raw hits)`, regexMs, "ms");
	figure(log, `findMentions, same prefix (${sampleMentions} mentions)`, sampleMs, "ms");
	figure(log, "RegExp throughput", sampleBytes / MIB / (regexMs / 1000), "MiB/s");
	figure(log, "match_vs_regex_ratio", ratio, "×", "≥ 3");

	// One note changes: rename one term, add an alias, edit the definitions; then get a current matcher.
	const target = 123;
	const original = notes[target];
	const edited = original.map((e, i) =>
		i === 0 ? entry(`${e.term} 개정`, e.line, "renamed") : i === 1 ? entry(e.term, e.line, "edited", [...e.aliases, `${e.term} 별칭`]) : entry(e.term, e.line + 1, `${e.definition} (edited)`, e.aliases),
	);
	let flip = false;
	const updateMs = medianOf(() => {
		flip = !flip;
		index.setNote(`notes/${target}.md`, flip ? edited : original);
		index.matcher();
	}, 400);
	index.setNote(`notes/${target}.md`, edited);
	const renamed = `${original[0].term} 개정`;
	const current = index.matcher();
	const reflects =
		findMentions(`x ${renamed} y`, current).some((m) => m.term === renamed) &&
		!findMentions(original[0].term, current).some((m) => m.term === original[0].term) &&
		index.lookup(`${original[1].term} 별칭`)?.term === original[1].term;
	if (!reflects) throw new Error("the patched matcher does not reflect the update");
	const removeMs = medianOf(() => {
		index.removeNote(`notes/${target}.md`);
		index.matcher();
		index.setNote(`notes/${target}.md`, original);
		index.matcher();
	}, 200);
	figure(log, "index + matcher build from scratch, 5,000 terms", buildMs, "ms");
	figure(log, "remove a note and add it back, matcher each time", removeMs, "ms");
	figure(log, "term_index_update_ms", updateMs, "ms", "< 1");

	return Promise.resolve({ match_mb_per_s: mbPerS, match_vs_regex_ratio: ratio, term_index_update_ms: updateMs });
};

export default bench;
