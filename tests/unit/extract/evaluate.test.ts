import { describe, expect, it } from 'vitest';
import { combine, evaluate, score } from '../../../src/extract/evaluate.ts';
import type { Dataset, Relation } from '../../../src/model/index.ts';

const text = 'Russia attacked Ukraine. Armenia is allied with Russia.';
function dataset(entities: string[], relations: Array<Partial<Relation> & Pick<Relation, 'type' | 'source' | 'target'>>): Dataset {
  return {
    version: 1,
    documents: [{ id: 'd', title: 't', text }],
    entities: entities.map((id) => ({ id, label: id, type: 'country', aliases: [], mentions: [] })),
    relations: relations.map((r) => ({ id: `${r.source}-${r.type}-${r.target}`, evidence: [{ document: 'd', start: 0, end: 24 }], ...r })),
  };
}

describe('evaluate', () => {
  it('scores precision, recall and F1 from counts, an empty side scoring 1', () => {
    expect(score({ truePositives: 3, falsePositives: 1, falseNegatives: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(score({ truePositives: 3, falsePositives: 1, falseNegatives: 2 }).f1).toBeCloseTo(2 / 3);
    expect(score({ truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(score({ truePositives: 0, falsePositives: 2, falseNegatives: 2 }).f1).toBe(0);
  });

  it('compares entities by id and triples by (source, type, target), symmetric types in either order', () => {
    const gold = dataset(['russia', 'ukraine', 'armenia'], [
      { type: 'attacked', source: 'russia', target: 'ukraine' },
      { type: 'allied-with', source: 'armenia', target: 'russia' },
    ]);
    const found = dataset(['russia', 'ukraine', 'belarus'], [
      { type: 'attacked', source: 'ukraine', target: 'russia' },
      { type: 'allied-with', source: 'russia', target: 'armenia' },
    ]);
    const report = evaluate(found, gold);
    expect(report.entities).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1, misses: ['armenia'], falseHits: ['belarus'] });
    expect(report.triples).toMatchObject({ truePositives: 1, misses: ['russia attacked ukraine'], falseHits: ['ukraine attacked russia'] });
    expect(report.namedTriples).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
    expect(report.byType.attacked).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('counts evidence as (triple, sentence) pairs: the right relation from the wrong sentence is a miss', () => {
    const gold = dataset(['russia', 'ukraine'], [{ type: 'attacked', source: 'russia', target: 'ukraine' }]);
    const found = dataset(['russia', 'ukraine'], [{ type: 'attacked', source: 'russia', target: 'ukraine', evidence: [{ document: 'd', start: 25, end: 55 }] }]);
    const report = evaluate(found, gold);
    expect(report.triples.f1).toBe(1);
    expect(report.evidence).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('compares flags on shared triples and adds reports up across articles', () => {
    const gold = dataset(['russia', 'ukraine'], [{ type: 'attacked', source: 'russia', target: 'ukraine', hedged: true }]);
    const found = dataset(['russia', 'ukraine'], [{ type: 'attacked', source: 'russia', target: 'ukraine' }]);
    const one = evaluate(found, gold);
    expect(one.flags).toEqual({ compared: 1, negated: 1, hedged: 0, attributedTo: 1, plainFactErrors: 1 });
    const both = combine([
      { name: 'a', report: one },
      { name: 'b', report: evaluate(dataset(['russia'], []), gold) },
    ]);
    expect(both.triples).toMatchObject({ truePositives: 1, falseNegatives: 1, misses: ['b: russia attacked ukraine'] });
    expect(both.flags.compared).toBe(1);
    expect(both.flags.plainFactErrors).toBe(1);
  });
});

describe('why a relation was missed', () => {
  // "Russia attacked Ukraine." is 0–24; "Armenia is allied with Russia." is 25–55.
  const at = (id: string, start: number, end: number) => ({ id, label: id, type: 'country' as const, aliases: [], mentions: [{ document: 'd', start, end }] });
  const gold = dataset(['russia', 'ukraine', 'armenia'], [
    { type: 'attacked', source: 'russia', target: 'ukraine' },
    { type: 'accused', source: 'ukraine', target: 'russia' },
    { type: 'allied-with', source: 'armenia', target: 'russia', evidence: [{ document: 'd', start: 25, end: 55 }] },
  ]);

  it('sorts each miss by what the extraction found: an end missing, no sentence naming both, or no rule', () => {
    // Russia named only in the second sentence, Ukraine in the first, Armenia not at all.
    const found: Dataset = { ...dataset([], []), entities: [at('russia', 48, 54), at('ukraine', 16, 23)] };
    expect(evaluate(found, gold).missCauses).toEqual({ endMissing: 1, notInSentence: 2, noRule: 0 });
    const both: Dataset = { ...found, entities: [{ ...at('russia', 0, 6), mentions: [{ document: 'd', start: 0, end: 6 }, { document: 'd', start: 48, end: 54 }] }, at('ukraine', 16, 23), at('armenia', 25, 32)] };
    expect(evaluate(both, gold).missCauses).toEqual({ endMissing: 0, notInSentence: 0, noRule: 3 });
  });

  it('counts only misses, and adds up across articles', () => {
    const found = dataset(['russia', 'ukraine', 'armenia'], [{ type: 'attacked', source: 'russia', target: 'ukraine' }]);
    const report = evaluate(found, gold);
    expect(report.missCauses.endMissing + report.missCauses.notInSentence + report.missCauses.noRule).toBe(report.triples.falseNegatives);
    expect(combine([{ name: 'a', report }, { name: 'b', report }]).missCauses.notInSentence).toBe(2 * report.missCauses.notInSentence);
  });
});
