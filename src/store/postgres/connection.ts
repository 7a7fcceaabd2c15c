/**
 * Opening a corpus on PostgreSQL
 * ==============================
 *
 * Turns a `postgres://` URL into a pool of connections to a migrated corpus,
 * or into one clear line (serverErrors.ts, errors.ts): the server down, the
 * password refused, no such database (made with `create`, as ingest does,
 * when the role may), a database of another program, a corpus of a newer
 * newsgraph. Every message names the URL without its password.
 *
 * A database is identified before anything is written to it: one with
 * tables but no newsgraph `meta` row is another program's and is refused.
 * Migrations (migrations.ts) run each in a transaction holding an advisory
 * lock, the version re-read under it, so processes opening at once migrate
 * once.
 */

import pg from 'pg';
import { CorpusVersionError, NoCorpusError, NotACorpusError } from '../errors.ts';
import { APPLICATION, MIGRATION_LOCK, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './migrations.ts';
import { connectionProblem, CorpusServerError } from './serverErrors.ts';
import { Sql, transaction } from './sql.ts';
import { databaseName, redactUrl } from './url.ts';

/** Connections per store: a serve answers a few requests at once; an ingest writes on one. */
const POOL_SIZE = 4;

function newPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
  // An idle client's error (the server restarted) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

async function reach(url: string, shown: string): Promise<pg.Pool> {
  let pool: pg.Pool;
  try {
    pool = newPool(url);
  } catch (error) {
    throw connectionProblem(shown, error) ?? error;
  }
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** Makes the database named in `url` through the server's maintenance database. */
async function createDatabase(url: string, name: string, shown: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const pool = newPool(maintenance.toString());
  try {
    await pool.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another ingest made it first.
    if ((error as { code?: unknown }).code === '42P04') return;
    if ((error as { code?: unknown }).code === '42501') throw new CorpusServerError(`${shown}: no such database, and this role may not create one. Fix: create it (\`createdb ${name}\`), or give --db an existing database`);
    throw connectionProblem(shown, error) ?? error;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

async function tables(sql: Sql): Promise<string[]> {
  return (await sql.rows<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name')).map((row) => row.name);
}

async function version(sql: Sql): Promise<{ application: string | undefined; version: number }> {
  const rows = await sql.rows<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')");
  const get = (key: string) => rows.find((row) => row.key === key)?.value;
  return { application: get('application'), version: Number(get('schema_version') ?? 0) };
}

/** Applies the missing migrations, each in a transaction under the advisory lock (see the header). */
async function migrate(pool: pg.Pool, shown: string): Promise<void> {
  for (;;) {
    const stepped = await transaction(
      pool,
      async (sql) => {
        await sql.run('SELECT pg_advisory_xact_lock(?)', MIGRATION_LOCK);
        const held = (await tables(sql)).includes('meta') ? await version(sql) : { application: undefined, version: 0 };
        if (held.version > PG_SCHEMA_VERSION) throw new CorpusVersionError(shown, held.version, PG_SCHEMA_VERSION);
        if (held.version === PG_SCHEMA_VERSION) return false;
        await sql.exec(PG_MIGRATIONS[held.version]!);
        await sql.run("INSERT INTO meta (key, value) VALUES ('application', ?) ON CONFLICT (key) DO NOTHING", APPLICATION);
        await sql.run("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", String(held.version + 1));
        return true;
      },
      { retry: false },
    );
    if (!stepped) return;
  }
}

export interface PgOpenOptions {
  create: boolean;
}

/** A pool on the migrated corpus at `url`; throws one-line errors (see the header). */
export async function openPool(url: string, options: PgOpenOptions): Promise<pg.Pool> {
  const shown = redactUrl(url);
  const name = databaseName(url);
  if (name === undefined) throw new CorpusServerError(`${shown}: no database named. Fix: end the URL with the database, e.g. postgres://USER:PASSWORD@localhost/corpus`);
  let pool: pg.Pool;
  try {
    try {
      pool = await reach(url, shown);
    } catch (error) {
      if ((error as { code?: unknown }).code !== '3D000') throw error;
      if (!options.create) throw new NoCorpusError(shown);
      await createDatabase(url, name, shown);
      pool = await reach(url, shown);
    }
  } catch (error) {
    throw connectionProblem(shown, error) ?? error;
  }
  try {
    const sql = new Sql(pool);
    const held = await tables(sql);
    if (held.includes('meta')) {
      const { application } = await version(sql);
      if (application !== APPLICATION) throw new NotACorpusError(shown, `it is a database with the tables ${listTables(held)}`);
    } else if (held.length > 0) throw new NotACorpusError(shown, `it is a database with the tables ${listTables(held)}`);
    else if (!options.create) throw new NoCorpusError(shown);
    await migrate(pool, shown);
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionProblem(shown, error) ?? error;
  }
}

function listTables(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
