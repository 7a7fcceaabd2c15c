/**
 * App — the explorer page
 * =======================
 *
 * Header, legend/filter on the left, the graph in the middle, the evidence
 * panel on the right. Holds the explorer state (a reducer applying pure
 * transitions), the scene derived from it once per change (state/scene.ts:
 * what is shown and how it looks) and the Escape shortcut (one step back:
 * state/stepBack.ts); the parts below only render them. On narrow screens
 * (phone.css) the filters fold into a drawer under the search box and the
 * side panel becomes a bottom sheet; a skip link leads to the details.
 */

import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { carryOver, loadedViewOf } from '../state/corpusView.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { initialExplorerState, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { computeScene, type Scene } from '../state/scene.ts';
import { stepBack } from '../state/stepBack.ts';
import { AppHeader } from './AppHeader.tsx';
import { CorpusArticleChip } from './corpus/CorpusArticleChip.tsx';
import { CorpusArticles } from './corpus/CorpusArticles.tsx';
import { useCorpus } from './corpus/corpusContext.ts';
import { CorpusHeader } from './corpus/CorpusHeader.tsx';
import { CorpusToasts } from './corpus/CorpusToasts.tsx';
import { useCorpusSentences } from './corpus/useCorpusSentences.ts';
import { DocumentFilter } from './data/DocumentFilter.tsx';
import { EmptyGraph, graphNotice } from './data/EmptyGraph.tsx';
import { EntitySearch } from './EntitySearch.tsx';
import { EntityTypeFilter } from './EntityTypeFilter.tsx';
import { GraphCanvas } from './GraphCanvas.tsx';
import { RelationLegend } from './RelationLegend.tsx';
import { SIDE_PANEL_ID, SidePanel, type SideTab } from './SidePanel.tsx';
import { SourceFilter } from './SourceFilter.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { ViewChips } from './ViewChips.tsx';
import { initialSideTab, useShareableView } from './useShareableView.ts';
import { EditFeedback } from './review/EditFeedback.tsx';
import './phone.css';

function apply(state: ExplorerState, transition: Transition): ExplorerState {
  return transition(state);
}

/**
 * What to show once a model is on screen (corpus mode: select what a load
 * was for, open the article tab). Applied whenever a new arrival object is
 * passed, with a new model or the same one.
 */
export interface Arrival {
  transition?: Transition;
  tab?: SideTab;
}

interface AppProps {
  model: ExplorerModel;
  /** Controls shown at the end of the header (the data toolbar); given the scene for "export what the filters show". */
  headerTools?: (scene: Scene) => ReactNode;
  arrival?: Arrival;
}

