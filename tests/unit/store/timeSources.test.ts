/**
 * Time and sources in the corpus (schema version 2), on real SQLite files:
 * event dates and declared spells kept; every relation sent carries its
 * whole-corpus reporting days and its article and outlet counts (wire
 * copies once); copy groups as `wireCopyGroups` finds them; the timeline
 * equal to `buildHistogram` over the whole corpus exported; `minOutlets`.
 */

import { describe, expect, it } from 'vitest';
import { CORPUS_ATTRIBUTES, SubgraphQuerySchema, TimelineResponseSchema } from '../../../src/model/corpusApi.ts';
import { dayString } from '../../../src/model/days.ts';
import { buildSourceIndex } from '../../../src/model/relationSources.ts';
import type { Dataset, Relation } from '../../../src/model/schema.ts';
import { TIMELINE_BUCKETS } from '../../../src/model/timeline.ts';
import { MAX_SPELL_DAYS } from '../../../src/store/shared/reportingDays.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, testCorpora } from './backends.ts';
import { article, ICC, PUTIN, RUSSIA, smallCorpus, UKRAINE, validAnswer, wireStory } from './corpusFixtures.ts';
import { copyOf, expectedCopyOf, expectTimelineMatches, withoutCorpusCounts } from './timeChecks.ts';


const relationNamed = (dataset: Dataset, id: string): Relation => {
  const relation = dataset.relations.find((r) => r.id === id);
  if (!relation) expect.fail(`no relation ${id} in the answer (has ${dataset.relations.map((r) => r.id).join(', ')})`);
  return relation;
};

/** A graph with no articles whose relation declares when it was reported (a Gephi timeline imported). */
function declared(spells: Array<{ from: string; to: string }>): Dataset {
  return {
    version: 1,
    documents: [],
    entities: [
      { id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: [] },
      { id: 'ukraine', label: 'Ukraine', type: 'country', aliases: [], mentions: [] },
    ],
    relations: [{ id: 'russia-sanctioned-ukraine', type: 'sanctioned', source: 'russia', target: 'ukraine', evidence: [], reported: spells }],
  };
}

describe.each(BACKENDS)('reporting days (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('keeps event dates, and sends each relation every day the corpus reported it, declared spells included', async () => {
    const c = await corpus();
    const { store } = c;
    const march = article({
      id: 'march',
      published: '2023-03-17',
      source: 'Wire',
      entities: [ICC, PUTIN, RUSSIA],
      sentences: [{ text: 'The ICC issued an arrest warrant for Vladimir Putin on 17 March 2023.', relations: [{ type: 'issued-warrant', source: 'International Criminal Court', target: 'Vladimir Putin' }] }],
    });
    const sentence = march.documents[0]!.text;
    const phrase = 'on 17 March 2023';
    march.relations[0]!.evidence[0]!.event = { date: '2023-03-17', start: sentence.indexOf(phrase), end: sentence.indexOf(phrase) + phrase.length };
    await store.addDataset(march);
    const later = article({
      id: 'later',
      published: '2023-03-18T08:00:00Z',
      source: 'Courier',
      entities: [ICC, PUTIN],
      sentences: [{ text: 'A day later the ICC defended its arrest warrant for Putin.', relations: [{ type: 'issued-warrant', source: 'International Criminal Court', target: 'Vladimir Putin' }] }],
    });
    await store.addDataset(later);
    await store.addDataset(declared([{ from: '2022-02-24', to: '2022-02-26' }, { from: '2022-03-01', to: '2022-03-01' }]));

    const answer = validAnswer(await store.evidence(['international-criminal-court-issued-warrant-vladimir-putin', 'russia-sanctioned-ukraine']));
    const warrant = relationNamed(answer, 'international-criminal-court-issued-warrant-vladimir-putin');
    expect(warrant.reported).toEqual([{ from: '2023-03-17', to: '2023-03-18' }]);
    expect(warrant.evidence.find((e) => e.document === 'march')!.event).toEqual({ date: '2023-03-17', start: sentence.indexOf(phrase), end: sentence.indexOf(phrase) + phrase.length });
    expect(warrant.evidence.find((e) => e.document === 'later')!.event).toBeUndefined();
    expect(relationNamed(answer, 'russia-sanctioned-ukraine').reported).toEqual([{ from: '2022-02-24', to: '2022-02-26' }, { from: '2022-03-01', to: '2022-03-01' }]);
    // The same days in the overview and the article view; the days are rows, not a join over evidence.
    expect(relationNamed(validAnswer(await store.overview(10)), warrant.id).reported).toEqual(warrant.reported);
    expect(relationNamed(validAnswer((await store.document('march'))!), warrant.id).reported).toEqual(warrant.reported);
    expect(await c.row('SELECT count(*) AS n FROM relation_days')).toEqual({ n: 2 + 4 });
    await store.close();
  });

  it('cuts an absurd declared spell to its first days, and says so', async () => {
    const c = await corpus();
    const { store } = c;
    const report = await store.addDataset(declared([{ from: '1000-01-01', to: '9999-12-31' }]));
    expect(report.notes).toHaveLength(1);
    expect(report.notes![0]).toMatch(/^relation sanctioned Russia → Ukraine: its reported spell 1000-01-01 to 9999-12-31 is longer than 3,660 days; only its first 3,660 are kept$/);
    expect(await c.row('SELECT count(*) AS n FROM relation_days')).toEqual({ n: MAX_SPELL_DAYS });
    const relation = validAnswer(await store.evidence(['russia-sanctioned-ukraine'])).relations[0]!;
    expect(relation.reported).toEqual([{ from: '1000-01-01', to: dayString(Date.UTC(1000, 0, 1) / 86_400_000 + MAX_SPELL_DAYS - 1) }]);
    await store.close();
  });
});

