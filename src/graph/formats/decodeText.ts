/**
 * Bytes → text, for every text format newsgraph reads
 * ===================================================
 *
 * CSV, dataset JSON, graphology JSON, GEXF, GraphML and `.txt` articles all
 * come in as bytes and go through `decodeText`, in the CLI and in the browser:
 *
 *  - valid UTF-8 is decoded as UTF-8; a UTF-8 byte-order mark is dropped;
 *  - otherwise (typically a CSV saved by an old spreadsheet in Latin-1 /
 *    Windows-1252) every valid UTF-8 sequence is still read as UTF-8 and every
 *    byte that is not part of one is read as Windows-1252 (the WHATWG mapping:
 *    0x80 → €, 0x93 → “, 0xE9 → é), with one warning naming the file, the
 *    line and column of the first such byte, how many there were, and the
 *    fix: save the file as UTF-8. A pure Latin-1 file thus reads exactly as
 *    Windows-1252, and a UTF-8 file with a stray pasted byte keeps its UTF-8
 *    characters instead of turning them all into mojibake;
 *  - a file with NUL bytes (UTF-16, or not text at all) is decoded as UTF-8
 *    with replacement characters exactly as before, no warning: the loaders
 *    already say "looks like UTF-16, save as UTF-8" or "binary file" for it,
 *    and a Windows-1252 reading would only hide that.
 *
 * Lines and columns count as every other message does: 1-based, a line ends
 * at LF, a column counts UTF-16 code units of the decoded text.
 */

import type { Problem } from '../../model/index.ts';

export interface DecodedText {
  text: string;
  warnings: Problem[];
}

/** Windows-1252 0x80–0x9F (the rest of the byte range is Latin-1 = the code point itself). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

let strictDecoder: TextDecoder | undefined;
let lossyDecoder: TextDecoder | undefined;

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  strictDecoder ??= new TextDecoder('utf-8', { fatal: true });
  try {
    // Drops a UTF-8 byte-order mark (ignoreBOM is false by default).
    return { text: strictDecoder.decode(bytes), warnings: [] };
  } catch {
    // Not valid UTF-8: see below.
  }
  if (bytes.includes(0)) {
    // UTF-16 or binary: what it always was, so the loaders' own checks name it.
    lossyDecoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
    return { text: lossyDecoder.decode(bytes), warnings: [] };
  }
  return decodeMixed(bytes, file);
}

/** Length of the valid UTF-8 sequence starting at `i` (WHATWG rules: no overlongs, no surrogates, ≤ U+10FFFF), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** One linear pass: UTF-8 sequences as UTF-8, any other byte as Windows-1252. */
function decodeMixed(bytes: Uint8Array, file: string): DecodedText {
  // At most one UTF-16 code unit per input byte (a 4-byte sequence gives 2).
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  let lineStart = 0;
  let bad = 0;
  let first: { line: number; column: number; byte: number } | undefined;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) {
        line++;
        lineStart = n + 1;
      }
      units[n++] = b;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (!first) first = { line, column: n - lineStart + 1, byte: b };
      bad++;
      units[n++] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b;
      i++;
      continue;
    }
    let code: number;
    if (length === 2) code = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
    else if (length === 3) code = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
    else code = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
    if (code > 0xffff) {
      code -= 0x10000;
      units[n++] = 0xd800 + (code >> 10);
      units[n++] = 0xdc00 + (code & 0x3ff);
    } else {
      units[n++] = code;
    }
    i += length;
  }
  const text = unitsToString(units, n);
  const where = first!;
  const hex = `0x${where.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const warning: Problem = {
    code: 'invalid-value',
    path: '',
    line: where.line,
    column: where.column,
    value: `${hex} read as ${String.fromCharCode(where.byte >= 0x80 && where.byte <= 0x9f ? WINDOWS_1252_HIGH[where.byte - 0x80]! : where.byte)}`,
    message: `${file} is not valid UTF-8 (byte ${hex} here${bad > 1 ? `, ${bad} bytes in all` : ''}); ${bad > 1 ? 'those bytes were' : 'it was'} read as Windows-1252 (Latin-1), so check accented letters and quote marks came through`,
    fix: 'save the file as UTF-8 (in a spreadsheet: "CSV UTF-8"; in an editor: "Save with encoding" → UTF-8) and open it again',
  };
  return { text, warnings: [warning] };
}

function unitsToString(units: Uint16Array, length: number): string {
  const CHUNK = 0x2000;
  const parts: string[] = [];
  for (let start = 0; start < length; start += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}
