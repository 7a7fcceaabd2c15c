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

// The three character classes below are tested by UTF-16 code unit, as a
// regular expression without the u flag would, but without building a
// one-character string per test: the validator runs them twice per evidence span.

/** Terminal punctuation: . ! ? … and the Arabic question mark and full stop (Arabic and Urdu text). */
function isTerminal(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x061f || code === 0x06d4;
}

/** A line or paragraph break ends a paragraph, whether written LF, CRLF, CR or as a Unicode separator. */
function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** Closing quotes and brackets: ” ’ " ' ) ] » */
function isCloser(code: number): boolean {
  return code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d || code === 0xbb;
}

const WHITE_SPACE = /\s/;

/** What the regular expression /\s/ matches, for one code unit (NaN, past the text, is not white space). */
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === code && WHITE_SPACE.test(String.fromCharCode(code));
}

/** True when `start` may begin a sentence: the text start, a line start, or after terminal punctuation and white space. */
export function isSentenceStart(text: string, start: number): boolean {
  if (start === 0) return true;
  if (start > text.length || isWhiteSpace(text.charCodeAt(start))) return false;
  let i = start - 1;
  if (!isWhiteSpace(text.charCodeAt(i))) return false;
  while (i >= 0 && isWhiteSpace(text.charCodeAt(i))) {
    if (isLineBreak(text.charCodeAt(i))) return true;
    i--;
  }
  if (i < 0) return true;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  return i >= 0 && isTerminal(text.charCodeAt(i));
}

/** True when `end` (exclusive) may close a sentence: the text end, or terminal punctuation (maybe inside closing quotes) before white space. */
export function isSentenceEnd(text: string, end: number): boolean {
  if (end <= 0 || end > text.length) return false;
  if (end < text.length && !isWhiteSpace(text.charCodeAt(end))) return false;
  let i = end - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  if (i >= 0 && isTerminal(text.charCodeAt(i))) return true;
  // A paragraph may end without punctuation (headlines, list items).
  return end === text.length || isLineBreak(text.charCodeAt(end));
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
