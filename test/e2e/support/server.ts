/**
 * A tiny HTTP server on 127.0.0.1 (random port) for the host page: the page itself, the host script, the
 * plugin's main.js, manifest.json and styles.css (read from the project at request time, as Obsidian
 * reads them from the plugin folder), the host's theme CSS, and /host-config.json with the vault's notes.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { HOST_DIR, PLUGIN_DIR } from "./build";
import type { HostConfig } from "../host/config";

export type { HostConfig };

export interface ServeOptions {
	pluginJs: string;
	hostJs: string;
	config: HostConfig;
	/** 0 = any free port. */
	port?: number;
}

export interface RunningServer {
	url: string;
	server: Server;
	close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Conference Q&amp;A Glossary: browser host</title>
<link rel="stylesheet" href="/host.css">
<link rel="stylesheet" href="/styles.css">
</head>
<body class="theme-light">
<script src="/host.js"></script>
</body>
</html>
`;

type Route = () => { type: string; body: string };

export async function serveHost(options: ServeOptions): Promise<RunningServer> {
	const routes: Record<string, Route> = {
		"/": () => ({ type: "text/html; charset=utf-8", body: PAGE }),
		"/host.js": () => ({ type: "text/javascript; charset=utf-8", body: options.hostJs }),
		"/host.css": () => ({ type: "text/css; charset=utf-8", body: readFileSync(join(HOST_DIR, "host.css"), "utf8") }),
		"/main.js": () => ({ type: "text/javascript; charset=utf-8", body: options.pluginJs }),
		"/manifest.json": () => ({ type: "application/json; charset=utf-8", body: readFileSync(join(PLUGIN_DIR, "manifest.json"), "utf8") }),
		"/styles.css": () => ({ type: "text/css; charset=utf-8", body: readFileSync(join(PLUGIN_DIR, "styles.css"), "utf8") }),
		"/host-config.json": () => ({ type: "application/json; charset=utf-8", body: JSON.stringify(options.config) }),
	};
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
		if (path === "/favicon.ico") {
			res.writeHead(204).end();
			return;
		}
		const route = routes[path];
		if (req.method !== "GET" || !route) {
			res.writeHead(404, { "content-type": "text/plain" }).end("not found");
			return;
		}
		try {
			const { type, body } = route();
			res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
		} catch (error) {
			res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		server,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
