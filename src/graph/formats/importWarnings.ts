/**
 * Warnings of an import, grouped
 * ==============================
 *
 * What imported but a person should know is said once per kind and value,
 * with a count: a 10,000-node graph with one quirk on every node gives one
 * warning, not 10,000. The warning is built only the first time its key is
 * seen (a file may repeat it on every row).
 */

import type { Problem } from '../../model/index.ts';

export interface ImportWarnings {
  /** Records one occurrence of the warning `key`; `make` is called for the first only. */
  add(key: string, make: () => Problem): void;
  /** The warnings in the order first seen, each saying how many more like it there were. */
  list(): Problem[];
}

export function importWarnings(): ImportWarnings {
  const byKey = new Map<string, { problem: Problem; count: number }>();
  return {
    add(key, make) {
      const entry = byKey.get(key);
      if (entry) entry.count++;
      else byKey.set(key, { problem: make(), count: 1 });
    },
    list: () =>
      [...byKey.values()].map(({ problem, count }) =>
        count > 1 ? { ...problem, message: `${problem.message} (and ${count - 1} more like it)` } : problem,
      ),
  };
}
