/**
 * How terms are compared. `termKey` is the one identity every part of the plugin uses: two names with
 * the same key are the same term ("티핑 포인트" = "티핑포인트", "eCPM" = "ECPM", NFD = NFC).
 */
import { getFoldTable, isKeySpace } from "./char-class";

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
 * True for names the matcher compares case-sensitively: all-caps acronyms of at most three letters
 * with no Hangul (`IT`, `US`, `WHO`, `CTR`), so that English words (`it`, `us`, `who`) are not taken
 * for them. Every other name matches in any case (`ECPM` for `eCPM`, `roas` for `ROAS`).
 */
export function isShortAcronym(name: string): boolean {
	let letters = 0;
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c >= 0x61 && c <= 0x7a) return false;
		if (c >= 0x41 && c <= 0x5a) letters++;
		else if (c >= 0x80 && !isKeySpace(c)) return false;
	}
	return letters >= 1 && letters <= 3;
}
