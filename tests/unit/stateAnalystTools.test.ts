import { explorerModelOf } from '../../src/state/explorerModel.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildGraphIndex } from '../../src/graph/graphIndex.ts';
import { parseDatasetJson } from '../../src/model/index.ts';
import {
  clearNeighbourhood,
  hoverRelations,
  setNeighbourhood,
  setHideUnconnected,
  setPathEnd,
  showAllEntityTypes,
  swapPathEnds,
  toggleEntityType,
} from '../../src/state/analystTools.ts';
import { buildDatasetIndex } from '../../src/state/datasetIndex.ts';
import { hoverNode, initialExplorerState, toggleRelationType, type ExplorerState, type Transition } from '../../src/state/explorerState.ts';
import { describePath } from '../../src/state/pathView.ts';
import { computeScene } from '../../src/state/scene.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const graph = buildGraph(seed);
const index = buildGraphIndex(graph);
const data = buildDatasetIndex(seed);
const initial = initialExplorerState(index.relationTypes);
const scene = (state: ExplorerState) => computeScene(explorerModelOf(seed, graph, index), state);
const run = (...transitions: Transition[]) => transitions.reduce((state, t) => t(state), initial);
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';

describe('analyst tool transitions', () => {
  it('return the same state when nothing changes', () => {
    expect(clearNeighbourhood()(initial)).toBe(initial);
    expect(showAllEntityTypes()(initial)).toBe(initial);
    expect(setHideUnconnected(false)(initial)).toBe(initial);
    expect(setPathEnd('from', null)(initial)).toBe(initial);
    expect(hoverRelations([])(initial)).toBe(initial);
    const focused = setNeighbourhood('russia', 1)(initial);
    expect(setNeighbourhood('russia', 1)(focused)).toBe(focused);
  });

  it('swap the ends of a path', () => {
    const state = run(setPathEnd('from', 'armenia'), setPathEnd('to', 'russia'), swapPathEnds());
    expect(state.tools.path).toEqual({ from: 'russia', to: 'armenia' });
  });
});

describe('what the analyst tools leave on screen', () => {
  it('shows everything at first, with no per-node set', () => {
    const view = scene(initial);
    expect(view.visibleNodes).toBeNull();
    expect(view.visibleEdges.size).toBe(seed.relations.length);
    expect(view.path).toBeNull();
  });

  it('hides entities of a hidden type and every relation touching them', () => {
    const view = scene(run(toggleEntityType('place')));
    for (const id of ['europe', 'africa', 'asia', 'latin-america', 'new-york-city']) expect(view.visibleNodes?.has(id), id).toBe(false);
    expect(view.visibleNodes?.has('russia')).toBe(true);
    expect(view.visibleEdges.has('r08-europe-severed-ties-russia')).toBe(false);
    expect(scene(run(toggleEntityType('place'))).nodeLook('europe')).toBe('hidden');
  });

  it('hides entities left with no visible relation only when asked', () => {
    const off = run(toggleRelationType('hosted'));
    expect(scene(off).visibleNodes).toBeNull();
    const view = scene(setHideUnconnected(true)(off));
    expect(view.visibleNodes?.has('south-africa')).toBe(false);
    expect(view.visibleNodes?.has('new-york-city')).toBe(false);
    expect(view.visibleNodes?.has('brics')).toBe(true); // Putin attended it
  });

  it('focus keeps the 1- or 2-step neighbourhood over visible relations', () => {
    const one = scene(run(setNeighbourhood('armenia', 1)));
    expect([...(one.visibleNodes ?? [])].sort()).toEqual(['armenia', 'russia', 'vladimir-putin']);
    expect([...one.visibleEdges].sort()).toEqual(['r12-vladimir-putin-leader-of-russia', 'r26-armenia-threatened-arrest-vladimir-putin', 'r27-armenia-allied-with-russia']);
    const two = scene(run(setNeighbourhood('armenia', 2)));
    expect(two.visibleNodes?.has('international-criminal-court')).toBe(true);
    expect(two.visibleNodes?.has('new-york-city')).toBe(false);
    // With "allied with" off, Russia is two steps away (through Putin), not one.
    const filtered = scene(run(toggleRelationType('allied-with'), setNeighbourhood('armenia', 1)));
    expect(filtered.visibleNodes?.has('russia')).toBe(false);
  });

  it('a traced path is emphasised and everything else dimmed; hovering a sentence wins over it', () => {
    const state = run(setPathEnd('from', 'armenia'), setPathEnd('to', 'international-criminal-court'));
    const view = scene(state);
    expect(view.path?.kind).toBe('found');
    expect(scene(state).edgeLook(WARRANT)).toBe('highlighted');
    expect(scene(state).edgeLook('r07-russia-attacked-ukraine')).toBe('dimmed');
    expect(scene(state).nodeLook('armenia')).toBe('selected');
    expect(scene(state).nodeLook('vladimir-putin')).toBe('emphasised');
    expect(scene(state).nodeLook('ukraine')).toBe('dimmed');

    const hovered = hoverRelations(['r07-russia-attacked-ukraine'])(state);
    expect(scene(hovered).edgeLook('r07-russia-attacked-ukraine')).toBe('highlighted');
    expect(scene(hovered).edgeLook(WARRANT)).toBe('dimmed');
    expect(scene(hovered).nodeLook('ukraine')).toBe('emphasised');
  });

  it('a hover reuses the previous scene’s visibility and path; a filter recomputes them', () => {
    const model = explorerModelOf(seed, graph, index);
    const state = run(setPathEnd('from', 'armenia'), setPathEnd('to', 'international-criminal-court'));
    const first = computeScene(model, state);
    const hovered = computeScene(model, hoverNode('russia')(state), first);
    expect(hovered.visibility).toBe(first.visibility);
    expect(hovered.path).toBe(first.path);
    const filtered = computeScene(model, toggleRelationType('attacked')(state), first);
    expect(filtered.visibility).not.toBe(first.visibility);
  });
});

describe('a path in words', () => {
  it('says which hops run against the relation’s arrow', () => {
    const view = scene(run(setPathEnd('from', 'armenia'), setPathEnd('to', 'international-criminal-court')));
    if (view.path?.kind !== 'found') throw new Error('expected a path');
    const hops = describePath(data, view.path.paths[0] ?? []);
    expect(hops.map((hop) => [hop.from.label, hop.to.label])).toEqual([
      ['Armenia', 'Vladimir Putin'],
      ['Vladimir Putin', 'International Criminal Court'],
    ]);
    expect(hops[0]?.relations[0]?.direction).toBe('forward');
    expect(hops[1]?.relations[0]?.direction).toBe('backward');
    expect(hops[1]?.relations[0]?.wording).toBe('Against the arrow: International Criminal Court issued an arrest warrant for Vladimir Putin.');
  });
});
