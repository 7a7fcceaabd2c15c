/**
 * App — the explorer page
 * =======================
 *
 * Header, legend/filter on the left, the graph in the middle, the evidence
 * panel on the right. Holds the explorer state (a reducer applying pure
 * transitions) and the Escape shortcut (one step back: state/stepBack.ts);
 * the parts below only render it.
 */

import { useCallback, useEffect, useMemo, useReducer, useState, type ReactElement, type ReactNode } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { initialExplorerState, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { stepBack } from '../state/stepBack.ts';
import { AppHeader } from './AppHeader.tsx';
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
  /** Controls shown at the end of the header (the data toolbar); given the state for "export what the filters show". */
  headerTools?: (state: ExplorerState) => ReactNode;
  /** Extra filters at the top of the legend column (the article filter of a corpus). */
  legendTop?: ReactNode;
}

export function App({ model, headerTools, legendTop }: AppProps): ReactElement {
  const [state, rawDispatch] = useReducer(apply, model.view.relationTypes, initialExplorerState);
  const dispatch = useCallback((transition: Transition) => rawDispatch(transition), []);
  const [tab, setTab] = useState<SideTab>(initialSideTab);
  useShareableView(model, state, dispatch);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch(stepBack());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  const shownRelations = useMemo(() => {
    let count = 0;
    for (const type of state.enabledTypes) count += model.view.edgesByType.get(type)?.length ?? 0;
    return count;
  }, [model, state.enabledTypes]);

  return (
    <div className="app">
      <AppHeader dataset={model.dataset} shownRelations={shownRelations}>
        {headerTools?.(state)}
      </AppHeader>
      <main className="workspace">
        <nav className="legend" aria-label="Search, legend and filters">
          <EntitySearch dataset={model.dataset} state={state} dispatch={dispatch} />
          {legendTop}
          <RelationLegend view={model.view} state={state} dispatch={dispatch} />
          <EntityTypeFilter dataset={model.dataset} state={state} dispatch={dispatch} />
        </nav>
        {model.dataset.entities.length === 0 ? (
          <EmptyGraph dataset={model.dataset} />
        ) : (
          <GraphCanvas model={model} state={state} dispatch={dispatch}>
            {graphNotice(model.dataset)}
            <ViewChips model={model} state={state} dispatch={dispatch} />
          </GraphCanvas>
        )}
        <SidePanel model={model} state={state} dispatch={dispatch} tab={tab} onTab={setTab} />
      </main>
    </div>
  );
}
