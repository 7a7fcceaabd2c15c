/**
 * The article pane's DOM selection as document offsets
 * ====================================================
 *
 * Every run of article text is an element with `data-at` = its start in the
 * document (ArticlePane). A selection end inside a run is that start plus
 * the characters before it in the run; an end between elements (a triple
 * click, a selection ending at a paragraph) takes the next run's start.
 * The arithmetic is state/selectionOffsets.ts.
 */

import { documentOffset, selectedSpan, stepOffset, type RunPoint } from '../../state/selectionOffsets.ts';

const RUN = '[data-at]';

function runPoint(node: Node, offset: number, body: HTMLElement): RunPoint | null {
  const element = node instanceof Element ? node : node.parentElement;
  const run = element?.closest<HTMLElement>(RUN);
  if (run && body.contains(run)) {
    const before = document.createRange();
    before.selectNodeContents(run);
    before.setEnd(node, offset);
    return { runStart: Number(run.dataset.at), offset: before.toString().length, runLength: run.textContent?.length ?? 0 };
  }
  // Between elements: the first run that starts at or after the point, else the end of the last.
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  const runs = [...body.querySelectorAll<HTMLElement>(RUN)];
  const next = runs.find((r) => point.comparePoint(r, 0) >= 0);
  if (next) return { runStart: Number(next.dataset.at), offset: 0, runLength: next.textContent?.length ?? 0 };
  const last = runs.at(-1);
  if (!last) return null;
  const length = last.textContent?.length ?? 0;
  return { runStart: Number(last.dataset.at), offset: length, runLength: length };
}

/** The document span the range selects inside `body` (white space trimmed), or null when it selects nothing there. */
export function spanOfRange(range: Range, body: HTMLElement, text: string): { start: number; end: number } | null {
  if (range.collapsed) return null;
  const a = runPoint(range.startContainer, range.startOffset, body);
  const b = runPoint(range.endContainer, range.endOffset, body);
  return a && b ? selectedSpan(text, a, b) : null;
}

/** The DOM point (a run's text node and an offset in it) of document offset `offset`; null when no run holds it. */
function domPoint(body: HTMLElement, offset: number): [Node, number] | null {
  for (const run of body.querySelectorAll<HTMLElement>(RUN)) {
    const at = Number(run.dataset.at);
    const length = run.textContent?.length ?? 0;
    if (run.firstChild && offset >= at && offset <= at + length) return [run.firstChild, offset - at];
  }
  return null;
}

/**
 * Shift+arrows from a focused name: the first press selects the name, the
 * next move the selection's far end by a character (with Ctrl, a word).
 * Done on document offsets and set back as a DOM selection, because the
 * browser's own selection moves stop at the names (they are buttons).
 */
export function extendSelectionFrom(name: HTMLElement, body: HTMLElement, text: string, forward: boolean, byWord: boolean): void {
  const selection = window.getSelection();
  if (!selection) return;
  const nameStart = Number(name.dataset.at);
  const nameEnd = nameStart + (name.textContent?.length ?? 0);
  let anchor = forward ? nameStart : nameEnd;
  let focus = forward ? nameEnd : nameStart;
  const current = selection.rangeCount > 0 && !selection.isCollapsed && selection.anchorNode && selection.focusNode && body.contains(selection.anchorNode);
  if (current) {
    const a = runPoint(selection.anchorNode!, selection.anchorOffset, body);
    const f = runPoint(selection.focusNode!, selection.focusOffset, body);
    if (a && f) {
      anchor = documentOffset(a);
      focus = stepOffset(text, documentOffset(f), forward, byWord);
    }
  }
  const from = domPoint(body, anchor);
  const to = domPoint(body, focus);
  if (from && to) selection.setBaseAndExtent(from[0], from[1], to[0], to[1]);
}
