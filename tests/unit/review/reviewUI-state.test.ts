/**
 * The review UI's own state, without a browser: the one `correct` edit the
 * correct form builds (only what differs; both ends exchanged is a swap), the
 * review queue's cursor (next, previous, after a verdict) and the
 * "unreviewed only" filter in the scene (drawn edges and legend counts).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson, type Relation } from '../../../src/model/index.ts';
import { applyEdit } from '../../../src/model/review/index.ts';
import { setUnreviewedOnly } from '../../../src/state/analystTools.ts';
import { initialExplorerState } from '../../../src/state/explorerState.ts';
import { createExplorerModel } from '../../../src/state/explorerModel.ts';
import { computeScene } from '../../../src/state/scene.ts';
import { correctionEdit, draftOf } from '../../../src/ui/review/correctionEdit.ts';
import { afterReview, currentOf, moved } from '../../../src/ui/review/reviewCursor.ts';

const relation: Relation = {
  id: 'r1',
  type: 'attacked',
  source: 'russia',
  target: 'ukraine',
  evidence: [
    { document: 'd', start: 0, end: 10 },
    { document: 'd', start: 11, end: 20 },
  ],
  hedged: true,
  attributedTo: 'lavrov',
};

describe('correctionEdit', () => {
  it('an untouched form asks for nothing but the relation', () => {
    expect(correctionEdit(relation, draftOf(relation))).toEqual({ kind: 'correct', relation: 'r1' });
  });

  it('both ends exchanged is a swap; one end changed names it', () => {
    const swapped = { ...draftOf(relation), source: 'ukraine', target: 'russia' };
    expect(correctionEdit(relation, swapped)).toEqual({ kind: 'correct', relation: 'r1', swap: true });
    expect(correctionEdit(relation, { ...draftOf(relation), target: 'armenia' })).toEqual({ kind: 'correct', relation: 'r1', target: 'armenia' });
  });

  it('type, flags, attribution (cleared to null) and dropped sentences, only what differs', () => {
    const draft = { ...draftOf(relation), type: 'accused', negated: true, hedged: false, attributedTo: '', drop: new Set([1]) };
    expect(correctionEdit(relation, draft)).toEqual({
      kind: 'correct',
      relation: 'r1',
      type: 'accused',
      negated: true,
      hedged: false,
      attributedTo: null,
      dropEvidence: [1],
    });
  });
});

describe('the review queue cursor', () => {
  const queue = ['a', 'b', 'c', 'd'];

  it('starts at the first, moves along and stops at the ends', () => {
    const start = { id: null, at: 0 };
    expect(currentOf(queue, start)).toEqual({ id: 'a', at: 0 });
    expect(moved(queue, start, -1)).toEqual({ id: 'a', at: 0 });
    expect(moved(queue, moved(queue, start, 1), 1)).toEqual({ id: 'c', at: 2 });
    expect(moved(queue, { id: 'd', at: 3 }, 1)).toEqual({ id: 'd', at: 3 });
    expect(currentOf([], start)).toBeNull();
  });

  it('after a verdict shows the next unreviewed one, which takes the reviewed one’s place in the queue', () => {
    const next = afterReview(queue, { id: 'b', at: 1 });
    expect(next).toEqual({ id: 'c', at: 1 });
    expect(currentOf(['a', 'c', 'd'], next)).toEqual({ id: 'c', at: 1 });
    // The last one reviewed: the one before it.
    expect(currentOf(['a', 'b', 'c'], afterReview(queue, { id: 'd', at: 3 }))).toEqual({ id: 'c', at: 2 });
  });

  it('a relation reviewed elsewhere falls back to its place', () => {
    expect(currentOf(['a', 'c'], { id: 'b', at: 1 })).toEqual({ id: 'c', at: 1 });
  });
});

describe('"unreviewed only" in the scene', () => {
  const seed = parseDatasetJson(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8'));
  const accepted = 'r07-russia-attacked-ukraine';
  const outcome = applyEdit(seed, { kind: 'accept', relation: accepted });
  if (!outcome.ok) throw new Error(outcome.reason);
  const model = createExplorerModel(outcome.dataset);

  it('leaves reviewed relations out of what is drawn and out of the legend counts, and back when off', () => {
    const all = computeScene(model, initialExplorerState(model.index.relationTypes));
    expect(all.visibleEdges.has(accepted)).toBe(true);
    const only = computeScene(model, setUnreviewedOnly(true)(initialExplorerState(model.index.relationTypes)), all);
    expect(only.visibleEdges.has(accepted)).toBe(false);
    expect(only.visibleEdges.size).toBe(all.visibleEdges.size - 1);
    expect(only.visibility.relationCounts.get('attacked')).toBe((all.visibility.relationCounts.get('attacked') ?? 0) - 1);
    expect(only.isRelationOn(accepted)).toBe(false);
    const off = computeScene(model, setUnreviewedOnly(false)(setUnreviewedOnly(true)(initialExplorerState(model.index.relationTypes))), only);
    expect(off.visibleEdges.size).toBe(all.visibleEdges.size);
  });

  it('turning it on twice changes nothing (the same state object)', () => {
    const on = setUnreviewedOnly(true)(initialExplorerState(model.index.relationTypes));
    expect(setUnreviewedOnly(true)(on)).toBe(on);
  });
});
