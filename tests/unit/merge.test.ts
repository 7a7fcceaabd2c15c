import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAll, mergeDatasets, mergeDatasetsWithReport } from '../../src/model/merge.ts';
import { assertValidDataset, spanText, validateDataset, type Dataset, type Entity, type Span } from '../../src/model/index.ts';
import { datasetArbitrary } from './formats/datasetArbitrary.ts';

const seed = assertValidDataset(JSON.parse(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8')), 'seed');

const span = (document: string, text: string, needle: string, from = 0): Span => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`${needle} not in text`);
  return { document, start, end: start + needle.length };
};

/** A one-article dataset: each line "X verb Y." is the evidence of one relation. */
function article(
  docId: string,
  lines: Array<[string, string, Dataset['relations'][number]['type'], string, string]>,
  entities: Array<Omit<Entity, 'mentions'>>,
  title = docId,
): Dataset {
  const text = lines.map(([line]) => line).join('\n');
  const withMentions: Entity[] = entities.map((e) => ({ ...e, mentions: [] }));
  const byId = new Map(withMentions.map((e) => [e.id, e]));
  let offset = 0;
  const relations = lines.map(([line, source, type, target, id]) => {
    for (const endId of [source, target]) {
      const entity = byId.get(endId)!;
      const name = [entity.label, ...entity.aliases].find((n) => line.includes(n))!;
      entity.mentions.push(span(docId, text, name, offset));
    }
    const evidence = [{ document: docId, start: offset, end: offset + line.length }];
    offset += line.length + 1;
    return { id, type, source, target, evidence };
  });
  return assertValidDataset({ version: 1, title, documents: [{ id: docId, title, text }], entities: withMentions, relations }, docId);
}

const monday = article(
  'news',
  [
    ['Vladimir Putin leads Russia.', 'putin', 'leader-of', 'russia', 'r1'],
    ['Russia attacked Ukraine.', 'russia', 'attacked', 'ukraine', 'r2'],
  ],
  [
    { id: 'putin', label: 'Vladimir Putin', type: 'person', aliases: [] },
    { id: 'russia', label: 'Russia', type: 'country', aliases: ['Moscow'] },
    { id: 'ukraine', label: 'Ukraine', type: 'country', aliases: [] },
  ],
  'Monday',
);

const tuesday = article(
  'news',
  [
    ['Putin leads the Kremlin.', 'p', 'leader-of', 'kremlin', 'r1'],
    ['The Kremlin attacked Ukraine again.', 'kremlin', 'attacked', 'ua', 'r2'],
    ['Georgia met with Ukraine.', 'georgia', 'met-with', 'ua', 'r3'],
  ],
  [
    { id: 'p', label: 'Putin', type: 'person', aliases: [] },
    { id: 'kremlin', label: 'the Kremlin', type: 'country', aliases: ['MOSCOW', 'The Kremlin'] },
    { id: 'ua', label: 'Ukraine', type: 'country', aliases: [] },
    { id: 'georgia', label: 'Georgia', type: 'place', aliases: [] },
  ],
  'Tuesday',
);

