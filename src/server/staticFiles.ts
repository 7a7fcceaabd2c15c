/**
 * Serving the built app
 * =====================
 *
 * Files of `dist/` (vite build) and nothing else: a URL path is decoded,
 * split into segments, and refused (404) if any segment is empty-dot,
 * `..`, a dotfile or holds a backslash or NUL; the file found is then
 * resolved through symlinks and must still lie inside `dist/`. Only regular
 * files are served, with their content type.
 *
 * `index.html` gets `<meta name="newsgraph-corpus" content="api/">`: the
 * app reads it to know it is served with a corpus, and where the API is
 * (relative to the page).
 */

import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { compress, type Body } from './respond.ts';

export const CORPUS_META_TAG = '<meta name="newsgraph-corpus" content="api/">';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The app's HTML with the corpus meta tag, put first in <head> so it is there before any script runs. */
export function injectCorpusMeta(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${CORPUS_META_TAG}\n${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${CORPUS_META_TAG}${html.slice(at)}`;
}

/** The URL path as segments inside `dist/`, or undefined when it may not be served. */
export function safeSegments(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || /[\\\u0000]/.test(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return ['index.html'];
  for (const segment of segments) if (segment === '' || segment.startsWith('.')) return undefined;
  return segments;
}

interface Cached {
  mtimeMs: number;
  size: number;
  body: Body;
}

/** Reads files of one `dist/` folder, safely, with a small cache (the app's files change only on a rebuild). */
export class StaticFiles {
  private readonly cache = new Map<string, Cached>();

  private constructor(private readonly root: string) {}

  /** The folder, resolved; undefined when it holds no built app (no index.html). */
  static async open(dist: string): Promise<StaticFiles | undefined> {
    try {
      const root = await realpath(dist);
      if (!(await stat(join(root, 'index.html'))).isFile()) return undefined;
      return new StaticFiles(root);
    } catch {
      return undefined;
    }
  }

  /** The file for this URL path, or undefined (404). */
  async get(pathname: string): Promise<Body | undefined> {
    const segments = safeSegments(pathname);
    if (!segments) return undefined;
    let file: string;
    let info;
    try {
      file = await realpath(join(this.root, ...segments));
      if (!file.startsWith(this.root + sep)) return undefined;
      info = await stat(file);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const held = this.cache.get(file);
    if (held && held.mtimeMs === info.mtimeMs && held.size === info.size) return held.body;
    const name = segments[segments.length - 1]!;
    const type = TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
    let bytes = await readFile(file);
    const isIndex = segments.length === 1 && name === 'index.html';
    if (isIndex) bytes = Buffer.from(injectCorpusMeta(bytes.toString('utf8')));
    // Vite names built assets by content hash: they never change under a name.
    const cache = segments[0] === 'assets' && segments.length > 1 ? 'public, max-age=31536000, immutable' : 'no-cache';
    const body: Body = { bytes, type, cache };
    if (bytes.length >= 1024 && (type.startsWith('text/') || type.includes('json') || type.includes('svg'))) body.gzipped = await compress(bytes);
    this.cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
    return body;
  }
}
