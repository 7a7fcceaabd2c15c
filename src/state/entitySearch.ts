/**
 * Entity search
 * =============
 *
 * Finds entities by name or alias as the reader types ("putin", "kremlin",
 * "zelenskyy" will not match, "zelensky" will). Case and accents are ignored;
 * names that start with the query rank above names that merely contain it, so
 * the first result is the one Enter should open.
 */

import type { Entity } from '../model/index.ts';

export interface SearchHit {
  entity: Entity;
  /** The alias that matched, when it was not the label. */
  via: string | null;
}

export function normalizeForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** 0: the name starts with the query, 1: a word in it does, 2: it contains it, -1: no match. */
function rank(name: string, query: string): number {
  const normalized = normalizeForSearch(name);
  if (normalized.startsWith(query)) return 0;
  if (normalized.split(/[\s\-–—'’]+/).some((word) => word.startsWith(query))) return 1;
  return normalized.includes(query) ? 2 : -1;
}

export function searchEntities(entities: readonly Entity[], query: string, limit = 8): SearchHit[] {
  const q = normalizeForSearch(query);
  if (q === '') return [];
  const scored: Array<{ hit: SearchHit; score: number; order: number }> = [];
  entities.forEach((entity, order) => {
    const labelRank = rank(entity.label, q);
    let best = labelRank < 0 ? Infinity : labelRank;
    let via: string | null = null;
    for (const alias of entity.aliases) {
      const aliasRank = rank(alias, q);
      // An alias counts slightly below the label at the same rank.
      if (aliasRank >= 0 && aliasRank + 0.5 < best) {
        best = aliasRank + 0.5;
        via = alias;
      }
    }
    if (best !== Infinity) scored.push({ hit: { entity, via }, score: best, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.hit);
}
