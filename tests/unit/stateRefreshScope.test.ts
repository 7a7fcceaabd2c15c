/**
 * refreshScope decides what the graph view re-styles after a change. It must
 * never leave a stale look: every node and edge whose look differs between
 * the two states has to be inside the scope it returns.
 */

import { explorerModelOf } from '../../src/state/explorerModel.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildGraphIndex } from '../../src/graph/graphIndex.ts';
import { parseDatasetJson } from '../../src/model/index.ts';
import { hoverRelations, setHideUnconnected, setPathEnd, toggleEntityType } from '../../src/state/analystTools.ts';
import {
  hideAllRelationTypes,
  hoverNode,
  initialExplorerState,
  selectNode,
  setSearch,
  showAllRelationTypes,
  toggleDocument,
  toggleRelationType,
  requestCamera,
  type ExplorerState,
} from '../../src/state/explorerState.ts';
import { createExplorerModel } from '../../src/state/explorerModel.ts';
import { refreshScope as refreshScopeOf } from '../../src/state/refreshScope.ts';
import { computeScene } from '../../src/state/scene.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const graph = buildGraph(seed);
const index = buildGraphIndex(graph);
const initial = initialExplorerState(index.relationTypes);
const model = explorerModelOf(seed, graph, index);
const scene = (state: ExplorerState) => computeScene(model, state);
/** The scope between two states, their scenes computed as App does (the next from the previous). */
function refreshScope(previous: ExplorerState, next: ExplorerState) {
  const before = scene(previous);
  return refreshScopeOf(before, computeScene(model, next, before));
}

/** Keys whose look differs between the two states, as the reducers would draw them. */
function changedLooks(previous: ExplorerState, next: ExplorerState): { nodes: Set<string>; edges: Set<string> } {
  const before = scene(previous);
  const after = scene(next);
  const nodes = new Set(graph.nodes().filter((n) => before.nodeLook(n) !== after.nodeLook(n)));
  const edges = new Set(graph.edges().filter((e) => before.edgeLook(e) !== after.edgeLook(e)));
  return { nodes, edges };
}

function expectSound(previous: ExplorerState, next: ExplorerState): void {
  const scope = refreshScope(previous, next);
  const changed = changedLooks(previous, next);
  if (scope.kind === 'everything') return;
  if (scope.kind === 'looks') {
    // Every look may change, but nothing may appear or disappear.
    const before = scene(previous);
    const after = scene(next);
    for (const n of graph.nodes()) expect(before.nodeLook(n) === 'hidden', n).toBe(after.nodeLook(n) === 'hidden');
    for (const e of graph.edges()) expect(before.edgeLook(e) === 'hidden', e).toBe(after.edgeLook(e) === 'hidden');
    return;
  }
  const nodes = scope.kind === 'some' ? new Set(scope.nodes) : new Set<string>();
  const edges = scope.kind === 'some' ? new Set(scope.edges) : new Set<string>();
  for (const node of changed.nodes) expect(nodes.has(node), `node ${node} changed look but is outside the scope`).toBe(true);
  for (const edge of changed.edges) expect(edges.has(edge), `edge ${edge} changed look but is outside the scope`).toBe(true);
}

describe('refreshScope', () => {
  it('re-styles nothing when the state did not change', () => {
    expect(refreshScope(initial, initial)).toEqual({ kind: 'none' });
    // A camera request changes neither what is shown nor how it looks.
    expect(refreshScope(initial, requestCamera('russia')(initial))).toEqual({ kind: 'none' });
  });

  it('a relation-type toggle in a plain view re-styles just that type’s edges and their ends', () => {
    const next = toggleRelationType('issued-warrant')(initial);
    const scope = refreshScope(initial, next);
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
    expect(scene(next).nodeLook(lonely!)).toBe('muted');
    const scope = refreshScope(initial, next);
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
      expect(refreshScope(state, toggle(state))).toEqual({ kind: 'everything' });
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
      // A path or a hovered sentence lights things but shows and hides nothing either.
      [initial, setPathEnd('to', 'ukraine')(setPathEnd('from', 'armenia')(initial))],
      [initial, hoverRelations(['r27-armenia-allied-with-russia'])(initial)],
    ];
    for (const [previous, next] of steps) {
      expect(refreshScope(previous, next)).toEqual({ kind: 'looks' });
      expectSound(previous, next);
    }
  });
});

describe('refreshScope under the article filter', () => {
  // Two articles on the seed graph's entities: the seed's relations split between them by position.
  const documents = [seed.documents[0]!, { ...seed.documents[0]!, id: 'copy', title: 'A copy' }];
  const corpus = {
    ...seed,
    documents,
    relations: seed.relations.map((relation, i) =>
      i % 2 === 0 ? relation : { ...relation, evidence: relation.evidence.map((span) => ({ ...span, document: 'copy' })) },
    ),
  };
  const corpusModel = createExplorerModel(corpus);
  const start = toggleDocument(
    documents.map((d) => d.id),
    'copy',
  )(initialExplorerState(corpusModel.index.relationTypes));

  it('a relation-type toggle stays a partial re-style, and no changed look is left out', () => {
    for (const type of corpusModel.index.relationTypes) {
      const before = computeScene(corpusModel, start);
      const next = toggleRelationType(type)(start);
      const after = computeScene(corpusModel, next, before);
      const scope = refreshScopeOf(before, after);
      expect(scope.kind === 'some' || scope.kind === 'none', type).toBe(true);
      const nodes = new Set(scope.kind === 'some' ? scope.nodes : []);
      const edges = new Set(scope.kind === 'some' ? scope.edges : []);
      for (const node of corpusModel.index.nodeKeys) if (before.nodeLook(node) !== after.nodeLook(node)) expect(nodes.has(node), node).toBe(true);
      for (const edge of corpusModel.index.edgeKeys) if (before.edgeLook(edge) !== after.edgeLook(edge)) expect(edges.has(edge), edge).toBe(true);
    }
  });

  it('switching an article re-processes everything', () => {
    const before = computeScene(corpusModel, start);
    const all = toggleDocument(documents.map((d) => d.id), 'copy')(start);
    expect(refreshScopeOf(before, computeScene(corpusModel, all, before))).toEqual({ kind: 'everything' });
  });
});
