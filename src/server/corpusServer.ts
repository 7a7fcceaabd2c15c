/**
 * The corpus server
 * =================
 *
 * `newsgraph serve`'s HTTP server (node:http, nothing else): the built app
 * from `dist/` and the JSON API over a `CorpusStore`. Read-only by
 * default: GET and HEAD (405 otherwise); a POST only to the edit paths
 * (editApi.ts), which write only when started with `allowEdits`.
 *
 * Loopback by default. A server bound to loopback also checks the Host
 * header, so a web page that rebinds its own domain name to 127.0.0.1
 * (DNS rebinding) cannot read the corpus through the user's browser.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NewsgraphError } from '../model/errors.ts';
import type { CorpusStore } from '../store/corpusStore.ts';
import { handleApi } from './api.ts';
import { isEditPath } from './editApi.ts';
import { send, sendError } from './respond.ts';
import { StaticFiles } from './staticFiles.ts';

export interface CorpusServerOptions {
  store: CorpusStore;
  /** The built app (vite build's `dist/`). */
  dist: string;
  host: string;
  /** 0: any free port (the real one is in `url`). */
  port: number;
  /** Where a line about an unexpected error goes (stderr). */
  log: (line: string) => void;
  /** Accept the edit endpoints' POSTs (`serve --allow-edits`); without it they answer 403. */
  allowEdits?: boolean;
}

export interface CorpusServer {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The server cannot start (no built app, port taken, no such address): one line with the fix. */
export class ServerStartError extends NewsgraphError {
  override name = 'ServerStartError';
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host part of a Host header, without the port ("[::1]:8080" → "::1"). */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1]!;
  return header.replace(/:\d+$/, '');
}

export async function startCorpusServer(options: CorpusServerOptions): Promise<CorpusServer> {
  const files = await StaticFiles.open(options.dist);
  if (!files) throw new ServerStartError(`the explorer app is not built (no ${options.dist}/index.html). Fix: run \`npm run build\` first (or \`npm run serve -- --db FILE\`, which builds it)`);
  const loopback = isLoopback(options.host);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // POST reaches the API only on its edit paths (editApi.ts), which refuse it unless started with --allow-edits.
    if (request.method !== 'GET' && request.method !== 'HEAD' && !(request.method === 'POST' && isEditPath((request.url ?? '').replace(/^\/api\/([^?#]*).*$/s, '$1')))) {
      return sendError(request, response, 405, `${String(request.method).slice(0, 20)} is not allowed: newsgraph serve only reads. Fix: use GET`, { Allow: 'GET, HEAD' });
    }
    if (loopback && !isLoopback(hostName(request.headers.host ?? ''))) {
      return sendError(request, response, 421, 'this server answers only requests addressed to localhost or 127.0.0.1. Fix: open the URL newsgraph serve printed');
    }
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return sendError(request, response, 400, 'the request URL cannot be read. Fix: check the address');
    }
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, options.store, url.pathname.slice('/api/'.length), url.searchParams, options.log, { allowEdits: options.allowEdits === true });
    const file = await files.get(url.pathname);
    if (!file) return sendError(request, response, 404, 'not found. Fix: open the address newsgraph serve printed');
    return send(request, response, 200, file);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(`newsgraph serve: internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  // Requests have no body to wait for but an edit's few kB: a slow client is cut off early.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ServerStartError(`port ${options.port} on ${options.host} is in use. Fix: give another --port, or --port 0 for any free one`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
        reject(new ServerStartError(`cannot listen on ${options.host}: no such address on this machine. Fix: leave --host out (127.0.0.1), or give an address of this machine`));
      else if (error.code === 'EACCES') reject(new ServerStartError(`not allowed to listen on port ${options.port}. Fix: use a port above 1023, or --port 0`));
      else reject(error);
    };
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
