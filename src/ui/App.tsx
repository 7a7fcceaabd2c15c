/**
 * App — the explorer page
 * =======================
 *
 * Header, legend/filter on the left, the graph in the middle, the evidence
 * panel on the right. Holds the explorer state (a reducer applying pure
 * transitions) and the Escape shortcut; the parts below only render it.
 */

import { useCallback, useEffect, useMemo, useReducer, type ReactElement, type ReactNode } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { clearSelection, initialExplorerState, type ExplorerState, type Transition } from '../state/explorerState.ts';
import { AppHeader } from './AppHeader.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { EntityKey } from './EntityKey.tsx';
import { EmptyGraph, graphNotice } from './data/EmptyGraph.tsx';
import { EntitySearch } from './EntitySearch.tsx';
import { GraphCanvas } from './GraphCanvas.tsx';
import { RelationLegend } from './RelationLegend.tsx';

function apply(state: ExplorerState, transition: Transition): ExplorerState {
  return transition(state);
}

export function App({ model, headerTools }: { model: ExplorerModel; headerTools?: (state: ExplorerState) => ReactNode }): ReactElement {
  const [state, rawDispatch] = useReducer(apply, model.view.relationTypes, initialExplorerState);
  const dispatch = useCallback((transition: Transition) => rawDispatch(transition), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch(clearSelection());
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
          <RelationLegend view={model.view} state={state} dispatch={dispatch} />
          <EntityKey dataset={model.dataset} />
        </nav>
        {model.dataset.entities.length === 0 ? (
          <EmptyGraph dataset={model.dataset} />
        ) : (
          <GraphCanvas model={model} state={state} dispatch={dispatch}>
            {graphNotice(model.dataset)}
          </GraphCanvas>
        )}
        <DetailsPanel model={model} state={state} dispatch={dispatch} />
      </main>
    </div>
  );
}