describe.each(BACKENDS)('wire copies and source counts (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('groups near-identical texts as wireCopyGroups does, the earliest published the original', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(wireStory({ id: 'wire', source: 'Wire', published: '2023-05-02' }));
    await store.addDataset(wireStory({ id: 'reprint', source: 'Courier', published: '2023-05-03', verb: 'voiced' }));
    await store.addDataset(wireStory({ id: 'other-story', source: 'Courier', published: '2023-05-03', topic: 'fertiliser' }));
    expect(await copyOf(store)).toEqual(new Map([['wire', null], ['reprint', 'wire'], ['other-story', null]]));
    // An earlier copy arriving later becomes the group's original.
    const early = wireStory({ id: 'early', source: 'Herald', published: '2023-05-01', verb: 'raised' });
    const report = await store.addDataset(early);
    expect(report.wireCopies).toBe(1);
    expect(await copyOf(store)).toEqual(new Map([['wire', 'early'], ['reprint', 'early'], ['other-story', null], ['early', null]]));
    expect(await copyOf(store)).toEqual(await expectedCopyOf(store));
    await store.close();
  });

  it('counts articles and outlets per relation over the whole corpus, copies once, an unnamed outlet as its own', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(wireStory({ id: 'wire', source: 'Wire', published: '2023-05-02' }));
    await store.addDataset(wireStory({ id: 'reprint', source: 'Courier', published: '2023-05-03', verb: 'voiced' }));
    await store.addDataset(wireStory({ id: 'courier-own', source: ' Courier ', published: '2023-05-04', topic: 'fertiliser' }));
    await store.addDataset(wireStory({ id: 'no-outlet-1', published: '2023-05-05', topic: 'steel' }));
    await store.addDataset(wireStory({ id: 'no-outlet-2', topic: 'timber' }));
    const id = 'russia-accused-ukraine';
    const answer = validAnswer(await store.evidence([id]));
    const relation = relationNamed(answer, id);
    // 5 articles, the reprint counted as the wire story: 4; outlets Wire (the reprint is Wire's story), Courier, and two unnamed: 4.
    expect(relation.attributes).toMatchObject({ [CORPUS_ATTRIBUTES.articles]: 4, [CORPUS_ATTRIBUTES.outlets]: 4, [CORPUS_ATTRIBUTES.evidenceTotal]: 5 });
    const local = buildSourceIndex(withoutCorpusCounts(answer)).byRelation.get(id)!;
    expect([local.articleCount, local.outletCount]).toEqual([4, 4]);
    // A neighbourhood cut to one sentence per article still carries the whole-corpus counts.
    const narrow = relationNamed(validAnswer(await store.subgraph(SubgraphQuerySchema.parse({ entity: 'Russia', until: '2023-05-02' }))), id);
    expect(narrow.evidence).toHaveLength(1);
    expect(narrow.attributes).toMatchObject({ [CORPUS_ATTRIBUTES.articles]: 4, [CORPUS_ATTRIBUTES.outlets]: 4 });
    expect(narrow.reported).toEqual([{ from: '2023-05-02', to: '2023-05-05' }]);
    await store.close();
  });

  it('minOutlets keeps relations reported by at least that many outlets, with the date window still applied', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(wireStory({ id: 'wire', source: 'Wire', published: '2023-05-02' }));
    await store.addDataset(wireStory({ id: 'reprint', source: 'Courier', published: '2023-05-03', verb: 'voiced' }));
    await store.addDataset(
      article({
        id: 'herald',
        source: 'Herald',
        published: '2023-06-01',
        entities: [RUSSIA, UKRAINE, PUTIN],
        sentences: [
          { text: 'Russia accused Ukraine again.', relations: [{ type: 'accused', source: 'Russia', target: 'Ukraine' }] },
          { text: 'Putin leads Russia.', relations: [{ type: 'leader-of', source: 'Vladimir Putin', target: 'Russia' }] },
        ],
      }),
    );
    const ask = async (extra: Record<string, string>) =>
      validAnswer(await store.subgraph(SubgraphQuerySchema.parse({ entity: 'Russia', ...extra }))).relations.map((r) => `${r.id}:${String(r.attributes?.[CORPUS_ATTRIBUTES.outlets])}`).sort();
    expect(await ask({})).toEqual(['russia-accused-ukraine:2', 'vladimir-putin-leader-of-russia:1']);
    expect(await ask({ minOutlets: '2' })).toEqual(['russia-accused-ukraine:2']);
    expect(await ask({ minOutlets: '3' })).toEqual([]);
    // The count is the whole corpus's; the window chooses the sentences.
    expect(await ask({ minOutlets: '2', since: '2023-06-01' })).toEqual(['russia-accused-ukraine:2']);
    expect(await ask({ minOutlets: '1', until: '2023-05-31' })).toEqual(['russia-accused-ukraine:2']);
    expect(await ask({ minOutlets: '2', hops: '2' })).toEqual(['russia-accused-ukraine:2']);
    await store.close();
  });
});

