import type { Dataset, Edit, HistoryEntry } from '../schema.ts';
import { problemWithChanges } from './check.ts';
import { describeEdit } from './describe.ts';
import { Draft } from './draft.ts';
import { addAlias, mergeEntities, renameEntity, retypeEntity, splitEntity } from './entityEdits.ts';
import { accept, addRelation, correct, reject, restore } from './relationEdits.ts';

/** An edit applied (the new dataset, its history entry appended), or refused with the reason in one sentence and nothing changed. */
export type EditOutcome = { ok: true; dataset: Dataset; entry: HistoryEntry } | { ok: false; reason: string };

/** Makes the edit on the draft; returns the reason it is refused, if it is. */
function make(draft: Draft, edit: Edit): string | undefined {
  switch (edit.kind) {
    case 'accept':
      return accept(draft, edit);
    case 'reject':
      return reject(draft, edit);
    case 'restore':
      return restore(draft, edit);
    case 'correct':
      return correct(draft, edit);
    case 'add-relation':
      return addRelation(draft, edit);
    case 'merge-entities':
      return mergeEntities(draft, edit);
    case 'split-entity':
      return splitEntity(draft, edit);
    case 'rename-entity':
      return renameEntity(draft, edit);
    case 'retype-entity':
      return retypeEntity(draft, edit);
    case 'add-alias':
      return addAlias(draft, edit);
  }
}

/**
 * Applies `edit` to `dataset`: a new dataset (the input is not modified)
 * whose history gains the entry at `position` (a redo tail is dropped), or
 * the reason it is refused (unknown id, merge into itself, a sentence that
 * does not name both ends, an unknown type, …). `at`: the entry's time.
 */
export function applyEdit(dataset: Dataset, edit: Edit, at: Date = new Date()): EditOutcome {
  const draft = new Draft(dataset);
  const refusal = make(draft, edit);
  if (refusal !== undefined) return { ok: false, reason: refusal };
  const { entities, relations, changes } = draft.finish();
  const next: Dataset = { ...dataset, entities, relations };
  const problem = problemWithChanges(next, draft.changedEntityIds(), draft.changedRelationIds());
  if (problem !== undefined) return { ok: false, reason: problem };
  // Labelled against the dataset before the edit, whose names the analyst saw when asking for it.
  const entry: HistoryEntry = { edit, label: describeEdit(dataset, edit), at: at.toISOString(), changes };
  const history = dataset.history ?? { entries: [], position: 0 };
  next.history = { entries: [...history.entries.slice(0, history.position), entry], position: history.position + 1 };
  return { ok: true, dataset: next, entry };
}
