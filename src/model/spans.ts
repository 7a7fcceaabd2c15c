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

const TERMINAL = /[.!?…]/;
const CLOSERS = /[”’"')\]»]/;

/** True when `start` may begin a sentence: the text start, a line start, or after terminal punctuation and white space. */
export function isSentenceStart(text: string, start: number): boolean {
  if (start === 0) return true;
  if (start > text.length || /\s/.test(text[start] ?? '')) return false;
  let i = start - 1;
  if (!/\s/.test(text[i] ?? '')) return false;
  while (i >= 0 && /\s/.test(text[i]!)) {
    if (text[i] === '\n') return true;
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
  return end === text.length || text[end] === '\n';
}

/** True when `inner` lies wholly within `outer` in the same document. */
export function spanContains(outer: Span, inner: Span): boolean {
  return outer.document === inner.document && inner.start >= outer.start && inner.end <= outer.end;
}
