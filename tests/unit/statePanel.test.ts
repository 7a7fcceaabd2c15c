import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson, spanText } from '../../src/model/index.ts';
import { buildDatasetIndex } from '../../src/state/datasetIndex.ts';
import { evidenceSegments } from '../../src/state/evidenceSegments.ts';
import { describeRelation, relationGroupsOf, relationSentence } from '../../src/state/relationView.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const index = buildDatasetIndex(seed);
const text = seed.documents[0]!.text;
const ICC_SENTENCE =
  'Putin didn’t attend the BRICS summit in South Africa earlier this year after the International Criminal Court issued an arrest warrant against him for his alleged involvement in the abductions.';

describe('evidenceSegments', () => {
  it('rebuilds every evidence sentence of the seed exactly', () => {
    for (const relation of seed.relations) {
      for (const evidence of relation.evidence) {
        const joined = evidenceSegments(index, evidence).map((s) => s.text).join('');
        expect(joined, relation.id).toBe(spanText(text, evidence));
      }
    }
  });

  it('marks the entity names in the ICC sentence, the relation’s ends more strongly', () => {
    const warrant = index.relations.get('r24-international-criminal-court-issued-warrant-vladimir-putin')!;
    const segments = evidenceSegments(index, warrant.evidence[0]!, new Set([warrant.source, warrant.target]));
    expect(segments.map((s) => s.text).join('')).toBe(ICC_SENTENCE);
    const marks = segments.filter((s) => s.entity !== undefined);
    expect(marks.map((s) => [s.text, s.entity, s.isEnd])).toEqual([
      ['Putin', 'vladimir-putin', true],
      ['BRICS', 'brics', false],
      ['South Africa', 'south-africa', false],
      ['International Criminal Court', 'international-criminal-court', true],
    ]);
  });

  it('reproduces any span of the article exactly, marks never overlapping (property)', () => {
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => {
        const span = { document: 'seed', start: Math.min(a, b), end: Math.max(a, b) };
        const segments = evidenceSegments(index, span);
        expect(segments.map((s) => s.text).join('')).toBe(text.slice(span.start, span.end));
        for (const segment of segments) expect(segment.text.length).toBeGreaterThan(0);
      }),
    );
  });

  it('returns nothing for an unknown document', () => {
    expect(evidenceSegments(index, { document: 'nope', start: 0, end: 5 })).toEqual([]);
  });
});

describe('relation views', () => {
  it('reads a relation with its direction in words', () => {
    const view = describeRelation(index, index.relations.get('r24-international-criminal-court-issued-warrant-vladimir-putin')!);
    expect(relationSentence(view)).toBe('International Criminal Court → issued an arrest warrant for → Vladimir Putin');
    const allied = describeRelation(index, index.relations.get('r27-armenia-allied-with-russia')!);
    expect(relationSentence(allied)).toBe('Armenia — allied with — Russia');
  });

  it('reads a negated relation as a denial and keeps claims and their source', () => {
    const attended = describeRelation(index, index.relations.get('r22-vladimir-putin-attended-brics')!);
    expect(relationSentence(attended)).toBe('Vladimir Putin → did not attend → BRICS');
    expect(attended.negated).toBe(true);
    const abducted = describeRelation(index, index.relations.get('r19-russia-abducted-from-ukraine')!);
    expect(abducted.hedged).toBe(true);
    expect(abducted.attributedTo).toEqual({ id: 'volodymyr-zelensky', label: 'Volodymyr Zelensky' });
  });

  it('groups an entity’s relations by type in registry order', () => {
    const groups = relationGroupsOf(index, 'vladimir-putin');
    expect(groups.map((g) => g.type)).toEqual([
      'sanctioned',
      'issued-warrant',
      'attacked',
      'abducted-from',
      'threatened-arrest',
      'leader-of',
      'attended',
    ]);
    expect(groups.flatMap((g) => g.relations).length).toBe(index.relationsOf.get('vladimir-putin')!.length);
    expect(groups.find((g) => g.type === 'threatened-arrest')!.relations.map((r) => r.source.label)).toEqual(['Austria', 'Armenia']);
  });

  it('has no groups for an entity without relations', () => {
    expect(relationGroupsOf(index, 'no-such-entity')).toEqual([]);
  });
});
