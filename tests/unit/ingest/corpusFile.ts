/**
 * Looking inside a corpus file, for the ingest tests: a dump of every table
 * (to compare two corpora row for row, the ingest time left out) and the
 * checks a consistent corpus passes (SQLite's own integrity and foreign-key
 * checks; every evidence row points to an existing relation and sentence,
 * every sentence into an existing document, at offsets that slice out its
 * text exactly; every mention inside its document).
 */

import Database from 'better-sqlite3';

/** Every row of every table (not the full-text index, which is derived), ordered, without `ingested_at`. */
export function dumpCorpus(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sentences_fts%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'ingested_at');
      const list = columns.map((c) => `"${c}"`).join(', ');
      dump[table] = db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all();
    }
    return dump;
  } finally {
    db.close();
  }
}

export function countRows(path: string, table: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** What is wrong with the corpus at `path`; empty when it is consistent. */
export function corpusProblems(path: string): string[] {
  const db = new Database(path);
  const problems: string[] = [];
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreign = db.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 3))}`);
    const orphans = db
      .prepare(
        `SELECT e.relation, e.sentence FROM evidence e
         LEFT JOIN relations r ON r.pk = e.relation
         LEFT JOIN sentences s ON s.pk = e.sentence
         LEFT JOIN documents d ON d.pk = s.document
         WHERE r.pk IS NULL OR s.pk IS NULL OR d.pk IS NULL`,
      )
      .all();
    if (orphans.length > 0) problems.push(`evidence pointing nowhere: ${JSON.stringify(orphans.slice(0, 3))}`);
    const texts = new Map((db.prepare('SELECT pk, text FROM documents').all() as Array<{ pk: number; text: string }>).map((d) => [d.pk, d.text]));
    for (const s of db.prepare('SELECT pk, document, start, "end", text FROM sentences').iterate() as Iterable<{ pk: number; document: number; start: number; end: number; text: string }>) {
      const text = texts.get(s.document);
      if (text === undefined) problems.push(`sentence ${s.pk}: no document ${s.document}`);
      else if (!(s.start >= 0 && s.start < s.end && s.end <= text.length) || text.slice(s.start, s.end) !== s.text) problems.push(`sentence ${s.pk}: offsets ${s.start}–${s.end} do not give its text`);
    }
    for (const m of db.prepare('SELECT document, start, "end" FROM mentions').iterate() as Iterable<{ document: number; start: number; end: number }>) {
      const text = texts.get(m.document);
      if (text === undefined || !(m.start >= 0 && m.start < m.end && m.end <= text.length)) problems.push(`mention ${m.document}:${m.start}–${m.end} outside its document`);
    }
    const counted = db.prepare('SELECT pk FROM relations r WHERE sentence_count != (SELECT count(*) FROM evidence e WHERE e.relation = r.pk)').all();
    if (counted.length > 0) problems.push(`relations whose sentence_count is not their evidence: ${JSON.stringify(counted.slice(0, 3))}`);
  } finally {
    db.close();
  }
  return problems;
}
