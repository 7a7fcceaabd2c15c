/**
 * Table sort
 * ==========
 *
 * The relation table's order: none (dataset order), or one column ascending
 * or descending. A header click cycles that column ascending → descending;
 * another column starts ascending. Sorting is stable (ties keep dataset
 * order) and names compare as a reader expects ("ICC" beside "Iran", 2 before
 * 10), so the same rows always come out in the same order.
 */

import type { RelationView } from './relationView.ts';

export type TableColumn = 'type' | 'source' | 'target' | 'claim' | 'evidence';
export type SortDirection = 'ascending' | 'descending';
export type TableSort = { column: TableColumn; direction: SortDirection } | null;

export const TABLE_COLUMNS: readonly TableColumn[] = ['type', 'source', 'target', 'claim', 'evidence'];

/** The sort after a click on `column`'s header. */
export function nextSort(current: TableSort, column: TableColumn): TableSort {
  if (current === null || current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The value of aria-sort for `column`'s header. */
export function ariaSort(sort: TableSort, column: TableColumn): SortDirection | 'none' {
  return sort !== null && sort.column === column ? sort.direction : 'none';
}

/** What the claim column says: "claim", "per X" or "—" (a statement of fact). */
export function claimText(view: RelationView): string {
  return view.hedged ? 'claim' : view.attributedTo ? `per ${view.attributedTo.label}` : '—';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareBy(column: TableColumn): (a: RelationView, b: RelationView) => number {
  switch (column) {
    case 'type':
      return (a, b) => collator.compare(a.phrase, b.phrase);
    case 'source':
      return (a, b) => collator.compare(a.source.label, b.source.label);
    case 'target':
      return (a, b) => collator.compare(a.target.label, b.target.label);
    case 'claim':
      // Facts ("—") first, then attributed statements, then claims: the least certain last.
      return (a, b) => claimRank(a) - claimRank(b) || collator.compare(claimText(a), claimText(b));
    case 'evidence':
      return (a, b) => a.relation.evidence.length - b.relation.evidence.length;
  }
}

function claimRank(view: RelationView): number {
  return view.hedged ? 2 : view.attributedTo ? 1 : 0;
}

/** `rows` in the sort's order (a new array; the input is not changed). */
export function sortRows(rows: readonly RelationView[], sort: TableSort): RelationView[] {
  if (sort === null) return [...rows];
  const compare = compareBy(sort.column);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Index tie-break: stable in both directions (descending does not reverse ties).
  return rows
    .map((view, i) => ({ view, i }))
    .sort((a, b) => sign * compare(a.view, b.view) || a.i - b.i)
    .map(({ view }) => view);
}
