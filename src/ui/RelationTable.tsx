/**
 * RelationTable — the graph as a table
 * ====================================
 *
 * Every relation the filters show (the scene's visible edges), one
 * row each: type, source, target, whether it is a claim, and the supporting
 * sentence quoted exactly. The accessible alternative to the canvas: a real
 * <table> with headers, and each row's button selects the relation.
 */

import type { ReactElement } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { selectEdge, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { describeRelation } from '../state/relationView.ts';
import type { Scene } from '../state/scene.ts';
import { EvidenceQuote } from './EvidenceQuote.tsx';
import { NO_EVIDENCE } from './RelationCard.tsx';

interface RelationTableProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

export function RelationTable({ model, state, scene, dispatch }: RelationTableProps): ReactElement {
  const visible = scene.visibleEdges;
  const rows = model.dataset.relations.filter((relation) => visible.has(relation.id)).map((relation) => describeRelation(model.data, relation));
  return (
    <div className="relation-table-wrap" data-testid="relation-table">
      <table className="relation-table">
        <caption>
          {rows.length} of {model.dataset.relations.length} relations, as filtered
        </caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Source</th>
            <th scope="col">Target</th>
            <th scope="col">Claim</th>
            <th scope="col">Sentence</th>
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
                <td>{view.hedged ? 'claim' : view.attributedTo ? `per ${view.attributedTo.label}` : '—'}</td>
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
