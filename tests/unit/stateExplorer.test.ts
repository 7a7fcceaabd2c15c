import { describe, expect, it } from 'vitest';
import {
  clearSelection,
  hideAllRelationTypes,
  hoverNode,
  initialExplorerState,
  selectEdge,
  selectNode,
  showAllRelationTypes,
  toggleHighlightedRelation,
  toggleRelationType,
  type ExplorerState,
} from '../../src/state/explorerState.ts';
import type { RelationTypeId } from '../../src/model/index.ts';

const TYPES: RelationTypeId[] = ['accused', 'allied-with', 'issued-warrant'];
const start = (): ExplorerState => initialExplorerState(TYPES);

describe('explorer state transitions', () => {
  it('starts with nothing selected and every type shown', () => {
    const state = start();
    expect(state.selection).toEqual({ kind: 'none' });
    expect(state.hoveredNode).toBeNull();
    expect(state.highlightedRelation).toBeNull();
    expect([...state.enabledTypes]).toEqual(TYPES);
  });

  it('selecting a node replaces any edge selection and drops the highlight', () => {
    const edgeSelected = selectEdge('r1')(start());
    expect(edgeSelected.selection).toEqual({ kind: 'edge', id: 'r1' });
    expect(edgeSelected.highlightedRelation).toBe('r1');
    const nodeSelected = selectNode('putin')(edgeSelected);
    expect(nodeSelected.selection).toEqual({ kind: 'node', id: 'putin' });
    expect(nodeSelected.highlightedRelation).toBeNull();
  });

  it('returns the same object when nothing changes', () => {
    const selected = selectNode('putin')(start());
    expect(selectNode('putin')(selected)).toBe(selected);
    const edge = selectEdge('r1')(start());
    expect(selectEdge('r1')(edge)).toBe(edge);
    const hovered = hoverNode('russia')(start());
    expect(hoverNode('russia')(hovered)).toBe(hovered);
    const cleared = start();
    expect(clearSelection()(cleared)).toBe(cleared);
    expect(showAllRelationTypes(TYPES)(cleared)).toBe(cleared);
    const none = hideAllRelationTypes()(cleared);
    expect(hideAllRelationTypes()(none)).toBe(none);
  });

  it('never mutates the state it is given', () => {
    const before = start();
    const snapshot = { ...before, enabledTypes: new Set(before.enabledTypes) };
    toggleRelationType('accused')(before);
    hideAllRelationTypes()(before);
    selectNode('x')(before);
    expect(before).toEqual(snapshot);
  });

  it('clears selection and highlight together, keeping filters and hover', () => {
    const busy = toggleRelationType('accused')(hoverNode('russia')(toggleHighlightedRelation('r2')(selectNode('putin')(start()))));
    const cleared = clearSelection()(busy);
    expect(cleared.selection).toEqual({ kind: 'none' });
    expect(cleared.highlightedRelation).toBeNull();
    expect(cleared.hoveredNode).toBe('russia');
    expect(cleared.enabledTypes.has('accused')).toBe(false);
  });

  it('toggles a relation type off and on again', () => {
    const off = toggleRelationType('accused')(start());
    expect(off.enabledTypes.has('accused')).toBe(false);
    expect(off.enabledTypes.size).toBe(2);
    const on = toggleRelationType('accused')(off);
    expect([...on.enabledTypes].sort()).toEqual([...TYPES].sort());
  });

  it('None hides every type and All shows the given ones', () => {
    const none = hideAllRelationTypes()(start());
    expect(none.enabledTypes.size).toBe(0);
    const all = showAllRelationTypes(TYPES)(none);
    expect([...all.enabledTypes].sort()).toEqual([...TYPES].sort());
  });

  it('picking the highlighted relation again un-highlights it', () => {
    const once = toggleHighlightedRelation('r2')(selectNode('putin')(start()));
    expect(once.highlightedRelation).toBe('r2');
    expect(once.selection).toEqual({ kind: 'node', id: 'putin' });
    expect(toggleHighlightedRelation('r2')(once).highlightedRelation).toBeNull();
    expect(toggleHighlightedRelation('r3')(once).highlightedRelation).toBe('r3');
  });
});
