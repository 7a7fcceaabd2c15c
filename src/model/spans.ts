/**
 * Spans
 * =====
 *
 * Reading and checking offsets into a document. A sentence boundary here is a
 * check, not a splitter: the evidence must start where a sentence can start
 * and end where a sentence can end, so a curator cannot quote half a sentence.
 */

import type { Span } from './schema.ts';

export function spanText(text: string, span: Pick<Span, 'start' | 'end'>): string {
  return text.slice(span.start, span.end);
}

// Arabic question mark and full stop end sentences in Arabic and Urdu text.
const TERMINAL = /[.!?…\u061F\u06D4]/;
// A line or paragraph break ends a paragraph, whether written LF, CRLF, CR or as a Unicode separator.
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const CLOSERS = /[”’"')\]»]/;

/** True when `start` may begin a sentence: the text start, a line start, or after terminal punctuation and white space. */
export function isSentenceStart(text: string, start: number): boolean {
  if (start === 0) return true;
  if (start > text.length || /\s/.test(text[start] ?? '')) return false;
  let i = start - 1;
  if (!/\s/.test(text[i] ?? '')) return false;
  while (i >= 0 && /\s/.test(text[i]!)) {
    if (LINE_BREAK.test(text[i]!)) return true;
    i--;
  }
  if (i < 0) return true;
  while (i >= 0 && CLOSERS.test(text[i]!)) i--;
  return i >= 0 && TERMINAL.test(text[i]!);
}

/** True when `end` (exclusive) may close a sentence: the text end, or terminal punctuation (maybe inside closing quotes) before white space. */
export function isSentenceEnd(text: string, end: number): boolean {
  if (end <= 0 || end > text.length) return false;
  if (end < text.length && !/\s/.test(text[end]!)) return false;
  let i = end - 1;
  while (i >= 0 && CLOSERS.test(text[i]!)) i--;
  if (i >= 0 && TERMINAL.test(text[i]!)) return true;
  // A paragraph may end without punctuation (headlines, list items).
  return end === text.length || LINE_BREAK.test(text[end]!);
}

/** True when `inner` lies wholly within `outer` in the same document. */
export function spanContains(outer: Span, inner: Span): boolean {
  return outer.document === inner.document && inner.start >= outer.start && inner.end <= outer.end;
}

const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;
const COMBINING = /^[\p{M}\u200D\u{1F3FB}-\u{1F3FF}]/u;

/**
 * Why an offset cuts a user-perceived character in two, or undefined when it
 * does not. Offsets count UTF-16 code units, so one emoji is two of them and
 * an accented letter may be two characters; a span must not start or end in
 * the middle, or the quoted text shows a broken glyph.
 */
export function characterSplitAt(text: string, offset: number): string | undefined {
  if (offset <= 0 || offset >= text.length) return undefined;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  // Fast path for the common case: nothing below U+0300 combines with what precedes it.
  if (at < 0x300 && before !== 0x200d) return undefined;
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return 'it falls between the two halves (UTF-16 surrogates) of one character';
  if (before === 0x200d) return 'it falls right after a zero-width joiner, inside a joined emoji sequence';
  const next = String.fromCodePoint(text.codePointAt(offset)!);
  if (COMBINING.test(next)) return `it separates a combining mark or modifier (U+${next.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) from the character it modifies`;
  if (REGIONAL_INDICATOR.test(next)) {
    // Flags are pairs of regional indicators: an odd count before the offset means it splits a pair.
    // Counting stops after 64, so a hostile run of a million flags costs no more than a short one.
    let count = 0;
    let i = offset;
    while (i >= 2 && count < 64 && REGIONAL_INDICATOR.test(text.slice(i - 2, i))) {
      count++;
      i -= 2;
    }
    if (count % 2 === 1) return 'it falls between the two letters of a flag emoji';
  }
  return undefined;
}
