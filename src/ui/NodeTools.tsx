/**
 * NodeTools — what to do with the selected entity
 * ===============================================
 *
 * Neighbourhood (only its 1- or 2-step neighbourhood stays on screen,
 * "All" shows everything again) and the two ends of a path ("Path from here", "Path to
 * here"). Shown above the entity's details.
 */

import type { ReactElement } from 'react';
import { clearNeighbourhood, setNeighbourhood, setPathEnd } from '../state/analystTools.ts';
import type { ExplorerState, NeighbourhoodDepth, Transition } from '../state/explorerState.ts';

interface NodeToolsProps {
  entityId: string;
  label: string;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
  /** Called after a path end is set, so the panel can show the path tab. */
  onPath: () => void;
}

const DEPTHS: Array<{ depth: NeighbourhoodDepth | null; label: string }> = [
  { depth: null, label: 'All' },
  { depth: 1, label: '1 step' },
  { depth: 2, label: '2 steps' },
];

export function NodeTools({ entityId, label, state, dispatch, onPath }: NodeToolsProps): ReactElement {
  const neighbourhood = state.tools.neighbourhood;
  const current = neighbourhood === null ? null : neighbourhood.node === entityId ? neighbourhood.depth : undefined;
  return (
    <div className="node-tools" data-testid="node-tools">
      <div className="segmented" role="group" aria-label={`Show only the neighbourhood of ${label}`}>
        <span className="segmented-label" aria-hidden="true">
          Show
        </span>
        {DEPTHS.map(({ depth, label: text }) => (
          <button
            key={text}
            type="button"
            aria-pressed={current === depth}
            data-testid={`focus-${depth ?? 'all'}`}
            onClick={() => dispatch(depth === null ? clearNeighbourhood() : setNeighbourhood(entityId, depth))}
          >
            {text}
          </button>
        ))}
      </div>
      <div className="node-tools-row">
        <button
          type="button"
          className="tool-button"
          data-testid="path-from-here"
          onClick={() => {
            dispatch(setPathEnd('from', entityId));
            onPath();
          }}
        >
          Path from here
        </button>
        <button
          type="button"
          className="tool-button"
          data-testid="path-to-here"
          onClick={() => {
            dispatch(setPathEnd('to', entityId));
            onPath();
          }}
        >
          Path to here
        </button>
      </div>
      {neighbourhood !== null && neighbourhood.node !== entityId ? (
        <p className="muted node-tools-note">Showing the neighbourhood of another entity.</p>
      ) : null}
    </div>
  );
}
