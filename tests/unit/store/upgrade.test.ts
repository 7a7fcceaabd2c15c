/**
 * Migration 2 on a corpus written by version 1: a real version-1 file (made
 * by migration 1's SQL alone, its rows copied from a corpus built today) is
 * opened and upgraded, and then holds exactly what a corpus built by
 * version 2 holds: reporting days, signatures and bands, copy groups — and
 * answers the same. SQLite only: old SQLite files are what there is to
 * upgrade; a PostgreSQL corpus starts at the whole schema.
 */

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../src/store/sqlite/migrations.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { openNew, smallCorpus, tempFolder, validAnswer, wireStory } from './corpusFixtures.ts';

const newPath = tempFolder();

/** A version-1 corpus holding the version-1 columns of the corpus at `from`. */
function versionOneCopy(from: string, to: string): void {
  const db = new Database(to);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec(MIGRATIONS[0] as string);
  db.pragma('user_version = 1');
  db.exec(`ATTACH DATABASE '${from.replaceAll("'", "''")}' AS current`);
  const columns = (table: string) => (db.prepare('SELECT name FROM pragma_table_info(?, ?)').all(table, 'main') as Array<{ name: string }>).map((c) => `"${c.name}"`).join(', ');
  db.transaction(() => {
    for (const table of ['meta', 'documents', 'entities', 'entity_names', 'mentions', 'relations', 'sentences', 'evidence']) {
      db.exec(`INSERT INTO main."${table}" (${columns(table)}) SELECT ${columns(table)} FROM current."${table}"`);
    }
    db.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')");
  })();
  db.exec('DETACH DATABASE current');
  db.close();
}

const rows = (db: Database.Database, sql: string) => db.prepare(sql).raw().all();

describe('migration 2 upgrades a version-1 corpus', () => {
  it('backfills reporting days, signatures, bands and copy groups, and answers as a corpus built by version 2', async () => {
    const built = newPath();
    const store = openNew(built);
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    await store.addDataset(wireStory({ id: 'wire', source: 'Wire', published: '2023-05-02' }));
    await store.addDataset(wireStory({ id: 'reprint', source: 'Courier', published: '2023-05-03', verb: 'voiced' }));
    await store.addDataset(wireStory({ id: 'early', source: 'Herald', published: '2023-05-01', verb: 'raised' }));
    await store.close();

    const old = newPath();
    versionOneCopy(built, old);
    const before = new Database(old, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(1);
    expect(rows(before, "SELECT name FROM sqlite_schema WHERE name IN ('relation_days', 'document_bands')")).toEqual([]);
    before.close();

    const upgraded = SqliteCorpusStore.open(old, { create: false });
    const fresh = SqliteCorpusStore.open(built, { create: false });
    const a = upgraded.connection;
    const b = fresh.connection;
    expect(a.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(a.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(a.pragma('foreign_key_check')).toEqual([]);
    // The rebuilt documents table keeps the text last (reading the other columns never walks its overflow pages).
    expect((a.prepare("SELECT name FROM pragma_table_info('documents')").all() as Array<{ name: string }>).at(-1)!.name).toBe('text');
    for (const sql of [
      'SELECT relation, day FROM relation_days ORDER BY relation, day',
      'SELECT band, document FROM document_bands ORDER BY band, document',
      'SELECT pk, id, copy_of, hex(signature) FROM documents ORDER BY pk',
      'SELECT relation, sentence, note FROM evidence ORDER BY relation, sentence',
    ]) {
      expect(rows(a, sql), sql).toEqual(rows(b, sql));
    }
    expect(rows(a, 'SELECT count(*) FROM relation_days')[0]).not.toEqual([0]);
    expect(rows(a, 'SELECT id FROM documents WHERE copy_of IS NOT NULL ORDER BY id')).toEqual([['reprint'], ['wire']]);
    const strip = (dataset: ReturnType<typeof validAnswer>) => ({ ...dataset, title: '' });
    expect(strip(validAnswer(await upgraded.overview(50)))).toEqual(strip(validAnswer(await fresh.overview(50))));
    expect(await upgraded.timeline('week')).toEqual(await fresh.timeline('week'));
    // Still a working corpus: a new reprint joins the group found by the backfill.
    const report = await upgraded.addDataset(wireStory({ id: 'late', source: 'Post', published: '2023-05-09', verb: 'stated' }));
    expect(report.wireCopies).toBe(1);
    expect(rows(a, "SELECT o.id FROM documents d JOIN documents o ON o.pk = d.copy_of WHERE d.id = 'late'")).toEqual([['early']]);
    await upgraded.close();
    await fresh.close();
  });
});
