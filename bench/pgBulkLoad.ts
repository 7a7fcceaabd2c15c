/**
 * Bulk-loading a synthetic corpus into PostgreSQL with COPY
 * =========================================================
 *
 * PostgreSQL's own recipe for populating a database ("Populating a
 * Database" in its manual): the schema made by newsgraph's migrations (the
 * store opens the database), then its foreign keys and secondary indexes
 * dropped, every table filled with `COPY … FROM STDIN` (one connection per
 * table, fed at once), and the indexes and keys made again from their own
 * definitions (`pg_get_indexdef`, `pg_get_constraintdef`), so the loaded
 * database has exactly the schema an ingest makes. Primary keys and UNIQUE
 * constraints stay in place while loading: they are the identity rules.
 * Then the identity sequences past the loaded keys, and VACUUM ANALYZE.
 *
 * This is how a newsroom would load an archive; a live feed goes through
 * `ingest` (the store's own writes), measured apart.
 */

import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { BUILT_IN_RELATION_TYPE_IDS } from '../src/model/relationTypes.ts';
import { entityOf, generateCorpus, identityOf, type CorpusShape } from './syntheticNews.ts';
import { normaliseName } from '../src/store/identity.ts';

/** COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One table's COPY stream, buffered into chunks of about 1 MB, honouring back-pressure. */
class CopyWriter {
  private buffer: string[] = [];
  private bytes = 0;
  rows = 0;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly stream: Writable,
  ) {}

  static async open(pool: pg.Pool, table: string, columns: readonly string[]): Promise<CopyWriter> {
    const client = await pool.connect();
    const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
    return new CopyWriter(client, stream);
  }

  async write(values: ReadonlyArray<string | number | null>): Promise<void> {
    const line = values.map(field).join('\t') + '\n';
    this.buffer.push(line);
    this.bytes += line.length;
    this.rows++;
    if (this.bytes >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bytes = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    try {
      await finished;
    } finally {
      this.client.release();
    }
  }
}

interface Rebuild {
  indexes: string[];
  foreignKeys: Array<{ table: string; name: string; definition: string }>;
}

/** Drops the secondary indexes and foreign keys of the corpus tables; returns how to make them again. */
async function dropForLoad(pool: pg.Pool): Promise<Rebuild> {
  const foreignKeys = (
    await pool.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    )
  ).rows;
  for (const key of foreignKeys) await pool.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
  const indexes = (
    await pool.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relnamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    )
  ).rows;
  for (const index of indexes) await pool.query(`DROP INDEX "${index.name}"`);
  return { indexes: indexes.map((i) => i.definition), foreignKeys };
}

async function rebuild(pool: pg.Pool, what: Rebuild): Promise<void> {
  // Two at a time: this machine has two cores.
  const queue = [...what.indexes];
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query("SET maintenance_work_mem = '1GB'");
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await client.query(next);
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
  for (const key of what.foreignKeys) await pool.query(`ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.definition}`);
}

export interface LoadFigures {
  shape: CorpusShape;
  /** Seconds: generating and copying the rows, rebuilding indexes and keys, VACUUM ANALYZE. */
  copySeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  databaseBytes: number;
  tableBytes: Map<string, number>;
}

/** Loads a corpus of `relations` relations into the (migrated, empty) corpus database at `url`. */
export async function bulkLoad(url: string, relations: number, log: (line: string) => void): Promise<LoadFigures> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    const dropped = await dropForLoad(pool);
    // Each relation's reporting span is copied with it: the trigger that keeps it (migrations.ts) would update a relation per day row.
    await pool.query('ALTER TABLE relation_days DISABLE TRIGGER USER');
    const started = performance.now();
    const documents = await CopyWriter.open(pool, 'documents', ['pk', 'id', 'title', 'text', 'url', 'source', 'published', 'published_day', 'content_hash', 'relation_count', 'text_json_bytes', 'ingested_at']);
    const sentences = await CopyWriter.open(pool, 'sentences', ['pk', 'document', 'start', 'end', 'text']);
    const mentions = await CopyWriter.open(pool, 'mentions', ['document', 'start', 'end', 'entity']);
    const evidence = await CopyWriter.open(pool, 'evidence', ['relation', 'sentence']);
    const days = await CopyWriter.open(pool, 'relation_days', ['relation', 'day']);
    const ingestedAt = '2025-01-01T00:00:00Z';
    let reportedAt = performance.now();
    const shape = await generateCorpus(relations, {
      document: (row) => {
        const [pk, id, title, text, link, outlet, published, day, hash, count] = row;
        if (performance.now() - reportedAt > 30_000) {
          reportedAt = performance.now();
          log(`  ${pk.toLocaleString('en-US')} articles copied…`);
        }
        return documents.write([pk, id, title, text, link, outlet, published, day, hash, count, Buffer.byteLength(JSON.stringify(text)), ingestedAt]);
      },
      sentence: (row) => sentences.write(row),
      mention: (row) => mentions.write(row),
      evidence: (row) => evidence.write(row),
      reportedDay: (row) => days.write(row),
    });
    await Promise.all([documents.close(), sentences.close(), mentions.close(), evidence.close(), days.close()]);

    const relationRows = await CopyWriter.open(pool, 'relations', ['pk', 'id', 'type', 'source', 'target', 'negated', 'hedged', 'sentence_count', 'reported_span']);
    for (let r = 0; r < shape.relations; r++) {
      await relationRows.write([r + 1, `r${r + 1}`, BUILT_IN_RELATION_TYPE_IDS[shape.type[r]!]!, shape.source[r]!, shape.target[r]!, 0, shape.hedged[r] ? 1 : null, shape.sentenceCount[r]!, shape.firstDay[r]! < 0 ? null : `[${shape.firstDay[r]},${shape.lastDay[r]}]`]);
    }
    const entityRows = await CopyWriter.open(pool, 'entities', ['pk', 'id', 'identity', 'label', 'type', 'degree']);
    const names = await CopyWriter.open(pool, 'entity_names', ['name', 'entity']);
    for (let e = 0; e < shape.entities; e++) {
      const entity = entityOf(e);
      await entityRows.write([e + 1, entity.id, identityOf(entity), entity.label, entity.type, shape.degree[e]!]);
      await names.write([normaliseName(entity.label), e + 1]);
    }
    await Promise.all([relationRows.close(), entityRows.close(), names.close()]);
    const copied = performance.now();
    log(`  copied in ${((copied - started) / 1000).toFixed(0)} s; indexes and keys…`);

    await rebuild(pool, dropped);
    await pool.query('ALTER TABLE relation_days ENABLE TRIGGER USER');
    // The loaded keys were given explicitly: the identities must continue past them.
    for (const table of ['documents', 'sentences', 'entities', 'relations']) {
      await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'pk'), (SELECT max(pk) FROM ${table}))`);
    }
    const indexed = performance.now();
    log(`  indexed in ${((indexed - copied) / 1000).toFixed(0)} s; VACUUM ANALYZE…`);
    await pool.query('VACUUM ANALYZE');
    const analyzed = performance.now();

    const databaseBytes = Number((await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0]!.bytes);
    const tableBytes = new Map(
      (await pool.query<{ name: string; bytes: string }>(`SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((row) => [row.name, Number(row.bytes)]),
    );
    return {
      shape,
      copySeconds: (copied - started) / 1000,
      indexSeconds: (indexed - copied) / 1000,
      analyzeSeconds: (analyzed - indexed) / 1000,
      databaseBytes,
      tableBytes,
    };
  } finally {
    await pool.end();
  }
}
