/**
 * Edit feedback — the analyst's edits, announced
 * ==============================================
 *
 * Every review control goes through `useEditActions`: it applies the edit
 * (editsContext.ts) and, when it was made, says what was done in the page's
 * polite live region (EditFeedback.tsx), so a screen-reader user hears
 * "Accepted: Russia sanctioned Ukraine" or "Undone: …" without moving.
 */

import { createContext, useContext } from 'react';
import type { Dataset, Edit } from '../../model/index.ts';
import { describeEdit } from '../../model/review/index.ts';
import { useEdits } from './editsContext.ts';

/** Says `message` in the live region (a no-op outside EditFeedback). */
export const AnnounceContext = createContext<(message: string) => void>(() => {});

export interface EditActions {
  /** Applies `edit` (described against `dataset`, the data it names); null when done, else the reason it was refused. */
  apply: (edit: Edit, dataset: Dataset) => string | null;
  undo: () => string | null;
  redo: () => string | null;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** The edits with their announcements; null where the data cannot be edited (corpus mode). */
export function useEditActions(): EditActions | null {
  const edits = useEdits();
  const announce = useContext(AnnounceContext);
  if (!edits) return null;
  return {
    apply: (edit, dataset) => {
      // Described before it is made: a rejected relation is no longer in the shown data afterwards.
      const words = describeEdit(dataset, edit);
      const reason = edits.apply(edit);
      if (reason === null && edits.answersLater !== true) announce(words);
      return reason;
    },
    undo: () => undoRedo(edits.undo, edits.undoLabel, 'Undone', announce, edits.answersLater === true),
    redo: () => undoRedo(edits.redo, edits.redoLabel, 'Redone', announce, edits.answersLater === true),
    undoLabel: edits.undoLabel,
    redoLabel: edits.redoLabel,
  };
}

/** One undo or redo, announced either way (a key press has no other place to show a refusal); one answered later is announced by its sender. */
export function undoRedo(step: () => string | null, label: string | null, done: string, announce: (message: string) => void, answersLater = false): string | null {
  const reason = step();
  if (reason !== null) announce(`Nothing changed: ${reason}.`);
  else if (!answersLater) announce(`${done}: ${label ?? 'the last edit'}`);
  return reason;
}
