/**
 * Writing responses
 * =================
 *
 * Every answer goes through here so that each has the security headers, a
 * correct content type and length, nothing past the size cap, and a body
 * only for GET (HEAD gets the same headers). JSON and text assets are
 * gzipped when the client accepts it and the body is big enough to gain;
 * compression runs off the main thread (zlib's pool), so one large answer
 * does not stall the others.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { CORPUS_LIMITS, type ApiError } from '../model/corpusApi.ts';
import { SECURITY_HEADERS } from './headers.ts';

const gzip = promisify(gzipCallback);

/** Smaller bodies gain too little from gzip to pay for it. */
const GZIP_MIN_BYTES = 1024;

export interface Body {
  bytes: Buffer;
  type: string;
  /** Cache-Control; `no-store` unless said. */
  cache?: string;
  /** Already gzipped (a cached static asset). */
  gzipped?: Buffer;
}

function acceptsGzip(request: IncomingMessage): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*($|,))[\d.]+)?\s*($|,)/i.test(header);
}

export async function compress(bytes: Buffer): Promise<Buffer> {
  return gzip(bytes, { level: bytes.length > 1_000_000 ? 1 : 6 });
}

export async function send(request: IncomingMessage, response: ServerResponse, status: number, body: Body): Promise<void> {
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': body.type, 'Cache-Control': body.cache ?? 'no-store' };
  let bytes = body.bytes;
  if (body.type.includes('json') || body.type.startsWith('text/') || body.type.includes('javascript') || body.type.includes('svg')) {
    headers.Vary = 'Accept-Encoding';
    if (bytes.length >= GZIP_MIN_BYTES && acceptsGzip(request)) {
      bytes = body.gzipped ?? (await compress(bytes));
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = bytes.length;
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/** An error as the API's one line, `{"error": "…"}`. */
export function sendError(request: IncomingMessage, response: ServerResponse, status: number, message: string, extraHeaders: Record<string, string> = {}): Promise<void> {
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  const error: ApiError = { error: message.replace(/\s*\n\s*/g, ' ') };
  return send(request, response, status, { bytes: Buffer.from(JSON.stringify(error)), type: 'application/json; charset=utf-8' });
}

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

/** A JSON answer, refused (`ResponseTooLargeError`) past `CORPUS_LIMITS.responseBytesMax`. */
export function jsonBody(value: unknown): Body {
  const bytes = Buffer.from(JSON.stringify(value));
  if (bytes.length > CORPUS_LIMITS.responseBytesMax) throw new ResponseTooLargeError(`the answer would be ${Math.ceil(bytes.length / 1_000_000)} MB`);
  return { bytes, type: 'application/json; charset=utf-8' };
}
