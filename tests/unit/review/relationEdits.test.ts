/**
 * The relation edits (accept, reject, restore, correct, add-relation): what
 * each does to the record and its review, and every reason one is refused
 * with the data left as it was.
 */

import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/model/review/index.ts';
import type { Dataset, Edit } from '../../../src/model/schema.ts';
import { applied, at, AT, deepFreeze, refused, reviewDataset, sentence, TEXT } from './reviewFixture.ts';

const rel = (d: Dataset, id: string) => d.relations.find((r) => r.id === id)!;
const ent = (d: Dataset, id: string) => d.entities.find((e) => e.id === id)!;

describe('accept', () => {
  it('marks the relation accepted and records one history entry', () => {
    const input = deepFreeze(reviewDataset());
    const outcome = applyEdit(input, { kind: 'accept', relation: 'r1' }, AT);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(rel(outcome.dataset, 'r1').review).toEqual({ status: 'accepted' });
    expect(outcome.dataset.history).toEqual({ entries: [outcome.entry], position: 1 });
    expect(outcome.entry).toEqual({
      edit: { kind: 'accept', relation: 'r1' },
      label: 'Accepted: Russia sanctioned Ukraine',
      at: '2026-01-02T03:04:05.000Z',
      changes: [{ kind: 'relation', id: 'r1', index: 0, before: rel(input, 'r1'), after: rel(outcome.dataset, 'r1') }],
    });
  });
  it('refuses an unknown relation, an accepted one, and a corrected or added one', () => {
    const d = reviewDataset();
    refused(d, { kind: 'accept', relation: 'nope' }, 'there is no relation "nope"');
    const accepted = applied(d, { kind: 'accept', relation: 'r1' });
    refused(accepted, { kind: 'accept', relation: 'r1' }, 'it is already accepted');
    const corrected = applied(d, { kind: 'correct', relation: 'r1', negated: true });
    refused(corrected, { kind: 'accept', relation: 'r1' }, 'it is already corrected by hand');
    const added = applied(d, { kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: sentence(4) });
    refused(added, { kind: 'accept', relation: 'icc-supplies-putin' }, 'it is already added by hand');
  });
});

describe('reject and restore', () => {
  it('rejects with a reason and restores to not reviewed', () => {
    const d = applied(reviewDataset(), { kind: 'reject', relation: 'r2', reason: '  wrong direction ' });
    expect(rel(d, 'r2').review).toEqual({ status: 'rejected', reason: 'wrong direction' });
    refused(d, { kind: 'reject', relation: 'r2' }, 'it is already rejected');
    const restored = applied(d, { kind: 'restore', relation: 'r2' });
    expect(rel(restored, 'r2')).toStrictEqual(rel(reviewDataset(), 'r2'));
  });
  it('keeps a corrected relation’s proposed claim through a rejection and restores it as corrected', () => {
    const corrected = applied(reviewDataset(), { kind: 'correct', relation: 'r1', type: 'urged' });
    const proposed = { type: 'sanctioned', source: 'russia', target: 'ukraine' };
    expect(rel(corrected, 'r1').review).toEqual({ status: 'corrected', proposed });
    const rejected = applied(corrected, { kind: 'reject', relation: 'r1' });
    expect(rel(rejected, 'r1').review).toEqual({ status: 'rejected', proposed });
    const restored = applied(rejected, { kind: 'restore', relation: 'r1' });
    expect(rel(restored, 'r1').review).toEqual({ status: 'corrected', proposed });
  });
  it('restores a hand-added relation as added (from the history)', () => {
    const added = applied(reviewDataset(), { kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: sentence(4) });
    const rejected = applied(added, { kind: 'reject', relation: 'icc-supplies-putin' });
    const restored = applied(rejected, { kind: 'restore', relation: 'icc-supplies-putin' });
    expect(rel(restored, 'icc-supplies-putin').review).toEqual({ status: 'added' });
  });
  it('refuses to restore what is not rejected', () => {
    refused(reviewDataset(), { kind: 'restore', relation: 'r1' }, 'only a rejected relation can be restored');
    refused(reviewDataset(), { kind: 'reject', relation: 'zz' }, 'there is no relation "zz"');
  });
});