describe.each(BACKENDS)('the timeline (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('is buildHistogram over the whole corpus exported, in every bucket and by default', async () => {
    const c = await corpus();
    const { store } = c;
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    // Reported on several days of one week and across months; plus a relation with no date at all.
    await store.addDataset(declared([{ from: '2023-03-13', to: '2023-03-15' }, { from: '2023-05-30', to: '2023-06-02' }]));
    await store.addDataset(wireStory({ id: 'wire', source: 'Wire', published: '2023-09-19' }));
    await store.addDataset(wireStory({ id: 'reprint', source: 'Courier', published: '2023-09-20', verb: 'voiced' }));
    for (const bucket of [undefined, ...TIMELINE_BUCKETS]) await expectTimelineMatches(store, bucket);
    const byWeek = await store.timeline('week');
    const march13 = byWeek.starts.indexOf('2023-03-13');
    // The sanctioned relation, reported three days of the week of 13 March, counts once there; the warrant of the 17th too.
    expect(byWeek.counts[march13]![byWeek.types.indexOf('sanctioned')]).toBe(1);
    expect(byWeek.counts[march13]![byWeek.types.indexOf('issued-warrant')]).toBe(1);
    // The undated article's met-with (Zelensky → Biden) is the same relation as June's (a symmetric type): dated.
    expect(byWeek.undated.reduce((a, b) => a + b, 0)).toBe(0);
    await store.close();
  });

  it('is kept until the corpus changes, through this store or another connection', async () => {
    // SQLite keeps the answer until data_version says another connection wrote; PostgreSQL recomputes it (no cheap "changed since").
    const c = await corpus();
    const reader = c.store;
    const writer = c.store instanceof SqliteCorpusStore ? SqliteCorpusStore.open(c.location, { create: false }) : await PostgresCorpusStore.open(c.location, { create: false });
    await writer.addDataset(smallCorpus()[0]!);
    const first = await reader.timeline('month');
    expect(first.starts).toEqual(['2023-03-01']);
    if (reader instanceof SqliteCorpusStore) expect(await reader.timeline('month')).toBe(first);
    else expect(await reader.timeline('month')).toEqual(first);
    await writer.addDataset(smallCorpus()[1]!);
    expect((await reader.timeline('month')).starts).toEqual(['2023-03-01', '2023-04-01', '2023-05-01', '2023-06-01']);
    await reader.addDataset(smallCorpus()[2]!);
    expect((await reader.timeline('month')).starts.at(-1)).toBe('2023-09-01');
    await reader.close();
    await writer.close();
  });

  it('of an empty corpus has no buckets; undated relations are counted per type', async () => {
    const c = await corpus();
    const { store } = c;
    expect(await store.timeline()).toMatchObject({ bucket: 'day', starts: [], counts: [] });
    await store.addDataset(smallCorpus()[3]!);
    const timeline = TimelineResponseSchema.parse(await store.timeline('month'));
    expect(timeline.starts).toEqual([]);
    expect(timeline.undated[timeline.types.indexOf('met-with')]).toBe(1);
    await expectTimelineMatches(store, 'month');
    await store.close();
  });
});
