/**
 * Edits, undo and redo, decided once for both stores
 * ==================================================
 *
 * The analyst's edits (schema.ts `Edit`) on the corpus, with undo and redo
 * that survive reopening it. The edit semantics are the app's own: each edit
 * loads the few records it can touch as a small dataset (records.ts), runs
 * the pure `applyEdit` / `undoEdit` / `redoEdit` of model/review on it, and
 * writes the changed records back (recordWriter.ts) with the history row,
 * in one transaction: all of it or none. The store editors
 * (sqlite/corpusEdits.ts, postgres/corpusEdits.ts) do the reading, writing
 * and transactions; what is decided in between is here.
 *
 * What an edit loads (`editTargets`): the relation it names, its ends and
 * the entities the edit names, and the relations among those entities (a
 * correction that would duplicate one is seen); for a merge or a split,
 * every relation of the entity that goes or is cut, and all its mentions;
 * for a rename, retype or alias, the entity alone.
 *
 * Undo and redo load the records the entry changed (`stepTargets`) and
 * refuse, in one sentence, when the corpus no longer holds them as the entry
 * left them (an ingest added sentences to a relation since, say): history
 * snapshots are of the loaded records, compared by content, not by order
 * (`stepChanges`).
 */

import { idFromName } from '../../model/ids.ts';
import { redoEdit, undoEdit } from '../../model/review/index.ts';
import { EditSchema, HistoryEntrySchema, type Dataset, type Edit, type Entity, type HistoryEntry, type Relation } from '../../model/schema.ts';
import type { TypeCatalog } from '../../model/typeCatalog.ts';
import type { StoreEditOutcome } from '../corpusStore.ts';

/** What the corpus refuses while writing an edit's records (recordWriter.ts), in one sentence; the caller rolls back. */
export class EditRefusedError extends Error {
  override name = 'EditRefusedError';
}

export type StoredChange = { kind: 'entity'; id: string; before: Entity | null; after: Entity | null } | { kind: 'relation'; id: string; before: Relation | null; after: Relation | null };

export interface HistoryRow {
  seq: number;
  at: string;
  edit: string;
  label: string;
  changes: string;
}

export type Direction = 'undo' | 'redo';

/** The history entry an undo (the last applied) or a redo (the first undone) takes. */
export const stepEntrySql = (direction: Direction) =>
  direction === 'undo' ? 'SELECT seq, at, edit, label, changes FROM edit_history WHERE applied = 1 ORDER BY seq DESC LIMIT 1' : 'SELECT seq, at, edit, label, changes FROM edit_history WHERE applied = 0 ORDER BY seq LIMIT 1';

