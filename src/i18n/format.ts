/**
 * Fills a message template with values. Pure: no DOM, no Obsidian.
 *
 * - `{name}`: the value of `name`.
 * - `{count:one|other}`: `one` when `count` is 1, else `other` (English plurals; the number itself is a
 *   separate `{count}`).
 * - `{을/를}`, `{이/가}`, `{은/는}`, `{과/와}`, `{으로/로}`: the Korean particle that fits the text just before
 *   it, chosen by the final consonant of its last letter or digit (`CPC를`, `광고비를`, `컴플라이언스를`,
 *   `ROAS를`, `패널을`, `메일로`). When the final sound cannot be told (a Chinese character, an emoji), both
 *   forms are written the way Korean software does: `을(를)`.
 *
 * A template is filled in one pass, so a value that itself contains `{…}` is never expanded.
 */

export type Vars = Readonly<Record<string, string | number>>;

/** One piece of a filled message: literal text, or the value of a placeholder (`name`). */
export interface MessagePart {
	text: string;
	name?: string;
}

/** The particles a template may use, by their `{A/B}` spelling: [after a final consonant, after a vowel]. */
export const PARTICLES: Readonly<Record<string, readonly [string, string]>> = {
	"을/를": ["을", "를"],
	"이/가": ["이", "가"],
	"은/는": ["은", "는"],
	"과/와": ["과", "와"],
	"으로/로": ["으로", "로"],
};

/** How a word ends when read aloud in Korean: no final consonant, ㄹ, another final consonant, or unknown. */
export type FinalSound = "vowel" | "rieul" | "consonant" | null;

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Final consonant index of ㄹ in a Hangul syllable. */
const JONG_RIEUL = 8;

/** Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구 (10, 100, 1000 end in 십 백 천 too). */
const DIGIT_SOUNDS: readonly FinalSound[] = ["consonant", "rieul", "vowel", "consonant", "vowel", "vowel", "consonant", "rieul", "rieul", "vowel"];

/** Letter names as Koreans read acronyms: 엘 엠 엔 알 end in a consonant, the others (에이, 비, 씨…) in a vowel. */
function letterName(letter: string): FinalSound {
	switch (letter.toUpperCase()) {
		case "L":
		case "R":
			return "rieul";
		case "M":
		case "N":
			return "consonant";
		default:
			return "vowel";
	}
}

/** A Latin word's ending as it is usually written in Hangul (`email` 이메일, `time` 타임, `web` 웹, `user` 유저). */
function latinWordSound(word: string): FinalSound {
	const w = word.toLowerCase();
	if (/(?:le|l)$/.test(w)) return "rieul";
	if (/(?:me|ne|ng|m|n|ck|k|p|b)$/.test(w)) return "consonant";
	return "vowel";
}

/** The final sound of `text`: of its last letter or digit (closing quotes, brackets and dots are skipped). */
export function finalSound(text: string): FinalSound {
	const s = text.normalize("NFC");
	let end = s.length;
	while (end > 0 && !/[\p{L}\p{N}]/u.test(s[end - 1])) end--;
	if (end === 0) return null;
	const last = s[end - 1];
	const code = last.charCodeAt(0);
	if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
		const jong = (code - HANGUL_FIRST) % 28;
		return jong === 0 ? "vowel" : jong === JONG_RIEUL ? "rieul" : "consonant";
	}
	// Compatibility jamo: ㄱ…ㅎ are consonants (ㄹ is U+3139), ㅏ…ㅣ vowels.
	if (code >= 0x3131 && code <= 0x314e) return code === 0x3139 ? "rieul" : "consonant";
	if (code >= 0x314f && code <= 0x3163) return "vowel";
	if (/[0-9]/.test(last)) return DIGIT_SOUNDS[Number(last)];
	if (/[A-Za-z]/.test(last)) {
		let start = end - 1;
		while (start > 0 && /[A-Za-z]/.test(s[start - 1])) start--;
		const word = s.slice(start, end);
		// An acronym (CPC, ROAS, SaaS's last capital) or a single letter is read letter by letter.
		if (word.length === 1 || word === word.toUpperCase()) return letterName(last);
		return latinWordSound(word);
	}
	return null;
}

/** The particle spelled `pair` (`을/를`…) that fits after `before`. */
export function particle(before: string, pair: string): string {
	const forms = PARTICLES[pair];
	if (!forms) return pair;
	const [afterConsonant, afterVowel] = forms;
	const sound = finalSound(before);
	if (sound === null) return pair === "으로/로" ? "(으)로" : `${afterConsonant}(${afterVowel})`;
	// 으로/로: after ㄹ it is 로 (서울로, 메일로), like after a vowel.
	if (pair === "으로/로") return sound === "consonant" ? afterConsonant : afterVowel;
	return sound === "vowel" ? afterVowel : afterConsonant;
}

/** `{name}`, `{name:one|other}`, or a particle `{을/를}`. */
const TOKEN = /\{([A-Za-z][A-Za-z0-9]*)(?::([^{}|]*)\|([^{}]*))?\}|\{([가-힣]+\/[가-힣]+)\}/g;

/** The template filled in, as parts (values keep their placeholder's name, so a view can style them). */
export function formatParts(template: string, vars: Vars = {}): MessagePart[] {
	const parts: MessagePart[] = [];
	let written = "";
	let at = 0;
	const push = (part: MessagePart) => {
		if (part.text === "" && part.name === undefined) return;
		const previous = parts[parts.length - 1];
		if (part.name === undefined && previous && previous.name === undefined) previous.text += part.text;
		else parts.push(part);
		written += part.text;
	};
	for (const m of template.matchAll(TOKEN)) {
		push({ text: template.slice(at, m.index) });
		at = m.index + m[0].length;
		const [, name, one, other, pair] = m;
		if (pair !== undefined) {
			push({ text: particle(written, pair) });
		} else if (one !== undefined && other !== undefined) {
			push({ text: Number(vars[name]) === 1 ? one : other });
		} else if (name in vars) {
			push({ text: String(vars[name]), name });
		} else {
			push({ text: m[0] });
		}
	}
	push({ text: template.slice(at) });
	return parts;
}

/** The template filled in, as one string. */
export function format(template: string, vars: Vars = {}): string {
	return formatParts(template, vars)
		.map((p) => p.text)
		.join("");
}

/** The placeholder names a template uses (plural choices name their count; particles are not placeholders). */
export function placeholdersOf(template: string): string[] {
	const names = new Set<string>();
	for (const m of template.matchAll(TOKEN)) if (m[1] !== undefined) names.add(m[1]);
	return [...names].sort();
}

/** Placeholder names of a template, at the type level (for `t`'s arguments and the tables' check). */
export type Placeholders<S extends string> = S extends `${string}{${infer Body}}${infer Rest}` ? NameOf<Body> | Placeholders<Rest> : never;
type NameOf<B extends string> = B extends `${infer N}:${string}` ? N : B extends `${string}/${string}` ? never : B;
