/**
 * UndoRedoButtons — the data toolbar's Undo and Redo
 * ==================================================
 *
 * Disabled when there is nothing to undo or redo; each one's title names the
 * step it would take ("Undo: Rejected: Russia sanctioned Ukraine"). Absent
 * where the data cannot be edited (corpus mode).
 */

import type { ReactElement } from 'react';
import './review.css';
import { useEditActions } from './editFeedback.ts';

export function UndoRedoButtons(): ReactElement | null {
  const actions = useEditActions();
  if (!actions) return null;
  const { undoLabel, redoLabel } = actions;
  return (
    // Icons only, named by aria-label and title: the header has no room for two more words.
    <span className="undo-redo" role="group" aria-label="Edits">
      <button
        type="button"
        className="tool-button"
        disabled={undoLabel === null}
        title={undoLabel === null ? 'Nothing to undo' : `Undo: ${undoLabel}`}
        aria-label="Undo"
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => actions.undo()}
        data-testid="undo-button"
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="tool-button"
        disabled={redoLabel === null}
        title={redoLabel === null ? 'Nothing to redo' : `Redo: ${redoLabel}`}
        aria-label="Redo"
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        onClick={() => actions.redo()}
        data-testid="redo-button"
      >
        <span aria-hidden="true">↷</span>
      </button>
    </span>
  );
}
