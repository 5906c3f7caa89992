import { describe, expect, it } from "vitest";
import { ellipsize } from "../../src/core/text";

describe("ellipsize", () => {
	it("keeps text up to the limit and cuts longer text to the limit, ending in …", () => {
		expect(ellipsize("CTR", 3)).toBe("CTR");
		expect(ellipsize("ROAS", 3)).toBe("RO…");
		expect(ellipsize("클릭률 지표", 4)).toBe("클릭률…");
		expect(ellipsize("", 1)).toBe("");
	});
});
