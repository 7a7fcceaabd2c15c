/**
 * EntityDetails — an entity and every relation it takes part in
 * =============================================================
 *
 * Label, type, aliases and its Wikidata item as a link (navigation only:
 * the app fetches nothing from Wikidata), then its relations grouped by type (legend order),
 * each as a sentence with direction in words and the quoted evidence. In
 * corpus mode, also how much of it the corpus holds, the Expand button and,
 * under a relation with more sentences in the corpus, the way to load them.
 */

import { Fragment, type ReactElement } from 'react';
import { isWikidataId, wikidataUrl } from '../model/index.ts';
import { withoutCorpusTotals } from '../state/corpusTotals.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { toggleHighlightedRelation, type ExplorerState, type Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { relationGroupsOf } from '../state/relationView.ts';
import { useCorpus } from './corpus/corpusContext.ts';
import { CorpusEntityBar } from './corpus/CorpusEntityBar.tsx';
import { MoreSentences } from './corpus/MoreSentences.tsx';
import { AttributeList } from './data/AttributeList.tsx';
import { EntityEditor } from './entityEdit/EntityEditor.tsx';
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

/** "in the article" for one article; in a corpus, how many of its articles name the entity (of those loaded, in corpus mode). */
function mentionPlace(mentions: readonly { document: string }[], documentCount: number, loaded: boolean): string {
  if (documentCount <= 1 && !loaded) return 'in the article';
  const documents = new Set(mentions.map((mention) => mention.document)).size;
  return `in ${documents} of ${documentCount} ${loaded ? 'loaded ' : ''}${documentCount === 1 ? 'article' : 'articles'}`;
}

export function EntityDetails({ entityId, model, state, scene, dispatch }: EntityDetailsProps): ReactElement | null {
  const corpus = useCorpus();
  const entity = model.data.entities.get(entityId);
  if (!entity) return null;
  const type = model.data.catalog.entity(entity.type);
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
          {/* A graph from another tool has no article to be named in. */}
          {model.dataset.documents.length === 0 && corpus === null ? null : (
            <>
              {entity.mentions.length} {entity.mentions.length === 1 ? 'mention' : 'mentions'} {mentionPlace(entity.mentions, model.dataset.documents.length, corpus !== null)} ·{' '}
            </>
          )}
          {relationCount} {relationCount === 1 ? 'relation' : 'relations'}
        </p>
        {isWikidataId(entity.wikidata) ? (
          <p className="details-meta">
            <a href={wikidataUrl(entity.wikidata)} target="_blank" rel="noopener noreferrer" data-testid="entity-wikidata">
              Wikidata {entity.wikidata}
            </a>
          </p>
        ) : null}
        <AttributeList attributes={withoutCorpusTotals(entity.attributes)} />
        <CorpusEntityBar entity={entity} data={model.data} />
        <EntityEditor key={entity.id} entity={entity} model={model} />
      </header>
      {groups.length === 0 ? (
        <p className="muted">
          {model.dataset.documents.length === 0 ? 'The file gives this entity no relation.' : 'The article names this entity but states no relation for it.'}
        </p>
      ) : null}
      {groups.map((group) => (
        <RelationGroup key={`${entityId} ${group.type}`} group={group} highlighted={state.highlightedRelation}>
          {(view) => (
            <Fragment key={view.id}>
              <RelationCard
                view={view}
                data={model.data}
                focusEntity={entityId}
                highlighted={state.highlightedRelation === view.id}
                filteredOut={!scene.isRelationOn(view.id)}
                onPick={() => dispatch(toggleHighlightedRelation(view.id))}
              />
              <MoreSentences relation={view.relation} />
            </Fragment>
          )}
        </RelationGroup>
      ))}
    </div>
  );
}
