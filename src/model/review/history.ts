import type { Dataset, Entity, HistoryEntry, RecordChange, Relation } from '../schema.ts';
import type { EditOutcome } from './edits.ts';

const OUT_OF_STEP = 'the edit history no longer matches the data; undo is not possible (the data is unchanged)';
const OUT_OF_STEP_REDO = 'the edit history no longer matches the data; redo is not possible (the data is unchanged)';

/** Deep equality of JSON-like values (records of a dataset). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** One change applied to a list (before → after at index), after checking the list holds what the change expects; false when it does not. */
function step<T extends { id: string }>(list: T[], index: number, before: T | null, after: T | null): boolean {
  if (before === null) {
    if (after === null || index > list.length) return false;
    list.splice(index, 0, after);
    return true;
  }
  if (index >= list.length || !same(list[index], before)) return false;
  if (after === null) list.splice(index, 1);
  else list[index] = after;
  return true;
}

/** The entry's changes applied forward (redo) or backward (undo) to copies of the lists; undefined when the data does not match them. */
function replay(dataset: Dataset, entry: HistoryEntry, backward: boolean): { entities: Entity[]; relations: Relation[] } | undefined {
  const entities = [...dataset.entities];
  const relations = [...dataset.relations];
  const changes: RecordChange[] = backward ? [...entry.changes].reverse() : entry.changes;
  for (const change of changes) {
    const [before, after] = backward ? [change.after, change.before] : [change.before, change.after];
    const ok =
      change.kind === 'entity'
        ? step(entities, change.index, before as Entity | null, after as Entity | null)
        : step(relations, change.index, before as Relation | null, after as Relation | null);
    if (!ok) return undefined;
  }
  return { entities, relations };
}

/** The dataset before its last applied edit (position − 1); null when there is none. Refused if the stored history no longer fits the data. */
export function undoEdit(dataset: Dataset): EditOutcome | null {
  const history = dataset.history;
  if (!history || history.position === 0) return null;
  const entry = history.entries[history.position - 1];
  if (!entry) return { ok: false, reason: OUT_OF_STEP };
  const lists = replay(dataset, entry, true);
  if (!lists) return { ok: false, reason: OUT_OF_STEP };
  return { ok: true, dataset: { ...dataset, ...lists, history: { ...history, position: history.position - 1 } }, entry };
}

/** The first undone edit made again; null when there is none. */
export function redoEdit(dataset: Dataset): EditOutcome | null {
  const history = dataset.history;
  if (!history || history.position >= history.entries.length) return null;
  const entry = history.entries[history.position]!;
  const lists = replay(dataset, entry, false);
  if (!lists) return { ok: false, reason: OUT_OF_STEP_REDO };
  return { ok: true, dataset: { ...dataset, ...lists, history: { ...history, position: history.position + 1 } }, entry };
}
export const canUndo = (dataset: Dataset): boolean => (dataset.history?.position ?? 0) > 0;
export const canRedo = (dataset: Dataset): boolean => dataset.history !== undefined && dataset.history.position < dataset.history.entries.length;
/** "Undo: Rejected Russia sanctioned Ukraine"-style label of the step an undo would take back (the entry's label), or null. */
export function undoLabel(dataset: Dataset): string | null {
  const h = dataset.history;
  return h && h.position > 0 ? (h.entries[h.position - 1]?.label ?? null) : null;
}
export function redoLabel(dataset: Dataset): string | null {
  const h = dataset.history;
  return h && h.position < h.entries.length ? (h.entries[h.position]?.label ?? null) : null;
}