describe('mergeDatasets', () => {
  it('gives a valid dataset that keeps both articles', () => {
    const merged = mergeDatasets(monday, tuesday);
    expect(validateDataset(merged).ok ? [] : (validateDataset(merged) as { problems: unknown[] }).problems).toEqual([]);
    expect(merged.documents.map((d) => [d.id, d.title])).toEqual([
      ['news', 'Monday'],
      ['news-2', 'Tuesday'],
    ]);
    expect(merged.title).toBe('Monday');
  });

  it('merges actors by a shared name, case-insensitively, with the union of aliases and mentions', () => {
    // "Putin" has no name in common with "Vladimir Putin" unless one lists the other as an alias.
    const withAlias = { ...monday, entities: monday.entities.map((e) => (e.id === 'putin' ? { ...e, aliases: ['Putin'] } : e)) };
    const { dataset, report } = mergeDatasetsWithReport(withAlias, tuesday);
    expect(report.mergedEntities).toEqual([
      { from: 'p', into: 'putin', by: 'name', fromLabel: 'Putin', intoLabel: 'Vladimir Putin' },
      { from: 'kremlin', into: 'russia', by: 'name', fromLabel: 'the Kremlin', intoLabel: 'Russia' },
      { from: 'ua', into: 'ukraine', by: 'name', fromLabel: 'Ukraine', intoLabel: 'Ukraine' },
    ]);
    const russia = dataset.entities.find((e) => e.id === 'russia')!;
    expect(russia.label).toBe('Russia');
    expect(russia.aliases).toEqual(['Moscow', 'the Kremlin', 'MOSCOW', 'The Kremlin']);
    const text = new Map(dataset.documents.map((d) => [d.id, d.text]));
    expect(russia.mentions.map((m) => `${m.document}:${spanText(text.get(m.document)!, m)}`)).toEqual([
      'news:Russia',
      'news:Russia',
      'news-2:the Kremlin',
      'news-2:The Kremlin',
    ]);
    expect(dataset.entities.map((e) => e.id)).toEqual(['putin', 'russia', 'ukraine', 'georgia']);
  });

  it('keeps apart actors that share only a name across types, and those with no name in common', () => {
    const georgiaCountry = article('other', [['Georgia attacked Ukraine.', 'georgia', 'attacked', 'ukraine', 'g1']], [
      { id: 'georgia', label: 'Georgia', type: 'country', aliases: [] },
      { id: 'ukraine', label: 'Ukraine', type: 'country', aliases: [] },
    ]);
    const { dataset, report } = mergeDatasetsWithReport(georgiaCountry, tuesday);
    expect(report.renamedEntities).toEqual([{ from: 'georgia', to: 'georgia-2' }]);
    expect(dataset.entities.filter((e) => e.label === 'Georgia').map((e) => [e.id, e.type])).toEqual([
      ['georgia', 'country'],
      ['georgia-2', 'place'],
    ]);
    expect(dataset.relations.find((r) => r.type === 'met-with')!.source).toBe('georgia-2');
    // Without the alias, "Putin" and "Vladimir Putin" are two entities.
    expect(mergeDatasets(monday, tuesday).entities.filter((e) => e.type === 'person').map((e) => e.id)).toEqual(['putin', 'p']);
  });

  it('merges identical relations keeping every sentence of evidence with its own document', () => {
    const { dataset, report } = mergeDatasetsWithReport(monday, tuesday);
    expect(report.mergedRelations).toEqual([{ from: 'r2', into: 'r2' }]);
    const attacked = dataset.relations.find((r) => r.type === 'attacked')!;
    const text = new Map(dataset.documents.map((d) => [d.id, d.text]));
    expect(attacked.evidence.map((e) => `${e.document}:${spanText(text.get(e.document)!, e)}`)).toEqual([
      'news:Russia attacked Ukraine.',
      'news-2:The Kremlin attacked Ukraine again.',
    ]);
    // Tuesday's r1 (p leads Russia) is a different relation from Monday's r1: renamed, not merged.
    expect(report.renamedRelations).toEqual([{ from: 'r1', to: 'r1-2' }]);
  });

  it('treats symmetric relations as the same in either direction, and negated ones as different', () => {
    const a = article('a', [['Russia met with Ukraine.', 'russia', 'met-with', 'ukraine', 'm1']], monday.entities.slice(1).map(({ mentions: _m, ...e }) => e));
    const b = article('b', [['Ukraine met with Russia.', 'ukraine', 'met-with', 'russia', 'm1']], monday.entities.slice(1).map(({ mentions: _m, ...e }) => e));
    expect(mergeDatasets(a, b).relations).toHaveLength(1);
    const negated = { ...b, relations: b.relations.map((r) => ({ ...r, negated: true })) };
    expect(mergeDatasets(a, negated).relations).toHaveLength(2);
  });

  it('keeps a merged relation hedged only if both were', () => {
    const hedged = (d: Dataset, value: boolean | undefined): Dataset => ({ ...d, relations: d.relations.map((r) => ({ ...r, hedged: value })) });
    const attacked = (d: Dataset) => d.relations.find((r) => r.type === 'attacked')!;
    expect(attacked(mergeDatasets(hedged(monday, true), hedged(tuesday, true))).hedged).toBe(true);
    expect(attacked(mergeDatasets(hedged(monday, true), hedged(tuesday, false))).hedged).toBe(false);
    expect(attacked(mergeDatasets(monday, tuesday)).hedged).toBeUndefined();
  });

  it('adds nothing when a dataset is merged with itself', () => {
    expect(mergeDatasets(seed, seed)).toStrictEqual(seed);
  });

  it('recognises an article already in the corpus under another id by its text', () => {
    const renamed: Dataset = {
      ...seed,
      documents: seed.documents.map((d) => ({ ...d, id: 'copy' })),
      entities: seed.entities.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m, document: 'copy' })) })),
      relations: seed.relations.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ ...e, document: 'copy' })) })),
    };
    const { dataset, report } = mergeDatasetsWithReport(seed, renamed);
    expect(report.sharedDocuments).toEqual([{ from: 'copy', into: 'seed' }]);
    expect(dataset).toStrictEqual(seed);
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify([monday, tuesday]);
    mergeDatasets(monday, tuesday);
    expect(JSON.stringify([monday, tuesday])).toBe(before);
  });

  it('folds many datasets left to right with deterministic renames', () => {
    const corpus = mergeAll([monday, tuesday, tuesday, monday]);
    expect(corpus.documents.map((d) => d.id)).toEqual(['news', 'news-2']);
    expect(validateDataset(corpus).ok).toBe(true);
    expect(mergeAll([])).toEqual({ version: 1, documents: [], entities: [], relations: [] });
  });

  it('renames an addition type whose id the first declares for the other kind, and retypes its records', () => {
    const base = (extra: Partial<Dataset>): Dataset => ({
      version: 1,
      documents: [{ id: 'd', title: '', text: '' }],
      entities: [{ id: 'a', label: 'A', type: 'country', aliases: [], mentions: [] }],
      relations: [],
      ...extra,
    });
    const first = base({ relationTypes: [{ id: 'supplies', label: 'supplies', directed: true }] });
    const second = base({
      entities: [{ id: 'b', label: 'B', type: 'supplies', aliases: [], mentions: [] }],
      entityTypes: [{ id: 'supplies', label: 'Supplier' }],
    });
    const { dataset, report } = mergeDatasetsWithReport(first, second);
    expect(report.renamedTypes).toEqual([{ kind: 'entity', from: 'supplies', to: 'supplies-2' }]);
    expect(dataset.entityTypes).toEqual([{ id: 'supplies-2', label: 'Supplier' }]);
    expect(dataset.entities.find((e) => e.id === 'b')?.type).toBe('supplies-2');
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('always gives a valid dataset holding every relation of both (property)', () => {
    fc.assert(
      fc.property(datasetArbitrary, datasetArbitrary, (a, b) => {
        const { dataset, report } = mergeDatasetsWithReport(a, b);
        const result = validateDataset(dataset);
        expect(result.ok ? [] : result.problems).toEqual([]);
        expect(dataset.relations.length).toBe(a.relations.length + b.relations.length - report.mergedRelations.length);
        const evidenceCount = (d: Dataset) => d.relations.reduce((n, r) => n + r.evidence.length, 0);
        expect(evidenceCount(dataset)).toBeLessThanOrEqual(evidenceCount(a) + evidenceCount(b));
        expect(evidenceCount(dataset)).toBeGreaterThanOrEqual(evidenceCount(a));
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeDatasets: when relations were reported, and when their events happened', () => {
  const withReported = (d: Dataset, spells: Record<string, Array<[string, string]>>): Dataset => ({
    ...d,
    relations: d.relations.map((r) => (spells[r.id] ? { ...r, reported: spells[r.id]!.map(([from, to]) => ({ from, to })) } : r)),
  });

  it('keeps the union of both relations\' reported spells, sorted, overlapping and touching ones joined', () => {
    const first = withReported(monday, { r2: [['2023-01-01', '2023-01-03']] });
    const second = withReported(tuesday, { r2: [['2022-12-01', '2022-12-02'], ['2023-01-04', '2023-01-05']] });
    const before = JSON.stringify([first, second]);
    const merged = mergeDatasets(first, second);
    expect(JSON.stringify([first, second])).toBe(before);
    expect(validateDataset(merged).ok).toBe(true);
    const attacked = merged.relations.find((r) => r.type === 'attacked')!;
    expect(attacked.reported).toEqual([
      { from: '2022-12-01', to: '2022-12-02' },
      { from: '2023-01-01', to: '2023-01-05' },
    ]);
    // Only one side declares days: they are kept as declared.
    expect(mergeDatasets(monday, second).relations.find((r) => r.type === 'attacked')!.reported).toEqual(second.relations.find((r) => r.id === 'r2')!.reported);
    expect(mergeDatasets(first, tuesday).relations.find((r) => r.type === 'attacked')!.reported).toEqual([{ from: '2023-01-01', to: '2023-01-03' }]);
    // A relation that is not merged keeps its own spells.
    const renamed = mergeDatasets(monday, withReported(tuesday, { r3: [['2023-02-01', '2023-02-01']] })).relations.find((r) => r.type === 'met-with')!;
    expect(renamed.reported).toEqual([{ from: '2023-02-01', to: '2023-02-01' }]);
  });

  it('keeps each evidence sentence\'s event date, and takes the other\'s when only it found one', () => {
    const entities = monday.entities.slice(1).map(({ mentions: _m, ...e }) => e);
    const dated = article('war', [['Russia attacked Ukraine on 24 February 2022.', 'russia', 'attacked', 'ukraine', 'a1']], entities);
    const text = dated.documents[0]!.text;
    const phrase = span('war', text, 'on 24 February 2022');
    const event = { date: '2022-02-24', start: phrase.start, end: phrase.end };
    const withEvent: Dataset = { ...dated, relations: dated.relations.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ ...e, event })) })) };
    expect(validateDataset(withEvent).ok).toBe(true);
    const before = JSON.stringify([dated, withEvent]);
    for (const [first, second] of [
      [dated, withEvent],
      [withEvent, dated],
      [withEvent, withEvent],
    ] as const) {
      const merged = mergeDatasets(first, second);
      expect(merged.relations).toHaveLength(1);
      expect(merged.relations[0]!.evidence).toEqual([{ document: 'war', start: 0, end: text.length, event }]);
      expect(validateDataset(merged).ok).toBe(true);
    }
    expect(JSON.stringify([dated, withEvent])).toBe(before);
    // Another article's sentence keeps its own date, moved with its document when renamed.
    const other = article('war', [['Ukraine was attacked by Russia in March 2022.', 'russia', 'attacked', 'ukraine', 'a1']], entities);
    const otherText = other.documents[0]!.text;
    const otherPhrase = span('war', otherText, 'in March 2022');
    const otherEvent = { date: '2022-03', start: otherPhrase.start, end: otherPhrase.end };
    const otherDated: Dataset = { ...other, relations: other.relations.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ ...e, event: otherEvent })) })) };
    const merged = mergeDatasets(withEvent, otherDated);
    const evidence = merged.relations[0]!.evidence;
    expect(evidence.map((e) => [e.document, e.event?.date])).toEqual([
      ['war', '2022-02-24'],
      ['war-2', '2022-03'],
    ]);
    const texts = new Map(merged.documents.map((d) => [d.id, d.text]));
    expect(evidence.map((e) => texts.get(e.document)!.slice(e.event!.start, e.event!.end))).toEqual(['on 24 February 2022', 'in March 2022']);
    expect(validateDataset(merged).ok).toBe(true);
  });
});
