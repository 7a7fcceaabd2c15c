/**
 * refreshScope decides what the graph view re-styles after a change. It must
 * never leave a stale look: every node and edge whose look differs between
 * the two states has to be inside the scope it returns.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildViewIndex } from '../../src/graph/viewIndex.ts';
import { parseDatasetJson } from '../../src/model/index.ts';
import { setHideUnconnected, toggleEntityType } from '../../src/state/analysis.ts';
import { analysisViewOf } from '../../src/state/analysisView.ts';
import { edgeLook, nodeLook } from '../../src/state/appearance.ts';
import {
  hideAllRelationTypes,
  hoverNode,
  initialExplorerState,
  selectNode,
  setSearch,
  showAllRelationTypes,
  toggleRelationType,
  type ExplorerState,
} from '../../src/state/explorerState.ts';
import { refreshScope } from '../../src/state/refreshScope.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const graph = buildGraph(seed);
const index = buildViewIndex(graph);
const initial = initialExplorerState(index.relationTypes);

/** Keys whose look differs between the two states, as the reducers would draw them. */
function changedLooks(previous: ExplorerState, next: ExplorerState): { nodes: Set<string>; edges: Set<string> } {
  const before = analysisViewOf(graph, index, previous);
  const after = analysisViewOf(graph, index, next);
  const nodes = new Set(graph.nodes().filter((n) => nodeLook(index, previous, n, before) !== nodeLook(index, next, n, after)));
  const edges = new Set(graph.edges().filter((e) => edgeLook(index, previous, e, before) !== edgeLook(index, next, e, after)));
  return { nodes, edges };
}

function expectSound(previous: ExplorerState, next: ExplorerState): void {
  const scope = refreshScope(index, previous, next);
  const changed = changedLooks(previous, next);
  if (scope.kind === 'everything') return;
  if (scope.kind === 'looks') {
    // Every look may change, but nothing may appear or disappear.
    const before = analysisViewOf(graph, index, previous);
    const after = analysisViewOf(graph, index, next);
    for (const n of graph.nodes()) expect(nodeLook(index, previous, n, before) === 'hidden', n).toBe(nodeLook(index, next, n, after) === 'hidden');
    for (const e of graph.edges()) expect(edgeLook(index, previous, e, before) === 'hidden', e).toBe(edgeLook(index, next, e, after) === 'hidden');
    return;
  }
  const nodes = scope.kind === 'some' ? new Set(scope.nodes) : new Set<string>();
  const edges = scope.kind === 'some' ? new Set(scope.edges) : new Set<string>();
  for (const node of changed.nodes) expect(nodes.has(node), `node ${node} changed look but is outside the scope`).toBe(true);
  for (const edge of changed.edges) expect(edges.has(edge), `edge ${edge} changed look but is outside the scope`).toBe(true);
}

describe('refreshScope', () => {
  it('re-styles nothing when the state did not change', () => {
    expect(refreshScope(index, initial, initial)).toEqual({ kind: 'none' });
  });

  it('a relation-type toggle in a plain view re-styles just that type’s edges and their ends', () => {
    const next = toggleRelationType('issued-warrant')(initial);
    const scope = refreshScope(index, initial, next);
    expect(scope.kind).toBe('some');
    if (scope.kind !== 'some') return;
    expect(new Set(scope.edges)).toEqual(new Set(index.edgesByType.get('issued-warrant')));
    expect(new Set(scope.nodes)).toEqual(new Set(['international-criminal-court', 'vladimir-putin']));
    expectSound(initial, next);
  });

  it('is sound for every single toggle, on and off, from all-on and from all-off', () => {
    const allOff = hideAllRelationTypes()(initial);
    for (const type of index.relationTypes) {
      expectSound(initial, toggleRelationType(type)(initial));
      expectSound(allOff, toggleRelationType(type)(allOff));
      expectSound(toggleRelationType(type)(initial), initial);
    }
    expectSound(initial, allOff);
    expectSound(allOff, showAllRelationTypes(index.relationTypes)(allOff));
  });

  it('switching off the last relation of an entity mutes it, and that entity is in the scope', () => {
    // Every relation type of an entity with a single relation: its end becomes muted.
    const lonely = graph.nodes().find((n) => graph.degree(n) === 1);
    expect(lonely).toBeDefined();
    const edge = graph.edges(lonely!)[0]!;
    const type = index.edges.get(edge)!.type;
    const next = toggleRelationType(type)(initial);
    expect(nodeLook(index, next, lonely!)).toBe('muted');
    const scope = refreshScope(index, initial, next);
    expect(scope.kind === 'some' && scope.nodes.includes(lonely!)).toBe(true);
  });

  it('refreshes everything when a selection, hover, search or analysis tool is involved', () => {
    const toggle = toggleRelationType('accused');
    const shaped: ExplorerState[] = [
      selectNode('vladimir-putin')(initial),
      hoverNode('russia')(initial),
      setSearch('Putin', seed.entities)(initial),
      setHideUnconnected(true)(initial),
      toggleEntityType('person')(initial),
    ];
    for (const state of shaped) {
      expect(refreshScope(index, state, toggle(state))).toEqual({ kind: 'everything' });
      expectSound(state, toggle(state));
    }
  });

  it('a selection, hover or search alone re-styles every look but shows and hides nothing', () => {
    const focused = setHideUnconnected(true)(toggleRelationType('accused')(initial));
    const steps: Array<[ExplorerState, ExplorerState]> = [
      [initial, selectNode('russia')(initial)],
      [selectNode('russia')(initial), selectNode('vladimir-putin')(initial)],
      [initial, hoverNode('ukraine')(initial)],
      [initial, setSearch('Kremlin', seed.entities)(initial)],
      [focused, selectNode('russia')(focused)],
      [selectNode('russia')(focused), focused],
    ];
    for (const [previous, next] of steps) {
      expect(refreshScope(index, previous, next)).toEqual({ kind: 'looks' });
      expectSound(previous, next);
    }
  });
});
