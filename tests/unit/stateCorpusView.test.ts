import { describe, expect, it } from 'vitest';
import { setNeighbourhood, setPathEnd } from '../../src/state/analystTools.ts';
import { carryOver, highlightRelation, inTurn, linkedSelection, loadedViewOf, showAllDocuments, showOnlyDocument, type LoadedView } from '../../src/state/corpusView.ts';
import { unionDatasets } from '../../src/state/corpusMerge.ts';
import { firstCorpusModel, grownCorpusModel } from '../../src/state/corpusModel.ts';
import { initialExplorerState, requestCamera, selectEdge, selectNode, toggleHighlightedRelation, toggleRelationType } from '../../src/state/explorerState.ts';
import { cut, smallCorpus } from './stateCorpusFixture.ts';

const corpus = smallCorpus();

describe('corpus mode: the reader’s view across a load', () => {
  const overview = firstCorpusModel(cut(corpus, ['r1', 'r2']));
  const grown = grownCorpusModel(overview, unionDatasets(overview.dataset, cut(corpus, ['r3', 'r4'])).dataset, 'borduria');
  const before = loadedViewOf(overview);
  const after = loadedViewOf(grown);

  it('describes a model by its ids and types', () => {
    expect([...before.relationTypes]).toEqual(overview.index.relationTypes);
    expect(before.entityIds).toEqual(new Set(['ruritania', 'osterlich', 'borduria']));
    expect(after.relationIds).toEqual(new Set(['r1', 'r2', 'r3', 'r4']));
    expect(after.documentIds.size).toBeGreaterThan(0);
  });

  it('keeps the selection, the highlight, the neighbourhood and the path; shows the new relation types', () => {
    let state = initialExplorerState(overview.index.relationTypes);
    state = inTurn(selectNode('osterlich'), toggleHighlightedRelation('r2'), setNeighbourhood('osterlich', 2), setPathEnd('from', 'ruritania'), requestCamera('osterlich'))(state);
    const carried = carryOver(before, after)(state);
    expect(carried.selection).toEqual({ kind: 'node', id: 'osterlich' });
    expect(carried.highlightedRelation).toBe('r2');
    expect(carried.tools.neighbourhood).toEqual({ node: 'osterlich', depth: 2 });
    expect(carried.tools.path).toEqual({ from: 'ruritania', to: null });
    expect(new Set(carried.enabledTypes)).toEqual(new Set(grown.index.relationTypes));
    // The drawing is rebuilt: an old camera request must not glide again.
    expect(carried.camera).toBeNull();
  });

  it('leaves off a relation type the reader switched off, and shows the types the load brought', () => {
    const state = toggleRelationType('accused')(initialExplorerState(overview.index.relationTypes));
    const carried = carryOver(before, after)(state);
    expect(carried.enabledTypes.has('accused')).toBe(false);
    expect(carried.enabledTypes.has('allied-with')).toBe(true);
    expect(carried.enabledTypes.has('sanctioned')).toBe(true);
    expect(carried.enabledTypes.has('met-with')).toBe(true);
  });

  it('never carries an id that is no longer loaded', () => {
    const gone: LoadedView = { relationTypes: ['accused'], entityIds: new Set(['ruritania']), relationIds: new Set(), documentIds: new Set(['d1']) };
    let state = initialExplorerState(overview.index.relationTypes);
    state = inTurn(selectEdge('r2'), setNeighbourhood('osterlich', 1), setPathEnd('to', 'borduria'), showOnlyDocument('d2'))(state);
    const carried = carryOver(before, gone)(state);
    expect(carried.selection).toEqual({ kind: 'none' });
    expect(carried.highlightedRelation).toBeNull();
    expect(carried.tools.neighbourhood).toBeNull();
    expect(carried.tools.path).toEqual({ from: null, to: null });
    expect(carried.documents).toBeNull();
    expect([...carried.enabledTypes]).toEqual(['accused']);
  });

  it('shows one article alone, then every article again', () => {
    const state = initialExplorerState(overview.index.relationTypes);
    const only = showOnlyDocument('d3')(state);
    expect(only.documents).toEqual(new Set(['d3']));
    expect(carryOver(before, after)(only).documents).toEqual(new Set(['d3']));
    expect(showAllDocuments()(only).documents).toBeNull();
    expect(showAllDocuments()(state)).toBe(state);
  });

  it('highlights a relation without toggling it off', () => {
    const state = highlightRelation('r1')(initialExplorerState([]));
    expect(state.highlightedRelation).toBe('r1');
    expect(highlightRelation('r1')(state)).toBe(state);
  });

  it('reads the selection a shared link names, whether or not it is loaded', () => {
    expect(linkedSelection('#sel=node:e42&rel=accused')).toEqual({ kind: 'node', id: 'e42' });
    expect(linkedSelection('#sel=edge:r%3A1')).toEqual({ kind: 'edge', id: 'r:1' });
    expect(linkedSelection('#sel=node:')).toBeNull();
    expect(linkedSelection('#sel=thing:x')).toBeNull();
    expect(linkedSelection('#from=a')).toBeNull();
    expect(linkedSelection('')).toBeNull();
  });
});
