/**
 * What the release gate (scripts/release-check.ts) reads out of code, with the TypeScript compiler:
 *
 * - `scanApiUses`: every Obsidian API the plugin's source uses at run time, with the app version that
 *   introduced it (the `@since` tag in the `obsidian` package's obsidian.d.ts) and whether the use is
 *   guarded (optional call `x?.()`, `typeof x === "function"`, `"x" in obj`, `if (obj.x)`,
 *   `requireApiVersion("1.8.7")`, an early return on such a check, or a try block).
 * - `scanDesktopNeeds`: what in the source only works in the desktop app (Node or Electron modules,
 *   FileSystemAdapter), guarded by a `Platform.isDesktop`/`isDesktopApp` check or not.
 * - `scanMobileHazards`: what in a bundled main.js breaks on mobile: `require` of a Node or Electron
 *   module, a regular expression with lookbehind (iOS before 16.4 refuses the whole file), or a Node
 *   global (`process`, `Buffer`, `__dirname`, ...) used outside a guard.
 *
 * Types-only uses (type annotations, `import type`, `implements`) are not uses: they vanish at build time.
 */
import { builtinModules } from "node:module";
import ts from "typescript";

export interface ApiUse {
	/** e.g. `Workspace.revealLeaf`, `getLanguage`. */
	api: string;
	/** x.y.z from obsidian.d.ts's `@since` tag; null where the declaration has none. */
	since: string | null;
	file: string;
	line: number;
	guarded: boolean;
}

export interface CodeFinding {
	kind: "node-module" | "lookbehind" | "node-global" | "desktop-api";
	what: string;
	file: string;
	line: number;
	guarded: boolean;
}

const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`), "electron", "original-fs"]);
const NODE_GLOBALS = new Set(["process", "Buffer", "__dirname", "__filename", "global", "setImmediate", "clearImmediate"]);
const DESKTOP_GUARDS = ["Platform.isDesktopApp", "Platform.isDesktop", "isDesktopApp"];
const SEMVER = /^\d+\.\d+\.\d+$/;

/** Whether a module specifier names a Node built-in or Electron (`fs`, `node:path`, `electron`, `fs/promises`). */
export function isNodeModule(specifier: string): boolean {
	return NODE_MODULES.has(specifier) || NODE_MODULES.has(specifier.split("/")[0]);
}

function lineOf(node: ts.Node): number {
	const source = node.getSourceFile();
	return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** Whether `node` stands where only a type can be: it is erased by the build. */
function isTypeOnly(node: ts.Node): boolean {
	for (let at: ts.Node | undefined = node; at; at = at.parent) {
		if (ts.isTypeNode(at) && !ts.isExpressionWithTypeArguments(at)) return true;
		if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at) || ts.isImportEqualsDeclaration(at)) return true;
		if (ts.isInterfaceDeclaration(at) || ts.isTypeAliasDeclaration(at)) return true;
		if (ts.isHeritageClause(at)) return at.token === ts.SyntaxKind.ImplementsKeyword;
		if (ts.isStatement(at) || ts.isClassElement(at)) return false;
	}
	return false;
}

/** A condition that checks what `names` name: mentions one of them, or `requireApiVersion` of `since` or later. */
function conditionChecks(condition: ts.Expression, names: readonly string[], since?: string): boolean {
	const text = condition.getText();
	if (names.some((name) => text.includes(name))) return true;
	if (since !== undefined) {
		const required = /requireApiVersion\(\s*["'`](\d+\.\d+\.\d+)["'`]\s*\)/.exec(text)?.[1];
		if (required !== undefined && compareVersions(required, since) >= 0) return true;
	}
	return false;
}

function exits(statement: ts.Statement): boolean {
	if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return true;
	if (ts.isBlock(statement)) return statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]);
	return false;
}

/**
 * Whether the use at `node` only runs after a check of `names`: it is the check itself (a `typeof`
 * operand, an `if`/`?:`/`&&` condition, an optional call or access), sits in the branch the check opens,
 * follows an `if (check) return` in its block, or runs inside a `try`.
 */
