/** Obsidian's Component and Events, with the same lifecycle rules: unload runs every registered cleanup once. */
export interface EventRef {
	readonly events: Events;
	readonly name: string;
	readonly callback: (...data: unknown[]) => unknown;
	readonly ctx?: unknown;
}

export class Events {
	private handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { events: this, name, callback: callback as (...data: unknown[]) => unknown, ctx };
		const list = this.handlers.get(name) ?? [];
		list.push(ref);
		this.handlers.set(name, list);
		return ref;
	}

	off(name: string, callback: (...data: never[]) => unknown): void {
		const list = this.handlers.get(name);
		if (!list) return;
		this.handlers.set(name, list.filter((ref) => ref.callback !== (callback as unknown)));
	}

	offref(ref: EventRef): void {
		const list = this.handlers.get(ref.name);
		if (!list) return;
		this.handlers.set(ref.name, list.filter((r) => r !== ref));
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.callback.apply(ref.ctx, data);
	}

	tryTrigger(ref: EventRef, data: unknown[]): void {
		ref.callback.apply(ref.ctx, data);
	}

	/** Test helper: how many handlers are registered for `name`. */
	listenerCount(name: string): number {
		return this.handlers.get(name)?.length ?? 0;
	}
}

export class Component {
	_loaded = false;
	private children: Component[] = [];
	private cleanups: (() => unknown)[] = [];

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		this.onload();
		for (const child of this.children) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		for (const child of this.children.splice(0)) child.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		this.children.push(component);
		if (this._loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		const i = this.children.indexOf(component);
		if (i >= 0) {
			this.children.splice(i, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.events.offref(ref));
	}

	registerDomEvent(el: EventTarget, type: string, callback: (ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		el.addEventListener(type, callback, options);
		this.register(() => el.removeEventListener(type, callback, options));
	}

	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
}