describe('correct', () => {
  it('changes type, direction, flags and attribution, keeping the first proposal', () => {
    const d1 = applied(reviewDataset(), { kind: 'correct', relation: 'r1', type: 'supplies', hedged: true, attributedTo: 'putin' });
    expect(rel(d1, 'r1')).toMatchObject({ type: 'supplies', hedged: true, attributedTo: 'putin', review: { status: 'corrected', proposed: { type: 'sanctioned', source: 'russia', target: 'ukraine' } } });
    const d2 = applied(d1, { kind: 'correct', relation: 'r1', swap: true, attributedTo: null, negated: true, hedged: false });
    const r = rel(d2, 'r1');
    expect(r).toMatchObject({ source: 'ukraine', target: 'russia', negated: true });
    expect(r.hedged).toBeUndefined();
    expect(r.attributedTo).toBeUndefined();
    expect(r.review?.proposed).toEqual({ type: 'sanctioned', source: 'russia', target: 'ukraine' });
  });
  it('moves an end to an entity named in the sentence, adding its mention', () => {
    const d = applied(reviewDataset(), { kind: 'correct', relation: 'r2', target: 'zelensky' });
    expect(rel(d, 'r2')).toMatchObject({ source: 'russia', target: 'zelensky' });
    expect(ent(d, 'zelensky').mentions).toContainEqual(at('Zelensky'));
    expect(ent(d, 'zelensky').mentions).toHaveLength(2);
  });
  it('drops evidence sentences', () => {
    const two = reviewDataset();
    two.relations[0]!.evidence.push(sentence(5));
    const d = applied(two, { kind: 'correct', relation: 'r1', dropEvidence: [1] });
    expect(rel(d, 'r1').evidence).toEqual([sentence(0)]);
    refused(two, { kind: 'correct', relation: 'r1', dropEvidence: [0, 1] }, 'a relation needs at least one sentence; reject it instead');
    refused(two, { kind: 'correct', relation: 'r1', dropEvidence: [2] }, 'there is no sentence 2 to drop (the relation has 2, numbered from 0)');
  });
  it('keeps an added relation added', () => {
    const added = applied(reviewDataset(), { kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: sentence(4) });
    const d = applied(added, { kind: 'correct', relation: 'icc-supplies-putin', hedged: true });
    expect(rel(d, 'icc-supplies-putin').review).toEqual({ status: 'added' });
  });
  it('refuses every bad correction', () => {
    const d = reviewDataset();
    refused(d, { kind: 'correct', relation: 'r1' }, 'the correction changes nothing');
    refused(d, { kind: 'correct', relation: 'r1', negated: false, type: 'sanctioned' }, 'the correction changes nothing');
    refused(d, { kind: 'correct', relation: 'r1', type: 'invaded' }, '"invaded" is not a known relation type');
    refused(d, { kind: 'correct', relation: 'r1', target: 'russia' }, 'the source and the target must be different entities');
    refused(d, { kind: 'correct', relation: 'r1', target: 'ghost' }, 'there is no entity "ghost"');
    refused(d, { kind: 'correct', relation: 'r1', target: 'putin' }, 'the sentence "Russia sanctioned Ukraine." does not name Putin');
    refused(d, { kind: 'correct', relation: 'r1', type: 'accused', dropEvidence: [] }, /^that relation already exists/);
    refused(d, { kind: 'correct', relation: 'r2', type: 'sanctioned' }, 'that relation already exists (Russia sanctioned Ukraine)');
    // met-with is symmetric: Putin–Zelenskyy is Zelenskyy–Putin.
    refused(d, { kind: 'correct', relation: 'r4', type: 'met-with' }, 'that relation already exists (Putin met with Zelenskyy)');
    refused(d, { kind: 'correct', relation: 'nope', hedged: true }, 'there is no relation "nope"');
  });
});

describe('add-relation', () => {
  it('adds a relation from a selection inside a sentence, growing it to the sentence and adding mentions', () => {
    // "Moscow accused Kyiv and Zelensky", without the full stop.
    const selection = { document: 'd1', start: at('Moscow').start, end: at('Zelensky').end };
    const d = applied(reviewDataset(), { kind: 'add-relation', type: 'accused', source: 'russia', target: 'zelensky', evidence: selection });
    const r = rel(d, 'russia-accused-zelensky');
    expect(r).toEqual({ id: 'russia-accused-zelensky', type: 'accused', source: 'russia', target: 'zelensky', evidence: [sentence(1)], review: { status: 'added' } });
    expect(ent(d, 'zelensky').mentions).toContainEqual(at('Zelensky'));
  });
  it('trims white space, keeps flags and makes the id free', () => {
    const base = reviewDataset();
    base.relations.push({ ...base.relations[0]!, id: 'icc-supplies-putin', type: 'urged', source: 'russia', target: 'ukraine' });
    const s = sentence(4);
    const d = applied(base, { kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: { document: 'd1', start: s.start - 1, end: s.end + 1 }, negated: true, hedged: true });
    expect(rel(d, 'icc-supplies-putin-2')).toMatchObject({ negated: true, hedged: true, evidence: [s] });
  });
  it('refuses every bad addition', () => {
    const d = reviewDataset();
    const s = sentence(4);
    const add = (over: Partial<Extract<Edit, { kind: 'add-relation' }>>): Edit => ({ kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: s, ...over });
    refused(d, add({ type: 'invaded' }), '"invaded" is not a known relation type');
    refused(d, add({ source: 'ghost' }), 'there is no entity "ghost"');
    refused(d, add({ target: 'icc' }), 'the source and the target must be different entities');
    refused(d, add({ evidence: { ...s, document: 'd9' } }), 'there is no document "d9"');
    refused(d, add({ evidence: { document: 'd1', start: 5, end: TEXT.length + 1 } }), /is not inside the document's text/);
    refused(d, add({ evidence: { document: 'd1', start: s.end, end: s.end + 1 } }), 'the selected text is empty');
    refused(d, add({ target: 'russia' }), 'the selected text "The ICC issued a warrant for Putin." does not name Russia');
    refused(d, add({ type: 'issued-warrant' }), 'that relation already exists (ICC issued an arrest warrant for Putin)');
  });
});

it('names case variants as aliases when it adds their mention', () => {
  const d = reviewDataset();
  d.documents[0]!.text = TEXT.replace('The ICC', 'The icc');
  d.entities.find((e) => e.id === 'icc')!.mentions = [];
  d.relations = d.relations.filter((r) => r.id !== 'r5');
  const out = applied(d, { kind: 'add-relation', type: 'supplies', source: 'icc', target: 'putin', evidence: sentence(4) });
  expect(ent(out, 'icc')).toMatchObject({ aliases: ['icc'], mentions: [at('ICC')] });
});
