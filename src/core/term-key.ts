/**
 * How terms are compared. `termKey` is the one identity every part of the plugin uses: two names with
 * the same key are the same term ("티핑 포인트" = "티핑포인트", "eCPM" = "ECPM", NFD = NFC).
 */
import { getFoldTable, isKeySpace } from "./char-class";
import { isCommonWord } from "./common-words";

/**
 * Normalised lookup key: NFC, case-folded code unit by code unit (the same folding the matcher applies
 * to text), every whitespace character removed.
 */
export function termKey(name: string): string {
	const text = name.normalize("NFC");
	const fold = getFoldTable();
	let key = "";
	let runStart = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const f = fold[c];
		const space = isKeySpace(c);
		if (f === c && !space) continue;
		key += text.slice(runStart, i);
		if (!space) key += String.fromCharCode(f);
		runStart = i + 1;
	}
	return runStart === 0 ? text : key + text.slice(runStart);
}

/**
 * The spelling of a name as the matcher sees it: NFC, folded, whitespace runs collapsed to one space
 * and trimmed. Its characters other than spaces are exactly `termKey(name)`.
 */
export function spacedKey(name: string): string {
	const text = name.normalize("NFC");
	const fold = getFoldTable();
	let out = "";
	let pendingSpace = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isKeySpace(c)) {
			pendingSpace = out.length > 0;
			continue;
		}
		if (pendingSpace) out += " ";
		pendingSpace = false;
		out += String.fromCharCode(fold[c]);
	}
	return out;
}

let collator: Intl.Collator | null = null;

/**
 * Natural display order for mixed Korean/English terms, as a Korean reader expects it: Hangul first
 * (the `ko` collation puts Hangul before Latin: "갠또" < "티핑 포인트" < "CTR" < "eCPM"), letters
 * without regard to case, numbers by value ("Q2" < "Q10"). Ties fall back to code-unit order, so the
 * order is total and stable.
 */
export function compareTerms(a: string, b: string): number {
	collator ??= new Intl.Collator(["ko", "en"], { numeric: true, sensitivity: "base" });
	const order = collator.compare(a, b);
	if (order !== 0) return order;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * English words that are also written as acronyms (`IT`, `US`, `WHO`, `AI`…). An all-caps name that is one
 * of these is matched only in capitals, so ordinary prose (`it`, `us`, `who`) is not taken for it.
 */
const WORD_ACRONYMS = new Set(
	(
		"a i am an as at be by do go he if in is it me my no of on or so to up us we " +
		"add age aim all and any are art ask bad bar bat bed big bit box boy bus but buy can car cat cut day " +
		"did die dog due ear eat end era eye far fat few fit fix fly for fun gap gas get got gun guy had has " +
		"hat her hey him his hit hot how ice ill its job key kid law lay led leg let lie lot low mad man map " +
		"may men mix net new nor not now odd off oil old one our out own pay per pet pin pop pot put ran raw " +
		"red rid row run sad sat saw say sea see set she sit six sky son sum sun tax tea ten the tie tip too " +
		"top try two use van war was way web who why win won yes yet you " +
		"also back base bill both call care case cost data deal does done down each else even ever fact fair " +
		"find fine fire form free from full gain give goal good grow half hand hard have head help here high " +
		"hold home hope idea into just keep kind know last lead less life like line list live long look lose " +
		"love made main make many mass mind more most move much must name near need next nice none note once " +
		"only open over part pass past plan play plus post pull push rate read real rest rise risk role room " +
		"rule safe sale same save scan seed seem self sell send ship show side sign size some soon sort stay " +
		"step stop such sure take talk team tell term test than that them then they this time tool true turn " +
		"type unit upon used user very view vote wait want ways week well went were what when will with word " +
		"work year your zero"
	).split(" "),
);

/** How a name's case must show in the text for a mention (see `nameCaseRule`). */
export type CaseRule = 0 | 1 | 2;
/** Any case: `ctr` is `CTR`, `kubernetes` is `Kubernetes`. */
export const CASE_ANY: CaseRule = 0;
/** First letter a capital: `Go`, `GO` are the language, `go` is the verb. */
export const CASE_INITIAL: CaseRule = 1;
/** No small letter: `IT`, not `it`. */
export const CASE_CAPITALS: CaseRule = 2;

/**
 * The case a mention of this name needs:
 * - `CASE_CAPITALS` for all-caps names that spell an English word (`IT`, `US`, `WHO`, `ROLE`, `REST`), so
 *   prose is not taken for them;
 * - `CASE_INITIAL` for capitalised one-word names that are everyday English words (`Go`, `Spring`, `Rust`,
 *   `React`, `Swift`): `Go` and `GO` match, `go` does not;
 * - `CASE_ANY` for everything else: acronyms and mixed case (`ECPM` for `eCPM`, `ctr` for `CTR`), names that
 *   are no everyday word (`kubernetes`), several words (`tail sampling` for `Tail sampling`), lowercase names.
 */
export function nameCaseRule(name: string): CaseRule {
	let letters = "";
	let upper = 0;
	let lower = 0;
	let spaces = false;
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c >= 0x61 && c <= 0x7a) {
			lower++;
			letters += name[i];
		} else if (c >= 0x41 && c <= 0x5a) {
			upper++;
			letters += String.fromCharCode(c + 32);
		} else if (isKeySpace(c)) {
			if (letters.length > 0) spaces = true;
		} else {
			return CASE_ANY;
		}
	}
	if (upper === 0) return CASE_ANY;
	if (lower === 0) return WORD_ACRONYMS.has(letters) || isCommonWord(letters) ? CASE_CAPITALS : CASE_ANY;
	const capitalised = upper === 1 && name.trim().charCodeAt(0) <= 0x5a;
	return capitalised && !spaces && isCommonWord(letters) ? CASE_INITIAL : CASE_ANY;
}

/** An acronym: at least two capital letters and no small ASCII letter (`SMB`, `B2B`, `F&B`). */
export function isAcronymName(name: string): boolean {
	let upper = 0;
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c >= 0x61 && c <= 0x7a) return false;
		if (c >= 0x41 && c <= 0x5a) upper++;
	}
	return upper >= 2;
}

/** The rule for a name written several ways: the loosest one (a lowercase spelling allows lowercase text). */
export function combineCaseRules(a: CaseRule, b: CaseRule): CaseRule {
	return a < b ? a : b;
}

/** True for names the matcher compares case-sensitively in capitals (see `nameCaseRule`). */
export function isCaseSensitiveName(name: string): boolean {
	return nameCaseRule(name) === CASE_CAPITALS;
}
