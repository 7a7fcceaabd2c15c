/**
 * Editing the stored corpus (PostgreSQL)
 * ======================================
 *
 * sqlite/corpusEdits.ts's editor (read its header: what an edit loads, the
 * app's pure applyEdit/undoEdit/redoEdit run on those records, undo and
 * redo refused when the records are no longer as the entry left them), over
 * `Sql`. Each edit, undo or redo is one transaction holding an advisory
 * lock, so two `serve` processes on one database never interleave two
 * edits or two steps of the history.
 */

import { idFromName } from '../../model/ids.ts';
import { applyEdit as applyPureEdit, redoEdit, undoEdit } from '../../model/review/index.ts';
import { EditSchema, type Dataset, type Edit, type Entity, type Relation } from '../../model/schema.ts';
import { typeCatalog } from '../../model/typeCatalog.ts';
import type { StoreEditOutcome } from '../corpusStore.ts';
import { canonical, readEntry, reindexed, type HistoryRow } from '../sqlite/corpusEdits.ts';
import type { RecordScope } from '../sqlite/records.ts';
import { EditRefusedError, type StoredChange } from '../sqlite/recordWriter.ts';
import type pg from 'pg';
import { currentTypes } from './declaredTypes.ts';
import { PgRecordReader } from './records.ts';
import { PgRecordWriter } from './recordWriter.ts';
import { transaction, type Sql } from './sql.ts';

/** The advisory lock every edit, undo and redo holds until it commits. */
const EDIT_LOCK = 0x6e676564;

export class PgCorpusEditor {
  constructor(private readonly pool: pg.Pool) {}

