import { describe, expect, it } from "vitest";
import { removeJargonMarkers, toPlainText } from "../../src/core/plain-text";
import { collapseWhitespace } from "../../src/core/text";

describe("toPlainText", () => {
	it.each([
		["**bold** and *em* and _em_ and __strong__", "bold and em and em and strong"],
		["ECPM* 등 갠또*가 가능", "ECPM 등 갠또가 가능"],
		["SMB*, SME*, 엔터프라이즈", "SMB, SME, 엔터프라이즈"],
		["VAN 대리점*에서", "VAN 대리점에서"],
		["5 * 3 = 15", "5 * 3 = 15"],
		["snake_case_name stays", "snake_case_name stays"],
		["`code` and ``a`b``", "code and a`b"],
		["[link text](https://x.y) and ![alt](img.png)", "link text and alt"],
		["[[Target]] and [[Target|shown]] and ![[embed.png]]", "Target and shown and"],
		["~~old~~ ==marked==", "old marked"],
		["line one  \nline two\\", "line one line two\\"],
		["<https://example.com> <br> text", "https://example.com text"],
		["<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"],
	])("%j → %j", (input, output) => {
		expect(toPlainText(input)).toBe(output);
	});
});

describe("removeJargonMarkers", () => {
	it("removes jargon markers and leaves emphasis, bold and escaped stars alone", () => {
		expect(removeJargonMarkers("CTR* 과 ROAS* 가 **굵게** *기울임*")).toBe("CTR 과 ROAS 가 **굵게** *기울임*");
		expect(removeJargonMarkers("already\\* escaped")).toBe("already\\* escaped");
	});
});

describe("collapseWhitespace", () => {
	it("collapses every kind of whitespace run and trims", () => {
		expect(collapseWhitespace("  a \t b\n\nc\u3000d  ")).toBe("a b c d");
		expect(collapseWhitespace("")).toBe("");
		expect(collapseWhitespace(" \n ")).toBe("");
	});
});
