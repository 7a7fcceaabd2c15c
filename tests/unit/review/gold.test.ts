/**
 * goldOf: a reviewed dataset → the gold set (the relations the analyst
 * vouched for), with the count of each review status.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldOf } from '../../../src/model/review/index.ts';
import { validateDataset, type Dataset, type Relation } from '../../../src/model/index.ts';

const seed = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8')) as Dataset;

/** The seed, reviewed by hand: r01–r03 accepted, r04 rejected, r05 corrected (type), one relation added; the rest unreviewed. */
function reviewed(): Dataset {
  const relations: Relation[] = seed.relations.map((r, i) => {
    if (i < 3) return { ...r, review: { status: 'accepted' } };
    if (i === 3) return { ...r, review: { status: 'rejected', reason: 'they only shook hands' } };
    if (i === 4) return { ...r, type: 'official-of', review: { status: 'corrected', proposed: { type: r.type, source: r.source, target: r.target } } };
    return r;
  });
  relations.push({
    id: 'added-1',
    type: 'accused',
    source: 'russia',
    target: 'ukraine',
    evidence: [{ document: 'seed', start: 713, end: 925 }],
    review: { status: 'added' },
  });
  return { ...seed, relations, history: { entries: [], position: 0 } };
}

describe('goldOf', () => {
  it('keeps the accepted, corrected (as corrected) and added relations, and counts every status', () => {
    const input = reviewed();
    const { dataset, counts } = goldOf(input);
    expect(counts).toEqual({ accepted: 3, corrected: 1, added: 1, rejected: 1, unreviewed: seed.relations.length - 5 });
    expect(dataset.relations.map((r) => r.id)).toEqual([...seed.relations.slice(0, 3).map((r) => r.id), seed.relations[4]!.id, 'added-1']);
    const corrected = dataset.relations.find((r) => r.id === seed.relations[4]!.id)!;
    expect(corrected.type).toBe('official-of');
    expect(corrected.review).toEqual({ status: 'corrected', proposed: { type: seed.relations[4]!.type, source: corrected.source, target: corrected.target } });
    // Evidence comes along.
    expect(dataset.relations.find((r) => r.id === 'added-1')!.evidence).toEqual([{ document: 'seed', start: 713, end: 925 }]);
    // The input is not modified.
    expect(input.relations).toHaveLength(seed.relations.length + 1);
    expect(input.history).toEqual({ entries: [], position: 0 });
  });

  it('keeps every document and entity, drops the history and marks the title', () => {
    const { dataset } = goldOf(reviewed());
    expect(dataset.documents).toEqual(seed.documents);
    expect(dataset.entities).toEqual(seed.entities);
    expect('history' in dataset).toBe(false);
    expect(dataset.title).toBe(`${seed.title} (gold)`);
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('names an untitled set "Gold set" and keeps declared types', () => {
    const { title: _title, ...untitled } = reviewed();
    const declared: Dataset = {
      ...untitled,
      relationTypes: [{ id: 'funded', label: 'funded', directed: true }],
      relations: [...untitled.relations, { id: 'f1', type: 'funded', source: 'russia', target: 'brics', evidence: [{ document: 'seed', start: 0, end: 147, note: 'a test claim' }], review: { status: 'accepted' } }],
    };
    const { dataset, counts } = goldOf(declared);
    expect(dataset.title).toBe('Gold set');
    expect(dataset.relationTypes).toEqual(declared.relationTypes);
    expect(dataset.relations.at(-1)!.id).toBe('f1');
    expect(counts.accepted).toBe(4);
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('marks the title once when a gold set is taken again', () => {
    const once = goldOf(reviewed()).dataset;
    expect(goldOf(once).dataset.title).toBe(`${seed.title} (gold)`);
    expect(goldOf(goldOf({ ...once, title: '' }).dataset).dataset.title).toBe('Gold set');
    // What was vouched for stays vouched for.
    expect(goldOf(once).dataset.relations).toEqual(once.relations);
  });

  it('leaves out every relation of a dataset nobody reviewed', () => {
    const { dataset, counts } = goldOf(seed);
    expect(dataset.relations).toEqual([]);
    expect(counts).toEqual({ accepted: 0, corrected: 0, added: 0, rejected: 0, unreviewed: seed.relations.length });
    expect(validateDataset(dataset).ok).toBe(true);
  });
});
