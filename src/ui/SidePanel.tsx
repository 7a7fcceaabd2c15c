/**
 * SidePanel — the right-hand column as tabs: Details | Path | Article | Table | Changes
 * =====================================================================================
 *
 * Details is the existing evidence panel (with the selected entity's focus
 * and path tools above it); Path traces connections; Article is the text with
 * its mentions; Table lists the relations for readers who cannot use the
 * canvas; Changes compares two windows or two outlets. WAI-ARIA tabs: arrow keys move between tabs, Tab enters the panel.
 * The column can be collapsed for a full-width graph.
 */

import { useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { ArticlePane } from './ArticlePane.tsx';
import { ComparePanel } from './compare/ComparePanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { NodeTools } from './NodeTools.tsx';
import { PathPanel } from './PathPanel.tsx';
import { RelationTable } from './RelationTable.tsx';
import './analystTools.css';

export type SideTab = 'details' | 'path' | 'article' | 'table' | 'changes';

const TABS: Array<{ id: SideTab; label: string }> = [
  { id: 'details', label: 'Details' },
  { id: 'path', label: 'Path' },
  { id: 'article', label: 'Article' },
  { id: 'table', label: 'Table' },
  { id: 'changes', label: 'Changes' },
];

interface SidePanelProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
}

export function SidePanel({ model, state, scene, dispatch, tab, onTab }: SidePanelProps): ReactElement {
  const tabRefs = useRef(new Map<SideTab, HTMLButtonElement>());
  const [collapsed, setCollapsed] = useState(false);
  const selected = state.selection.kind === 'node' ? model.data.entities.get(state.selection.id) : undefined;

  if (collapsed) {
    return (
      <div className="side-collapsed">
        <button type="button" className="tool-button" aria-expanded={false} onClick={() => setCollapsed(false)} data-testid="side-expand">
          ◀ Panel
        </button>
      </div>
    );
  }

  let body: ReactNode;
  if (tab === 'details') {
    body = (
      <>
        {selected ? (
          <NodeTools entityId={selected.id} label={selected.label} state={state} dispatch={dispatch} onPath={() => onTab('path')} />
        ) : null}
        <DetailsPanel model={model} state={state} scene={scene} dispatch={dispatch} />
      </>
    );
  } else if (tab === 'path') body = <PathPanel model={model} state={state} scene={scene} dispatch={dispatch} />;
  else if (tab === 'article') body = <ArticlePane model={model} state={state} dispatch={dispatch} />;
  else if (tab === 'changes') body = <ComparePanel model={model} state={state} dispatch={dispatch} />;
  else body = <RelationTable model={model} state={state} scene={scene} dispatch={dispatch} />;

  const move = (delta: number) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + delta + TABS.length) % TABS.length];
    if (!next) return;
    onTab(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <div className={tab === 'table' ? 'side-panel is-wide' : 'side-panel'} data-testid="side-panel" data-tab={tab}>
      <div className="side-tabs">
        <div role="tablist" aria-label="Side panel" className="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(element) => {
                if (element) tabRefs.current.set(t.id, element);
              }}
              type="button"
              role="tab"
              id={`side-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="side-tabpanel"
              tabIndex={tab === t.id ? 0 : -1}
              data-testid={`tab-${t.id}`}
              onClick={() => onTab(t.id)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight') move(1);
                else if (event.key === 'ArrowLeft') move(-1);
                else return;
                event.preventDefault();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label="Hide the side panel" title="Hide the side panel (full-width graph)" onClick={() => setCollapsed(true)} data-testid="side-collapse">
          ▶
        </button>
      </div>
      <div role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${tab}`} className="side-body">
        {body}
      </div>
    </div>
  );
}
