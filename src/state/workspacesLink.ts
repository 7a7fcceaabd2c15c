/**
 * A dataset carried in a link
 * ===========================
 *
 * Copy link on the user's own data (not the seed) puts the dataset itself in
 * the URL fragment, so the recipient opens the same graph with no server:
 *
 *   https://host/path#data=PAYLOAD&sel=node%3Arussia&…
 *
 * PAYLOAD is the dataset JSON compressed with deflate-raw (the browser's
 * CompressionStream) and written base64url without padding (RFC 4648 §5);
 * the view parameters (shareableView.ts) follow unchanged. The fragment never
 * leaves the recipient's browser: no server sees the data.
 *
 * A whole link holds at most `DATA_LINK_MAX_CHARS` (32 KB): chat apps, mail
 * clients and link shorteners cut or refuse longer ones. Past that the link
 * is not made and the user is told the recipient will not have the data.
 * Reading is defensive, since a link is untrusted text: its length, the
 * alphabet, the decompression (stopped past `LINK_DATA_MAX_JSON_BYTES`, so a
 * small crafted link cannot inflate to gigabytes) and UTF-8 are checked here,
 * each failure one problem with its fix; the JSON then goes through the same
 * parser and validation gate as an imported file.
 */

import type { Dataset, Problem } from '../model/index.ts';

/** The fragment parameter that carries the data. */
export const DATA_PARAM = 'data';

/** The longest link Copy link makes: 32 KB (32,768 characters, all ASCII). */
export const DATA_LINK_MAX_CHARS = 32 * 1024;

/** The most JSON a link may decompress to (a 32 KB link of real data holds a few hundred KB). */
export const LINK_DATA_MAX_JSON_BYTES = 8 * 1024 * 1024;

const CODEC: CompressionFormat = 'deflate-raw';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUE = new Map<string, number>(Array.from(BASE64URL, (character, value) => [character, value]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64URL[a >> 2]! + BASE64URL[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += BASE64URL[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += BASE64URL[c & 63]!;
  }
  return out;
}

/** The bytes of unpadded base64url text, or null when it is not (a foreign character, or an impossible length). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let filled = 0;
  let buffer = 0;
  let bits = 0;
  for (const character of text) {
    const value = BASE64URL_VALUE.get(character);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[filled++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** All of a byte stream, or null (and the stream cancelled) once it passes `maxBytes`. */
async function readAtMost(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
}

/** Pipes bytes through a (de)compressor; lib.dom types their writable side as BufferSource, which a byte stream is. */
function through(stream: ReadableStream<Uint8Array>, codec: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return stream.pipeThrough(codec as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/**
 * The dataset as a link payload, or null when the payload alone would be
 * longer than `maxChars` (compression stops there: a 25 MB corpus is not
 * compressed whole only to be refused).
 */
export async function packDataset(dataset: Dataset, maxChars = DATA_LINK_MAX_CHARS): Promise<string | null> {
  const json = new TextEncoder().encode(JSON.stringify(dataset));
  const compressed = await readAtMost(through(streamOf(json), new CompressionStream(CODEC)), Math.floor((maxChars * 3) / 4));
  return compressed === null ? null : toBase64Url(compressed);
}

/** The fragment's view parameters without the data, as written (`sel=…&rel=…`). */
export function hashWithoutData(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  params.delete(DATA_PARAM);
  return params.toString();
}

/** The data payload a fragment carries, or null when it carries none. */
export function linkPayload(hash: string): string | null {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get(DATA_PARAM);
}

export type DataLink = { kind: 'fits'; link: string } | { kind: 'too-large'; limit: number };

/**
 * The link to share: the page's address, the payload first (so a cut link
 * loses view parameters before data), then the view. Too large when the
 * payload is missing (it did not fit) or the whole passes `maxChars`.
 */
export function composeDataLink(address: string, hash: string, payload: string | null, maxChars = DATA_LINK_MAX_CHARS): DataLink {
  if (payload === null) return { kind: 'too-large', limit: maxChars };
  const view = hashWithoutData(hash);
  const link = `${address}#${DATA_PARAM}=${payload}${view === '' ? '' : `&${view}`}`;
  return link.length <= maxChars ? { kind: 'fits', link } : { kind: 'too-large', limit: maxChars };
}

export type LinkData = { ok: true; text: string } | { ok: false; problem: Problem };

const WHERE = `#${DATA_PARAM}`;
const RECOPY = 'copy the whole link again (some apps cut long links), or ask for the dataset as a file and import it';

function refused(code: string, message: string, fix: string): LinkData {
  return { ok: false, problem: { code, path: WHERE, message, fix } };
}

/** The JSON text a link's payload holds, or the one problem that stops it being read. */
export async function unpackLinkData(payload: string): Promise<LinkData> {
  if (payload.length > DATA_LINK_MAX_CHARS) {
    return refused(
      'limit-exceeded',
      `the link's data is ${payload.length.toLocaleString('en-US')} characters, more than the ${DATA_LINK_MAX_CHARS.toLocaleString('en-US')} a newsgraph link carries`,
      'ask for the dataset as a file (Export ▸ newsgraph dataset JSON) and import it',
    );
  }
  const bytes = fromBase64Url(payload);
  if (bytes === null || bytes.length === 0) {
    return refused('invalid-value', "the link's data is not base64url text (it holds characters, or a length, that a newsgraph link never has)", RECOPY);
  }
  let json: Uint8Array | null;
  try {
    json = await readAtMost(through(streamOf(bytes), new DecompressionStream(CODEC)), LINK_DATA_MAX_JSON_BYTES);
  } catch {
    return refused('invalid-value', "the link's data is damaged: it does not decompress (it was cut short or changed)", RECOPY);
  }
  if (json === null) {
    return refused(
      'limit-exceeded',
      `the link's data decompresses to more than ${LINK_DATA_MAX_JSON_BYTES / (1024 * 1024)} MB, more than any newsgraph link holds`,
      'ask for the dataset as a file (Export ▸ newsgraph dataset JSON) and import it',
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(json) };
  } catch {
    return refused('binary-file', "the link's data is not UTF-8 text", RECOPY);
  }
}