  async applyEdit(input: unknown, at: Date = new Date()): Promise<StoreEditOutcome> {
    const parsed = EditSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, reason: `the edit is not valid: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}.` };
    }
    const edit = parsed.data;
    return this.transaction(async (sql) => {
      const reader = new PgRecordReader(sql);
      const loaded = await reader.load(await scope(reader, edit));
      const outcome = applyPureEdit({ ...loaded.dataset, history: { entries: [], position: 0 } }, edit, at);
      if (!outcome.ok) return outcome;
      await new PgRecordWriter(sql, typeCatalog((await currentTypes(sql)).declared), loaded).write(outcome.entry.changes.map((c) => ({ ...c }) as StoredChange));
      await sql.run('DELETE FROM edit_history WHERE applied = 0');
      const { entry } = outcome;
      await sql.run('INSERT INTO edit_history (at, edit, label, changes, applied) VALUES (?, ?, ?, ?, 1)', entry.at, JSON.stringify(entry.edit), entry.label, JSON.stringify(entry.changes));
      return { ok: true, label: entry.label };
    });
  }

  undo(): Promise<StoreEditOutcome> {
    return this.step('undo');
  }

  redo(): Promise<StoreEditOutcome> {
    return this.step('redo');
  }

  /** One transaction under the edit lock; a refusal rolls it back and becomes the outcome. */
  private async transaction(body: (sql: Sql) => Promise<StoreEditOutcome>): Promise<StoreEditOutcome> {
    try {
      return await transaction(this.pool, async (sql) => {
        await sql.run('SELECT pg_advisory_xact_lock(?)', EDIT_LOCK);
        const outcome = await body(sql);
        // A refused pure edit changed nothing; rolling back keeps it so even if a read took a lock.
        if (!outcome.ok) throw new RefusedOutcome(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof RefusedOutcome) return error.outcome;
      if (error instanceof EditRefusedError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  private step(direction: 'undo' | 'redo'): Promise<StoreEditOutcome> {
    return this.transaction(async (sql) => {
      const row = await sql.row<HistoryRow>(
        direction === 'undo' ? 'SELECT seq, at, edit, label, changes FROM edit_history WHERE applied = 1 ORDER BY seq DESC LIMIT 1' : 'SELECT seq, at, edit, label, changes FROM edit_history WHERE applied = 0 ORDER BY seq LIMIT 1',
      );
      if (!row) return { ok: false, reason: direction === 'undo' ? 'there is no edit to undo.' : 'there is no undone edit to redo.', nothing: true };
      const entry = readEntry(row);
      if (entry === undefined) return { ok: false, reason: `the stored history entry ${row.seq} cannot be read, so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.` };
      const catalog = typeCatalog((await currentTypes(sql)).declared);
      const reader = new PgRecordReader(sql);

      const ids = (kind: 'entity' | 'relation') => entry.changes.filter((c) => c.kind === kind).map((c) => c.id);
      const snapshotRelations = entry.changes.flatMap((c) => (c.kind === 'relation' ? [c.before, c.after] : [])).filter((r): r is Relation => r !== null);
      const snapshotEntities = entry.changes.flatMap((c) => (c.kind === 'entity' ? [c.before, c.after] : [])).filter((e): e is Entity => e !== null);
      const documents = new Set([...snapshotRelations.flatMap((r) => r.evidence.map((e) => e.document)), ...snapshotEntities.flatMap((e) => e.mentions.map((m) => m.document))]);
      const ends = snapshotRelations.flatMap((r) => (r.attributedTo === undefined ? [r.source, r.target] : [r.source, r.target, r.attributedTo]));
      const loaded = await reader.load({
        relations: (await reader.pks('relations', ids('relation'))).values(),
        entities: (await reader.pks('entities', [...ids('entity'), ...ends])).values(),
        mentionDocuments: (await reader.pks('documents', documents)).values(),
      });
      const current = new Map<string, Entity | Relation>();
      for (const e of loaded.dataset.entities) current.set(`entity\u0000${e.id}`, e);
      for (const r of loaded.dataset.relations) current.set(`relation\u0000${r.id}`, r);

      for (const c of entry.changes) {
        const expected = direction === 'undo' ? c.after : c.before;
        const now = current.get(`${c.kind}\u0000${c.id}`) ?? null;
        if (canonical(c.kind, now, catalog) !== canonical(c.kind, expected, catalog))
          return { ok: false, reason: `the corpus has changed since “${entry.label}” (${c.kind} ${JSON.stringify(c.id)} is no longer as that edit left it), so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.` };
      }
      const { entry: indexed, before, after } = reindexed(entry);
      const lists = direction === 'undo' ? after : before;
      const dataset: Dataset = { ...loaded.dataset, ...lists, history: { entries: [indexed], position: direction === 'undo' ? 1 : 0 } };
      const outcome = direction === 'undo' ? undoEdit(dataset) : redoEdit(dataset);
      if (outcome === null) return { ok: false, reason: `there is no edit to ${direction}.`, nothing: true };
      if (!outcome.ok) return outcome;
      const result = new Map<string, Entity | Relation>();
      for (const e of outcome.dataset.entities) result.set(`entity\u0000${e.id}`, e);
      for (const r of outcome.dataset.relations) result.set(`relation\u0000${r.id}`, r);
      await new PgRecordWriter(sql, catalog, loaded).write(
        entry.changes.map((c) => ({ kind: c.kind, id: c.id, before: current.get(`${c.kind}\u0000${c.id}`) ?? null, after: result.get(`${c.kind}\u0000${c.id}`) ?? null }) as StoredChange),
      );
      await sql.run('UPDATE edit_history SET applied = ? WHERE seq = ?', direction === 'undo' ? 0 : 1, row.seq);
      return { ok: true, label: entry.label };
    });
  }
}

class RefusedOutcome extends Error {
  constructor(readonly outcome: StoreEditOutcome) {
    super('refused');
  }
}

/** The records an edit can touch (sqlite/corpusEdits.ts `scope`, the same cases). */
async function scope(reader: PgRecordReader, edit: Edit): Promise<RecordScope> {
  const entityIds: string[] = [];
  const relationIds: string[] = [];
  const documentIds: string[] = [];
  let full: string[] = [];
  let touching: string[] = [];
  switch (edit.kind) {
    case 'accept':
    case 'reject':
    case 'restore':
      relationIds.push(edit.relation);
      break;
    case 'correct':
      relationIds.push(edit.relation);
      for (const id of [edit.source, edit.target, edit.attributedTo]) if (typeof id === 'string') entityIds.push(id);
      break;
    case 'add-relation':
      entityIds.push(edit.source, edit.target);
      documentIds.push(edit.evidence.document);
      relationIds.push(...(await reader.idsLike('relations', idFromName(`${edit.source}-${edit.type}-${edit.target}`, 'relation'))));
      break;
    case 'merge-entities':
      entityIds.push(edit.into, edit.from);
      full = [edit.from];
      touching = [edit.from];
      break;
    case 'split-entity':
      entityIds.push(edit.entity, ...(edit.names[0] === undefined ? [] : await reader.idsLike('entities', idFromName(edit.names[0], 'entity'))));
      full = [edit.entity];
      touching = [edit.entity];
      break;
    case 'rename-entity':
      entityIds.push(edit.entity, ...(await reader.idsNamed(edit.label)));
      break;
    case 'retype-entity':
    case 'add-alias':
      entityIds.push(edit.entity);
      break;
  }
  const entityPk = await reader.pks('entities', [...entityIds, ...full]);
  const relationPks = [...(await reader.pks('relations', relationIds)).values()];
  const involved = new Set([...entityPk.values(), ...(await reader.relationEnds(relationPks))]);
  const touchingPks = touching.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : []));
  const moved = await reader.relationsTouching(touchingPks);
  for (const pk of await reader.relationEnds(moved)) involved.add(pk);
  const among = relationPks.length > 0 || edit.kind === 'add-relation' || moved.length > 0 ? await reader.relationsTouching(involved, true) : [];
  return {
    relations: [...relationPks, ...moved, ...among],
    entities: involved,
    mentionDocuments: (await reader.pks('documents', documentIds)).values(),
    fullMentions: full.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : [])),
  };
}
