/**
 * What an entity edit would do, before the analyst confirms it
 * ============================================================
 *
 * The merge and split forms say what will join or move. Rather than restate
 * the edit rules here, the edit is tried on the kept dataset (applyEdit is
 * pure; nothing is applied) and its record changes are counted.
 */

import { applyEdit } from '../model/review/index.ts';
import type { Dataset, Edit, Entity } from '../model/index.ts';

export interface MergePreview {
  /** Names of `from` that become aliases of `into` (its label and aliases). */
  aliases: number;
  mentions: number;
  /** Relations of `from` that move to `into`. */
  relations: number;
}

const touches = (r: { source: string; target: string }, id: string) => r.source === id || r.target === id;

/** What merging `from` into `into` joins: counted from `from` itself. */
export function mergePreview(dataset: Dataset, from: Entity): MergePreview {
  return {
    aliases: 1 + from.aliases.length,
    mentions: from.mentions.length,
    relations: dataset.relations.filter((r) => touches(r, from.id)).length,
  };
}

export type SplitPreview = { ok: true; label: string; mentions: number; relations: string[] } | { ok: false; reason: string };

/** What splitting `names` off `entityId` would move: the new entity's mentions and the relations that move to it (by id). */
export function splitPreview(dataset: Dataset, entityId: string, names: readonly string[]): SplitPreview {
  if (names.length === 0) return { ok: false, reason: 'tick the names that belong to another actor' };
  const outcome = applyEdit(dataset, { kind: 'split-entity', entity: entityId, names: [...names] });
  if (!outcome.ok) return outcome;
  const created = outcome.entry.changes.find((c) => c.kind === 'entity' && c.before === null && c.after !== null);
  const split = created?.kind === 'entity' ? created.after : null;
  if (!split) return { ok: false, reason: 'the split would make no new entity' };
  const relations = outcome.entry.changes.flatMap((c) => (c.kind === 'relation' && c.after !== null && touches(c.after, split.id) ? [c.id] : []));
  return { ok: true, label: split.label, mentions: split.mentions.length, relations };
}

/** The id a new record would get from `edit` (the first record it creates), or null when the edit would be refused. */
export function createdIdOf(dataset: Dataset, edit: Edit, kind: 'entity' | 'relation'): string | null {
  const outcome = applyEdit(dataset, edit);
  if (!outcome.ok) return null;
  return outcome.entry.changes.find((c) => c.kind === kind && c.before === null && c.after !== null)?.id ?? null;
}
