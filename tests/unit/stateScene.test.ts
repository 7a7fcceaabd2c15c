/**
 * The scene (state/scene.ts): what the viewer sees, computed once per state.
 * Every filter (relation types, articles, entity types, neighbourhood, "hide
 * unconnected"), the looks, the reuse of a previous scene, and that nothing
 * is remembered between models (no module-level cache).
 */

import { explorerModelOf } from '../../src/state/explorerModel.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildGraphIndex } from '../../src/graph/graphIndex.ts';
import { parseDatasetJson, type Dataset } from '../../src/model/index.ts';
import { setHideUnconnected, setNeighbourhood, toggleEntityType } from '../../src/state/analystTools.ts';
import { datasetForDocuments } from '../../src/state/documentFilter.ts';
import { createExplorerModel } from '../../src/state/explorerModel.ts';
import {
  hideAllRelationTypes,
  hoverNode,
  initialExplorerState,
  requestCamera,
  selectEdge,
  selectNode,
  setSearch,
  toggleDocument,
  toggleHighlightedRelation,
  toggleRelationType,
  type ExplorerState,
} from '../../src/state/explorerState.ts';
import { computeScene, emphasisInputs, STATE_ROLES, visibilityInputs, type SceneModel } from '../../src/state/scene.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const graph = buildGraph(seed);
const index = buildGraphIndex(graph);
const seedModel: SceneModel = explorerModelOf(seed, graph, index);
const initial = initialExplorerState(index.relationTypes);
const scene = (state: ExplorerState) => computeScene(seedModel, state);

const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';
const HOSTED_UNGA = 'r03-new-york-city-hosted-un-general-assembly';
const ALLIED = 'r27-armenia-allied-with-russia';

describe('edge looks', () => {
  it('draws every edge normally at first', () => {
    for (const edge of index.edges.keys()) expect(scene(initial).edgeLook(edge), edge).toBe('normal');
  });

  it('hides exactly the edges of a switched-off type', () => {
    const state = toggleRelationType('issued-warrant')(initial);
    expect(scene(state).edgeLook(WARRANT)).toBe('hidden');
    expect(scene(state).isRelationOn(WARRANT)).toBe(false);
    const hidden = [...index.edges.keys()].filter((edge) => scene(state).edgeLook(edge) === 'hidden');
    expect(hidden).toEqual([WARRANT]);
  });

  it('keeps the hovered node’s edges and dims the rest', () => {
    const state = hoverNode('vladimir-putin')(initial);
    expect(scene(state).edgeLook(WARRANT)).toBe('normal');
    expect(scene(state).edgeLook(HOSTED_UNGA)).toBe('dimmed');
  });

  it('emphasises the highlighted relation, unless its type is off', () => {
    const state = toggleHighlightedRelation(WARRANT)(selectNode('vladimir-putin')(initial));
    expect(scene(state).edgeLook(WARRANT)).toBe('highlighted');
    expect(scene(toggleRelationType('issued-warrant')(state)).edgeLook(WARRANT)).toBe('hidden');
  });

  it('with an edge selected, shows it highlighted and dims the others', () => {
    const state = selectEdge(ALLIED)(initial);
    expect(scene(state).edgeLook(ALLIED)).toBe('highlighted');
    expect(scene(state).edgeLook(WARRANT)).toBe('dimmed');
  });

  it('treats an unknown edge as hidden', () => {
    expect(scene(initial).edgeLook('no-such-edge')).toBe('hidden');
  });
});

describe('node looks', () => {
  it('lights the hovered node’s neighbourhood rather than the selected one’s', () => {
    expect(scene(initial).emphasis).toBeNull();
    const selected = scene(selectNode('russia')(initial)).emphasis;
    expect(selected?.kind === 'reader' && selected.litNode).toBe('russia');
    const hovered = scene(hoverNode('ukraine')(selectNode('russia')(initial))).emphasis;
    expect(hovered?.kind === 'reader' && hovered.litNode).toBe('ukraine');
  });

  it('puts the selected node and its neighbours in focus and dims the rest', () => {
    const state = selectNode('vladimir-putin')(initial);
    expect(scene(state).nodeLook('vladimir-putin')).toBe('selected');
    expect(scene(state).nodeLook('international-criminal-court')).toBe('emphasised');
    expect(scene(state).nodeLook('russia')).toBe('emphasised');
    expect(scene(state).nodeLook('new-york-city')).toBe('dimmed');
  });

  it('does not count a neighbour joined only by a hidden relation type', () => {
    const state = toggleRelationType('issued-warrant')(selectNode('vladimir-putin')(initial));
    expect(scene(state).nodeLook('international-criminal-court')).toBe('dimmed');
  });

  it('marks both ends of a selected edge as selected', () => {
    const state = selectEdge(ALLIED)(initial);
    expect(scene(state).nodeLook('armenia')).toBe('selected');
    expect(scene(state).nodeLook('russia')).toBe('selected');
    expect(scene(state).nodeLook('ukraine')).toBe('dimmed');
  });

  it('mutes nodes whose relations are all filtered out, but only those', () => {
    const state = toggleRelationType('issued-warrant')(initial);
    expect(scene(state).nodeLook('international-criminal-court')).toBe('muted');
    expect(scene(state).nodeLook('vladimir-putin')).toBe('normal');
    const none = hideAllRelationTypes()(initial);
    for (const node of index.nodeEdges.keys()) expect(scene(none).nodeLook(node), node).toBe('muted');
  });

  it('keeps the ends of the highlighted relation in focus while hovering elsewhere', () => {
    const state = hoverNode('new-york-city')(toggleHighlightedRelation(WARRANT)(selectNode('vladimir-putin')(initial)));
    expect(scene(state).nodeLook('international-criminal-court')).toBe('emphasised');
    expect(scene(state).nodeLook('un-general-assembly')).toBe('emphasised');
    expect(scene(state).nodeLook('armenia')).toBe('dimmed');
  });
});

