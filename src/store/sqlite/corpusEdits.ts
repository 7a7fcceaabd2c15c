/**
 * Editing the stored corpus
 * =========================
 *
 * The analyst's edits (schema.ts `Edit`) on the corpus, with undo and redo
 * that survive reopening the file. The edit semantics are the app's own:
 * each edit loads the few records it can touch as a small dataset
 * (records.ts), runs the pure `applyEdit` / `undoEdit` / `redoEdit` of
 * model/review on it, and writes the changed records back (recordWriter.ts)
 * with the history row, in one IMMEDIATE transaction: all of it or none.
 *
 * What an edit loads: the relation it names, its ends and the entities the
 * edit names, and the relations among those entities (a correction that
 * would duplicate one is seen); for a merge or a split, every relation of
 * the entity that goes or is cut, and all its mentions; for a rename,
 * retype or alias, the entity alone.
 *
 * Undo and redo load the records the entry changed and refuse, in one
 * sentence, when the corpus no longer holds them as the entry left them (an
 * ingest added sentences to a relation since, say): history snapshots are
 * of the loaded records, compared by content, not by order.
 */

import { idFromName } from '../../model/ids.ts';
import { applyEdit as applyPureEdit, redoEdit, undoEdit } from '../../model/review/index.ts';
import { EditSchema, HistoryEntrySchema, type Dataset, type Edit, type Entity, type HistoryEntry, type Relation } from '../../model/schema.ts';
import { typeCatalog, type TypeCatalog } from '../../model/typeCatalog.ts';
import type { StoredHistory, StoreEditOutcome } from '../corpusStore.ts';
import type { Connection } from './connection.ts';
import type { StoredTypes } from './declaredTypes.ts';
import { RecordReader, type LoadedRecords, type RecordScope } from './records.ts';
import { EditRefusedError, RecordWriter, type StoredChange } from './recordWriter.ts';
import type { StatementCache } from './statements.ts';


export interface HistoryRow {
  seq: number;
  at: string;
  edit: string;
  label: string;
  changes: string;
}

export const sortedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === 'object') {
    const out = new Map<string, unknown>();
    for (const key of Object.keys(value).sort()) out.set(key, sortedKeys((value as Record<string, unknown>)[key]));
    return [...out];
  }
  return value;
};
const spanOrder = (a: { document: string; start: number; end: number }, b: { document: string; start: number; end: number }) =>
  a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start || a.end - b.end;

/** A record as content: spans as a set, attributes without order, false flags as absent, symmetric ends unordered. */
export function canonical(kind: 'entity' | 'relation', record: Entity | Relation | null, catalog: TypeCatalog): string {
  if (record === null) return 'null';
  if (kind === 'entity') {
    const e = record as Entity;
    return JSON.stringify(sortedKeys({ ...e, mentions: [...e.mentions].sort(spanOrder), attributes: e.attributes && Object.keys(e.attributes).length > 0 ? e.attributes : undefined }));
  }
  const r = record as Relation;
  const ends = catalog.relation(r.type).directed ? [r.source, r.target] : [r.source, r.target].sort();
  return JSON.stringify(
    sortedKeys({ ...r, source: ends[0], target: ends[1], negated: r.negated === true, evidence: [...r.evidence].sort(spanOrder), attributes: r.attributes && Object.keys(r.attributes).length > 0 ? r.attributes : undefined }),
  );
}

export class CorpusEditor {
  private readonly reader: RecordReader;

  constructor(
    private readonly db: Connection,
    private readonly statements: StatementCache,
    private readonly types: StoredTypes,
  ) {
    this.reader = new RecordReader(statements, types);
  }

  private catalog(): TypeCatalog {
    return typeCatalog(this.types.current().declared);
  }

