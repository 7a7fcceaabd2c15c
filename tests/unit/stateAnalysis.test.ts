import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildViewIndex } from '../../src/graph/viewIndex.ts';
import { parseDatasetJson } from '../../src/model/index.ts';
import {
  clearFocus,
  hoverRelations,
  setFocus,
  setHideUnconnected,
  setPathEnd,
  showAllEntityTypes,
  swapPathEnds,
  toggleEntityType,
} from '../../src/state/analysis.ts';
import { analysisViewOf, computeAnalysisView } from '../../src/state/analysisView.ts';
import { edgeLook, nodeLook } from '../../src/state/appearance.ts';
import { buildDatasetIndex } from '../../src/state/datasetIndex.ts';
import { hoverNode, initialExplorerState, toggleRelationType, type Transition } from '../../src/state/explorerState.ts';
import { describePath } from '../../src/state/pathView.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const graph = buildGraph(seed);
const index = buildViewIndex(graph);
const data = buildDatasetIndex(seed);
const initial = initialExplorerState(index.relationTypes);
const run = (...transitions: Transition[]) => transitions.reduce((state, t) => t(state), initial);
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';

describe('analysis transitions', () => {
  it('return the same state when nothing changes', () => {
    expect(clearFocus()(initial)).toBe(initial);
    expect(showAllEntityTypes()(initial)).toBe(initial);
    expect(setHideUnconnected(false)(initial)).toBe(initial);
    expect(setPathEnd('from', null)(initial)).toBe(initial);
    expect(hoverRelations([])(initial)).toBe(initial);
    const focused = setFocus('russia', 1)(initial);
    expect(setFocus('russia', 1)(focused)).toBe(focused);
  });

  it('swap the ends of a path', () => {
    const state = run(setPathEnd('from', 'armenia'), setPathEnd('to', 'russia'), swapPathEnds());
    expect(state.analysis.path).toEqual({ from: 'russia', to: 'armenia' });
  });
});

describe('analysis view', () => {
  it('shows everything at first, with no per-node set', () => {
    const view = computeAnalysisView(graph, index, initial);
    expect(view.visibleNodes).toBeNull();
    expect(view.visibleEdges.size).toBe(seed.relations.length);
    expect(view.path).toBeNull();
  });

  it('hides entities of a hidden type and every relation touching them', () => {
    const view = computeAnalysisView(graph, index, run(toggleEntityType('place')));
    for (const id of ['europe', 'africa', 'asia', 'latin-america', 'new-york-city']) expect(view.visibleNodes?.has(id), id).toBe(false);
    expect(view.visibleNodes?.has('russia')).toBe(true);
    expect(view.visibleEdges.has('r08-europe-severed-ties-russia')).toBe(false);
    expect(nodeLook(index, run(toggleEntityType('place')), 'europe', view)).toBe('hidden');
  });

  it('hides entities left with no visible relation only when asked', () => {
    const off = run(toggleRelationType('hosted'));
    expect(computeAnalysisView(graph, index, off).visibleNodes).toBeNull();
    const view = computeAnalysisView(graph, index, setHideUnconnected(true)(off));
    expect(view.visibleNodes?.has('south-africa')).toBe(false);
    expect(view.visibleNodes?.has('new-york-city')).toBe(false);
    expect(view.visibleNodes?.has('brics')).toBe(true); // Putin attended it
  });

  it('focus keeps the 1- or 2-step neighbourhood over visible relations', () => {
    const one = computeAnalysisView(graph, index, run(setFocus('armenia', 1)));
    expect([...(one.visibleNodes ?? [])].sort()).toEqual(['armenia', 'russia', 'vladimir-putin']);
    expect([...one.visibleEdges].sort()).toEqual(['r12-vladimir-putin-leader-of-russia', 'r26-armenia-threatened-arrest-vladimir-putin', 'r27-armenia-allied-with-russia']);
    const two = computeAnalysisView(graph, index, run(setFocus('armenia', 2)));
    expect(two.visibleNodes?.has('international-criminal-court')).toBe(true);
    expect(two.visibleNodes?.has('new-york-city')).toBe(false);
    // With "allied with" off, Russia is two steps away (through Putin), not one.
    const filtered = computeAnalysisView(graph, index, run(toggleRelationType('allied-with'), setFocus('armenia', 1)));
    expect(filtered.visibleNodes?.has('russia')).toBe(false);
  });

  it('a traced path is emphasised and everything else dimmed; hovering a sentence wins over it', () => {
    const state = run(setPathEnd('from', 'armenia'), setPathEnd('to', 'international-criminal-court'));
    const view = computeAnalysisView(graph, index, state);
    expect(view.path?.kind).toBe('found');
    expect(edgeLook(index, state, WARRANT, view)).toBe('highlighted');
    expect(edgeLook(index, state, 'r07-russia-attacked-ukraine', view)).toBe('dimmed');
    expect(nodeLook(index, state, 'armenia', view)).toBe('selected');
    expect(nodeLook(index, state, 'vladimir-putin', view)).toBe('focus');
    expect(nodeLook(index, state, 'ukraine', view)).toBe('dimmed');

    const hovered = hoverRelations(['r07-russia-attacked-ukraine'])(state);
    const hoveredView = computeAnalysisView(graph, index, hovered);
    expect(edgeLook(index, hovered, 'r07-russia-attacked-ukraine', hoveredView)).toBe('highlighted');
    expect(edgeLook(index, hovered, WARRANT, hoveredView)).toBe('dimmed');
    expect(nodeLook(index, hovered, 'ukraine', hoveredView)).toBe('focus');
  });

  it('is cached on the analysis state and relation filter: a hover reuses it', () => {
    const state = run(setPathEnd('from', 'armenia'), setPathEnd('to', 'international-criminal-court'));
    const first = analysisViewOf(graph, index, state);
    expect(analysisViewOf(graph, index, hoverNode('russia')(state))).toBe(first);
    expect(analysisViewOf(graph, index, toggleRelationType('attacked')(state))).not.toBe(first);
  });
});

describe('a path in words', () => {
  it('says which hops run against the relation’s arrow', () => {
    const view = computeAnalysisView(graph, index, run(setPathEnd('from', 'armenia'), setPathEnd('to', 'international-criminal-court')));
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
