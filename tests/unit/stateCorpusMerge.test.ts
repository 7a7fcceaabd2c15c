import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_ATTRIBUTES } from '../../src/model/corpusApi.ts';
import { mergeDatasets } from '../../src/model/merge.ts';
import { validateDataset, type Dataset } from '../../src/model/index.ts';
import { addedNothing, unionDatasets } from '../../src/state/corpusMerge.ts';
import { cut, smallCorpus } from './stateCorpusFixture.ts';

const corpus = smallCorpus();
const spans = (dataset: Dataset, relation: string) =>
  new Set(dataset.relations.find((r) => r.id === relation)?.evidence.map((span) => `${span.document}:${span.start}`) ?? []);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('corpus mode: folding a fetched subgraph into what is loaded', () => {
  it('adds what is new, keeps what was loaded first, and stays a valid dataset', () => {
    const overview = cut(corpus, ['r1', 'r2']);
    const expand = cut(corpus, ['r2', 'r3']);
    const { dataset, added } = unionDatasets(overview, expand);
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.relations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(dataset.entities.map((e) => e.id)).toEqual(['ruritania', 'osterlich', 'borduria', 'syldavia']);
    // r3's first two sentences are in articles 3 and 4, which the overview lacked.
    expect(added).toEqual({ documents: 2, entities: 1, relations: 1, sentences: 2 });
    expect(dataset.title).toBe(overview.title);
  });

  it('adds nothing when the same answer comes twice (an expand of what is loaded)', () => {
    const overview = cut(corpus, ['r1', 'r2', 'r3']);
    const { dataset, added } = unionDatasets(overview, cut(corpus, ['r2']));
    expect(addedNothing(added)).toBe(true);
    expect(dataset.relations).toEqual(overview.relations);
    expect(dataset.entities).toEqual(overview.entities);
  });

  it('gathers every sentence of a relation when its evidence is fetched, without duplicates', () => {
    const overview = cut(corpus, ['r1'], 2);
    const all = cut(corpus, ['r1'], 200);
    const { dataset, added } = unionDatasets(overview, all);
    expect(added.sentences).toBe(3);
    expect(added.relations).toBe(0);
    expect(spans(dataset, 'r1').size).toBe(5);
    expect(dataset.relations[0]!.evidence).toHaveLength(5);
    // The entities' mentions in the articles that came with the sentences are there too.
    expect(new Set(dataset.entities.find((e) => e.id === 'ruritania')!.mentions.map((m) => m.document))).toEqual(new Set(['d1', 'd2', 'd3', 'd4', 'd5']));
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it("takes the store's latest totals from the addition", () => {
    const overview = cut(corpus, ['r1']);
    const later = structuredClone(cut(corpus, ['r1']));
    later.entities[0]!.attributes = { [CORPUS_ATTRIBUTES.degree]: 9 };
    later.relations[0]!.attributes = { [CORPUS_ATTRIBUTES.evidenceTotal]: 12 };
    const { dataset } = unionDatasets(overview, later);
    expect(dataset.entities[0]!.attributes).toEqual({ [CORPUS_ATTRIBUTES.degree]: 9 });
    expect(dataset.relations[0]!.attributes).toEqual({ [CORPUS_ATTRIBUTES.evidenceTotal]: 12 });
  });

  it('keeps apart two entities the store keeps apart, even with the same name (mergeDatasets would fold them)', () => {
    const first = cut(corpus, ['r1']);
    const second = structuredClone(cut(corpus, ['r3']));
    // "Borduria" under another id: another actor of the same name (another identity in the store).
    const twin = second.entities.find((e) => e.id === 'borduria')!;
    twin.label = 'Ruritania';
    twin.aliases = [];
    const { dataset } = unionDatasets(first, second);
    expect(dataset.entities.filter((e) => e.label === 'Ruritania')).toHaveLength(2);
    expect(mergeDatasets(first, second).entities.filter((e) => e.label === 'Ruritania')).toHaveLength(1);
  });

  it('puts an opened article first when asked, and leaves the inputs untouched', () => {
    const overview = deepFreeze(cut(corpus, ['r1', 'r2']));
    const article = deepFreeze(cut(corpus, ['r5']));
    const { dataset } = unionDatasets(overview, article, { lead: 'd5' });
    expect(dataset.documents[0]!.id).toBe('d5');
    expect(new Set(dataset.documents.map((d) => d.id))).toEqual(new Set(['d1', 'd2', 'd5']));
  });

  it('folding any answers in any order gives one valid dataset holding exactly their union', () => {
    const ids = corpus.relations.map((relation) => relation.id);
    const answer = fc.record({ relations: fc.subarray(ids, { minLength: 1 }), perRelation: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 6 }), (answers) => {
        const cuts = answers.map((a) => cut(corpus, a.relations, a.perRelation));
        const folded = cuts.slice(1).reduce((loaded, next) => unionDatasets(loaded, next).dataset, cuts[0]!);
        const reversed = cuts
          .slice(0, -1)
          .reverse()
          .reduce((loaded, next) => unionDatasets(loaded, next).dataset, cuts[cuts.length - 1]!);
        expect(validateDataset(folded).ok).toBe(true);
        for (const dataset of [folded, reversed]) {
          expect(new Set(dataset.relations.map((r) => r.id))).toEqual(new Set(cuts.flatMap((c) => c.relations.map((r) => r.id))));
          expect(new Set(dataset.entities.map((e) => e.id)).size).toBe(dataset.entities.length);
          for (const relation of dataset.relations) {
            const expected = new Set(cuts.flatMap((c) => [...spans(c, relation.id)]));
            expect(spans(dataset, relation.id)).toEqual(expected);
            expect(relation.evidence).toHaveLength(expected.size);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
