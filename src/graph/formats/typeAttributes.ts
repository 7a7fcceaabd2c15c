/**
 * Which node attribute holds the entity type
 * ==========================================
 *
 * The attribute (or, for a CSV, the column pair) read as the entity type is
 * the reader's choice (`ReadOptions.entityTypeAttribute`), else the first of
 * the usual names the file uses (NODE_TYPE_KEYS). The others that could be
 * chosen instead are offered in the app's import dialog
 * (`TypeReading.entityTypeAttributes`): attributes whose values are text,
 * with at most MAX_TYPE_VALUES distinct ones and fewer than there are nodes —
 * a category, not a name or a description.
 */

import { normalizeTypeName } from './typeMapping.ts';

/** Node attributes that usually hold an entity type, in order of preference. */
export const NODE_TYPE_KEYS: readonly string[] = ['entityType', 'entity_type', 'type', 'Type', 'kind', 'category', 'Category'];

/** Most distinct values an attribute may have to be offered as the entity type. */
export const MAX_TYPE_VALUES = 50;

export interface TypeAttributeTally {
  /** Counts one node's attributes. */
  add(record: Readonly<Record<string, unknown>>): void;
  /** Counts one value of attribute `name`. */
  addValue(name: string, value: unknown): void;
  /** Whether some node has a non-empty text value for `name`. */
  has(name: string): boolean;
  /** The attributes that could hold the entity type, in the order first seen. */
  candidates(nodeCount: number): string[];
}

/** A tally of the attributes of a file's nodes, leaving out the `excluded` ones (labels, ids). */
export function typeAttributeTally(excluded: ReadonlySet<string>): TypeAttributeTally {
  const withText = new Set<string>();
  // Distinct values by attribute; null once it cannot be a type (a value that is not text, too many values).
  const values = new Map<string, Set<string> | null>();
  const addValue = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (typeof value === 'string' && value.trim()) withText.add(name);
    if (excluded.has(name)) return;
    const seen = values.get(name);
    if (seen === null) return;
    if (typeof value !== 'string') {
      values.set(name, null);
      return;
    }
    if (!value.trim()) return;
    const set = seen ?? new Set<string>();
    set.add(normalizeTypeName(value));
    values.set(name, set.size > MAX_TYPE_VALUES ? null : set);
  };
  return {
    add(record) {
      for (const name of Object.keys(record)) addValue(name, record[name]);
    },
    addValue,
    has: (name) => withText.has(name),
    candidates(nodeCount) {
      const out: string[] = [];
      for (const [name, set] of values) if (set && set.size > 0 && set.size < nodeCount) out.push(name);
      return out;
    },
  };
}