  /** Applies `edit` to the stored corpus (see the header). */
  applyEdit(input: unknown, at: Date = new Date()): StoreEditOutcome {
    const parsed = EditSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, reason: `the edit is not valid: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}.` };
    }
    const edit = parsed.data;
    return this.transaction(() => {
      const loaded = this.reader.load(this.scope(edit));
      const outcome = applyPureEdit({ ...loaded.dataset, history: { entries: [], position: 0 } }, edit, at);
      if (!outcome.ok) return outcome;
      this.write(loaded, outcome.entry.changes.map((c) => ({ ...c }) as StoredChange));
      this.statements.get('DELETE FROM edit_history WHERE applied = 0').run();
      const { entry } = outcome;
      this.statements.get('INSERT INTO edit_history (at, edit, label, changes, applied) VALUES (?, ?, ?, ?, 1)').run(entry.at, JSON.stringify(entry.edit), entry.label, JSON.stringify(entry.changes));
      return { ok: true, label: entry.label };
    });
  }

  undo(): StoreEditOutcome {
    return this.step('undo');
  }

  redo(): StoreEditOutcome {
    return this.step('redo');
  }

  history(): StoredHistory {
    const rows = this.statements.get<{ label: string; at: string; applied: number }>('SELECT label, at, applied FROM edit_history ORDER BY seq').all() as Array<{ label: string; at: string; applied: number }>;
    const entries = rows.map((row) => ({ label: row.label, at: row.at, applied: row.applied === 1 }));
    return { entries, position: entries.filter((e) => e.applied).length };
  }

  private transaction(body: () => StoreEditOutcome): StoreEditOutcome {
    try {
      return this.db.transaction(body).immediate();
    } catch (error) {
      if (error instanceof EditRefusedError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  private write(loaded: LoadedRecords, changes: readonly StoredChange[]): void {
    new RecordWriter(this.statements, this.catalog(), loaded).write(changes);
  }

  /** The records an edit can touch (see the header). */
  private scope(edit: Edit): RecordScope {
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
        // The new relation's id is made free of these (relationEdits.ts).
        relationIds.push(...this.reader.idsLike('relations', idFromName(`${edit.source}-${edit.type}-${edit.target}`, 'relation')));
        break;
      case 'merge-entities':
        entityIds.push(edit.into, edit.from);
        full = [edit.from];
        touching = [edit.from];
        break;
      case 'split-entity':
        // The new entity's id is made free of these (entityEdits.ts).
        entityIds.push(edit.entity, ...(edit.names[0] === undefined ? [] : this.reader.idsLike('entities', idFromName(edit.names[0], 'entity'))));
        full = [edit.entity];
        touching = [edit.entity];
        break;
      case 'rename-entity':
        // Another entity already called that is a refusal ("merge them instead"): it must be loaded to be seen.
        entityIds.push(edit.entity, ...this.reader.idsNamed(edit.label));
        break;
      case 'retype-entity':
      case 'add-alias':
        entityIds.push(edit.entity);
        break;
    }
    const entityPk = this.reader.pks('entities', [...entityIds, ...full]);
    const relationPks = [...this.reader.pks('relations', relationIds).values()];
    const involved = new Set([...entityPk.values(), ...this.reader.relationEnds(relationPks)]);
    const touchingPks = touching.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : []));
    const moved = this.reader.relationsTouching(touchingPks);
    // The relations among the involved entities and the moved relations' ends: where a change could meet a held relation.
    for (const pk of this.reader.relationEnds(moved)) involved.add(pk);
    const among = relationPks.length > 0 || edit.kind === 'add-relation' || moved.length > 0 ? this.reader.relationsTouching(involved, true) : [];
    return {
      relations: [...relationPks, ...moved, ...among],
      entities: involved,
      mentionDocuments: this.reader.pks('documents', documentIds).values(),
      fullMentions: full.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : [])),
    };
  }

  private step(direction: 'undo' | 'redo'): StoreEditOutcome {
    return this.transaction(() => {
      const row = this.statements
        .get<HistoryRow>(direction === 'undo' ? 'SELECT seq, at, edit, label, changes FROM edit_history WHERE applied = 1 ORDER BY seq DESC LIMIT 1' : 'SELECT seq, at, edit, label, changes FROM edit_history WHERE applied = 0 ORDER BY seq LIMIT 1')
        .get() as HistoryRow | undefined;
      if (!row) return { ok: false, reason: direction === 'undo' ? 'there is no edit to undo.' : 'there is no undone edit to redo.', nothing: true };
      const entry = readEntry(row);
      if (entry === undefined) return { ok: false, reason: `the stored history entry ${row.seq} cannot be read, so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.` };
      const catalog = this.catalog();

      // Load what the entry changed, as it is now, with the mentions in the articles its snapshots name.
      const ids = (kind: 'entity' | 'relation') => entry.changes.filter((c) => c.kind === kind).map((c) => c.id);
      const snapshotRelations = entry.changes.flatMap((c) => (c.kind === 'relation' ? [c.before, c.after] : [])).filter((r): r is Relation => r !== null);
      const snapshotEntities = entry.changes.flatMap((c) => (c.kind === 'entity' ? [c.before, c.after] : [])).filter((e): e is Entity => e !== null);
      const documents = new Set([...snapshotRelations.flatMap((r) => r.evidence.map((e) => e.document)), ...snapshotEntities.flatMap((e) => e.mentions.map((m) => m.document))]);
      const ends = snapshotRelations.flatMap((r) => (r.attributedTo === undefined ? [r.source, r.target] : [r.source, r.target, r.attributedTo]));
      const loaded = this.reader.load({
        relations: this.reader.pks('relations', ids('relation')).values(),
        entities: this.reader.pks('entities', [...ids('entity'), ...ends]).values(),
        mentionDocuments: this.reader.pks('documents', documents).values(),
      });
      const current = new Map<string, Entity | Relation>();
      for (const e of loaded.dataset.entities) current.set(`entity\u0000${e.id}`, e);
      for (const r of loaded.dataset.relations) current.set(`relation\u0000${r.id}`, r);

      // The entry fits when every record it changed is as it left it (by content)...
      for (const c of entry.changes) {
        const expected = direction === 'undo' ? c.after : c.before;
        const now = current.get(`${c.kind}\u0000${c.id}`) ?? null;
        if (canonical(c.kind, now, catalog) !== canonical(c.kind, expected, catalog))
          return { ok: false, reason: `the corpus has changed since “${entry.label}” (${c.kind} ${JSON.stringify(c.id)} is no longer as that edit left it), so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.` };
      }
      // ...and the pure step then runs on the entry's own snapshots, in lists indexed as the entry expects.
      const { entry: indexed, before, after } = reindexed(entry);
      const lists = direction === 'undo' ? after : before;
      const dataset: Dataset = { ...loaded.dataset, ...lists, history: { entries: [indexed], position: direction === 'undo' ? 1 : 0 } };
      const outcome = direction === 'undo' ? undoEdit(dataset) : redoEdit(dataset);
      if (outcome === null) return { ok: false, reason: `there is no edit to ${direction}.`, nothing: true };
      if (!outcome.ok) return outcome;
      const result = new Map<string, Entity | Relation>();
      for (const e of outcome.dataset.entities) result.set(`entity\u0000${e.id}`, e);
      for (const r of outcome.dataset.relations) result.set(`relation\u0000${r.id}`, r);
      this.write(
        loaded,
        entry.changes.map((c) => ({ kind: c.kind, id: c.id, before: current.get(`${c.kind}\u0000${c.id}`) ?? null, after: result.get(`${c.kind}\u0000${c.id}`) ?? null }) as StoredChange),
      );
      this.statements.get('UPDATE edit_history SET applied = ? WHERE seq = ?').run(direction === 'undo' ? 0 : 1, row.seq);
      return { ok: true, label: entry.label };
    });
  }
}

