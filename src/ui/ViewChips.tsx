/**
 * ViewChips — what is narrowing the graph, and a way out
 * ======================================================
 *
 * A neighbourhood and a traced path stay on when the selection that
 * started them is cleared or the panel shows another tab. Over the canvas, a
 * chip for each says what the graph is showing and clears it with one click
 * (Escape clears them too, innermost first: see state/stepBack.ts).
 */

import type { ReactElement } from 'react';
import { clearNeighbourhood, clearPath } from '../state/analystTools.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../state/explorerState.ts';

interface ViewChipsProps {
  model: ExplorerModel;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function ViewChips({ model, state, dispatch }: ViewChipsProps): ReactElement | null {
  const { neighbourhood, path } = state.tools;
  const pathShown = path.from !== null || path.to !== null;
  if (neighbourhood === null && !pathShown) return null;
  const label = (id: string | null) => (id === null ? '…' : (model.data.entities.get(id)?.label ?? id));
  return (
    <div className="view-chips" role="group" aria-label="What the graph is narrowed to" data-testid="view-chips">
      {neighbourhood !== null ? (
        <span className="view-chip canvas-overlay" data-testid="chip-focus">
          <span>
            {neighbourhood.depth === 1 ? '1 step' : '2 steps'} around <strong>{label(neighbourhood.node)}</strong>
          </span>
          <button type="button" onClick={() => dispatch(clearNeighbourhood())} aria-label={`Show all entities, not only those around ${label(neighbourhood.node)}`}>
            Show all
          </button>
        </span>
      ) : null}
      {pathShown ? (
        <span className="view-chip canvas-overlay" data-testid="chip-path">
          <span>
            Path <strong>{label(path.from)}</strong> → <strong>{label(path.to)}</strong>
          </span>
          <button type="button" onClick={() => dispatch(clearPath())} aria-label="Clear the path">
            Clear
          </button>
        </span>
      ) : null}
    </div>
  );
}
