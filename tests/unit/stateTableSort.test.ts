import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { buildDatasetIndex } from '../../src/state/datasetIndex.ts';
import { describeRelation } from '../../src/state/relationView.ts';
import { ariaSort, claimText, nextSort, sortRows, type TableSort } from '../../src/state/tableSort.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const data = buildDatasetIndex(seed);
const rows = seed.relations.map((relation) => describeRelation(data, relation));

describe('table sort transitions', () => {
  it('a click sorts ascending, again descending, again ascending; another column starts ascending', () => {
    const once = nextSort(null, 'source');
    expect(once).toEqual({ column: 'source', direction: 'ascending' });
    const twice = nextSort(once, 'source');
    expect(twice).toEqual({ column: 'source', direction: 'descending' });
    expect(nextSort(twice, 'source')).toEqual({ column: 'source', direction: 'ascending' });
    expect(nextSort(twice, 'target')).toEqual({ column: 'target', direction: 'ascending' });
  });

  it('aria-sort is set on the sorted column only', () => {
    const sort: TableSort = { column: 'type', direction: 'descending' };
    expect(ariaSort(sort, 'type')).toBe('descending');
    expect(ariaSort(sort, 'source')).toBe('none');
    expect(ariaSort(null, 'type')).toBe('none');
  });
});

describe('sortRows', () => {
  it('no sort keeps dataset order, in a new array', () => {
    const sorted = sortRows(rows, null);
    expect(sorted).not.toBe(rows);
    expect(sorted.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('sorts by source label, ascending and descending, without changing its input', () => {
    const before = rows.map((r) => r.id);
    const up = sortRows(rows, { column: 'source', direction: 'ascending' }).map((r) => r.source.label);
    const down = sortRows(rows, { column: 'source', direction: 'descending' }).map((r) => r.source.label);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(up).toEqual([...up].sort(collator.compare));
    expect(down).toEqual([...up].reverse());
    expect(up[0]).toBe('Ahmed Abu al-Gheit');
    expect(rows.map((r) => r.id)).toEqual(before);
  });

  it('is stable: ties keep dataset order in both directions', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = sortRows(rows, { column: 'source', direction });
      for (let i = 1; i < sorted.length; i += 1) {
        const a = sorted[i - 1]!;
        const b = sorted[i]!;
        if (a.source.label === b.source.label) expect(rows.indexOf(a)).toBeLessThan(rows.indexOf(b));
      }
    }
  });

  it('sorts by sentence count numerically and by claim from fact to claim', () => {
    const counts = sortRows(rows, { column: 'evidence', direction: 'descending' }).map((r) => r.relation.evidence.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const claims = sortRows(rows, { column: 'claim', direction: 'ascending' }).map(claimText);
    expect(claims[0]).toBe('—');
    expect(claims[claims.length - 1]).toBe('claim');
  });

  it('sorts by type phrase and target', () => {
    const types = sortRows(rows, { column: 'type', direction: 'ascending' }).map((r) => r.phrase);
    expect(types).toEqual([...types].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
    const targets = sortRows(rows, { column: 'target', direction: 'descending' }).map((r) => r.target.label);
    expect(targets[0]! >= targets[targets.length - 1]!).toBe(true);
  });
});
