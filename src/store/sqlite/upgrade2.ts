/**
 * Upgrading a version-1 corpus to version 2
 * =========================================
 *
 * Migration 2's SQL (migrations.ts) makes the tables; this fills them for
 * what a version-1 corpus already holds, in the same transaction, so an
 * upgraded corpus answers exactly as one built by version 2 from the start:
 *  - `relation_days` from every evidence sentence's article publication day
 *    (version 1 kept no declared spells, so there are none to expand);
 *  - each document's signature and bands, and the copy groups, document by
 *    document in the order they were added (as the writer would have).
 */

import type Database from 'better-sqlite3';
import { dayNumberSql } from './reportingDays.ts';
import { signatureBlob, textSignature } from '../shared/signatures.ts';
import { WireCopyIndex } from './wireIndex.ts';

export function upgradeToVersion2(db: Database.Database): void {
  db.exec(
    `INSERT OR IGNORE INTO relation_days (relation, day)
     SELECT DISTINCT e.relation, ${dayNumberSql('d.published_day')} FROM evidence e
     JOIN sentences s ON s.pk = e.sentence JOIN documents d ON d.pk = s.document
     WHERE d.published_day IS NOT NULL`,
  );
  const index = new WireCopyIndex(db);
  const read = db.prepare<[number], { published_day: string | null; text: string }>('SELECT published_day, text FROM documents WHERE pk = ?');
  const setSignature = db.prepare('UPDATE documents SET signature = ? WHERE pk = ?');
  // The pks first: better-sqlite3 runs no statement while another is being iterated.
  const pks = (db.prepare('SELECT pk FROM documents ORDER BY pk').raw().all() as Array<[number]>).map(([pk]) => pk);
  for (const pk of pks) {
    const row = read.get(pk)!;
    const signature = textSignature(row.text);
    if (signature === undefined) continue;
    setSignature.run(signatureBlob(signature), pk);
    index.add(pk, row.text, signature, row.published_day);
  }
}