type Lists = { entities: Entity[]; relations: Relation[] };

/**
 * The entry with its indices counted in lists of its own records only (the
 * stored indices count the lists of the dataset it was made on, which the
 * corpus does not keep), and those lists before and after it. Replacements
 * and removals find their record by id; additions go last, as draft.ts adds.
 */
export function reindexed(entry: HistoryEntry): { entry: HistoryEntry; before: Lists; after: Lists } {
  const before: Lists = { entities: [], relations: [] };
  for (const c of entry.changes) {
    if (c.before === null) continue;
    if (c.kind === 'entity') before.entities.push(c.before);
    else before.relations.push(c.before);
  }
  const now: Lists = { entities: [...before.entities], relations: [...before.relations] };
  const changes = entry.changes.map((c) => {
    const list: Array<{ id: string }> = c.kind === 'entity' ? now.entities : now.relations;
    const index = c.before === null ? list.length : list.findIndex((r) => r.id === c.id);
    if (c.before === null) list.push(c.after!);
    else if (c.after === null) list.splice(index, 1);
    else list[index] = c.after;
    return { ...c, index };
  }) as HistoryEntry['changes'];
  return { entry: { ...entry, changes }, before, after: now };
}

export function readEntry(row: HistoryRow): HistoryEntry | undefined {
  try {
    const parsed = HistoryEntrySchema.safeParse({ edit: JSON.parse(row.edit), label: row.label, at: row.at, changes: JSON.parse(row.changes) });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
