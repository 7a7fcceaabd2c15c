/**
 * App — the explorer page
 * =======================
 *
 * Header, legend/filter on the left, the graph in the middle, the evidence
 * panel on the right. Holds the explorer state (a reducer applying pure
 * transitions), the scene derived from it once per change (state/scene.ts:
 * what is shown and how it looks) and the Escape shortcut (one step back:
 * state/stepBack.ts); the parts below only render them.
 */

import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { initialExplorerState, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { computeScene, type Scene } from '../state/scene.ts';
import { stepBack } from '../state/stepBack.ts';
import { AppHeader } from './AppHeader.tsx';
import { DocumentFilter } from './data/DocumentFilter.tsx';
import { EmptyGraph, graphNotice } from './data/EmptyGraph.tsx';
import { EntitySearch } from './EntitySearch.tsx';
import { EntityTypeFilter } from './EntityTypeFilter.tsx';
import { GraphCanvas } from './GraphCanvas.tsx';
import { RelationLegend } from './RelationLegend.tsx';
import { SidePanel, type SideTab } from './SidePanel.tsx';
import { ViewChips } from './ViewChips.tsx';
import { initialSideTab, useShareableView } from './useShareableView.ts';

function apply(state: ExplorerState, transition: Transition): ExplorerState {
  return transition(state);
}

interface AppProps {
  model: ExplorerModel;
  /** Controls shown at the end of the header (the data toolbar); given the scene for "export what the filters show". */
  headerTools?: (scene: Scene) => ReactNode;
}

export function App({ model, headerTools }: AppProps): ReactElement {
  const [state, rawDispatch] = useReducer(apply, model.index.relationTypes, initialExplorerState);
  const dispatch = useCallback((transition: Transition) => rawDispatch(transition), []);
  const [tab, setTab] = useState<SideTab>(initialSideTab);
  useShareableView(model, state, dispatch);
  // One scene per state; the previous one lends what did not change (a hover re-walks no edge).
  const previousScene = useRef<Scene | undefined>(undefined);
  const scene = useMemo(() => computeScene(model, state, previousScene.current), [model, state]);
  previousScene.current = scene;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch(stepBack());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  const relationCounts = scene.visibility.relationCounts;
  const shownRelations = useMemo(() => {
    let count = 0;
    for (const type of state.enabledTypes) count += relationCounts.get(type) ?? 0;
    return count;
  }, [relationCounts, state.enabledTypes]);

  return (
    <div className="app">
      <AppHeader dataset={model.dataset} shownRelations={shownRelations}>
        {headerTools?.(scene)}
      </AppHeader>
      <main className="workspace">
        <nav className="legend" aria-label="Search, legend and filters">
          <EntitySearch dataset={model.dataset} state={state} dispatch={dispatch} />
          <DocumentFilter dataset={model.dataset} state={state} dispatch={dispatch} />
          <RelationLegend index={model.index} state={state} scene={scene} dispatch={dispatch} />
          <EntityTypeFilter dataset={model.dataset} state={state} dispatch={dispatch} />
        </nav>
        {model.dataset.entities.length === 0 ? (
          <EmptyGraph dataset={model.dataset} />
        ) : (
          <GraphCanvas model={model} state={state} scene={scene} dispatch={dispatch}>
            {graphNotice(model.dataset)}
            <ViewChips model={model} state={state} dispatch={dispatch} />
          </GraphCanvas>
        )}
        <SidePanel model={model} state={state} scene={scene} dispatch={dispatch} tab={tab} onTab={setTab} />
      </main>
    </div>
  );
}
