/**
 * Asking the corpus: every answer is a valid newsgraph dataset carrying the
 * articles its sentences cite, and the filters, limits and errors behave as
 * corpusApi.ts says. On both backends (backends.ts); the byte-budget test
 * calls each backend's own assembler.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_ATTRIBUTES, CORPUS_LIMITS, DocumentsPageSchema, SearchResponseSchema, SubgraphQuerySchema, CorpusInfoSchema } from '../../../src/model/corpusApi.ts';
import { CorpusQueryError } from '../../../src/store/errors.ts';
import { PgAssembler } from '../../../src/store/postgres/assemble.ts';
import { currentTypes } from '../../../src/store/postgres/declaredTypes.ts';
import { RELATION_COLUMNS, type RelationRecord } from '../../../src/store/shared/answer.ts';
import { Assembler } from '../../../src/store/sqlite/assemble.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, testCorpora, type AnyStore, type TestCorpus } from './backends.ts';
import { article, BIDEN, smallCorpus, validAnswer, type EntitySpec } from './corpusFixtures.ts';

const q = (input: Record<string, string>) => SubgraphQuerySchema.parse(input);
const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(BACKENDS)('%s', (backend) => {
const corpus = testCorpora(backend);
let c: TestCorpus;
let store: AnyStore;
beforeAll(async () => {
  c = await corpus();
  store = c.store;
  for (const dataset of smallCorpus()) await store.addDataset(dataset, { ingestedAt: '2024-01-01T00:00:00.000Z' });
  return () => store.close();
});

describe('info and documents', () => {
  it('counts the corpus and its date range', async () => {
    const info = CorpusInfoSchema.parse(await store.info());
    expect(info).toMatchObject({ api: 1, documents: 4, entities: 7, relations: 7, sentences: 8, firstPublished: '2023-03-17', lastPublished: '2023-09-21' });
  });

  it('lists articles newest first (undated last), paged, with their metadata', async () => {
    const page = DocumentsPageSchema.parse(await store.documents(0, 2));
    expect(page.total).toBe(4);
    expect(page.documents.map((d) => d.id)).toEqual(['september', 'june']);
    expect(page.documents[1]).toEqual({ id: 'june', title: 'Summit talks', source: 'Courier', published: '2023-06-02T09:30:00Z', ingestedAt: '2024-01-01T00:00:00.000Z', relations: 3 });
    const rest = await store.documents(2, 200);
    expect(rest.documents.map((d) => d.id)).toEqual(['march', 'undated']);
    expect(rest.offset).toBe(2);
  });

  it('lists only the articles published inside a window, either end open; undated ones drop out', async () => {
    const ids = async (window: { since?: string; until?: string }) => (await store.documents(0, 200, window)).documents.map((d) => d.id);
    expect(await ids({ since: '2023-06-01', until: '2023-06-30' })).toEqual(['june']);
    expect(await ids({ since: '2023-06-02' })).toEqual(['september', 'june']);
    expect(await ids({ until: '2023-03-17' })).toEqual(['march']);
    const page = await store.documents(0, 1, { since: '2023-01-01', until: '2023-12-31' });
    expect([page.documents.length, page.total]).toEqual([1, 3]);
  });

  it('gives one article whole, with every relation it supports and every mention in it', async () => {
    const answer = validAnswer((await store.document('march'))!);
    expect(answer.documents).toEqual([
      { id: 'march', title: 'Warrant issued', text: smallCorpus()[0]!.documents[0]!.text, source: 'Wire', url: 'https://news.example/march', published: '2023-03-17' },
    ]);
    expect(answer.relations.map((r) => r.type).sort()).toEqual(['issued-warrant', 'leader-of']);
    expect(answer.entities.flatMap((e) => e.mentions)).toHaveLength(smallCorpus()[0]!.entities.flatMap((e) => e.mentions).length);
    expect(await store.document('nope')).toBeUndefined();
  });
});

describe('overview', () => {
  it('sends the most-connected entities and the relations among them', async () => {
    const answer = validAnswer(await store.overview(3));
    const degrees = answer.entities.map((e) => e.attributes?.[CORPUS_ATTRIBUTES.degree]);
    // Putin has three relations; the others two each, ties in the order the corpus met them.
    expect(answer.entities.slice(0, 3).map((e) => e.id)).toEqual(['vladimir-putin', 'russia', 'joe-biden']);
    expect(degrees.slice(0, 3)).toEqual([3, 2, 2]);
    const top = new Set(answer.entities.map((e) => e.id));
    for (const r of answer.relations) expect(top.has(r.source) && top.has(r.target)).toBe(true);
    expect(answer.relations.length).toBeGreaterThan(0);
  });
});

describe('neighbourhood', () => {
  it('finds an entity by id, label or alias, without case or accents', async () => {
    for (const entity of ['joe-biden', 'Joe Biden', 'BIDEN', 'bïden']) {
      const answer = validAnswer(await store.subgraph(q({ entity })));
      expect(answer.entities[0]!.id).toBe('joe-biden');
      expect(answer.relations.map((r) => r.type).sort()).toEqual(['accused', 'met-with']);
    }
  });

  it('carries the cited articles whole with their metadata, the corpus counts, and only mentions in those articles', async () => {
    const answer = validAnswer(await store.subgraph(q({ entity: 'Biden' })));
    const cited = new Set(answer.relations.flatMap((r) => r.evidence.map((e) => e.document)));
    expect(new Set(answer.documents.map((d) => d.id))).toEqual(cited);
    const september = answer.documents.find((d) => d.id === 'september')!;
    expect(september).toMatchObject({ source: 'Wire', published: '2023-09-21' });
    expect(september.text).toBe(smallCorpus()[2]!.documents[0]!.text);
    for (const e of answer.entities) for (const m of e.mentions) expect(cited.has(m.document)).toBe(true);
    for (const r of answer.relations) expect(r.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal]).toBe(r.evidence.length);
  });

  it('reaches two hops', async () => {
    const one = validAnswer(await store.subgraph(q({ entity: 'Putin', hops: '1' })));
    const two = validAnswer(await store.subgraph(q({ entity: 'Putin', hops: '2' })));
    expect(one.relations.map((r) => r.type).sort()).toEqual(['accused', 'issued-warrant', 'leader-of']);
    // Through Biden (met Zelensky) and Russia (sanctioned by the US).
    expect(two.relations.map((r) => r.type).sort()).toEqual(['accused', 'issued-warrant', 'leader-of', 'met-with', 'sanctioned']);
  });

  it('filters by relation type', async () => {
    const answer = validAnswer(await store.subgraph(q({ entity: 'Biden', hops: '2', types: 'met-with,accused' })));
    expect(new Set(answer.relations.map((r) => r.type))).toEqual(new Set(['met-with', 'accused']));
  });

  it('keeps relations with a sentence in the date window, sends only those sentences, and leaves undated articles out', async () => {
    const summer = validAnswer(await store.subgraph(q({ entity: 'Biden', since: '2023-06-01', until: '2023-06-30' })));
    expect(summer.relations).toHaveLength(1);
    expect(summer.relations[0]!.evidence.map((e) => e.document)).toEqual(['june']);
    expect(summer.relations[0]!.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal]).toBe(2);
    expect(summer.documents.map((d) => d.id)).toEqual(['june']);
    // A date-time bound counts by its day; bounds are inclusive.
    const day = validAnswer(await store.subgraph(q({ entity: 'Biden', since: '2023-09-21T23:00:00Z', until: '2023-09-21' })));
    expect(day.relations.map((r) => r.type)).toEqual(['accused']);
    const none = validAnswer(await store.subgraph(q({ entity: 'Biden', since: '2030-01-01' })));
    expect(none.relations).toEqual([]);
    expect(none.entities.map((e) => e.id)).toEqual(['joe-biden']);
  });

  it('keeps relations with a sentence containing the words (full-text), whatever the user types', async () => {
    const kyiv = validAnswer(await store.subgraph(q({ entity: 'Zelensky', text: 'kyiv' })));
    expect(kyiv.relations.map((r) => r.type)).toEqual(['met-with']);
    expect(kyiv.relations[0]!.evidence).toHaveLength(1);
    for (const text of ['war AND', '"unbalanced', 'NEAR(x y', 'col:term', 'text:kyiv', '^kyiv*', 'kyiv OR NOT crimes)']) {
      const answer = await store.subgraph(q({ entity: 'Zelensky', text }));
      validAnswer(answer);
    }
    await expect(store.subgraph(q({ entity: 'Zelensky', text: '?!' }))).rejects.toThrow(/has no word to search for/);
  });

  it('cuts at the limit, best-supported first, and says so', async () => {
    const hub = await hubCorpus();
    const answer = await hub.subgraph(q({ entity: 'Hub Person', limit: '5' }));
    const dataset = validAnswer(answer);
    expect(dataset.relations).toHaveLength(5);
    expect(answer.truncated).toBe(true);
    expect(answer.note).toMatch(/only the 5 best-supported relations are shown; more match/);
    expect(dataset.relations[0]!.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal]).toBe(5);
    expect(dataset.relations[0]!.evidence).toHaveLength(CORPUS_LIMITS.evidencePerRelation);
    const all = await hub.subgraph(q({ entity: 'Hub Person', limit: '100' }));
    expect(all.truncated).toBe(false);
    expect(validAnswer(all).relations).toHaveLength(12);
    // Two hops through the hub: its best-supported relations fill the slots the first hop left.
    const through = await hub.subgraph(q({ entity: 'Other B', hops: '2', limit: '4' }));
    expect(validAnswer(through).relations.map((r) => r.target)).toEqual(['other-b', 'other-a', 'other-c', 'other-d']);
    expect(through.truncated).toBe(true);
    expect(validAnswer(await hub.subgraph(q({ entity: 'Other B', hops: '2', limit: '12' }))).relations).toHaveLength(12);
    // Two hops with a limit the first hop already fills: cut there.
    expect(validAnswer(await hub.subgraph(q({ entity: 'Hub Person', hops: '2', limit: '3' }))).relations).toHaveLength(3);
    // Every sentence of a relation, up to evidenceMax, from /api/evidence.
    const full = validAnswer(await hub.evidence([dataset.relations[0]!.id]));
    expect(full.relations[0]!.evidence).toHaveLength(5);
    await hub.close();
  });

  it('cuts at the byte budget, keeping at least one relation, and says so', async () => {
    const relations = await c.rows<RelationRecord>(`SELECT ${RELATION_COLUMNS} FROM relations r ORDER BY pk`);
    const options = { title: 't', evidencePerRelation: 3, budgetBytes: 1_000 };
    let answer;
    if (store instanceof SqliteCorpusStore) answer = new Assembler(store.connection).assemble(relations, options);
    else {
      const sql = store.connection;
      answer = await new PgAssembler(sql, () => currentTypes(sql)).assemble(relations, options);
    }
    const dataset = validAnswer(answer);
    expect(dataset.relations).toHaveLength(1);
    expect(answer.truncated).toBe(true);
    expect(answer.note).toMatch(/cut at 1 of 7 relations to stay under/);
  });

  it('refuses an unknown entity with the closest names, and an ambiguous one with the candidates', async () => {
    const unknown = await store.subgraph(q({ entity: 'Bidne' })).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(CorpusQueryError);
    expect((unknown as CorpusQueryError).kind).toBe('unknown-entity');
    expect((unknown as CorpusQueryError).candidates.map((c) => c.id)).toContain('joe-biden');
    expect((unknown as Error).message).toMatch(new RegExp(`^no entity "Bidne" in ${pattern(store.name)}\\. Fix: did you mean "Joe Biden" \\(id "joe-biden", person\\)`));
    const nothing = await store.subgraph(q({ entity: 'qqqqqqqq' })).catch((error: unknown) => error);
    expect((nothing as Error).message).toContain('check the spelling');
    const ambiguous = (await corpus()).store;
    const both = (label: string, type: EntitySpec['type']) =>
      article({ id: `${type}`, entities: [{ label, type }, BIDEN], sentences: [{ text: `Biden accused ${label} (${type}).`, relations: [{ type: 'accused', source: 'Joe Biden', target: label }] }] });
    await ambiguous.addDataset(both('Jordan', 'country'));
    await ambiguous.addDataset(both('Jordan', 'person'));
    // "jordan" is the country's id (an id wins); the name fits both.
    expect(validAnswer(await ambiguous.subgraph(q({ entity: 'jordan' }))).entities[0]!.type).toBe('country');
    const error = await ambiguous.subgraph(q({ entity: 'JORDAN' })).catch((e: unknown) => e);
    expect((error as CorpusQueryError).kind).toBe('ambiguous-entity');
    expect((error as CorpusQueryError).candidates.map((c) => c.id).sort()).toEqual(['jordan', 'jordan-2']);
    await ambiguous.close();
  });
});

describe('evidence', () => {
  it('sends the asked relations with their sentences and ends, and refuses unknown ids', async () => {
    const ids = validAnswer(await store.subgraph(q({ entity: 'Biden' }))).relations.map((r) => r.id);
    const answer = validAnswer(await store.evidence(ids));
    expect(answer.relations.map((r) => r.id)).toEqual(ids);
    await expect(store.evidence([ids[0]!, 'no-such-relation'])).rejects.toThrow(new RegExp(`no relation "no-such-relation" in ${pattern(store.name)}`));
  });
});

describe('search', () => {
  it('finds entities by label or alias (exact, then prefix, then contained) ranked by degree', async () => {
    const result = SearchResponseSchema.parse(await store.search('bid', 10));
    expect(result.entities.map((e) => e.id)).toEqual(['joe-biden']);
    expect(result.entities[0]).toEqual({ id: 'joe-biden', label: 'Joe Biden', type: 'person', aliases: ['Biden'], degree: 2 });
    const contained = await store.search('states', 10);
    expect(contained.entities.map((e) => e.id)).toEqual(['united-states']);
  });

  it('finds sentences by their words with the relation and the article, the last word as a prefix', async () => {
    const result = SearchResponseSchema.parse(await store.search('arrest warr', 10));
    expect(result.evidence).toHaveLength(1);
    const hit = result.evidence[0]!;
    expect(hit).toMatchObject({ type: 'issued-warrant', source: { id: 'international-criminal-court' }, target: { id: 'vladimir-putin' }, document: { id: 'march', title: 'Warrant issued', published: '2023-03-17' } });
    expect(smallCorpus()[0]!.documents[0]!.text.slice(hit.start, hit.end)).toBe(hit.sentence);
  });

  it('never fails on what a user types', async () => {
    for (const text of ['"', 'AND', 'NEAR(', '(*)', '-', '\u0000', 'kyiv\u0000x', "it's o'clock:*", '!!(&|',  'x'.repeat(500), '__proto__', '   ']) {
      SearchResponseSchema.parse(await store.search(text, 5));
    }
  });
});

/** One person related to twelve others, the first supported by five sentences, the second by four… */
async function hubCorpus(): Promise<AnyStore> {
  const hub = (await corpus()).store;
  const others: EntitySpec[] = Array.from({ length: 12 }, (_, i) => ({ label: `Other ${String.fromCharCode(65 + i)}`, type: 'person' }));
  const HUB: EntitySpec = { label: 'Hub Person', type: 'person' };
  let n = 0;
  for (const [i, other] of others.entries()) {
    const times = Math.max(1, 5 - i);
    for (let t = 0; t < times; t++) {
      await hub.addDataset(
        article({ id: `a${++n}`, entities: [HUB, other], sentences: [{ text: `Hub Person met with ${other.label} (${t}).`, relations: [{ type: 'met-with', source: 'Hub Person', target: other.label }] }] }),
      );
    }
  }
  return hub;
}
});
