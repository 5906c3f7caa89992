/**
 * A synthetic vault for the index and panel benchmarks: conference notes shaped like the reference note
 * (frontmatter or inline tag, `## Talk - Speaker` headings, bold `Q.` questions, `A.` answers, glossary
 * blockquotes; Korean and English) among ordinary notes with other tags. Deterministic (seeded).
 */
import { seededRandom } from "./harness";

export interface SyntheticNote {
	path: string;
	text: string;
}

const KO = ["제품", "실험", "지표", "광고", "플랫폼", "사용자", "데이터", "목표", "조직", "이터레이션", "팀", "고객", "성장", "커뮤니티", "결제", "단말기", "우선순위", "설득", "메이커", "인터뷰"];
const EN = ["latency", "cache", "index", "search", "rollout", "metrics", "funnel", "retention", "pipeline", "schema", "budget", "roadmap", "feedback", "release", "queue"];
const TERMS = ["CTR", "ROAS", "eCPM", "PMF", "MVP", "SaaS", "SMB", "OKR", "VOC", "DRI", "티핑 포인트", "컴플라이언스", "도미넌트", "스콥", "갠또", "TTL", "SLA", "MTTR"];

function pick<T>(rand: () => number, list: readonly T[]): T {
	return list[Math.floor(rand() * list.length)];
}

function sentence(rand: () => number, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) out.push(rand() < 0.7 ? pick(rand, KO) : pick(rand, EN));
	if (rand() < 0.3) out.splice(Math.floor(rand() * out.length), 0, rand() < 0.5 ? `${pick(rand, TERMS)}*` : pick(rand, TERMS));
	return out.join(" ");
}

/** A conference note with `talks` talks of `perTalk` Q&A each, and a few glossary entries. */
export function conferenceNote(rand: () => number, id: number, talks: number, perTalk: number): string {
	const lines: string[] = [];
	const inline = id % 5 === 0;
	if (!inline) lines.push("---", `title: Conference ${id}`, "tags:", `  - ${id % 7 === 0 ? "conference/2025" : "Conference"}`, "  - notes", "---", "");
	else lines.push(`# Conference ${id} #Conference`, "");
	for (let t = 0; t < talks; t++) {
		lines.push(`## ${sentence(rand, 4)} - Speaker ${id}-${t}`, "");
		for (let q = 0; q < perTalk; q++) {
			lines.push(`**Q. ${sentence(rand, 8 + Math.floor(rand() * 10))}?**`);
			lines.push(`A. ${sentence(rand, 20 + Math.floor(rand() * 30))}`);
			if (rand() < 0.5) lines.push(sentence(rand, 15));
			lines.push("");
			if (rand() < 0.08) {
				const term = pick(rand, TERMS);
				lines.push(`> ${term}`, `> ${sentence(rand, 12)}`, "");
			}
		}
	}
	return lines.join("\n");
}

/** An ordinary note: prose, lists, sometimes other tags (never a conference tag). `short`: 1–2 paragraphs instead of 3–8. */
export function plainNote(rand: () => number, id: number, short = false): string {
	const lines = [`# Note ${id}`, ""];
	if (id % 4 === 0) lines.unshift("---", `tags: [${pick(rand, ["journal", "project", "reading", "conference-room", "meeting"])}]`, "---");
	const paragraphs = short ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 6);
	for (let p = 0; p < paragraphs; p++) {
		lines.push(sentence(rand, 20 + Math.floor(rand() * 40)), "");
		if (rand() < 0.3) lines.push(`- ${sentence(rand, 6)}`, `- ${sentence(rand, 6)} #${pick(rand, ["todo", "idea", "1"])}`, "");
	}
	return lines.join("\n");
}

/** `total` notes, `conference` of them conference notes, spread over folders. `shortPlain`: short ordinary notes. */
export function syntheticVault(total: number, conference: number, seed = 25, shortPlain = false): SyntheticNote[] {
	const rand = seededRandom(seed);
	const notes: SyntheticNote[] = [];
	const every = Math.max(1, Math.floor(total / conference));
	let made = 0;
	for (let i = 0; i < total; i++) {
		const folder = `Folder ${i % 40}/Sub ${i % 7}`;
		if (i % every === 0 && made < conference) {
			made++;
			notes.push({ path: `${folder}/conference ${i}.md`, text: conferenceNote(rand, i, 3 + Math.floor(rand() * 4), 3 + Math.floor(rand() * 6)) });
		} else {
			notes.push({ path: `${folder}/note ${i}.md`, text: plainNote(rand, i, shortPlain) });
		}
	}
	return notes;
}
