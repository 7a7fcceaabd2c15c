/**
 * RelationDetails — one relation (a clicked edge) and its evidence, with
 * buttons to jump to either end.
 */

import type { ReactElement } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { selectNode, toggleHighlightedRelation, type ExplorerState, type Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { withoutCorpusTotals } from '../state/corpusTotals.ts';
import { describeRelation } from '../state/relationView.ts';
import { MoreSentences } from './corpus/MoreSentences.tsx';
import { AttributeList } from './data/AttributeList.tsx';
import { RelationCard } from './RelationCard.tsx';
import { RelationSources } from './RelationSources.tsx';

interface RelationDetailsProps {
  relationId: string;
  model: ExplorerModel;
  state: ExplorerState;
  /** Whether each relation is on (its type shown, in a shown article). */
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

export function RelationDetails({ relationId, model, state, scene, dispatch }: RelationDetailsProps): ReactElement | null {
  const relation = model.data.relations.get(relationId);
  if (!relation) return null;
  const view = describeRelation(model.data, relation);
  const type = model.data.catalog.relation(relation.type);
  return (
    <div className="details" data-testid="relation-details">
      <header className="details-header">
        <span className="type-chip">
          <span className="swatch" style={{ backgroundColor: type.color }} aria-hidden="true" />
          Relation · {type.label}
        </span>
        <p className="details-meta">{type.description}</p>
        <AttributeList attributes={withoutCorpusTotals(relation.attributes)} />
      </header>
      <RelationSources model={model} relationId={view.id} />
      <RelationCard
        view={view}
        data={model.data}
        highlighted={state.highlightedRelation === view.id}
        filteredOut={!scene.isRelationOn(view.id)}
        onPick={() => dispatch(toggleHighlightedRelation(view.id))}
      />
      <MoreSentences relation={relation} />
      <div className="jump-to" role="group" aria-label="Open an end of this relation">
        {(view.source.id === view.target.id ? [view.source] : [view.source, view.target]).map((end) => (
          <button key={end.id} type="button" className="jump-button" onClick={() => dispatch(selectNode(end.id))}>
            Open {end.label}
          </button>
        ))}
      </div>
    </div>
  );
}
