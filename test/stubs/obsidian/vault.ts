/**
 * TAbstractFile, TFile, TFolder and an in-memory Vault that emits `create`, `modify`, `rename` and
 * `delete` the way Obsidian does: the event fires after the file table has changed, with the same
 * TFile object (a rename mutates `path`/`name`/`basename` in place and passes the old path).
 */
import { Events } from "./component";

export interface FileStats {
	ctime: number;
	mtime: number;
	size: number;
}

export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === "/";
	}
}

function baseName(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? path : path.slice(slash + 1);
}

function parentPath(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "/" : path.slice(0, slash);
}

function setFileName(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = baseName(path);
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
	}
}

export interface DataWriteOptions {
	ctime?: number;
	mtime?: number;
}

/** In-memory vault. Paths are vault-relative without a leading slash; the root folder is "/". */
export class Vault extends Events {
	private readonly root: TFolder;
	private readonly files = new Map<string, TAbstractFile>();
	private readonly contents = new Map<TFile, string>();
	private clock = 1;
	/** Test counters: how many reads went through `read` and `cachedRead`. */
	readCount = 0;

	constructor(private readonly vaultName = "Test vault") {
		super();
		this.root = new TFolder();
		this.root.vault = this;
		this.root.path = "/";
		this.root.name = "";
	}

	getName(): string {
		return this.vaultName;
	}

	getRoot(): TFolder {
		return this.root;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		if (path === "/" || path === "") return this.root;
		return this.files.get(path) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		const file = this.files.get(path);
		return file instanceof TFile ? file : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const file = this.getAbstractFileByPath(path);
		return file instanceof TFolder ? file : null;
	}

	getFiles(): TFile[] {
		return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [this.root, ...this.files.values()];
	}

	async read(file: TFile): Promise<string> {
		return this.cachedRead(file);
	}

	cachedRead(file: TFile): Promise<string> {
		this.readCount++;
		const text = this.contents.get(file);
		if (text === undefined) return Promise.reject(new Error(`File not found: ${file.path}`));
		return Promise.resolve(text);
	}

	/** Adds a file (and its folders) without events, as files that exist when Obsidian starts. */
	seed(path: string, data: string): TFile {
		if (this.files.has(path)) throw new Error(`File already exists: ${path}`);
		const file = new TFile();
		file.vault = this;
		setFileName(file, path);
		const now = this.clock++;
		file.stat = { ctime: now, mtime: now, size: data.length };
		this.attach(file, this.ensureFolder(parentPath(path), false));
		this.files.set(path, file);
		this.contents.set(file, data);
		return file;
	}

	async create(path: string, data: string): Promise<TFile> {
		const createdFolders = this.missingFolders(parentPath(path));
		const file = this.seed(path, data);
		for (const folder of createdFolders) this.trigger("create", this.files.get(folder));
		this.trigger("create", file);
		return file;
	}

	async createFolder(path: string): Promise<TFolder> {
		if (this.files.has(path)) throw new Error("Folder already exists.");
		const created = this.missingFolders(path);
		const folder = this.ensureFolder(path, false);
		for (const p of created) this.trigger("create", this.files.get(p));
		return folder;
	}

	async modify(file: TFile, data: string): Promise<void> {
		if (!this.contents.has(file)) throw new Error(`File not found: ${file.path}`);
		this.contents.set(file, data);
		file.stat = { ...file.stat, mtime: this.clock++, size: data.length };
		this.trigger("modify", file);
	}

	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const next = fn(this.contents.get(file) ?? "");
		await this.modify(file, next);
		return next;
	}

	async append(file: TFile, data: string): Promise<void> {
		await this.modify(file, (this.contents.get(file) ?? "") + data);
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		if (this.files.has(newPath)) throw new Error("Destination file already exists!");
		const oldPath = file.path;
		const moved = file instanceof TFolder ? this.descendants(file) : [];
		this.detach(file);
		this.files.delete(oldPath);
		setFileName(file, newPath);
		this.files.set(newPath, file);
		this.attach(file, this.ensureFolder(parentPath(newPath), true));
		// Obsidian renames children in place too and emits one `rename` per file, parent first.
		const childEvents: [TAbstractFile, string][] = [];
		for (const child of moved) {
			const childOld = child.path;
			this.files.delete(childOld);
			child.path = newPath + childOld.slice(oldPath.length);
			this.files.set(child.path, child);
			childEvents.push([child, childOld]);
		}
		this.trigger("rename", file, oldPath);
		for (const [child, childOld] of childEvents) this.trigger("rename", child, childOld);
	}

	async delete(file: TAbstractFile): Promise<void> {
		this.removeTree(file);
	}

	/** Obsidian moves the file to the trash; for the vault that is a delete. */
	async trash(file: TAbstractFile, _system = true): Promise<void> {
		this.removeTree(file);
	}

	/** Removes a file or folder (with its contents), emitting `delete` for each, children first. */
	removeTree(file: TAbstractFile): void {
		const gone = file instanceof TFolder ? [...this.descendants(file).reverse(), file] : [file];
		for (const f of gone) {
			this.detach(f);
			this.files.delete(f.path);
			if (f instanceof TFile) this.contents.delete(f);
			this.trigger("delete", f);
		}
	}

	/** Test helper: the current content of a file. */
	contentOf(file: TFile): string | undefined {
		return this.contents.get(file);
	}

	private descendants(folder: TFolder): TAbstractFile[] {
		const out: TAbstractFile[] = [];
		for (const child of folder.children) {
			out.push(child);
			if (child instanceof TFolder) out.push(...this.descendants(child));
		}
		return out;
	}

	private missingFolders(path: string): string[] {
		const missing: string[] = [];
		let p = path;
		while (p !== "/" && !this.files.has(p)) {
			missing.unshift(p);
			p = parentPath(p);
		}
		return missing;
	}

	private ensureFolder(path: string, emit: boolean): TFolder {
		if (path === "/" || path === "") return this.root;
		const existing = this.files.get(path);
		if (existing instanceof TFolder) return existing;
		if (existing) throw new Error(`Not a folder: ${path}`);
		const parent = this.ensureFolder(parentPath(path), emit);
		const folder = new TFolder();
		folder.vault = this;
		setFileName(folder, path);
		this.attach(folder, parent);
		this.files.set(path, folder);
		if (emit) this.trigger("create", folder);
		return folder;
	}

	private attach(file: TAbstractFile, parent: TFolder): void {
		file.parent = parent;
		parent.children.push(file);
	}

	private detach(file: TAbstractFile): void {
		const parent = file.parent;
		if (!parent) return;
		const i = parent.children.indexOf(file);
		if (i >= 0) parent.children.splice(i, 1);
	}
}
