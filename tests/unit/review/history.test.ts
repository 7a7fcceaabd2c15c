/**
 * The edit history: undo and redo step through it, a new edit drops the redo
 * tail, an out-of-step history refuses to undo (the data unchanged), the
 * validator reads `history` with paths into it, and the words of each step.
 */

import { describe, expect, it } from 'vitest';
import { applyEdit, canRedo, canUndo, describeEdit, redoEdit, redoLabel, undoEdit, undoLabel } from '../../../src/model/review/index.ts';
import type { Dataset, Edit } from '../../../src/model/schema.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { deepFreeze, reviewDataset, sentence, withoutHistory } from './reviewFixture.ts';

function apply(dataset: Dataset, edit: Edit): Dataset {
  const outcome = applyEdit(dataset, edit, new Date('2026-01-02T03:04:05Z'));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.dataset;
}
function ok(outcome: ReturnType<typeof undoEdit>): Dataset {
  if (!outcome?.ok) throw new Error(`not applied: ${outcome ? outcome.reason : 'null'}`);
  return outcome.dataset;
}

describe('undo and redo', () => {
  it('step back and forth through several edits, and a new edit drops the redo tail', () => {
    const d0 = deepFreeze(reviewDataset());
    expect(undoEdit(d0)).toBeNull();
    expect(redoEdit(d0)).toBeNull();
    const d1 = apply(d0, { kind: 'accept', relation: 'r1' });
    const d2 = apply(d1, { kind: 'merge-entities', into: 'zelensky', from: 'zelenskyy' });
    const d3 = apply(d2, { kind: 'split-entity', entity: 'russia', names: ['Moscow'] });
    expect(d3.history?.position).toBe(3);
    expect(canUndo(d3)).toBe(true);
    expect(canRedo(d3)).toBe(false);
    expect(undoLabel(d3)).toBe('Split Moscow off Russia');
    const u2 = ok(undoEdit(d3));
    const u1 = ok(undoEdit(u2));
    const u0 = ok(undoEdit(u1));
    expect(withoutHistory(u2)).toStrictEqual(withoutHistory(d2));
    expect(withoutHistory(u1)).toStrictEqual(withoutHistory(d1));
    expect(withoutHistory(u0)).toStrictEqual(withoutHistory(d0));
    expect(u0.history).toEqual({ entries: d3.history!.entries, position: 0 });
    expect(undoEdit(u0)).toBeNull();
    expect(redoLabel(u0)).toBe('Accepted: Russia sanctioned Ukraine');
    expect(ok(redoEdit(ok(redoEdit(ok(redoEdit(u0))))))).toStrictEqual(d3);

    const branch = apply(u1, { kind: 'reject', relation: 'r2' });
    expect(branch.history?.entries.map((e) => e.edit.kind)).toEqual(['accept', 'reject']);
    expect(branch.history?.position).toBe(2);
    expect(canRedo(branch)).toBe(false);
  });

  it('refuses to undo or redo when the data no longer matches the history, changing nothing', () => {
    const d1 = apply(reviewDataset(), { kind: 'accept', relation: 'r1' });
    const edited = deepFreeze({ ...d1, relations: d1.relations.map((r) => (r.id === 'r1' ? { ...r, hedged: true } : r)) });
    expect(undoEdit(edited)).toEqual({ ok: false, reason: 'the edit history no longer matches the data; undo is not possible (the data is unchanged)' });
    const undone = ok(undoEdit(d1));
    const changed = { ...undone, relations: undone.relations.slice(1) };
    expect(redoEdit(changed)).toMatchObject({ ok: false });
  });

  it('validates a stored history with paths into it, and keeps a good one', () => {
    const d1 = apply(reviewDataset(), { kind: 'accept', relation: 'r1' });
    const checked = validateDataset(JSON.parse(JSON.stringify(d1)));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.dataset).toStrictEqual(d1);
    const broken = structuredClone(d1) as unknown as { history: { entries: Array<{ changes: Array<Record<string, unknown>> }>; position: number } };
    broken.history.entries[0]!.changes[0]!.index = -1;
    const result = validateDataset(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['history.entries[0].changes[0].index']);
    const past = structuredClone(d1);
    past.history!.position = 2;
    const pastResult = validateDataset(past);
    expect(pastResult.ok ? [] : pastResult.problems.map((p) => p.path)).toEqual(['history.position']);
  });

  it('does not check a proposed claim’s ends as references', () => {
    const d = reviewDataset();
    d.relations[0]!.review = { status: 'corrected', proposed: { type: 'sanctioned', source: 'merged-away', target: 'ukraine' } };
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe('describeEdit', () => {
  const d = reviewDataset();
  it.each<[Edit, string]>([
    [{ kind: 'accept', relation: 'r1' }, 'Accepted: Russia sanctioned Ukraine'],
    [{ kind: 'reject', relation: 'r1', reason: 'satire' }, 'Rejected: Russia sanctioned Ukraine (reason: satire)'],
    [{ kind: 'reject', relation: 'r1' }, 'Rejected: Russia sanctioned Ukraine'],
    [{ kind: 'restore', relation: 'r5' }, 'Restored: ICC issued an arrest warrant for Putin'],
    [{ kind: 'correct', relation: 'r3', negated: true }, 'Corrected: Zelensky met with Putin'],
    [{ kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: sentence(4), negated: true }, 'Added: ICC not: supplies Putin'],
    [{ kind: 'merge-entities', into: 'zelensky', from: 'zelenskyy' }, 'Merged Zelenskyy into Zelensky'],
    [{ kind: 'split-entity', entity: 'russia', names: ['Moscow'] }, 'Split Moscow off Russia'],
    [{ kind: 'rename-entity', entity: 'icc', label: 'The Court' }, 'Renamed ICC to The Court'],
    [{ kind: 'retype-entity', entity: 'icc', type: 'group' }, 'Retyped ICC as Group'],
    [{ kind: 'add-alias', entity: 'icc', alias: 'the Court' }, 'Added the name the Court to ICC'],
  ])('%j', (edit, words) => {
    expect(describeEdit(d, edit)).toBe(words);
  });
});
