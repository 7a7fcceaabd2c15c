/**
 * ArticlePane — the article beside the graph
 * ==========================================
 *
 * The article text as plain React text nodes (never HTML), entity mentions
 * marked in their type colour with an underline (so colour is never the only
 * cue) and clickable: a click selects the entity. Selecting a node or edge
 * marks its sentences and scrolls the first into view; pointing at (or
 * focusing a name in) a sentence lights up the relations it supports in the
 * graph. Under the title: the article's outlet, date and a link to the
 * original (ArticleMeta).
 *
 * Keyboard: the names are ONE Tab stop (roving tabindex, `rovingIndex.ts`),
 * not one stop per mention — the seed article alone has dozens. Inside it the
 * arrow keys, Home and End move between names (scrolling the focused one into
 * view), Enter/Space select like a click (they are real buttons). Selecting
 * an entity elsewhere moves the roving stop to its first name here.
 */

import { useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactElement } from 'react';
import { hoverRelations } from '../state/analystTools.ts';
import { articleParagraphs, selectionSpans, sentenceMarked } from '../state/articleView.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { selectEdge, selectNode, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { clampIndex, rovingForEntity, rovingStep } from '../state/rovingIndex.ts';
import { runStarts } from '../state/selectionOffsets.ts';
import { AddRelationFromSelection } from './addRelation/AddRelationFromSelection.tsx';
import { extendSelectionFrom } from './addRelation/domSelection.ts';
import { useArticleSelection } from './addRelation/useArticleSelection.ts';
import { ArticleMeta } from './ArticleMeta.tsx';

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
  const hintId = useId();
  /** The entity of every mention button, in reading order: the roving list. */
  const mentionEntities = useMemo(
    () => paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.segments.flatMap((segment) => (segment.entity === undefined ? [] : [segment.entity])))),
    [paragraphs],
  );
  const mentionRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const [rovingRaw, setRoving] = useState(0);
  const roving = clampIndex(rovingRaw, mentionEntities.length);
  const selectedEntity = state.selection.kind === 'node' ? state.selection.id : null;

  useEffect(() => {
    // A selection made from inside the article (a click or Enter on a name)
    // must not scroll the reader away from the name they are on.
    if (bodyRef.current?.contains(globalThis.document.activeElement)) return;
    const first = bodyRef.current?.querySelector('.article-sentence.is-marked');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [spans]);

  // An entity selected elsewhere (graph, search, table): the Tab stop moves to its first name here.
  useEffect(() => {
    setRoving((current) => rovingForEntity(mentionEntities, clampIndex(current, mentionEntities.length), selectedEntity));
  }, [selectedEntity, mentionEntities]);

  // Leaving the pane (or switching tab) must not leave relations lit.
  useEffect(() => () => dispatch(hoverRelations([])), [dispatch]);

  const picked = useArticleSelection(bodyRef, documentId, document?.text ?? '');
  // A relation added from the selection is selected once the redrawn model has it. The explorer
  // puts back its carried-over view after a new model, so the selection is asked again until it holds (a few tries).
  const [pendingSelect, setPendingSelect] = useState<{ id: string; tries: number } | null>(null);
  useEffect(() => {
    if (!pendingSelect || !model.data.relations.has(pendingSelect.id)) return;
    if ((state.selection.kind === 'edge' && state.selection.id === pendingSelect.id) || pendingSelect.tries >= 4) {
      setPendingSelect(null);
      return;
    }
    dispatch(selectEdge(pendingSelect.id));
    setPendingSelect({ id: pendingSelect.id, tries: pendingSelect.tries + 1 });
  }, [pendingSelect, model, state.selection, dispatch]);

  if (!document) return <p className="muted">This dataset has no article text.</p>;

  const onMentionKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    // Shift+arrows select text from the focused name (Ctrl too: by word), for "Add relation from selection".
    if (event.shiftKey && !event.altKey && !event.metaKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      if (bodyRef.current && document) extendSelectionFrom(event.currentTarget, bodyRef.current, document.text, event.key === 'ArrowRight', event.ctrlKey);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const next = rovingStep(event.key, index, mentionEntities.length);
    if (next === null) return;
    event.preventDefault(); // arrows and Home/End would otherwise scroll the panel too
    setRoving(next);
    const target = mentionRefs.current[next];
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  // Focus leaving the article (Tab onwards) clears the relations a focused name lit up.
  const onBodyBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) dispatch(hoverRelations([]));
  };
  mentionRefs.current.length = mentionEntities.length;
  let mentionIndex = 0;
  return (
    <div className="article-pane" data-testid="article-pane">
      <header className="details-header">
        {documents.length > 1 ? (
          <label className="combobox-label">
            Article{' '}
            <select
              value={documentId}
              onChange={(event) => {
                setDocumentId(event.target.value);
                setRoving(0);
              }}
            >
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <h2 className="details-title">{document.title}</h2>
        <p className="article-meta-line">
          <ArticleMeta document={document} />
        </p>
        <p className="details-meta">Names are marked by entity type; click one to select it. Point at a sentence to see its relations.</p>
      </header>
      <p id={hintId} className="visually-hidden">
        Arrow keys move between names; Enter selects.
      </p>
      <div
        ref={bodyRef}
        className="article-body"
        role="group"
        aria-label={`Names in the article “${document.title}”`}
        aria-describedby={hintId}
        data-testid="article-names"
        onMouseLeave={() => dispatch(hoverRelations([]))}
        onBlur={onBodyBlur}
      >
        {paragraphs.map((paragraph, p) => (
          <p key={p} className="article-paragraph">
            {paragraph.sentences.map((sentence) => {
              // Each run carries its start in the document (data-at): how a selection becomes offsets (addRelation/domSelection.ts).
              const starts = runStarts(sentence.start, sentence.segments.map((segment) => segment.text));
              return (
              <span key={sentence.start}>
                {sentence.lead === '' ? null : <span data-at={sentence.start - sentence.lead.length}>{sentence.lead}</span>}
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
                    if (entityId === undefined)
                      return (
                        <span key={i} data-at={starts[i]}>
                          {segment.text}
                        </span>
                      );
                    const entity = model.data.entities.get(entityId);
                    const color = entity ? model.data.catalog.entity(entity.type).color : '#888';
                    const isSelected = entityId === selectedEntity;
                    const index = mentionIndex;
                    mentionIndex += 1;
                    return (
                      <button
                        key={i}
                        ref={(element) => {
                          mentionRefs.current[index] = element;
                        }}
                        type="button"
                        tabIndex={index === roving ? 0 : -1}
                        className={isSelected ? 'article-mention is-selected' : 'article-mention'}
                        style={{ textDecorationColor: color, backgroundColor: `${color}1f` }}
                        title={entity ? `${entity.label} (${model.data.catalog.entity(entity.type).label})` : undefined}
                        aria-label={entity && entity.label !== segment.text ? `${segment.text} (${entity.label})` : undefined}
                        data-testid={`mention-${entityId}`}
                        data-at={starts[i]}
                        onFocus={() => setRoving(index)}
                        onKeyDown={(event) => onMentionKeyDown(event, index)}
                        onClick={() => {
                          setRoving(index); // Safari does not focus a clicked button
                          dispatch(selectNode(entityId));
                        }}
                      >
                        {segment.text}
                      </button>
                    );
                  })}
                </span>
              </span>
              );
            })}
          </p>
        ))}
      </div>
      <AddRelationFromSelection
        model={model}
        documentId={document.id}
        text={document.text}
        selection={picked}
        onAdded={(id) => setPendingSelect({ id, tries: 0 })}
      />
    </div>
  );
}
