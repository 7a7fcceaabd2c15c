/**
 * Undo and redo, in words, from the corpus's history
 * ==================================================
 *
 * `GET /api/history` lists the corpus's edits oldest first and how many are
 * applied. Undo takes back the last applied one, redo makes the first undone
 * one again; their labels title the Undo and Redo buttons. Pure.
 */

import type { HistoryResponse } from '../../model/corpusApi.ts';

export interface HistoryLabels {
  undoLabel: string | null;
  redoLabel: string | null;
}

export const NO_HISTORY: HistoryLabels = { undoLabel: null, redoLabel: null };

export function historyLabels(history: HistoryResponse): HistoryLabels {
  const { entries, position } = history;
  const at = Math.min(Math.max(0, position), entries.length);
  return { undoLabel: at > 0 ? (entries[at - 1]?.label ?? null) : null, redoLabel: entries[at]?.label ?? null };
}