export function isGuarded(node: ts.Node, names: readonly string[], since?: string): boolean {
	const parent = node.parent;
	if (parent && ts.isCallExpression(parent) && parent.expression === node && parent.questionDotToken) return true;
	if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === node && parent.questionDotToken) return true;
	if (parent && ts.isPropertyAccessExpression(parent) && parent.name === node) {
		const grand = parent.parent;
		if (grand && ts.isCallExpression(grand) && grand.expression === parent && grand.questionDotToken) return true;
	}
	let child: ts.Node = node;
	for (let at: ts.Node | undefined = parent; at; child = at, at = at.parent) {
		if (ts.isTypeOfExpression(at)) return true;
		if (ts.isIfStatement(at)) {
			if (child === at.expression) return true;
			if (child === at.thenStatement && conditionChecks(at.expression, names, since)) return true;
		}
		if (ts.isConditionalExpression(at)) {
			if (child === at.condition) return true;
			if (child === at.whenTrue && conditionChecks(at.condition, names, since)) return true;
		}
		if (ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
			if (child === at.left) return true;
			if (child === at.right && conditionChecks(at.left, names, since)) return true;
		}
		if (ts.isTryStatement(at) && child === at.tryBlock) return true;
		if (ts.isBlock(at) || ts.isSourceFile(at) || ts.isModuleBlock(at) || ts.isCaseClause(at) || ts.isDefaultClause(at)) {
			const statements: readonly ts.Statement[] = at.statements;
			const index = statements.indexOf(child as ts.Statement);
			for (let i = 0; i < index; i++) {
				const before = statements[i];
				if (ts.isIfStatement(before) && exits(before.thenStatement) && conditionChecks(before.expression, names, since)) return true;
			}
		}
		if (ts.isFunctionLike(at) && !ts.isArrowFunction(at) && !ts.isFunctionExpression(at)) break;
	}
	return false;
}

/** -1, 0 or 1 as `a` is lower than, equal to or higher than `b` (x.y.z). */
export function compareVersions(a: string, b: string): number {
	const pa = a.split(".").map(Number);
	const pb = b.split(".").map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
	return 0;
}

function sinceOf(declaration: ts.Declaration): string | null {
	for (const tag of ts.getJSDocTags(declaration)) {
		if (tag.tagName.text !== "since") continue;
		const text = (typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? "").trim();
		if (SEMVER.test(text)) return text;
	}
	return null;
}

function apiName(declaration: ts.Declaration, symbol: ts.Symbol): string {
	const member = symbol.getName();
	const owner = declaration.parent;
	if (owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name) return `${owner.name.text}.${member}`;
	return member;
}

/** Parsed declaration files (TypeScript's libs, obsidian.d.ts), shared by every program this process makes. */
const declarationCache = new Map<string, ts.SourceFile>();

/** A program over `files` (absolute paths) with `obsidian` resolved to the given obsidian.d.ts. */
export function createProgram(files: readonly string[], obsidianDts: string): ts.Program {
	const options: ts.CompilerOptions = {
		target: ts.ScriptTarget.ES2020,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		lib: ["lib.es2021.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		types: [],
		baseUrl: "/",
		paths: { obsidian: [obsidianDts] },
	};
	const host = ts.createCompilerHost(options, true);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
		if (!fileName.endsWith(".d.ts")) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
		let source = declarationCache.get(fileName);
		if (!source) {
			source = getSourceFile(fileName, languageVersion, onError, shouldCreate);
			if (source) declarationCache.set(fileName, source);
		}
		return source;
	};
	// Only the project's own modules and obsidian are read: other packages' types (CodeMirror, …) do not
	// decide which Obsidian API a name is, and skipping them keeps the gate fast.
	host.resolveModuleNameLiterals = (literals, containingFile) =>
		literals.map((literal) => {
			const name = literal.text;
			if (name === "obsidian") return { resolvedModule: { resolvedFileName: obsidianDts, extension: ts.Extension.Dts, isExternalLibraryImport: true } };
			if (!name.startsWith(".")) return { resolvedModule: undefined };
			return ts.resolveModuleName(name, containingFile, options, host);
		});
	return ts.createProgram({ rootNames: [...files], options, host });
}

function isNamedDeclaration(node: ts.Node): boolean {
	return (
		ts.isClassDeclaration(node) ||
		ts.isInterfaceDeclaration(node) ||
		ts.isFunctionDeclaration(node) ||
		ts.isMethodDeclaration(node) ||
		ts.isMethodSignature(node) ||
		ts.isPropertyDeclaration(node) ||
		ts.isPropertySignature(node) ||
		ts.isVariableDeclaration(node) ||
		ts.isEnumDeclaration(node) ||
		ts.isGetAccessorDeclaration(node) ||
		ts.isSetAccessorDeclaration(node)
	);
}

/** Every name obsidian.d.ts declares (classes, functions, members); other identifiers need no lookup. */
const declaredNamesCache = new Map<string, Set<string>>();
function declaredNames(source: ts.SourceFile): Set<string> {
	let names = declaredNamesCache.get(source.fileName);
	if (names) return names;
	const found = new Set<string>();
	const visit = (node: ts.Node): void => {
		const name = (node as ts.NamedDeclaration).name;
		if (name && ts.isIdentifier(name) && isNamedDeclaration(node)) found.add(name.text);
		ts.forEachChild(node, visit);
	};
	visit(source);
	names = found;
	declaredNamesCache.set(source.fileName, names);
	return names;
}

/**
 * Every run-time use of an Obsidian API in `files` (the project's src/*.ts), one entry per use.
 * `obsidianDts` is the path of the `obsidian` package's obsidian.d.ts, whose `@since` tags give the versions.
 */
