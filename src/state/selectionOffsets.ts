/**
 * From a selection in the article pane to offsets in the document
 * ===============================================================
 *
 * The pane renders every character of the article as `text.slice` of it,
 * in runs (a sentence's lead, plain runs, mention names), each run tagged
 * with the document offset it starts at. A point of the DOM selection is a
 * run plus how many characters into it; the document offset is their sum.
 * The DOM side (finding the run) is ui/addRelation/domSelection.ts.
 */

/** Where each run starts in the document, given where the first does and the runs' texts. */
export function runStarts(start: number, texts: readonly string[]): number[] {
  const starts: number[] = [];
  let at = start;
  for (const text of texts) {
    starts.push(at);
    at += text.length;
  }
  return starts;
}

/** One end of a selection: the run's start in the document and how far into the run. */
export interface RunPoint {
  runStart: number;
  /** Characters into the run (clamped to the run's length). */
  offset: number;
  runLength: number;
}

export const documentOffset = (point: RunPoint): number => point.runStart + Math.max(0, Math.min(point.offset, point.runLength));

/**
 * The document span between two selection ends (in either order: a
 * selection made backwards has its anchor after its focus), with white
 * space at either end left out. Null when nothing but white space is selected.
 */
export function selectedSpan(text: string, a: RunPoint, b: RunPoint): { start: number; end: number } | null {
  let start = Math.min(documentOffset(a), documentOffset(b));
  let end = Math.max(documentOffset(a), documentOffset(b));
  end = Math.min(end, text.length);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

const WORD = /[\p{L}\p{N}]/u;
/** A letter or digit, or an apostrophe between two ("didn’t" is one word). */
function inWord(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  if (WORD.test(ch)) return true;
  return (ch === '’' || ch === "'") && WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? '');
}

/**
 * Where the moving end of a keyboard selection goes on Shift+arrow: one
 * character, or (with Ctrl) to the end of the next word going forward, the
 * start of the previous word going back. Clamped to the text.
 */
export function stepOffset(text: string, offset: number, forward: boolean, byWord: boolean): number {
  if (!byWord) return Math.max(0, Math.min(text.length, offset + (forward ? 1 : -1)));
  let i = offset;
  if (forward) {
    while (i < text.length && !inWord(text, i)) i++;
    while (i < text.length && inWord(text, i)) i++;
  } else {
    while (i > 0 && !inWord(text, i - 1)) i--;
    while (i > 0 && inWord(text, i - 1)) i--;
  }
  return i;
}
