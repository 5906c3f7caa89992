/**
 * No user-facing text is written outside the message tables: a walk over the TypeScript syntax of the
 * UI code (src/ui, the Obsidian adapters, main.ts) finds every string literal, template literal or
 * concatenation with words in it that reaches a place users read: setText, createEl/createDiv/createSpan
 * `text`, Notice, setName/setDesc/setTitle/setTooltip/setPlaceholder/setButtonText, a command's name,
 * the ribbon icon's and view actions' titles, `placeholder`, `aria-label` and `title` attributes,
 * appendText, emptyStateText, instructions, getDisplayText and the like. Such text must come from `t()`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCANNED = ["src/ui", "src/obsidian", "src/main.ts"];

/** Calls whose arguments users read, and which arguments (by position). */
const CALL_SINKS: Record<string, number[]> = {
	setText: [0],
	appendText: [0],
	setName: [0],
	setDesc: [0],
	setTitle: [0],
	setTooltip: [0],
	setPlaceholder: [0],
	setButtonText: [0],
	setHeading: [0],
	setMessage: [0],
	addRibbonIcon: [1],
	addAction: [1],
	setInstructions: [0],
	// The panel's context-menu helpers: copy(title, …) and open(title, …).
	copy: [0],
	open: [0],
};
/** Object properties users read (createEl options, attributes, commands, setting definitions, instructions). */
const PROPERTY_SINKS = new Set(["text", "placeholder", "aria-label", "title", "name", "desc", "heading", "purpose", "emptyText", "note", "label", "message", "hint", "options", "aux"]);
/** Assignments users read. */
const ASSIGNMENT_SINKS = new Set(["emptyStateText", "placeholder", "textContent", "innerText", "title"]);
/** Methods whose returned string users read. */
const RETURN_SINKS = new Set(["getDisplayText", "statusText"]);

function files(path: string): string[] {
	const full = join(ROOT, path);
	if (statSync(full).isFile()) return [full];
	return readdirSync(full).flatMap((name) => files(join(path, name)));
}

/** Does this literal read as words to a user (not a message key, a CSS class, an icon, a symbol)? */
function isText(value: string): boolean {
	if (value in en) return false;
	return /[A-Za-z\u3131-\u318e\uac00-\ud7a3]{2,}/.test(value) && (/[\s\u3131-\u318e\uac00-\ud7a3]/.test(value) || /^[A-Z]/.test(value));
}

/** Literal text anywhere in an expression that is not inside a call (a `t(…)` call makes its own text). */
function literalTexts(node: ts.Node): string[] {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return isText(node.text) ? [node.text] : [];
	if (ts.isTemplateExpression(node)) {
		const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("…");
		return [...(isText(parts) ? [parts] : []), ...node.templateSpans.flatMap((s) => literalTexts(s.expression))];
	}
	if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return [];
	if (ts.isBinaryExpression(node) || ts.isConditionalExpression(node) || ts.isParenthesizedExpression(node) || ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node) || ts.isPropertyAssignment(node) || ts.isAsExpression(node)) {
		const out: string[] = [];
		node.forEachChild((child) => {
			if (ts.isPropertyAssignment(node) && child === node.name) return;
			out.push(...literalTexts(child));
		});
		return out;
	}
	return [];
}

function nameOf(node: ts.Node): string | null {
	if (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier(node)) return node.text;
	if (ts.isPropertyAccessExpression(node)) return node.name.text;
	return null;
}

interface Finding {
	file: string;
	line: number;
	where: string;
	text: string;
}

function scan(file: string): Finding[] {
	const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
	const findings: Finding[] = [];
	const report = (node: ts.Node, where: string, expression: ts.Node) => {
		for (const text of literalTexts(expression)) {
			findings.push({ file: relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, where, text });
		}
	};
	const visit = (node: ts.Node, method: string | null): void => {
		if (ts.isCallExpression(node)) {
			const callee = nameOf(node.expression);
			const positions = callee && Object.prototype.hasOwnProperty.call(CALL_SINKS, callee) ? CALL_SINKS[callee] : undefined;
			if (positions) for (const i of positions) if (node.arguments[i]) report(node, `${callee}()`, node.arguments[i]);
		}
		if (ts.isNewExpression(node) && nameOf(node.expression) === "Notice" && node.arguments?.[0]) report(node, "new Notice()", node.arguments[0]);
		if (ts.isNewExpression(node) && nameOf(node.expression) === "Error" && node.arguments?.[0]) report(node, "new Error() (shown in a notice)", node.arguments[0]);
		if (ts.isPropertyAssignment(node)) {
			const key = nameOf(node.name);
			if (key && PROPERTY_SINKS.has(key)) report(node, `${key}:`, node.initializer);
		}
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
			const key = nameOf(node.left);
			if (key && ASSIGNMENT_SINKS.has(key)) report(node, `${key} =`, node.right);
		}
		if (ts.isReturnStatement(node) && node.expression && method && RETURN_SINKS.has(method)) report(node, `${method}() return`, node.expression);
		const inner = ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) ? (node.name ? nameOf(node.name) : null) : method;
		node.forEachChild((child) => visit(child, inner));
	};
	visit(source, null);
	return findings;
}

describe("user-facing text comes from the message tables", () => {
	const scanned = SCANNED.flatMap(files).filter((f) => f.endsWith(".ts"));

	it("scans the UI code", () => {
		expect(scanned.map((f) => relative(ROOT, f))).toContain("src/ui/panel/conference-panel-view.ts");
		expect(scanned.length).toBeGreaterThan(15);
	});

	it("finds no text literal at a place users read", () => {
		expect(scanned.flatMap(scan)).toEqual([]);
	});

	it("would catch text written in place (the check checks)", () => {
		const sample = join(ROOT, "test/i18n/fixtures/literal-ui-text.ts.txt");
		const found = scan(sample).map((f) => `${f.line} ${f.where} ${f.text}`);
		expect(found).toEqual([
			"2 new Notice() Copied to the clipboard.",
			"3 setName() Tags to index",
			"4 text: 질문 12개",
			"5 aria-label: … questions",
			"6 name: Open conference panel",
			"7 addRibbonIcon() Open conference panel",
			"8 placeholder: Search terms…",
			"9 setText() Show … more of …",
			"10 emptyStateText = No term matches.",
			"11 getDisplayText() return Conference panel",
			"12 new Notice() Exported ",
			"12 new Notice()  questions",
		]);
	});
});
