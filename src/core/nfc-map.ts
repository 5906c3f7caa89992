/**
 * NFC normalisation that remembers where every normalised character came from, so matches found in
 * normalised text can be reported at offsets of the text the user actually has.
 *
 * Text that is already NFC (nearly all text) costs one `normalize` call and no map. Otherwise each line
 * that changes is normalised cluster by cluster (a cluster is a starter and the combining marks or
 * Hangul vowel/final jamo after it), and each normalised code unit maps to the start of its cluster.
 */

export interface NormalizedText {
	/** The NFC text. Line breaks are preserved one for one. */
	text: string;
	/** Normalised offset → original offset (length `text.length + 1`), or null when nothing changed. */
	map: Int32Array | null;
	/** 1 where a normalised code unit is not the first of its cluster's output (null with `map`). */
	inner: Uint8Array | null;
}

export function normalizeWithMap(original: string): NormalizedText {
	const nfc = original.normalize("NFC");
	if (nfc === original) return { text: original, map: null, inner: null };
	const pieces: string[] = [];
	const map: number[] = [];
	const inner: number[] = [];
	let lineStart = 0;
	while (lineStart <= original.length) {
		let lineEnd = original.indexOf("\n", lineStart);
		if (lineEnd < 0) lineEnd = original.length;
		const line = original.slice(lineStart, lineEnd);
		const normalized = line.normalize("NFC");
		if (normalized === line) {
			pieces.push(line);
			for (let i = 0; i < line.length; i++) {
				map.push(lineStart + i);
				inner.push(0);
			}
		} else {
			appendClusters(line, lineStart, pieces, map, inner);
		}
		if (lineEnd < original.length) {
			pieces.push("\n");
			map.push(lineEnd);
			inner.push(0);
		}
		lineStart = lineEnd + 1;
	}
	map.push(original.length);
	inner.push(0);
	return { text: pieces.join(""), map: Int32Array.from(map), inner: Uint8Array.from(inner) };
}

function appendClusters(line: string, offset: number, pieces: string[], map: number[], inner: number[]): void {
	let clusterStart = 0;
	let i = 0;
	while (i < line.length) {
		const cp = line.codePointAt(i) ?? 0;
		const width = cp > 0xffff ? 2 : 1;
		if (i > clusterStart && !continuesCluster(cp)) {
			emitCluster(line, clusterStart, i, offset, pieces, map, inner);
			clusterStart = i;
		}
		i += width;
	}
	if (clusterStart < line.length) emitCluster(line, clusterStart, line.length, offset, pieces, map, inner);
}

function emitCluster(line: string, from: number, to: number, offset: number, pieces: string[], map: number[], inner: number[]): void {
	const normalized = line.slice(from, to).normalize("NFC");
	pieces.push(normalized);
	for (let k = 0; k < normalized.length; k++) {
		map.push(offset + from);
		inner.push(k === 0 ? 0 : 1);
	}
}

let markTable: Uint8Array | null = null;
const MARK = /\p{M}/u;

/** True for code points that combine with what precedes them: marks and Hangul medial/final jamo. */
function continuesCluster(cp: number): boolean {
	if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
	if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
	if (!markTable) {
		const table = new Uint8Array(0x10000);
		for (let c = 0x300; c < 0x10000; c++) {
			if (c >= 0xd800 && c <= 0xdfff) continue;
			if (MARK.test(String.fromCharCode(c))) table[c] = 1;
		}
		markTable = table;
	}
	return markTable[cp] === 1;
}

/** Original offset of normalised offset `k` used as a start. */
export function originalStart(n: NormalizedText, k: number): number {
	return n.map ? n.map[k] : k;
}

/** Original offset of normalised offset `k` used as an end: the end of the cluster `k` falls in. */
export function originalEnd(n: NormalizedText, k: number): number {
	if (!n.map || !n.inner) return k;
	const inner = n.inner;
	const last = n.text.length;
	while (k < last && inner[k] === 1) k++;
	return n.map[k];
}
