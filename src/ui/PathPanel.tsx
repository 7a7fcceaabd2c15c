/**
 * PathPanel — "How is X connected to Y?"
 * ======================================
 *
 * Two entity comboboxes; once both ends are chosen the shortest path(s) under
 * the active filters are highlighted in the graph (state/scene.ts) and listed
 * here hop by hop: the two entities, each relation between them with its
 * direction in words, and the supporting sentences quoted exactly.
 */

import { useState, type ReactElement } from 'react';
import type { Entity } from '../model/index.ts';
import { clearPath, setPathEnd, swapPathEnds } from '../state/analystTools.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { toggleHighlightedRelation, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { describePath, noPathMessage } from '../state/pathView.ts';
import type { Scene } from '../state/scene.ts';
import { EntityCombobox } from './EntityCombobox.tsx';
import { RelationCard } from './RelationCard.tsx';

interface PathPanelProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

function EndPicker(props: {
  end: 'from' | 'to';
  label: string;
  model: ExplorerModel;
  chosen: string | null;
  dispatch: (transition: Transition) => void;
}): ReactElement {
  const { end, label, model, chosen, dispatch } = props;
  const chosenLabel = chosen === null ? '' : (model.data.entities.get(chosen)?.label ?? '');
  // Typing edits a draft; the box shows the chosen entity's name otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <EntityCombobox
      entities={model.dataset.entities}
      catalog={model.data.catalog}
      label={label}
      placeholder="Type a name or alias…"
      query={draft ?? chosenLabel}
      testId={`path-${end}`}
      onQueryChange={(query) => {
        setDraft(query);
        if (query === '') dispatch(setPathEnd(end, null));
      }}
      onChoose={(entity: Entity) => {
        setDraft(null);
        dispatch(setPathEnd(end, entity.id));
      }}
    />
  );
}

export function PathPanel({ model, state, scene, dispatch }: PathPanelProps): ReactElement {
  const { from, to } = state.tools.path;
  const result = scene.path;
  const label = (id: string | null) => (id === null ? '' : (model.data.entities.get(id)?.label ?? id));
  return (
    <div className="details path-panel" data-testid="path-panel">
      <header className="details-header">
        <h2 className="details-title">How are they connected?</h2>
        <p className="details-meta">The shortest chains of relations between two entities, using only what the filters show.</p>
      </header>
      <div className="path-pickers">
        <EndPicker key={`from-${from ?? ''}`} end="from" label="From" model={model} chosen={from} dispatch={dispatch} />
        <EndPicker key={`to-${to ?? ''}`} end="to" label="To" model={model} chosen={to} dispatch={dispatch} />
        <div className="path-actions">
          <button type="button" className="tool-button" onClick={() => dispatch(swapPathEnds())} disabled={from === null && to === null}>
            ⇅ Swap
          </button>
          <button type="button" className="tool-button" onClick={() => dispatch(clearPath())} disabled={from === null && to === null} data-testid="path-clear">
            Clear path
          </button>
        </div>
      </div>
      <div aria-live="polite" data-testid="path-result">
        {result === null ? (
          <p className="muted path-hint">Choose two entities, or use “Path from here” on an entity’s details.</p>
        ) : result.kind === 'same' ? (
          <p className="path-message">Both ends are {label(from)}: choose two different entities.</p>
        ) : result.kind === 'none' ? (
          <p className="path-message path-none" data-testid="path-none">
            {from !== null && to !== null ? noPathMessage(scene.visibility, model.data.catalog, from, to, label) : null}
          </p>
        ) : (
          <>
            <p className="path-message" data-testid="path-summary">
              {result.paths.length === 1 ? 'One shortest path' : `${result.paths.length} shortest paths`} of {result.length}{' '}
              {result.length === 1 ? 'step' : 'steps'}
              {result.truncated ? ' (first ones shown)' : ''}.
            </p>
            {result.paths.map((hops, p) => (
              <ol key={p} className="path-hops" aria-label={`Path ${p + 1}`}>
                {describePath(model.data, hops).map((hop) => (
                  <li key={hop.step} className="path-hop" data-testid="path-hop">
                    <h3 className="path-hop-title">
                      <span className="path-step">{hop.step}</span>
                      <span>
                        {hop.from.label} <span aria-hidden="true">→</span>
                        <span className="visually-hidden">to</span> {hop.to.label}
                      </span>
                    </h3>
                    {hop.relations.map(({ view, direction, wording }) => (
                      <div key={view.id} className="path-relation">
                        <p className={`path-direction path-direction-${direction}`}>{wording}</p>
                        <RelationCard
                          view={view}
                          data={model.data}
                          highlighted={state.highlightedRelation === view.id}
                          filteredOut={false}
                          onPick={() => dispatch(toggleHighlightedRelation(view.id))}
                        />
                      </div>
                    ))}
                  </li>
                ))}
              </ol>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
