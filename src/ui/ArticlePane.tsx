/**
 * ArticlePane — the article beside the graph
 * ==========================================
 *
 * The article text as plain React text nodes (never HTML), entity mentions
 * marked in their type colour with an underline (so colour is never the only
 * cue) and clickable: a click selects the entity. Selecting a node or edge
 * marks its sentences and scrolls the first into view; pointing at (or
 * tabbing into) a sentence lights up the relations it supports in the graph.
 */

import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { ENTITY_TYPES } from '../model/index.ts';
import { hoverRelations } from '../state/analysis.ts';
import { articleParagraphs, selectionSpans, sentenceMarked } from '../state/articleView.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { selectNode, type ExplorerState, type Transition } from '../state/explorerState.ts';

interface ArticlePaneProps {
  model: ExplorerModel;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function ArticlePane({ model, state, dispatch }: ArticlePaneProps): ReactElement {
  const documents = model.dataset.documents;
  const [documentId, setDocumentId] = useState(documents[0]?.id ?? '');
  const document = model.data.documents.get(documentId);
  const paragraphs = useMemo(() => articleParagraphs(model.data, documentId), [model, documentId]);
  const spans = useMemo(() => selectionSpans(model.data, state.selection, documentId), [model, state.selection, documentId]);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = bodyRef.current?.querySelector('.article-sentence.is-marked');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [spans]);

  // Leaving the pane (or switching tab) must not leave relations lit.
  useEffect(() => () => dispatch(hoverRelations([])), [dispatch]);

  if (!document) return <p className="muted">This dataset has no article text.</p>;
  const selectedEntity = state.selection.kind === 'node' ? state.selection.id : null;
  return (
    <div className="article-pane" data-testid="article-pane">
      <header className="details-header">
        {documents.length > 1 ? (
          <label className="combobox-label">
            Article{' '}
            <select value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <h2 className="details-title">{document.title}</h2>
        <p className="details-meta">Names are marked by entity type; click one to select it. Point at a sentence to see its relations.</p>
      </header>
      <div ref={bodyRef} className="article-body" onMouseLeave={() => dispatch(hoverRelations([]))}>
        {paragraphs.map((paragraph, p) => (
          <p key={p} className="article-paragraph">
            {paragraph.sentences.map((sentence) => (
              <span key={sentence.start}>
                {sentence.lead}
                <span
                  className={[
                    'article-sentence',
                    sentenceMarked(sentence, spans) ? 'is-marked' : '',
                    sentence.relations.length > 0 ? 'has-relations' : '',
                  ].join(' ')}
                  data-testid="article-sentence"
                  data-relations={sentence.relations.join(' ')}
                  onMouseEnter={() => dispatch(hoverRelations(sentence.relations))}
                  onFocus={() => dispatch(hoverRelations(sentence.relations))}
                >
                  {sentence.segments.map((segment, i) => {
                    const entityId = segment.entity;
                    if (entityId === undefined) return segment.text;
                    const entity = model.data.entities.get(entityId);
                    const color = entity ? ENTITY_TYPES[entity.type].color : '#888';
                    const isSelected = entityId === selectedEntity;
                    return (
                      <button
                        key={i}
                        type="button"
                        className={isSelected ? 'article-mention is-selected' : 'article-mention'}
                        style={{ textDecorationColor: color, backgroundColor: `${color}1f` }}
                        title={entity ? `${entity.label} (${ENTITY_TYPES[entity.type].label})` : undefined}
                        aria-label={entity && entity.label !== segment.text ? `${segment.text} (${entity.label})` : undefined}
                        data-testid={`mention-${entityId}`}
                        onClick={() => dispatch(selectNode(entityId))}
                      >
                        {segment.text}
                      </button>
                    );
                  })}
                </span>
              </span>
            ))}
          </p>
        ))}
      </div>
    </div>
  );
}