export function App({ model, headerTools, arrival }: AppProps): ReactElement {
  const corpus = useCorpus();
  const [state, rawDispatch] = useReducer(apply, model.index.relationTypes, initialExplorerState);
  const dispatch = useCallback((transition: Transition) => rawDispatch(transition), []);
  const [tab, setTab] = useState<SideTab>(initialSideTab);
  /** Bumped when an arrival opens a tab, so the panel opens afresh (the article pane on the article just loaded). */
  const [panelKey, setPanelKey] = useState(0);
  /** Narrow screens: whether the filters drawer is open (wide screens always show the column). */
  const [filtersOpen, setFiltersOpen] = useState(false);
  /** Bumped by the skip link (SidePanel shows and focuses the details). */
  const [revealDetails, setRevealDetails] = useState(0);

  // The data shell swaps datasets by remounting (a new key); corpus mode grows
  // the model in place, and the reader's view carries over (state/corpusView.ts),
  // followed by what the load was for. Adjusted during render, so no frame
  // shows the new graph with the old view.
  const [shown, setShown] = useState({ model, arrival });
  if (shown.model !== model || shown.arrival !== arrival) {
    const carry = shown.model === model ? null : carryOver(loadedViewOf(shown.model), loadedViewOf(model));
    const then = arrival?.transition;
    if (carry || then) rawDispatch((current) => (then ? then(carry ? carry(current) : current) : carry!(current)));
    if (arrival?.tab) {
      setTab(arrival.tab);
      setPanelKey((key) => key + 1);
    }
    setShown({ model, arrival });
  }

  useShareableView(model, state, dispatch);
  // A new model makes useShareableView restore the view its URL hash
  // describes, which was written for the model before: put back the view
  // that was carried over (the hash is then rewritten from it).
  const viewedModel = useRef(model);
  useEffect(() => {
    if (viewedModel.current === model) return;
    viewedModel.current = model;
    const carried = state;
    rawDispatch(() => carried);
    // Only on a new model (`state` is read as it was when that model was drawn).
  }, [model]);
  useCorpusSentences(model, state);
  // One scene per state; the previous one lends what did not change (a hover re-walks no edge).
  const previousScene = useRef<Scene | undefined>(undefined);
  const scene = useMemo(() => computeScene(model, state, previousScene.current), [model, state]);
  previousScene.current = scene;

  const filtersButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // An open filters drawer (narrow screens) closes first, and the focus goes back to its button.
      if (filtersOpen) {
        setFiltersOpen(false);
        filtersButton.current?.focus();
        return;
      }
      dispatch(stepBack());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, filtersOpen]);

  // What is drawn under every filter (entity types and focus too), not the legend's per-type counts.
  const shownRelations = scene.visibleEdges.size;
  const shownEntities = scene.visibleNodes?.size ?? model.dataset.entities.length;

  const page = (
    <div className={corpus ? 'app is-corpus' : 'app'}>
      {/* First in the tab order: past the header, search and filters, straight to the evidence. */}
      <a
        className="skip-link"
        href={`#${SIDE_PANEL_ID}`}
        data-testid="skip-to-details"
        onClick={(event) => {
          event.preventDefault();
          setRevealDetails((count) => count + 1);
        }}
      >
        Skip to details
      </a>
      {corpus ? (
        <CorpusHeader info={corpus.info} model={model} scene={scene} shownRelations={shownRelations} />
      ) : (
        <AppHeader dataset={model.dataset} shownRelations={shownRelations} shownEntities={shownEntities}>
          {headerTools?.(scene)}
        </AppHeader>
      )}
      <main className="workspace">
        <nav className="legend" aria-label="Search, legend and filters">
          <div className="legend-bar">
            <EntitySearch dataset={model.dataset} state={state} dispatch={dispatch} />
            <button
              ref={filtersButton}
              type="button"
              className="tool-button filters-button"
              aria-expanded={filtersOpen}
              aria-controls="legend-drawer"
              data-testid="filters-button"
              onClick={() => setFiltersOpen((open) => !open)}
            >
              Filters
            </button>
          </div>
          <div id="legend-drawer" className={filtersOpen ? 'legend-drawer is-open' : 'legend-drawer'} data-testid="legend-drawer">
            {corpus ? null : <DocumentFilter dataset={model.dataset} state={state} dispatch={dispatch} />}
            <RelationLegend index={model.index} state={state} scene={scene} dispatch={dispatch} />
            <SourceFilter model={model} state={state} dispatch={dispatch} />
            <EntityTypeFilter dataset={model.dataset} state={state} dispatch={dispatch} />
            {/* A corpus lists its articles from the server (hundreds, paged: last, it is long); per-article checkboxes suit a handful. */}
            {corpus ? <CorpusArticles model={model} within={state.window} /> : null}
          </div>
        </nav>
        <div className="graph-column">
          {model.dataset.entities.length === 0 ? (
            <EmptyGraph dataset={model.dataset} />
          ) : (
            <GraphCanvas
              model={model}
              state={state}
              scene={scene}
              dispatch={dispatch}
              keepView={corpus !== null}
              {...(corpus ? { onNodeDoubleClick: corpus.expand } : {})}
            >
              {graphNotice(model.dataset)}
              <ViewChips model={model} state={state} dispatch={dispatch} />
              {corpus ? <CorpusArticleChip model={model} state={state} dispatch={dispatch} /> : null}
              <CorpusToasts />
            </GraphCanvas>
          )}
          <Timeline model={model} state={state} dispatch={dispatch} />
        </div>
        <SidePanel
          key={panelKey}
          model={model}
          state={state}
          scene={scene}
          dispatch={dispatch}
          tab={tab}
          onTab={setTab}
          revealDetails={revealDetails}
        />
      </main>
    </div>
  );
  // The edits' live region and undo/redo keys (review/EditFeedback.tsx).
  return <EditFeedback>{page}</EditFeedback>;
}
