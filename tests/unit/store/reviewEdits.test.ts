/**
 * Edits in the corpus store, on a real SQLite file
 * ================================================
 *
 * Every edit kind through `applyEdit`, each checked for its effect on the
 * whole corpus (`exportAll`), then undone (the corpus is exactly as before)
 * and redone (exactly as after); the file's counters and indexes stay
 * consistent throughout; refused edits change nothing; the history and the
 * undo/redo position survive reopening the file.
 */

import { describe, expect, it } from 'vitest';
import type { Dataset, Edit } from '../../../src/model/index.ts';
import { validateDataset } from '../../../src/model/index.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, testCorpora, type AnyStore } from './backends.ts';
import { article, BIDEN, smallCorpus, validAnswer } from './corpusFixtures.ts';
import { storeRows } from './storeRows.ts';

const ZELENSKYY = { label: 'Zelenskyy', type: 'person' as const };

describe.each(BACKENDS)('%s', (backend) => {
const fresh = testCorpora(backend);
/** Where each store's corpus is, to open it again. */
const reopeners = new Map<AnyStore, () => Promise<AnyStore>>();
const newStore = async (): Promise<AnyStore> => {
  const c = await fresh();
  reopeners.set(c.store, c.reopen);
  return c.store;
};

/** The small corpus and one article naming Zelensky with another spelling (a duplicate entity to merge). */
async function corpus(): Promise<AnyStore> {
  const store = await newStore();
  for (const dataset of smallCorpus()) await store.addDataset(dataset);
  await store.addDataset(
    article({
      id: 'october',
      published: '2023-10-05',
      source: 'Herald',
      entities: [ZELENSKYY, BIDEN],
      sentences: [{ text: 'Zelenskyy met with Joe Biden in Washington.', relations: [{ type: 'met-with', source: 'Zelenskyy', target: 'Joe Biden' }] }],
    }),
  );
  return store;
}

/** The corpus as data, without its history (what undo must restore exactly). */
async function records(store: AnyStore): Promise<Dataset> {
  const { history: _history, ...rest } = await store.exportAll();
  return rest;
}

const relationOf = async (store: AnyStore, type: string): Promise<string> => (await storeRows<{ id: string }>(store, 'SELECT id FROM relations WHERE type = ? ORDER BY pk', type))[0]!.id;

/** The counters and indexes the writer keeps agree with the rows (what a wrong write-back would break first). */
async function expectConsistent(store: AnyStore): Promise<void> {
  const rows = (sql: string) => storeRows(store, sql);
  // PostgreSQL checks its foreign keys on every statement; SQLite's are checked here (and its full-text index below).
  if (store instanceof SqliteCorpusStore) expect(store.connection.pragma('foreign_key_check')).toEqual([]);
  expect(await rows('SELECT pk FROM entities e WHERE degree != (SELECT count(*) FROM relations r WHERE r.source = e.pk OR r.target = e.pk)')).toEqual([]);
  expect(await rows('SELECT pk FROM relations r WHERE sentence_count != (SELECT count(*) FROM evidence WHERE relation = r.pk)')).toEqual([]);
  expect(await rows('SELECT pk FROM documents d WHERE relation_count != (SELECT count(DISTINCT e.relation) FROM sentences s JOIN evidence e ON e.sentence = s.pk WHERE s.document = d.pk)')).toEqual([]);
  expect(await rows('SELECT pk FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE sentence = s.pk)')).toEqual([]);
  expect(await rows("SELECT e.pk FROM entities e WHERE NOT EXISTS (SELECT 1 FROM entity_names n WHERE n.entity = e.pk)")).toEqual([]);
  if (store instanceof SqliteCorpusStore) store.connection.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
  // PostgreSQL's reporting span (migrations.ts, step 3), kept by triggers, is each relation's first to last reporting day.
  else expect(await rows("SELECT pk FROM relations r WHERE reported_span IS DISTINCT FROM (SELECT CASE WHEN count(*) > 0 THEN int4range(min(day), max(day), '[]') END FROM relation_days d WHERE d.relation = r.pk)")).toEqual([]);
}

async function expectValidExport(store: AnyStore): Promise<Dataset> {
  const all = await store.exportAll();
  const checked = validateDataset(all);
  if (!checked.ok) expect.fail(`the full export is not valid: ${checked.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return all;
}

/** Applies the edit, checks its effect, then undo (exactly as before) and redo (exactly as after). */
async function roundTrip(edit: (store: AnyStore) => Edit | Promise<Edit>, check: (after: Dataset, before: Dataset) => void): Promise<void> {
  const store = await corpus();
  try {
    const before = await records(store);
    const outcome = await store.applyEdit(await edit(store), new Date('2024-01-02T03:04:05Z'));
    if (!outcome.ok) expect.fail(`the edit was refused: ${outcome.reason}`);
    expect(outcome.label).not.toBe('');
    await expectConsistent(store);
    await expectValidExport(store);
    const after = await records(store);
    check(after, before);
    expect(await store.history()).toEqual({ entries: [{ label: outcome.label, at: '2024-01-02T03:04:05.000Z', applied: true }], position: 1 });

    expect(await store.undo()).toEqual({ ok: true, label: outcome.label });
    await expectConsistent(store);
    expect(await records(store)).toEqual(before);
    expect((await store.history()).position).toBe(0);

    expect(await store.redo()).toEqual({ ok: true, label: outcome.label });
    await expectConsistent(store);
    expect(await records(store)).toEqual(after);
    expect((await store.history()).position).toBe(1);
  } finally {
    await store.close();
  }
}

const relation = (dataset: Dataset, id: string) => dataset.relations.find((r) => r.id === id);
const entity = (dataset: Dataset, id: string) => dataset.entities.find((e) => e.id === id);

describe('each edit kind through the store, undone and redone', () => {
  it('accept marks the relation accepted', async () => {
    let id = '';
    await roundTrip(
      async (store) => ({ kind: 'accept', relation: (id = await relationOf(store, 'leader-of')) }),
      (after) => expect(relation(after, id)!.review).toEqual({ status: 'accepted' }),
    );
  });

  it('reject keeps the relation, rejected with its reason', async () => {
    let id = '';
    await roundTrip(
      async (store) => ({ kind: 'reject', relation: (id = await relationOf(store, 'sanctioned')), reason: 'old news' }),
      (after, before) => {
        expect(relation(after, id)!.review).toEqual({ status: 'rejected', reason: 'old news' });
        expect(after.relations.length).toBe(before.relations.length);
      },
    );
  });

  it('correct swaps the direction and keeps the proposed claim', async () => {
    let id = '';
    await roundTrip(
      async (store) => ({ kind: 'correct', relation: (id = await relationOf(store, 'accused')), swap: true }),
      (after, before) => {
        const was = relation(before, id)!;
        const now = relation(after, id)!;
        expect([now.source, now.target]).toEqual([was.target, was.source]);
        expect(now.review?.status).toBe('corrected');
        expect(now.review?.proposed).toMatchObject({ type: 'accused', source: was.source, target: was.target });
      },
    );
  });

  it('add-relation stores a new relation with its sentence, added by hand', async () => {
    await roundTrip(
      async (store) => {
        const text = (await storeRows<{ text: string }>(store, "SELECT text FROM documents WHERE id = 'september'"))[0]!.text;
        const start = text.indexOf('Biden accused Putin');
        return { kind: 'add-relation', type: 'urged', source: 'joe-biden', target: 'vladimir-putin', evidence: { document: 'september', start, end: text.indexOf('.', start) + 1 } };
      },
      (after, before) => {
        expect(after.relations.length).toBe(before.relations.length + 1);
        const added = after.relations.find((r) => r.type === 'urged')!;
        expect(added).toMatchObject({ source: 'joe-biden', target: 'vladimir-putin', review: { status: 'added' } });
        expect(added.evidence).toHaveLength(1);
      },
    );
  });

  it('merge-entities moves the names, mentions and relations, and folds the relation they now share', async () => {
    await roundTrip(
      () => ({ kind: 'merge-entities', into: 'volodymyr-zelensky', from: 'zelenskyy' }),
      (after, before) => {
        expect(entity(after, 'zelenskyy')).toBeUndefined();
        const merged = entity(after, 'volodymyr-zelensky')!;
        expect(merged.aliases).toContain('Zelenskyy');
        expect(merged.mentions.length).toBe(entity(before, 'volodymyr-zelensky')!.mentions.length + entity(before, 'zelenskyy')!.mentions.length);
        // Both met Biden: one met-with relation with all three sentences.
        const met = after.relations.filter((r) => r.type === 'met-with');
        expect(met).toHaveLength(1);
        expect(met[0]!.evidence).toHaveLength(3);
        expect(after.relations.some((r) => r.source === 'zelenskyy' || r.target === 'zelenskyy')).toBe(false);
      },
    );
  });

  it('split-entity cuts a name off into an entity of its own, with its mentions', async () => {
    await roundTrip(
      () => ({ kind: 'split-entity', entity: 'vladimir-putin', names: ['Putin'] }),
      (after, before) => {
        expect(after.entities.length).toBe(before.entities.length + 1);
        const cut = after.entities.find((e) => !before.entities.some((b) => b.id === e.id))!;
        expect(cut.label).toBe('Putin');
        expect(cut.mentions.length).toBeGreaterThan(0);
        expect(entity(after, 'vladimir-putin')!.aliases).not.toContain('Putin');
        // The relations whose sentences name only "Putin" went with it.
        expect(after.relations.some((r) => r.source === cut.id || r.target === cut.id)).toBe(true);
      },
    );
  });

  it('rename-entity changes the label, and the corpus finds the entity by its new name', async () => {
    await roundTrip(
      () => ({ kind: 'rename-entity', entity: 'vladimir-putin', label: 'President Putin' }),
      (after) => expect(entity(after, 'vladimir-putin')!.label).toBe('President Putin'),
    );
    const store = await corpus();
    await store.applyEdit({ kind: 'rename-entity', entity: 'vladimir-putin', label: 'President Putin' });
    expect(validAnswer(await store.subgraph({ entity: 'President Putin', hops: 1, limit: 100 })).entities.map((e) => e.id)).toContain('vladimir-putin');
    await store.close();
  });

  it('retype-entity changes the type', async () => {
    await roundTrip(
      () => ({ kind: 'retype-entity', entity: 'international-criminal-court', type: 'country' }),
      (after) => expect(entity(after, 'international-criminal-court')!.type).toBe('country'),
    );
  });

  it('add-alias adds a name the corpus searches', async () => {
    await roundTrip(
      () => ({ kind: 'add-alias', entity: 'vladimir-putin', alias: 'V. V. Putin' }),
      (after) => expect(entity(after, 'vladimir-putin')!.aliases).toContain('V. V. Putin'),
    );
    const store = await corpus();
    await store.applyEdit({ kind: 'add-alias', entity: 'vladimir-putin', alias: 'Vova' });
    expect((await store.search('Vova', 10)).entities.map((e) => e.id)).toContain('vladimir-putin');
    await store.close();
  });
});

describe('refused edits and the history', () => {
  it('refuses an invalid or impossible edit in one sentence and changes nothing', async () => {
    const store = await corpus();
    const before = await records(store);
    const cases: unknown[] = [
      { kind: 'merge-entities', into: 'joe-biden', from: 'joe-biden' },
      { kind: 'accept', relation: 'no-such-relation' },
      { kind: 'retype-entity', entity: 'russia', type: 'no-such-type' },
      { kind: 'explode', relation: 'x' },
      { kind: 'accept' },
    ];
    for (const edit of cases) {
      const outcome = await store.applyEdit(edit);
      expect(outcome.ok, JSON.stringify(edit)).toBe(false);
      if (!outcome.ok) expect(outcome.reason).not.toMatch(/\n|\bat \w+ \(/);
    }
    expect(await records(store)).toEqual(before);
    expect(await store.history()).toEqual({ entries: [], position: 0 });
    expect(await store.undo()).toMatchObject({ ok: false, nothing: true });
    expect(await store.redo()).toMatchObject({ ok: false, nothing: true });
    await store.close();
  });

  it('a new edit drops the undone ones; history and position survive reopening the file', async () => {
    const store = await corpus();
    const reopen = reopeners.get(store)!;
    const accused = await relationOf(store, 'accused');
    expect((await store.applyEdit({ kind: 'accept', relation: accused })).ok).toBe(true);
    expect((await store.applyEdit({ kind: 'rename-entity', entity: 'russia', label: 'Russian Federation' })).ok).toBe(true);
    expect((await store.undo()).ok).toBe(true);
    expect((await store.applyEdit({ kind: 'add-alias', entity: 'russia', alias: 'RF' })).ok).toBe(true);
    expect((await store.history()).entries.map((e) => e.label)).toEqual([expect.stringMatching(/^Accepted/), expect.stringMatching(/RF/)]);
    expect((await store.undo()).ok).toBe(true);
    const exported = await store.exportAll();
    await store.close();

    const reopened = await reopen();
    expect(await reopened.history()).toMatchObject({ position: 1, entries: [{ applied: true }, { applied: false }] });
    expect(await reopened.exportAll()).toEqual(exported);
    expect(exported.history).toBeUndefined(); // the store's history stays in the store (its undo is /api/undo)
    expect(relation(exported, accused)!.review).toEqual({ status: 'accepted' });
    expect((await reopened.redo()).ok).toBe(true);
    expect(entity(await reopened.exportAll(), 'russia')!.aliases).toContain('RF');
    expect((await reopened.undo()).ok).toBe(true);
    expect((await reopened.undo()).ok).toBe(true);
    expect(relation(await reopened.exportAll(), accused)!.review).toBeUndefined();
    await expectConsistent(reopened);
    await reopened.close();
  });

  it('refuses to undo an edit whose records changed since (an ingest added a sentence)', async () => {
    const store = await corpus();
    const met = await relationOf(store, 'met-with');
    expect((await store.applyEdit({ kind: 'accept', relation: met })).ok).toBe(true);
    await store.addDataset(
      article({ id: 'november', entities: [BIDEN, { label: 'Volodymyr Zelensky', type: 'person', aliases: ['Zelensky'] }], sentences: [{ text: 'Biden met with Zelensky once more.', relations: [{ type: 'met-with', source: 'Joe Biden', target: 'Volodymyr Zelensky' }] }] }),
    );
    const before = await records(store);
    const outcome = await store.undo();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/changed since/);
    expect(await records(store)).toEqual(before);
    await store.close();
  });
});

describe('rejected relations in the graph answers', () => {
  it('are left out of the neighbourhood, the overview and the article view, and kept in the full export and evidence', async () => {
    const store = await corpus();
    const sanctioned = await relationOf(store, 'sanctioned');
    const ids = async () => ({
      hood: validAnswer(await store.subgraph({ entity: 'Russia', hops: 1, limit: 100 })).relations.map((r) => r.id),
      twoHops: validAnswer(await store.subgraph({ entity: 'Russia', hops: 2, limit: 100 })).relations.map((r) => r.id),
      overview: validAnswer(await store.overview(50)).relations.map((r) => r.id),
      article: validAnswer((await store.document('september'))!).relations.map((r) => r.id),
    });
    const shown = await ids();
    expect(shown.hood).toContain(sanctioned);
    expect(shown.overview).toContain(sanctioned);
    expect(shown.article).toContain(sanctioned);

    expect((await store.applyEdit({ kind: 'reject', relation: sanctioned, reason: 'duplicate report' })).ok).toBe(true);
    const hidden = await ids();
    expect(hidden.hood).not.toContain(sanctioned);
    expect(hidden.twoHops).not.toContain(sanctioned);
    expect(hidden.overview).not.toContain(sanctioned);
    expect(hidden.article).not.toContain(sanctioned);
    expect(hidden.hood.length).toBe(shown.hood.length - 1);

    expect(relation(await expectValidExport(store), sanctioned)!.review).toEqual({ status: 'rejected', reason: 'duplicate report' });
    expect(validAnswer(await store.evidence([sanctioned])).relations[0]!.review).toEqual({ status: 'rejected', reason: 'duplicate report' });
    await store.close();
  });
});

describe('new records get ids free across the whole corpus, not only among the records an edit loads', () => {
  it('a split names its new entity past an unrelated entity that has the id already', async () => {
    const store = await newStore();
    try {
      await store.addDataset(
        article({
          id: 'capital',
          entities: [{ label: 'France', type: 'country', aliases: ['Paris'] }, { label: 'Russia', type: 'country' }],
          sentences: [{ text: 'Paris sanctioned Russia.', relations: [{ type: 'sanctioned', source: 'France', target: 'Russia' }] }],
        }),
      );
      await store.addDataset(
        article({
          id: 'club',
          entities: [{ label: 'Paris', type: 'place' }, { label: 'Ukraine', type: 'country' }],
          sentences: [{ text: 'Ukraine hosted talks in Paris.', relations: [{ type: 'hosted', source: 'Ukraine', target: 'Paris' }] }],
        }),
      );
      const split = await store.applyEdit({ kind: 'split-entity', entity: 'france', names: ['Paris'] });
      if (!split.ok) expect.fail(split.reason);
      const all = await expectValidExport(store);
      expect(all.entities.find((e) => e.id === 'paris')?.type).toBe('place');
      expect(all.entities.find((e) => e.id === 'paris-2')).toMatchObject({ label: 'Paris', type: 'country' });
      await expectConsistent(store);
    } finally {
      await store.close();
    }
  });
});
});
