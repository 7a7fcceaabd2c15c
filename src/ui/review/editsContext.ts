/**
 * The analyst's edits, as the explorer's parts reach them
 * =======================================================
 *
 * The data shell owns the dataset, so it owns editing it: it provides this
 * context, and any panel (a relation card's review buttons, an entity's
 * tools, the article pane's "add relation") calls `apply` with an edit
 * (model/review). An edit is applied to the kept dataset, drawn at once with
 * every entity where it was, and saved like any change to the workspace.
 * Absent (null) where the data cannot be edited here: corpus mode, where the
 * server holds the data.
 */

import { createContext, useContext } from 'react';
import type { Edit } from '../../model/index.ts';

export interface Edits {
  /** Applies `edit`: null when done, else the one-sentence reason it was refused (and nothing changed). */
  apply: (edit: Edit) => string | null;
  /** Takes back the last edit: null when done, else why not. */
  undo: () => string | null;
  redo: () => string | null;
  /** What an undo or a redo would do, in words; null when there is nothing to undo or redo. */
  undoLabel: string | null;
  redoLabel: string | null;
  /**
   * The edit is sent to a server and its outcome said later, by whoever sent it (corpus mode: the notice line);
   * `apply` then returns null at once, and the controls do not announce it as done.
   */
  answersLater?: boolean;
}

export const EditsContext = createContext<Edits | null>(null);

export const useEdits = (): Edits | null => useContext(EditsContext);
