import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildGraphIndex } from '../../src/graph/graphIndex.ts';
import { BUILT_IN_ENTITY_TYPE_IDS, parseDatasetJson } from '../../src/model/index.ts';
import { setNeighbourhood, setHideUnconnected, setPathEnd, setUnreviewedOnly, toggleEntityType } from '../../src/state/analystTools.ts';
import { initialExplorerState, selectEdge, selectNode, toggleDocument, toggleRelationType, type ExplorerState } from '../../src/state/explorerState.ts';
import { decodeView, encodeView, restoreView, type ViewContext } from '../../src/state/shareableView.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const view = buildGraphIndex(buildGraph(seed));
const context: ViewContext = {
  entityIds: new Set(seed.entities.map((e) => e.id)),
  relationIds: new Set(seed.relations.map((r) => r.id)),
  relationTypes: view.relationTypes,
  entityTypes: view.entityTypes,
  documentIds: ['seed', 'second, with a comma', 'third'],
};
const initial = initialExplorerState(view.relationTypes);

/** The shareable part of a state, as plain data for comparison. */
function shared(state: ExplorerState) {
  return {
    selection: state.selection,
    enabledTypes: [...state.enabledTypes].sort(),
    hidden: [...state.tools.hiddenEntityTypes].sort(),
    hideUnconnected: state.tools.hideUnconnected,
    unreviewedOnly: state.tools.unreviewedOnly,
    focus: state.tools.neighbourhood,
    path: state.tools.path,
    documents: state.documents === null ? null : [...state.documents].sort(),
  };
}

const roundTrip = (state: ExplorerState) => restoreView(decodeView(`#${encodeView(state, context)}`, context))(initial);

describe('shareable view', () => {
  it('writes nothing for the opening view', () => {
    expect(encodeView(initial, context)).toBe('');
    expect(shared(roundTrip(initial))).toEqual(shared(initial));
  });

  it('round-trips selection, filters, focus and path', () => {
    const state = [
      selectNode('russia'),
      toggleRelationType('attended'),
      toggleEntityType('place'),
      setHideUnconnected(true),
      setNeighbourhood('vladimir-putin', 2),
      setPathEnd('from', 'armenia'),
      setPathEnd('to', 'international-criminal-court'),
    ].reduce((s, t) => t(s), initial);
    const hash = encodeView(state, context);
    expect(hash).toContain('sel=node%3Arussia');
    expect(hash).toContain('from=armenia');
    expect(shared(roundTrip(state))).toEqual(shared(state));
  });

  it('restores a selected edge as highlighted, and an empty relation filter as none', () => {
    let state = selectEdge('r27-armenia-allied-with-russia')(initial);
    for (const type of view.relationTypes) state = toggleRelationType(type)(state);
    const restored = roundTrip(state);
    expect(restored.highlightedRelation).toBe('r27-armenia-allied-with-russia');
    expect(restored.enabledTypes.size).toBe(0);
  });

  it('round-trips the article filter (one doc= per shown article), and all or none shown as no filter', () => {
    const all = context.documentIds;
    const state = toggleDocument(all, 'third')(initial);
    const hash = encodeView(state, context);
    expect(new URLSearchParams(hash).getAll('doc')).toEqual(['seed', 'second, with a comma']);
    expect(shared(roundTrip(state))).toEqual(shared(state));
    const one = toggleDocument(all, 'seed')(state);
    expect([...(roundTrip(one).documents ?? [])]).toEqual(['second, with a comma']);
    expect(encodeView(toggleDocument(all, 'third')(state), context)).toBe('');
    expect(decodeView('#doc=atlantis', context).documents).toBeNull();
    expect(decodeView('#doc=seed&doc=second%2C%20with%20a%20comma&doc=third', context).documents).toBeNull();
  });

  it('ignores unknown ids, types and keys without throwing', () => {
    const decoded = decodeView('#sel=node:atlantis&rel=attended,teleported&hide=place,ghost&focus=nobody~2&from=russia&to=&x=1', context);
    expect(decoded.selection).toEqual({ kind: 'none' });
    expect([...decoded.enabledTypes]).toEqual(['attended']);
    expect([...decoded.tools.hiddenEntityTypes]).toEqual(['place']);
    expect(decoded.tools.neighbourhood).toBeNull();
    expect(decoded.tools.path).toEqual({ from: 'russia', to: null });
  });

  it('reads the view of a link that also carries data (#data=…), and never writes the data itself', () => {
    const state = selectNode('russia')(initial);
    const withData = `#data=${'A'.repeat(400)}_-&${encodeView(state, context)}`;
    expect(shared(restoreView(decodeView(withData, context))(initial))).toEqual(shared(state));
    expect(encodeView(restoreView(decodeView(withData, context))(initial), context)).not.toContain('data=');
  });

  it('never throws on arbitrary hashes, and only yields known ids', () => {
    fc.assert(
      fc.property(fc.string(), (garbage) => {
        const decoded = decodeView(garbage, context);
        if (decoded.selection.kind === 'node') expect(context.entityIds.has(decoded.selection.id)).toBe(true);
        if (decoded.selection.kind === 'edge') expect(context.relationIds.has(decoded.selection.id)).toBe(true);
        for (const type of decoded.enabledTypes) expect(view.relationTypes).toContain(type);
        for (const type of decoded.tools.hiddenEntityTypes) expect(BUILT_IN_ENTITY_TYPE_IDS).toContain(type);
      }),
    );
  });

  it('round-trips any combination of filters and ends (property)', () => {
    const ids = seed.entities.map((e) => e.id);
    fc.assert(
      fc.property(
        fc.subarray([...view.relationTypes]),
        fc.subarray([...BUILT_IN_ENTITY_TYPE_IDS]),
        fc.option(fc.constantFrom(...ids), { nil: null }),
        fc.option(fc.constantFrom(...ids), { nil: null }),
        fc.boolean(),
        fc.boolean(),
        (off, hidden, from, to, lonely, unreviewed) => {
          let state = initial;
          for (const type of off) state = toggleRelationType(type)(state);
          for (const type of hidden) state = toggleEntityType(type)(state);
          state = setPathEnd('from', from)(setPathEnd('to', to)(setHideUnconnected(lonely)(setUnreviewedOnly(unreviewed)(state))));
          expect(shared(roundTrip(state))).toEqual(shared(state));
        },
      ),
    );
  });
});
