/**
 * Editing the stored corpus (PostgreSQL)
 * ======================================
 *
 * shared/editHistory.ts's edits, undo and redo (read its header: what an edit loads, the
 * app's pure applyEdit/undoEdit/redoEdit run on those records, undo and
 * redo refused when the records are no longer as the entry left them), over
 * `Sql`. Each edit, undo or redo is one transaction holding an advisory
 * lock, so two `serve` processes on one database never interleave two
 * edits or two steps of the history.
 */

import { applyEdit as applyPureEdit } from '../../model/review/index.ts';
import type { Edit } from '../../model/schema.ts';
import { typeCatalog } from '../../model/typeCatalog.ts';
import type { StoreEditOutcome } from '../corpusStore.ts';
import { editTargets, historyValues, loadsRelationsAmong, parseEdit, stepChanges, stepEntry, stepEntrySql, stepTargets, type Direction, type HistoryRow, type StoredChange } from '../shared/editHistory.ts';
import type { RecordScope } from '../shared/records.ts';
import { EditRefusedError } from '../shared/editHistory.ts';
import type pg from 'pg';
import { currentTypes } from './declaredTypes.ts';
import { bumpGeneration } from './generation.ts';
import { PgRecordReader } from './records.ts';
import { PgRecordWriter } from './recordWriter.ts';
import { transaction, type Sql } from './sql.ts';

/** The advisory lock every edit, undo and redo holds until it commits. */
const EDIT_LOCK = 0x6e676564;

export class PgCorpusEditor {
  constructor(private readonly pool: pg.Pool) {}

  async applyEdit(input: unknown, at: Date = new Date()): Promise<StoreEditOutcome> {
    const parsed = parseEdit(input);
    if ('refused' in parsed) return parsed.refused;
    const { edit } = parsed;
    return this.transaction(async (sql) => {
      const reader = new PgRecordReader(sql);
      const loaded = await reader.load(await scope(reader, edit));
      const outcome = applyPureEdit({ ...loaded.dataset, history: { entries: [], position: 0 } }, edit, at);
      if (!outcome.ok) return outcome;
      await new PgRecordWriter(sql, typeCatalog((await currentTypes(sql)).declared), loaded).write(outcome.entry.changes.map((c) => ({ ...c }) as StoredChange));
      await sql.run('DELETE FROM edit_history WHERE applied = 0');
      await sql.run('INSERT INTO edit_history (at, edit, label, changes, applied) VALUES (?, ?, ?, ?, 1)', ...historyValues(outcome.entry));
      return { ok: true, label: outcome.entry.label };
    });
  }

  undo(): Promise<StoreEditOutcome> {
    return this.step('undo');
  }

  redo(): Promise<StoreEditOutcome> {
    return this.step('redo');
  }

  /**
   * One transaction under the edit lock; a refusal rolls it back and becomes
   * the outcome. Not shared with SQLite's: that one is synchronous and has
   * one writer; here two `serve` processes need the lock, and a lost race
   * retries the whole body (sql.ts).
   */
  private async transaction(body: (sql: Sql) => Promise<StoreEditOutcome>): Promise<StoreEditOutcome> {
    try {
      return await transaction(this.pool, async (sql) => {
        await sql.run('SELECT pg_advisory_xact_lock(?)', EDIT_LOCK);
        const outcome = await body(sql);
        // A refused pure edit changed nothing; rolling back keeps it so even if a read took a lock.
        if (!outcome.ok) throw new RefusedOutcome(outcome);
        await bumpGeneration(sql);
        return outcome;
      });
    } catch (error) {
      if (error instanceof RefusedOutcome) return error.outcome;
      if (error instanceof EditRefusedError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  private step(direction: Direction): Promise<StoreEditOutcome> {
    return this.transaction(async (sql) => {
      const found = stepEntry(await sql.row<HistoryRow>(stepEntrySql(direction)), direction);
      if ('refused' in found) return found.refused;
      const { entry } = found;
      const catalog = typeCatalog((await currentTypes(sql)).declared);
      const reader = new PgRecordReader(sql);
      const targets = stepTargets(entry);
      const loaded = await reader.load({
        relations: (await reader.pks('relations', targets.relationIds)).values(),
        entities: (await reader.pks('entities', targets.entityIds)).values(),
        mentionDocuments: (await reader.pks('documents', targets.documentIds)).values(),
      });
      const step = stepChanges(entry, loaded.dataset, catalog, direction);
      if ('refused' in step) return step.refused;
      await new PgRecordWriter(sql, catalog, loaded).write(step.changes);
      await sql.run('UPDATE edit_history SET applied = ? WHERE seq = ?', direction === 'undo' ? 0 : 1, found.seq);
      return { ok: true, label: entry.label };
    });
  }
}

class RefusedOutcome extends Error {
  constructor(readonly outcome: StoreEditOutcome) {
    super('refused');
  }
}

/** The records an edit can touch (shared/editHistory.ts `editTargets`). */
async function scope(reader: PgRecordReader, edit: Edit): Promise<RecordScope> {
  const { entityIds, relationIds, documentIds, full, touching, like, named } = editTargets(edit);
  if (like !== undefined) (like.table === 'relations' ? relationIds : entityIds).push(...(await reader.idsLike(like.table, like.id)));
  if (named !== undefined) entityIds.push(...(await reader.idsNamed(named)));
  const entityPk = await reader.pks('entities', [...entityIds, ...full]);
  const relationPks = [...(await reader.pks('relations', relationIds)).values()];
  const involved = new Set([...entityPk.values(), ...(await reader.relationEnds(relationPks))]);
  const touchingPks = touching.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : []));
  const moved = await reader.relationsTouching(touchingPks);
  for (const pk of await reader.relationEnds(moved)) involved.add(pk);
  const among = loadsRelationsAmong(edit, relationPks.length, moved.length) ? await reader.relationsTouching(involved, true) : [];
  return {
    relations: [...relationPks, ...moved, ...among],
    entities: involved,
    mentionDocuments: (await reader.pks('documents', documentIds)).values(),
    fullMentions: full.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : [])),
  };
}
