/**
 * Deterministic ids
 * =================
 *
 * Entity ids are the kebab-case of the label, as in the curated datasets
 * ("Vladimir Putin" → `vladimir-putin`, "UN General Assembly" →
 * `un-general-assembly`), so the same name gets the same id in every article
 * and datasets extracted separately can be merged by id. The algorithm is the
 * project's one id function (model/ids.ts), shared with the importers.
 */

import { idFromName } from '../model/ids.ts';

export function kebabId(label: string): string {
  let id = ids.get(label);
  if (id === undefined) {
    // Bounded: a long-running server sees ever new names.
    if (ids.size >= MAX_CACHED_IDS) ids.clear();
    ids.set(label, (id = idFromName(label, 'entity')));
  }
  return id;
}

/** Ids already made: the same names recur in every article, and making one costs five Unicode regex passes. */
const ids = new Map<string, string>();
const MAX_CACHED_IDS = 20_000;

export function relationId(source: string, type: string, target: string): string {
  return `${source}-${type}-${target}`;
}
