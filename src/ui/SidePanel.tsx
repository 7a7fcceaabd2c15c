/**
 * SidePanel — the right-hand column as tabs: Details | Path | Article | Table | Changes | Review
 * ==============================================================================================
 *
 * Details is the existing evidence panel (with the selected entity's focus
 * and path tools above it); Path traces connections; Article is the text with
 * its mentions; Table lists the relations for readers who cannot use the
 * canvas; Changes compares two windows or two outlets; Review is the review queue (where the data can be edited). WAI-ARIA tabs: arrow keys move between tabs, Tab enters the panel.
 * The column can be collapsed for a full-width graph. On narrow screens
 * (phone.css) it is a bottom sheet: a selection expands it, clearing the
 * selection lowers it to its handle and tabs.
 */

import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../state/explorerState.ts';
import { describeRelation } from '../state/relationView.ts';
import type { Scene } from '../state/scene.ts';
import { ArticlePane } from './ArticlePane.tsx';
import { ComparePanel } from './compare/ComparePanel.tsx';
import { DETAILS_PANEL_ID, DetailsPanel } from './DetailsPanel.tsx';
import { NodeTools } from './NodeTools.tsx';
import { PathPanel } from './PathPanel.tsx';
import { RelationTable } from './RelationTable.tsx';
import { SheetHandle } from './SheetHandle.tsx';
import { useEdits } from './review/editsContext.ts';
import { ReviewPanel } from './review/ReviewPanel.tsx';
import './analystTools.css';

export type SideTab = 'details' | 'path' | 'article' | 'table' | 'changes' | 'review';

const TABS: Array<{ id: SideTab; label: string }> = [
  { id: 'details', label: 'Details' },
  { id: 'path', label: 'Path' },
  { id: 'article', label: 'Article' },
  { id: 'table', label: 'Table' },
  { id: 'changes', label: 'Changes' },
  { id: 'review', label: 'Review' },
];

interface SidePanelProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  /** Bumped by the skip link: open the Details tab (and the sheet) and move focus into it. */
  revealDetails?: number;
}

/** The skip link's target in the markup: the panel, on every tab and collapsed too (the details exist only on their tab). */
export const SIDE_PANEL_ID = 'side-panel';

export function SidePanel({ model, state, scene, dispatch, tab, onTab, revealDetails = 0 }: SidePanelProps): ReactElement {
  const tabRefs = useRef(new Map<SideTab, HTMLButtonElement>());
  const [collapsed, setCollapsed] = useState(false);
  // The Review tab only where the data can be edited (not corpus mode).
  const editable = useEdits() !== null;
  const tabs = editable ? TABS : TABS.filter((t) => t.id !== 'review');
  const selected = state.selection.kind === 'node' ? model.data.entities.get(state.selection.id) : undefined;

  // The bottom sheet (narrow screens only): a new selection raises it, none lowers it.
  const { selection } = state;
  const selectionKey = selection.kind === 'none' ? 'none' : `${selection.kind}:${selection.id}`;
  const [sheetExpanded, setSheetExpanded] = useState(selectionKey !== 'none');
  const [sheetFor, setSheetFor] = useState(selectionKey);
  if (sheetFor !== selectionKey) {
    setSheetFor(selectionKey);
    setSheetExpanded(selectionKey !== 'none');
  }

  // The skip link: show the details, then focus them once they are on screen.
  const pendingFocus = useRef(false);
  useEffect(() => {
    if (revealDetails === 0) return;
    setCollapsed(false);
    setSheetExpanded(true);
    onTab('details');
    pendingFocus.current = true;
    // Only when the skip link asks again.
  }, [revealDetails]);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const panel = document.getElementById(DETAILS_PANEL_ID);
    panel?.focus();
    // A lowered sheet's panel cannot take focus yet: try again on the next render.
    if (panel && document.activeElement === panel) pendingFocus.current = false;
  });

  if (collapsed) {
    return (
      <div className="side-collapsed" id={SIDE_PANEL_ID}>
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
  else if (tab === 'review' && editable) body = <ReviewPanel model={model} state={state} scene={scene} dispatch={dispatch} />;
  else body = <RelationTable model={model} state={state} scene={scene} dispatch={dispatch} />;

  const choose = (next: SideTab) => {
    onTab(next);
    setSheetExpanded(true);
  };
  const move = (delta: number) => {
    const index = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    if (!next) return;
    choose(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <div
      className={tab === 'table' ? 'side-panel is-wide' : 'side-panel'}
      id={SIDE_PANEL_ID}
      data-testid="side-panel"
      data-tab={tab}
      data-sheet={sheetExpanded ? 'expanded' : 'collapsed'}
    >
      <SheetHandle expanded={sheetExpanded} title={sheetTitle(model, state)} controls="side-tabpanel" onExpanded={setSheetExpanded} />
      <div className="side-tabs">
        <div role="tablist" aria-label="Side panel" className="tablist">
          {tabs.map((t) => (
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
              onClick={() => choose(t.id)}
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

/** What the collapsed sheet names: the selected entity or relation, else a hint. */
function sheetTitle(model: ExplorerModel, state: ExplorerState): string {
  const { selection } = state;
  if (selection.kind === 'node') return model.data.entities.get(selection.id)?.label ?? 'Details';
  if (selection.kind === 'edge') {
    const relation = model.data.relations.get(selection.id);
    if (!relation) return 'Details';
    const view = describeRelation(model.data, relation);
    return `${view.source.label} ${view.phrase} ${view.target.label}`;
  }
  return 'Tap a node or edge for its sentences';
}
