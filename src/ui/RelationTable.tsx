/**
 * RelationTable — the graph as a table
 * ====================================
 *
 * Every relation the filters show (the scene's visible edges), one
 * row each: type, source, target, whether it is a claim, and the supporting
 * sentence quoted exactly. The accessible alternative to the canvas: a real
 * <table> with headers, and each row's button selects the relation. Each
 * header holds a button that sorts by its column (state/tableSort.ts), with
 * aria-sort on the sorted header.
 */

import { useMemo, useState, type ReactElement } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { selectEdge, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { describeRelation } from '../state/relationView.ts';
import type { Scene } from '../state/scene.ts';
import { ariaSort, claimText, nextSort, sortRows, type TableColumn, type TableSort } from '../state/tableSort.ts';
import { EvidenceQuote } from './EvidenceQuote.tsx';
import { NO_EVIDENCE } from './RelationCard.tsx';
import './relationTable.css';

interface RelationTableProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

const HEADERS: ReadonlyArray<{ column: TableColumn; label: string }> = [
  { column: 'type', label: 'Type' },
  { column: 'source', label: 'Source' },
  { column: 'target', label: 'Target' },
  { column: 'claim', label: 'Claim' },
  { column: 'evidence', label: 'Sentences' },
];

const ARROWS = { ascending: '▲', descending: '▼', none: '↕' } as const;

export function RelationTable({ model, state, scene, dispatch }: RelationTableProps): ReactElement {
  const visible = scene.visibleEdges;
  const [sort, setSort] = useState<TableSort>(null);
  const shown = useMemo(
    () => model.dataset.relations.filter((relation) => visible.has(relation.id)).map((relation) => describeRelation(model.data, relation)),
    [model, visible],
  );
  const rows = useMemo(() => sortRows(shown, sort), [shown, sort]);
  return (
    <div className="relation-table-wrap" data-testid="relation-table">
      <table className="relation-table">
        <caption>
          {rows.length} of {model.dataset.relations.length} relations, as filtered
          {sort === null ? '' : `, sorted by ${HEADERS.find((h) => h.column === sort.column)?.label.toLowerCase()} (${sort.direction})`}
        </caption>
        <thead>
          <tr>
            {HEADERS.map(({ column, label }) => {
              const order = ariaSort(sort, column);
              return (
                <th key={column} scope="col" aria-sort={order === 'none' ? undefined : order}>
                  <button type="button" className="table-sort" data-testid={`sort-${column}`} onClick={() => setSort((current) => nextSort(current, column))}>
                    {label}
                    <span className={order === 'none' ? 'sort-arrow is-unsorted' : 'sort-arrow'} aria-hidden="true">
                      {ARROWS[order]}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((view) => {
            const selected = state.selection.kind === 'edge' && state.selection.id === view.id;
            return (
              <tr key={view.id} className={selected ? 'is-selected' : undefined} aria-current={selected ? 'true' : undefined}>
                <td>
                  <button type="button" className="table-pick" onClick={() => dispatch(selectEdge(view.id))} title="Select this relation">
                    <span className="swatch" style={{ backgroundColor: model.data.catalog.relation(view.type).color }} aria-hidden="true" />
                    {view.phrase}
                  </button>
                </td>
                <td>{view.source.label}</td>
                <td>{view.target.label}</td>
                <td>{claimText(view)}</td>
                <td>
                  {view.relation.evidence.length === 0 ? <span className="muted">{NO_EVIDENCE}</span> : null}
                  {view.relation.evidence.map((evidence, i) => (
                    <EvidenceQuote key={i} data={model.data} evidence={evidence} ends={new Set([view.source.id, view.target.id])} />
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
