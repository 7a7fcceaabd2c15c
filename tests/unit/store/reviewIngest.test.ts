/**
 * Reviews through ingest, and migration 4
 * =======================================
 *
 * A dataset whose relations carry reviews keeps them in the corpus (proposed
 * ends turned into the corpus's ids); joining the same relation from several
 * datasets never loses a review (a review wins over none, the later ingest's
 * over an earlier one); a rejected relation is stored and exported but not
 * drawn (on both backends); a version-3 corpus file upgrades to version 4
 * keeping everything (SQLite only: PostgreSQL starts at the whole schema).
 */

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Dataset, Review } from '../../../src/model/index.ts';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../src/store/sqlite/migrations.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, testCorpora } from './backends.ts';
import { article, BIDEN, openNew, PUTIN, RUSSIA, smallCorpus, tempFolder, USA, validAnswer } from './corpusFixtures.ts';

const newPath = tempFolder();

/** One article with Biden (dataset id `e-biden`), Putin, Russia and the United States, and the given reviews by relation type. */
function reviewed(id: string, reviews: Partial<Record<'accused' | 'sanctioned' | 'leader-of', Review>>): Dataset {
  const dataset = article({
    id,
    published: '2023-09-21',
    entities: [{ ...BIDEN, id: 'e-biden' }, PUTIN, RUSSIA, USA],
    sentences: [
      { text: `Biden accused Putin of war crimes (${id}).`, relations: [{ type: 'accused', source: 'Joe Biden', target: 'Vladimir Putin' }] },
      { text: `The United States sanctioned Russia (${id}).`, relations: [{ type: 'sanctioned', source: 'United States', target: 'Russia' }] },
      { text: `Putin is the president of Russia (${id}).`, relations: [{ type: 'leader-of', source: 'Vladimir Putin', target: 'Russia' }] },
    ],
  });
  for (const relation of dataset.relations) {
    const review = reviews[relation.type as keyof typeof reviews];
    if (review !== undefined) relation.review = review;
  }
  return dataset;
}

const reviewOf = (all: Dataset, type: string) => all.relations.find((r) => r.type === type)?.review;

describe.each(BACKENDS)('ingesting reviewed datasets (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('keeps each relation’s review, with proposed ends as the corpus’s ids, and hides the rejected one from the graph answers', async () => {
    const { store } = await corpus();
    await store.addDataset(
      reviewed('a', {
        accused: { status: 'corrected', proposed: { type: 'threatened-arrest', source: 'e-biden', target: 'gone-entity', hedged: true } },
        sanctioned: { status: 'rejected', reason: 'not in the article' },
        'leader-of': { status: 'accepted' },
      }),
    );
    const all = await store.exportAll();
    expect(reviewOf(all, 'accused')).toEqual({ status: 'corrected', proposed: { type: 'threatened-arrest', source: 'joe-biden', target: 'gone-entity', hedged: true } });
    expect(reviewOf(all, 'sanctioned')).toEqual({ status: 'rejected', reason: 'not in the article' });
    expect(reviewOf(all, 'leader-of')).toEqual({ status: 'accepted' });

    const hood = validAnswer(await store.subgraph({ entity: 'Russia', hops: 2, limit: 100 }));
    expect(hood.relations.map((r) => r.type).sort()).toEqual(['accused', 'leader-of']);
    expect(reviewOf(hood, 'leader-of')).toEqual({ status: 'accepted' });
    expect(reviewOf(hood, 'accused')?.status).toBe('corrected');
    expect(validAnswer(await store.overview(50)).relations.map((r) => r.type)).not.toContain('sanctioned');
    await store.close();
  });

  it('joins the same relation from several datasets without losing a review: a review wins over none, the later ingest over an earlier one', async () => {
    const { store } = await corpus();
    await store.addDataset(reviewed('first', { accused: { status: 'accepted' } }));
    await store.addDataset(reviewed('second', { sanctioned: { status: 'rejected' } }));
    let all = await store.exportAll();
    // Each relation is one row with both sentences; neither review was dropped by the other dataset's silence.
    expect(all.relations).toHaveLength(3);
    expect(all.relations.every((r) => r.evidence.length === 2)).toBe(true);
    expect(reviewOf(all, 'accused')).toEqual({ status: 'accepted' });
    expect(reviewOf(all, 'sanctioned')).toEqual({ status: 'rejected' });
    expect(reviewOf(all, 'leader-of')).toBeUndefined();

    await store.addDataset(reviewed('third', { accused: { status: 'rejected', reason: 'hearsay' }, sanctioned: { status: 'accepted' } }));
    all = await store.exportAll();
    expect(reviewOf(all, 'accused')).toEqual({ status: 'rejected', reason: 'hearsay' });
    expect(reviewOf(all, 'sanctioned')).toEqual({ status: 'accepted' });
    await store.close();
  });
});

describe('migration 4', () => {
  it('upgrades a version-3 corpus keeping everything, with no reviews and an empty history', async () => {
    const built = newPath();
    const store = openNew(built);
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    const expected = await store.exportAll();
    await store.close();

    // A version-3 file: migrations 1–3 only, then the version-3 columns of every table copied in.
    const old = newPath();
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const step of MIGRATIONS.slice(0, 3)) db.exec(typeof step === 'string' ? step : (step as Migration).sql);
    db.pragma('user_version = 3');
    db.exec(`ATTACH DATABASE '${built.replaceAll("'", "''")}' AS current`);
    const columns = (table: string) => (db.prepare('SELECT name FROM pragma_table_info(?, ?)').all(table, 'main') as Array<{ name: string }>).map((c) => `"${c.name}"`).join(', ');
    db.transaction(() => {
      for (const table of ['meta', 'documents', 'document_bands', 'entities', 'entity_names', 'mentions', 'relations', 'sentences', 'evidence', 'relation_days', 'relation_types', 'entity_types']) {
        db.exec(`INSERT INTO main."${table}" (${columns(table)}) SELECT ${columns(table)} FROM current."${table}"`);
      }
      db.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')");
    })();
    db.exec('DETACH DATABASE current');
    expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('relations') WHERE name = 'review_status'").get()).toEqual({ n: 0 });
    db.close();

    const upgraded = SqliteCorpusStore.open(old, { create: false });
    expect(upgraded.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(4);
    expect(upgraded.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await upgraded.exportAll()).toEqual(expected);
    expect(await upgraded.history()).toEqual({ entries: [], position: 0 });
    // And it takes edits.
    const accused = (upgraded.connection.prepare("SELECT id FROM relations WHERE type = 'accused'").get() as { id: string }).id;
    expect((await upgraded.applyEdit({ kind: 'reject', relation: accused })).ok).toBe(true);
    expect((await upgraded.exportAll()).relations.find((r) => r.id === accused)?.review).toEqual({ status: 'rejected' });
    await upgraded.close();
  });
});
