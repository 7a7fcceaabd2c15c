/**
 * The corpus's change marker (PostgreSQL)
 * =======================================
 *
 * SQLite tells a reader cheaply that another connection committed
 * (`data_version`); PostgreSQL does not. So every writing transaction
 * (a dataset added, an edit, an undo, a redo) bumps the `generation` row of
 * `meta` as its last statement, and a store object keeps what is costly to
 * recompute — the timeline, the declared types — keyed on that value: one
 * one-row read per call instead of the recomputation, and a write by any
 * process on the database invalidates every other process's copy.
 *
 * The row is written with an upsert (no migration: a corpus made before it
 * simply has no row yet, read as generation 0). It is bumped last so that
 * concurrent writers hold its row lock only for the moment before COMMIT.
 * A reader reads the marker before computing: what it caches is never older
 * than the generation it files it under.
 */

import type { Sql } from './sql.ts';

/** Marks the corpus changed; the last statement of every writing transaction. */
export async function bumpGeneration(sql: Sql): Promise<void> {
  await sql.run("INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text");
}

export async function readGeneration(sql: Sql): Promise<string> {
  return (await sql.row<{ value: string }>("SELECT value FROM meta WHERE key = 'generation'"))?.value ?? '0';
}

/** Values computed from the corpus, kept while its generation stays the same. */
export class GenerationCache {
  private generation: string | undefined;
  private readonly values = new Map<string, Promise<unknown>>();

  constructor(private readonly sql: Sql) {}

  /** The value under `key`, recomputed when another write (by any process) has happened since it was kept. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = await readGeneration(this.sql);
    if (now !== this.generation) {
      this.values.clear();
      this.generation = now;
    }
    let value = this.values.get(key) as Promise<T> | undefined;
    if (value === undefined) {
      value = compute();
      this.values.set(key, value);
      // A failed computation is not kept: the next call tries again.
      value.catch(() => {
        if (this.values.get(key) === value) this.values.delete(key);
      });
    }
    return value;
  }
}