export function scanApiUses(files: readonly string[], obsidianDts: string, program = createProgram(files, obsidianDts)): ApiUse[] {
	const checker = program.getTypeChecker();
	const dts = ts.sys.resolvePath(obsidianDts).replace(/\\/g, "/");
	const wanted = new Set(files.map((file) => ts.sys.resolvePath(file).replace(/\\/g, "/")));
	const uses: ApiUse[] = [];
	const dtsSource = program.getSourceFile(dts) ?? program.getSourceFiles().find((source) => source.fileName === dts);
	const names = dtsSource ? declaredNames(dtsSource) : new Set<string>();
	for (const source of program.getSourceFiles()) {
		if (!wanted.has(source.fileName)) continue;
		const visit = (node: ts.Node): void => {
			if (ts.isIdentifier(node) && names.has(node.text) && !isTypeOnly(node)) {
				const parent = node.parent;
				const declared = parent && (ts.isDeclarationStatement(parent) || ts.isClassElement(parent) || ts.isPropertyAssignment(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isBindingElement(parent) || ts.isPropertySignature(parent) || ts.isImportSpecifier(parent)) && (parent as ts.NamedDeclaration).name === node;
				if (!declared) record(node);
			}
			ts.forEachChild(node, visit);
		};
		const record = (node: ts.Identifier): void => {
			let symbol = checker.getSymbolAtLocation(node);
			if (!symbol) return;
			if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
			const declarations = symbol.declarations ?? [];
			// A built-in that obsidian.d.ts only augments (Math, String.startsWith) is not an Obsidian API.
			if (declarations.some((declaration) => declaration.getSourceFile().fileName !== dts)) return;
			for (const declaration of declarations) {
				const since = sinceOf(declaration);
				const name = symbol.getName();
				uses.push({ api: apiName(declaration, symbol), since, file: source.fileName, line: lineOf(node), guarded: isGuarded(node, [name], since ?? undefined) });
				return;
			}
		};
		visit(source);
	}
	return uses;
}

function moduleSpecifierOf(node: ts.Node): { specifier: string; at: ts.Node } | null {
	if (ts.isImportDeclaration(node) && node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword && ts.isStringLiteral(node.moduleSpecifier)) return { specifier: node.moduleSpecifier.text, at: node };
	if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
		const callee = node.expression;
		if ((ts.isIdentifier(callee) && callee.text === "require") || callee.kind === ts.SyntaxKind.ImportKeyword) return { specifier: node.arguments[0].text, at: node };
	}
	return null;
}

/** What in the source only works in the desktop app: Node/Electron modules, FileSystemAdapter, getBasePath. */
export function scanDesktopNeeds(sources: readonly { file: string; text: string }[]): CodeFinding[] {
	const findings: CodeFinding[] = [];
	for (const { file, text } of sources) {
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		const visit = (node: ts.Node): void => {
			const module = moduleSpecifierOf(node);
			if (module && isNodeModule(module.specifier)) {
				findings.push({ kind: "node-module", what: module.specifier, file, line: lineOf(node), guarded: ts.isImportDeclaration(node) ? false : isGuarded(node, DESKTOP_GUARDS) });
			}
			if (ts.isIdentifier(node) && (node.text === "FileSystemAdapter" || node.text === "getBasePath" || node.text === "getFullPath") && !isTypeOnly(node)) {
				findings.push({ kind: "desktop-api", what: node.text, file, line: lineOf(node), guarded: isGuarded(node, DESKTOP_GUARDS) });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return findings;
}

function hasLookbehind(pattern: string): boolean {
	return /\(\?<[=!]/.test(pattern);
}

/** Whether an identifier is a reference to a variable (not a property name, key or declaration). */
function isReference(node: ts.Identifier): boolean {
	const parent = node.parent;
	if (!parent) return true;
	if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
	if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
	if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
	return true;
}

/** What in a bundled main.js breaks on mobile (see the file comment). `file` names it in findings. */
export function scanMobileHazards(code: string, file = "main.js"): CodeFinding[] {
	const findings: CodeFinding[] = [];
	const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
	const visit = (node: ts.Node): void => {
		const module = moduleSpecifierOf(node);
		if (module && isNodeModule(module.specifier)) {
			findings.push({ kind: "node-module", what: `require("${module.specifier}")`, file, line: lineOf(node), guarded: false });
		}
		if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && hasLookbehind(node.getText())) {
			findings.push({ kind: "lookbehind", what: node.getText().slice(0, 80), file, line: lineOf(node), guarded: false });
		}
		if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp") {
			const first = node.arguments?.[0];
			if (first && ts.isStringLiteralLike(first) && hasLookbehind(first.text)) {
				findings.push({ kind: "lookbehind", what: `RegExp(${JSON.stringify(first.text).slice(0, 80)})`, file, line: lineOf(node), guarded: false });
			}
		}
		if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && isReference(node)) {
			findings.push({ kind: "node-global", what: node.text, file, line: lineOf(node), guarded: isGuarded(node, [node.text]) });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return findings;
}