/** Two articles: r1 from d1, r2 from d2 (its claim attributed to e), r3 with no evidence; f is only mentioned in d1. */
function corpus(): Dataset {
  const span = (document: string) => ({ document, start: 0, end: 1 });
  const entity = (id: string, documents: string[]) => ({ id, label: id.toUpperCase(), type: 'country' as const, aliases: [], mentions: documents.map(span) });
  const relation = (id: string, source: string, target: string, documents: string[], attributedTo?: string) => ({
    id,
    type: 'met-with' as const,
    source,
    target,
    evidence: documents.map(span),
    hedged: false,
    negated: false,
    ...(attributedTo === undefined ? {} : { attributedTo }),
  });
  return {
    version: 1,
    documents: [
      { id: 'd1', title: 'One', text: 'A met B. F.' },
      { id: 'd2', title: 'Two', text: 'B met C.' },
    ],
    entities: [entity('a', ['d1']), entity('b', ['d1', 'd2']), entity('c', ['d2']), entity('e', []), entity('f', ['d1'])],
    relations: [relation('r1', 'a', 'b', ['d1']), relation('r2', 'b', 'c', ['d2'], 'e'), relation('r3', 'a', 'c', [])],
  } as Dataset;
}

describe('the article filter', () => {
  const dataset = corpus();
  const model = createExplorerModel(dataset);
  const start = initialExplorerState(model.index.relationTypes);
  const all = dataset.documents.map((d) => d.id);

  it('shows everything with every article, and no per-node set', () => {
    const shown = computeScene(model, start);
    expect(shown.visibleNodes).toBeNull();
    expect(shown.documents).toBeNull();
    expect(shown.filtered).toBe(false);
  });

  it('hides what no shown article supports, exactly as datasetForDocuments keeps it', () => {
    for (const hidden of all) {
      const state = toggleDocument(all, hidden)(start);
      const shown = computeScene(model, state);
      const part = datasetForDocuments(dataset, state.documents);
      expect(new Set(shown.visibleEdges)).toEqual(new Set(part.relations.map((r) => r.id)));
      expect(new Set(model.index.nodeKeys.filter((n) => shown.isNodeVisible(n)))).toEqual(new Set(part.entities.map((e) => e.id)));
      expect(shown.filtered).toBe(true);
      for (const node of model.index.nodeKeys) expect(shown.nodeLook(node) === 'hidden', node).toBe(!shown.isNodeVisible(node));
    }
    const one = computeScene(model, toggleDocument(all, 'd2')(start));
    expect(one.edgeLook('r2')).toBe('hidden');
    expect(one.edgeLook('r3')).toBe('normal'); // no evidence: kept
    expect(one.nodeLook('e')).toBe('hidden'); // only needed by r2
    expect(one.nodeLook('f')).toBe('normal'); // mentioned in d1, no relation
  });

  it('counts the legend’s relations in the shown articles only, and reports relations of hidden articles as off', () => {
    const one = computeScene(model, toggleDocument(all, 'd2')(start));
    expect(one.visibility.relationCounts.get('met-with')).toBe(2);
    expect(computeScene(model, start).visibility.relationCounts.get('met-with')).toBe(3);
    expect(one.isRelationOn('r2')).toBe(false);
    expect(one.isRelationOn('r1')).toBe(true);
  });

  it('mutes an entity whose shown relations are switched off, not one with none in the shown articles', () => {
    const off = computeScene(model, toggleRelationType('met-with')(toggleDocument(all, 'd1')(start)));
    expect(off.nodeLook('c')).toBe('muted'); // r2 (d2) and r3 are switched off
    const onlyD1 = computeScene(model, toggleDocument(all, 'd2')(start));
    expect(onlyD1.nodeLook('f')).toBe('normal');
  });
});