/** The edit, or why it is not one. */
export function parseEdit(input: unknown): { edit: Edit } | { refused: StoreEditOutcome } {
  const parsed = EditSchema.safeParse(input);
  if (parsed.success) return { edit: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { refused: { ok: false, reason: `the edit is not valid: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}.` } };
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

/** What an edit names, for the store to look up (see the header); `like` and `named` are ids to make free of, or names to find. */
export interface EditTargets {
  entityIds: string[];
  relationIds: string[];
  documentIds: string[];
  /** Entities loaded with all their mentions (the one that goes in a merge, the one cut in a split). */
  full: string[];
  /** Entities whose every relation is loaded. */
  touching: string[];
  /** Ids starting so in this table are loaded too: the new record's id is made free of them (relationEdits.ts, entityEdits.ts). */
  like?: { table: 'entities' | 'relations'; id: string };
  /** Entities already called this are loaded too: a rename onto one is refused ("merge them instead"). */
  named?: string;
}

export function editTargets(edit: Edit): EditTargets {
  const targets: EditTargets = { entityIds: [], relationIds: [], documentIds: [], full: [], touching: [] };
  switch (edit.kind) {
    case 'accept':
    case 'reject':
    case 'restore':
      targets.relationIds.push(edit.relation);
      break;
    case 'correct':
      targets.relationIds.push(edit.relation);
      for (const id of [edit.source, edit.target, edit.attributedTo]) if (typeof id === 'string') targets.entityIds.push(id);
      break;
    case 'add-relation':
      targets.entityIds.push(edit.source, edit.target);
      targets.documentIds.push(edit.evidence.document);
      targets.like = { table: 'relations', id: idFromName(`${edit.source}-${edit.type}-${edit.target}`, 'relation') };
      break;
    case 'merge-entities':
      targets.entityIds.push(edit.into, edit.from);
      targets.full = [edit.from];
      targets.touching = [edit.from];
      break;
    case 'split-entity':
      targets.entityIds.push(edit.entity);
      if (edit.names[0] !== undefined) targets.like = { table: 'entities', id: idFromName(edit.names[0], 'entity') };
      targets.full = [edit.entity];
      targets.touching = [edit.entity];
      break;
    case 'rename-entity':
      targets.entityIds.push(edit.entity);
      targets.named = edit.label;
      break;
    case 'retype-entity':
    case 'add-alias':
      targets.entityIds.push(edit.entity);
      break;
  }
  return targets;
}

/** Whether the relations among the involved entities must be loaded (where a change could meet a held relation). */
export const loadsRelationsAmong = (edit: Edit, relations: number, moved: number) => relations > 0 || edit.kind === 'add-relation' || moved > 0;

/** The history entry of a row, or the refusal when there is none or it cannot be read. */
export function stepEntry(row: HistoryRow | undefined, direction: Direction): { entry: HistoryEntry; seq: number } | { refused: StoreEditOutcome } {
  if (!row) return { refused: { ok: false, reason: direction === 'undo' ? 'there is no edit to undo.' : 'there is no undone edit to redo.', nothing: true } };
  const entry = readEntry(row);
  if (entry === undefined) return { refused: { ok: false, reason: `the stored history entry ${row.seq} cannot be read, so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.` } };
  return { entry, seq: row.seq };
}

/** What an undo or redo loads: the records the entry changed, their ends, and the articles its snapshots name. */
export function stepTargets(entry: HistoryEntry): { relationIds: string[]; entityIds: string[]; documentIds: string[] } {
  const ids = (kind: 'entity' | 'relation') => entry.changes.filter((c) => c.kind === kind).map((c) => c.id);
  const snapshotRelations = entry.changes.flatMap((c) => (c.kind === 'relation' ? [c.before, c.after] : [])).filter((r): r is Relation => r !== null);
  const snapshotEntities = entry.changes.flatMap((c) => (c.kind === 'entity' ? [c.before, c.after] : [])).filter((e): e is Entity => e !== null);
  const documents = new Set([...snapshotRelations.flatMap((r) => r.evidence.map((e) => e.document)), ...snapshotEntities.flatMap((e) => e.mentions.map((m) => m.document))]);
  const ends = snapshotRelations.flatMap((r) => (r.attributedTo === undefined ? [r.source, r.target] : [r.source, r.target, r.attributedTo]));
  return { relationIds: ids('relation'), entityIds: [...ids('entity'), ...ends], documentIds: [...documents] };
}

const byKey = (dataset: Pick<Dataset, 'entities' | 'relations'>) => {
  const map = new Map<string, Entity | Relation>();
  for (const e of dataset.entities) map.set(`entity\u0000${e.id}`, e);
  for (const r of dataset.relations) map.set(`relation\u0000${r.id}`, r);
  return map;
};

/**
 * The record changes an undo or redo makes on the loaded records, or its
 * refusal: the entry fits when every record it changed is as it left it (by
 * content); the pure step then runs on the entry's own snapshots.
 */
export function stepChanges(entry: HistoryEntry, loaded: Dataset, catalog: TypeCatalog, direction: Direction): { changes: StoredChange[] } | { refused: StoreEditOutcome } {
  const current = byKey(loaded);
  for (const c of entry.changes) {
    const expected = direction === 'undo' ? c.after : c.before;
    const now = current.get(`${c.kind}\u0000${c.id}`) ?? null;
    if (canonical(c.kind, now, catalog) !== canonical(c.kind, expected, catalog))
      return { refused: { ok: false, reason: `the corpus has changed since “${entry.label}” (${c.kind} ${JSON.stringify(c.id)} is no longer as that edit left it), so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.` } };
  }
  // In lists indexed as the entry expects.
  const { entry: indexed, before, after } = reindexed(entry);
  const lists = direction === 'undo' ? after : before;
  const dataset: Dataset = { ...loaded, ...lists, history: { entries: [indexed], position: direction === 'undo' ? 1 : 0 } };
  const outcome = direction === 'undo' ? undoEdit(dataset) : redoEdit(dataset);
  if (outcome === null) return { refused: { ok: false, reason: `there is no edit to ${direction}.`, nothing: true } };
  if (!outcome.ok) return { refused: outcome };
  const result = byKey(outcome.dataset);
  return { changes: entry.changes.map((c) => ({ kind: c.kind, id: c.id, before: current.get(`${c.kind}\u0000${c.id}`) ?? null, after: result.get(`${c.kind}\u0000${c.id}`) ?? null }) as StoredChange) };
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

/** The history row of an applied edit: INSERT INTO edit_history (at, edit, label, changes, applied) VALUES (?, ?, ?, ?, 1). */
export const historyValues = (entry: HistoryEntry): [string, string, string, string] => [entry.at, JSON.stringify(entry.edit), entry.label, JSON.stringify(entry.changes)];
