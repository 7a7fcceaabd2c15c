import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildViewIndex } from '../../src/graph/viewIndex.ts';
import { parseDatasetJson } from '../../src/model/index.ts';
import { edgeLook, focusNode, isEdgeVisible, nodeLook } from '../../src/state/appearance.ts';
import {
  hideAllRelationTypes,
  hoverNode,
  initialExplorerState,
  selectEdge,
  selectNode,
  toggleHighlightedRelation,
  toggleRelationType,
} from '../../src/state/explorerState.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const index = buildViewIndex(buildGraph(seed));
const initial = initialExplorerState(index.relationTypes);

const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';
const HOSTED_UNGA = 'r03-new-york-city-hosted-un-general-assembly';
const ALLIED = 'r27-armenia-allied-with-russia';

describe('edge looks', () => {
  it('draws every edge normally at first', () => {
    for (const edge of index.edges.keys()) expect(edgeLook(index, initial, edge), edge).toBe('normal');
  });

  it('hides exactly the edges of a switched-off type', () => {
    const state = toggleRelationType('issued-warrant')(initial);
    expect(edgeLook(index, state, WARRANT)).toBe('hidden');
    expect(isEdgeVisible(index, state, WARRANT)).toBe(false);
    const hidden = [...index.edges.keys()].filter((edge) => edgeLook(index, state, edge) === 'hidden');
    expect(hidden).toEqual([WARRANT]);
  });

  it('keeps the hovered node’s edges and dims the rest', () => {
    const state = hoverNode('vladimir-putin')(initial);
    expect(edgeLook(index, state, WARRANT)).toBe('normal');
    expect(edgeLook(index, state, HOSTED_UNGA)).toBe('dimmed');
  });

  it('emphasises the highlighted relation, unless its type is off', () => {
    const state = toggleHighlightedRelation(WARRANT)(selectNode('vladimir-putin')(initial));
    expect(edgeLook(index, state, WARRANT)).toBe('highlighted');
    expect(edgeLook(index, toggleRelationType('issued-warrant')(state), WARRANT)).toBe('hidden');
  });

  it('with an edge selected, shows it highlighted and dims the others', () => {
    const state = selectEdge(ALLIED)(initial);
    expect(edgeLook(index, state, ALLIED)).toBe('highlighted');
    expect(edgeLook(index, state, WARRANT)).toBe('dimmed');
  });

  it('treats an unknown edge as hidden', () => {
    expect(edgeLook(index, initial, 'no-such-edge')).toBe('hidden');
  });
});

describe('node looks', () => {
  it('prefers the hovered node over the selected one as focus', () => {
    expect(focusNode(initial)).toBeNull();
    expect(focusNode(selectNode('russia')(initial))).toBe('russia');
    expect(focusNode(hoverNode('ukraine')(selectNode('russia')(initial)))).toBe('ukraine');
  });

  it('puts the selected node and its neighbours in focus and dims the rest', () => {
    const state = selectNode('vladimir-putin')(initial);
    expect(nodeLook(index, state, 'vladimir-putin')).toBe('selected');
    expect(nodeLook(index, state, 'international-criminal-court')).toBe('focus');
    expect(nodeLook(index, state, 'russia')).toBe('focus');
    expect(nodeLook(index, state, 'new-york-city')).toBe('dimmed');
  });

  it('does not count a neighbour joined only by a hidden relation type', () => {
    const state = toggleRelationType('issued-warrant')(selectNode('vladimir-putin')(initial));
    expect(nodeLook(index, state, 'international-criminal-court')).toBe('dimmed');
  });

  it('marks both ends of a selected edge as selected', () => {
    const state = selectEdge(ALLIED)(initial);
    expect(nodeLook(index, state, 'armenia')).toBe('selected');
    expect(nodeLook(index, state, 'russia')).toBe('selected');
    expect(nodeLook(index, state, 'ukraine')).toBe('dimmed');
  });

  it('mutes nodes whose relations are all filtered out, but only those', () => {
    const state = toggleRelationType('issued-warrant')(initial);
    expect(nodeLook(index, state, 'international-criminal-court')).toBe('muted');
    expect(nodeLook(index, state, 'vladimir-putin')).toBe('normal');
    const none = hideAllRelationTypes()(initial);
    for (const node of index.nodeEdges.keys()) expect(nodeLook(index, none, node), node).toBe('muted');
  });

  it('keeps the ends of the highlighted relation in focus while hovering elsewhere', () => {
    const state = hoverNode('new-york-city')(toggleHighlightedRelation(WARRANT)(selectNode('vladimir-putin')(initial)));
    expect(nodeLook(index, state, 'international-criminal-court')).toBe('focus');
    expect(nodeLook(index, state, 'un-general-assembly')).toBe('focus');
    expect(nodeLook(index, state, 'armenia')).toBe('dimmed');
  });
});