describe('every filter is a visibility rule', () => {
  it('relation types hide their edges, entity types their nodes and edges, hide-unconnected the lonely', () => {
    const byType = scene(toggleRelationType('issued-warrant')(initial));
    expect(byType.visibleEdges.has(WARRANT)).toBe(false);
    expect(byType.visibleNodes).toBeNull();
    const byEntity = scene(toggleEntityType('person')(initial));
    expect(byEntity.nodeLook('vladimir-putin')).toBe('hidden');
    expect(byEntity.edgeLook(WARRANT)).toBe('hidden');
    const lonely = scene(setHideUnconnected(true)(toggleRelationType('issued-warrant')(initial)));
    expect(lonely.nodeLook('international-criminal-court')).toBe('hidden');
  });

  it('the neighbourhood keeps its nodes and the edges among them', () => {
    const around = scene(setNeighbourhood('armenia', 1)(initial));
    expect(around.nodeLook('armenia')).toBe('normal');
    expect(around.nodeLook('ukraine')).toBe('hidden');
    expect(around.edgeLook(ALLIED)).toBe('normal');
    expect(around.edgeLook(WARRANT)).toBe('hidden');
  });
});

describe('plain scenes and their inputs', () => {
  it('is plain with nothing lit or narrowed (relation types and articles do not count), not otherwise', () => {
    expect(scene(initial).plain).toBe(true);
    expect(scene(hideAllRelationTypes()(initial)).plain).toBe(true);
    expect(scene(setSearch('   ', seed.entities)(initial)).plain).toBe(true);
    expect(scene(requestCamera('russia')(initial)).plain).toBe(true);
    for (const state of [
      selectNode('russia')(initial),
      hoverNode('russia')(initial),
      toggleHighlightedRelation(WARRANT)(initial),
      setSearch('Putin', seed.entities)(initial),
      toggleEntityType('place')(initial),
      setHideUnconnected(true)(initial),
      setNeighbourhood('armenia', 2)(initial),
    ]) {
      expect(scene(state).plain).toBe(false);
    }
  });

  it('reads exactly the state fields given a role (STATE_ROLES), so a new field cannot be forgotten', () => {
    const roles = (role: string) => [
      ...Object.entries(STATE_ROLES).filter(([key, value]) => key !== 'tools' && value === role).map(([key]) => key),
      ...Object.entries(STATE_ROLES.tools).filter(([, value]) => value === role).map(([key]) => key),
    ];
    expect(Object.keys(visibilityInputs(initial)).sort()).toEqual(roles('visibility').sort());
    expect(Object.keys(emphasisInputs(initial)).sort()).toEqual(roles('emphasis').sort());
    expect(Object.keys(STATE_ROLES).sort()).toEqual(Object.keys(initial).sort());
    expect(Object.keys(STATE_ROLES.tools).sort()).toEqual(Object.keys(initial.tools).sort());
  });

  it('reuses the previous visibility for a change of emphasis, and nothing for a change of model', () => {
    const first = scene(initial);
    const selected = computeScene(seedModel, selectNode('russia')(initial), first);
    expect(selected.visibility).toBe(first.visibility);
    const again = computeScene(seedModel, initial, first);
    expect(again.emphasis).toBe(first.emphasis);
    const otherModel: SceneModel = explorerModelOf(seed, graph, buildGraphIndex(graph));
    expect(computeScene(otherModel, initial, first).visibility).not.toBe(first.visibility);
  });
});

describe('no module-level cache', () => {
  it('two models interleaved give independent answers', () => {
    const dataset = corpus();
    const other = createExplorerModel(dataset);
    const otherStart = initialExplorerState(other.index.relationTypes);
    const seedSelected = selectNode('vladimir-putin')(initial);
    const otherSelected = selectNode('b')(otherStart);
    // Same tools object in both states: a cache keyed on it would mix the models up.
    const shared = { ...otherSelected, tools: seedSelected.tools };
    const a1 = computeScene(seedModel, seedSelected);
    const b1 = computeScene(other, shared);
    const a2 = computeScene(seedModel, seedSelected);
    const b2 = computeScene(other, shared);
    expect(a1.nodeLook('international-criminal-court')).toBe('emphasised');
    expect(a2.nodeLook('international-criminal-court')).toBe('emphasised');
    expect(b1.nodeLook('a')).toBe('emphasised');
    expect(b2.nodeLook('a')).toBe('emphasised');
    expect(b1.nodeLook('f')).toBe('dimmed');
    expect(a1.visibleEdges.size).toBe(seed.relations.length);
    expect(b2.visibleEdges.size).toBe(dataset.relations.length);
    expect(b1.visibleEdges.has(WARRANT)).toBe(false);
  });
});
