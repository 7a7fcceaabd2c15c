/**
 * DetailsPanel — the right-hand side panel
 * ========================================
 *
 * Shows what is selected: an entity with its relations, or one relation, each
 * with the sentences that support it; otherwise a short guide.
 */

import { useEffect, useRef, type ReactElement } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { EntityDetails } from './EntityDetails.tsx';
import { RelationDetails } from './RelationDetails.tsx';

/** The panel's id: the skip link moves focus here (SidePanel). */
export const DETAILS_PANEL_ID = 'details-panel';

interface DetailsPanelProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

export function DetailsPanel({ model, state, scene, dispatch }: DetailsPanelProps): ReactElement {
  const { selection } = state;
  const panelRef = useRef<HTMLElement>(null);
  const selectionKey = selection.kind === 'none' ? 'none' : `${selection.kind}:${selection.id}`;
  useEffect(() => {
    // A new selection starts reading from the top, not where the last one was scrolled to.
    panelRef.current?.scrollTo({ top: 0 });
  }, [selectionKey]);
  let body: ReactElement;
  if (selection.kind === 'node' && model.data.entities.has(selection.id)) {
    body = <EntityDetails key={selection.id} entityId={selection.id} model={model} state={state} scene={scene} dispatch={dispatch} />;
  } else if (selection.kind === 'edge' && model.data.relations.has(selection.id)) {
    body = <RelationDetails key={selection.id} relationId={selection.id} model={model} state={state} scene={scene} dispatch={dispatch} />;
  } else {
    body = <EmptyPanel />;
  }
  return (
    // Focusable by script only (tabIndex -1): the skip link moves focus here.
    <aside
      ref={panelRef}
      id={DETAILS_PANEL_ID}
      tabIndex={-1}
      className="panel"
      aria-label="Details"
      data-testid="details-panel"
      data-selection={selection.kind}
    >
      {body}
    </aside>
  );
}

function EmptyPanel(): ReactElement {
  return (
    <div className="panel-empty" data-testid="panel-empty">
      <div className="panel-empty-art" aria-hidden="true">
        <span className="dot dot-a" />
        <span className="dot dot-b" />
        <span className="dot dot-c" />
      </div>
      <p className="panel-empty-lead">Click a node or edge to see the sentences that support it.</p>
      <ul className="panel-tips">
        <li>Hover a node to light up its neighbours.</li>
        <li>Use the legend to show or hide relation types.</li>
        <li>Scroll to zoom, drag to pan, press Esc to clear.</li>
      </ul>
    </div>
  );
}
