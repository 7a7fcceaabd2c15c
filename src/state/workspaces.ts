/**
 * Workspaces — the user's own datasets, kept in the browser
 * ==========================================================
 *
 * A workspace is one dataset the user made (an import, an extracted article,
 * a merge, a shared link) with a name and a little bookkeeping for the
 * Workspaces dialog: where it came from, its size, when it was last opened.
 * The browser store (ui/workspaces/workspaceStore.ts) keeps the record and
 * the dataset side by side; this file is the pure part: what a record holds,
 * how an accepted change maps onto one (a new workspace, or an update of the
 * open one), names, and the words the dialog shows. Records read back from
 * storage are checked with the schema here: a record an older version wrote,
 * or one edited by hand, is dropped rather than trusted.
 */

import { z } from 'zod';
import type { Dataset } from '../model/index.ts';
import type { DataOrigin } from './dataSource.ts';

const OriginSchema = z.object({
  kind: z.enum(['seed', 'file', 'article', 'merged', 'edited']),
  name: z.string(),
  joined: z.array(z.string()).optional(),
}) satisfies z.ZodType<DataOrigin>;

const Count = z.number().int().nonnegative();
/** Milliseconds since the epoch. */
const Time = z.number().finite();

export const WorkspaceMetaSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  origin: OriginSchema,
  entities: Count,
  relations: Count,
  documents: Count,
  createdAt: Time,
  openedAt: Time,
  savedAt: Time,
});

export type WorkspaceMeta = z.infer<typeof WorkspaceMetaSchema>;

/** Longest name kept; a name is a label in a list, not a place for a note. */
export const WORKSPACE_NAME_MAX = 120;

/**
 * A user's name as it will be kept: white space (control characters too)
 * collapsed to single spaces, trimmed, cut at `WORKSPACE_NAME_MAX` characters
 * (never inside a surrogate pair). Null when nothing is left.
 */
export function cleanWorkspaceName(input: string): string | null {
  const collapsed = input.replace(/[\s\u0000-\u001f\u007f-\u009f]+/gu, ' ').trim();
  if (collapsed === '') return null;
  const characters = Array.from(collapsed);
  return characters.length <= WORKSPACE_NAME_MAX ? collapsed : `${characters.slice(0, WORKSPACE_NAME_MAX - 1).join('').trimEnd()}…`;
}

/** The name a new workspace gets: the dataset's title, else its first article's, else where it came from. */
export function defaultWorkspaceName(dataset: Dataset, origin: DataOrigin): string {
  const candidates = [dataset.title, dataset.documents[0]?.title, origin.name];
  for (const candidate of candidates) {
    const name = candidate === undefined ? null : cleanWorkspaceName(candidate);
    if (name !== null) return name;
  }
  return 'Untitled workspace';
}

/** What the record says about the dataset's size, so the dialog lists workspaces without loading them. */
export function countsOf(dataset: Dataset): Pick<WorkspaceMeta, 'entities' | 'relations' | 'documents'> {
  return { entities: dataset.entities.length, relations: dataset.relations.length, documents: dataset.documents.length };
}

export function newWorkspaceMeta(id: string, name: string, dataset: Dataset, origin: DataOrigin, now: number): WorkspaceMeta {
  return { id, name, origin, ...countsOf(dataset), createdAt: now, openedAt: now, savedAt: now };
}

/**
 * The record to write when a workspace's dataset is saved: the dataset's
 * counts and origin from `fresh`, and the name and creation time of the
 * record already stored, if any — so a rename made while a save was waiting
 * is not undone by it.
 */
export function mergeSavedMeta(stored: WorkspaceMeta | undefined, fresh: WorkspaceMeta): WorkspaceMeta {
  return stored === undefined ? fresh : { ...fresh, name: stored.name, createdAt: stored.createdAt };
}

/** Where an accepted dataset goes: nowhere (the seed), into a new workspace, or into the open one. */
export type SaveTarget = { kind: 'none' } | { kind: 'new' } | { kind: 'update'; id: string };

/**
 * The seed is never stored. A merge grows the workspace that is open (a
 * corpus built article by article stays one workspace); anything else that
 * replaces the graph — an import, an article, a link — starts a new one, so
 * opening a file never overwrites earlier work.
 */
export function saveTargetFor(origin: DataOrigin, openId: string | null): SaveTarget {
  if (origin.kind === 'seed') return { kind: 'none' };
  if (origin.kind === 'merged' && openId !== null) return { kind: 'update', id: openId };
  return { kind: 'new' };
}

/** Records read back from storage: the well-formed ones, most recently opened first. */
export function storedWorkspaces(values: readonly unknown[]): WorkspaceMeta[] {
  const valid: WorkspaceMeta[] = [];
  for (const value of values) {
    const parsed = WorkspaceMetaSchema.safeParse(value);
    if (parsed.success) valid.push(parsed.data);
  }
  return valid.sort((a, b) => b.openedAt - a.openedAt || a.name.localeCompare(b.name));
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** "12 entities · 9 relations · 2 articles" */
export function describeCounts(counts: Pick<WorkspaceMeta, 'entities' | 'relations' | 'documents'>): string {
  return [plural(counts.entities, 'entity', 'entities'), plural(counts.relations, 'relation', 'relations'), plural(counts.documents, 'article', 'articles')].join(' · ');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When something happened, in words relative to `now`: "just now", "5 minutes ago", "yesterday", then the date. */
export function describeWhen(then: number, now: number, locale = 'en-GB'): string {
  const ago = now - then;
  if (ago < MINUTE) return 'just now';
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return relative.format(-Math.floor(ago / DAY), 'day');
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(then));
}

/** The name "Save as new" suggests: the open workspace's name (or the graph's) with "(copy)". */
export function copyName(name: string): string {
  return cleanWorkspaceName(`${name} (copy)`) ?? 'Untitled workspace';
}
