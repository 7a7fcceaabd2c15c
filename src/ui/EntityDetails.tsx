/**
 * EntityDetails — an entity and every relation it takes part in
 * =============================================================
 *
 * Label, type and aliases, then its relations grouped by type (legend order),
 * each as a sentence with direction in words and the quoted evidence.
 */

import type { ReactElement } from 'react';
import { ENTITY_TYPES } from '../model/index.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { toggleHighlightedRelation, type ExplorerState, type Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { relationGroupsOf } from '../state/relationView.ts';
import { AttributeList } from './data/AttributeList.tsx';
import { RelationCard } from './RelationCard.tsx';
import { RelationGroup } from './RelationGroup.tsx';

interface EntityDetailsProps {
  entityId: string;
  model: ExplorerModel;
  state: ExplorerState;
  /** Whether each relation is on (its type shown, in a shown article). */
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

/** "in the article" for one article; in a corpus, how many of its articles name the entity. */
function mentionPlace(mentions: readonly { document: string }[], documentCount: number): string {
  if (documentCount <= 1) return 'in the article';
  const documents = new Set(mentions.map((mention) => mention.document)).size;
  return `in ${documents} of ${documentCount} articles`;
}

export function EntityDetails({ entityId, model, state, scene, dispatch }: EntityDetailsProps): ReactElement | null {
  const entity = model.data.entities.get(entityId);
  if (!entity) return null;
  const type = ENTITY_TYPES[entity.type];
  const groups = relationGroupsOf(model.data, entityId);
  const relationCount = groups.reduce((sum, group) => sum + group.relations.length, 0);
  return (
    <div className="details" data-testid="entity-details">
      <header className="details-header">
        <span className="type-chip">
          <span className="dot" style={{ backgroundColor: type.color }} aria-hidden="true" />
          {type.label}
        </span>
        <h2 className="details-title" data-testid="details-title">
          {entity.label}
        </h2>
        {entity.aliases.length > 0 ? (
          <p className="aliases">
            <span className="muted">Also written as </span>
            {entity.aliases.map((alias, i) => (
              <span key={alias}>
                {i > 0 ? ', ' : ''}
                <q className="alias">{alias}</q>
              </span>
            ))}
          </p>
        ) : null}
        <p className="details-meta">
          {entity.mentions.length} {entity.mentions.length === 1 ? 'mention' : 'mentions'} {mentionPlace(entity.mentions, model.dataset.documents.length)} ·{' '}
          {relationCount} {relationCount === 1 ? 'relation' : 'relations'}
        </p>
        <AttributeList attributes={entity.attributes} />
      </header>
      {groups.length === 0 ? <p className="muted">The article names this entity but states no relation for it.</p> : null}
      {groups.map((group) => (
        <RelationGroup key={`${entityId} ${group.type}`} group={group} highlighted={state.highlightedRelation}>
          {(view) => (
            <RelationCard
              key={view.id}
              view={view}
              data={model.data}
              focusEntity={entityId}
              highlighted={state.highlightedRelation === view.id}
              filteredOut={!scene.isRelationOn(view.id)}
              onPick={() => dispatch(toggleHighlightedRelation(view.id))}
            />
          )}
        </RelationGroup>
      ))}
    </div>
  );
}
