import { explorerModelOf } from '../../src/state/explorerModel.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { buildGraphIndex } from '../../src/graph/graphIndex.ts';
import { normalizeForSearch, searchEntities } from '../../src/state/entitySearch.ts';
import { hoverNode, initialExplorerState, setSearch, type ExplorerState } from '../../src/state/explorerState.ts';
import { computeScene } from '../../src/state/scene.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));

describe('searchEntities', () => {
  it('ignores case, accents and surrounding space', () => {
    expect(normalizeForSearch('  Ahmed Abû al-Gheit ')).toBe('ahmed abu al-gheit');
  });

  it('finds by label or alias and says which alias matched', () => {
    const putin = searchEntities(seed.entities, 'PUT');
    expect(putin.map((h) => h.entity.id)).toEqual(['vladimir-putin']);
    // "Putin" (an alias) starts with the query; "Vladimir Putin" only has a word that does.
    expect(putin[0]!.via).toBe('Putin');
    expect(searchEntities(seed.entities, 'vlad')[0]).toMatchObject({ entity: { id: 'vladimir-putin' }, via: null });
    expect(searchEntities(seed.entities, 'kremlin')[0]).toMatchObject({ entity: { id: 'russia' }, via: 'Kremlin' });
  });

  it('ranks a name that starts with the query above one that contains it', () => {
    const hits = searchEntities(seed.entities, 'af').map((h) => h.entity.id);
    expect(hits[0]).toBe('africa');
    expect(hits).toContain('south-africa');
    expect(hits.indexOf('africa')).toBeLessThan(hits.indexOf('south-africa'));
  });

  it('returns nothing for a blank or unmatched query and respects the limit', () => {
    expect(searchEntities(seed.entities, '   ')).toEqual([]);
    expect(searchEntities(seed.entities, 'zzz')).toEqual([]);
    expect(searchEntities(seed.entities, 'a', 3)).toHaveLength(3);
  });
});

describe('setSearch transition and search focus', () => {
  const graph = buildGraph(seed);
  const index = buildGraphIndex(graph);
  const initial = initialExplorerState(index.relationTypes);
  const scene = (state: ExplorerState) => computeScene(explorerModelOf(seed, graph, index), state);

  it('stores the query with its matches, and returns the same state for the same query', () => {
    const state = setSearch('put', seed.entities)(initial);
    expect(state.search).toEqual({ query: 'put', matches: ['vladimir-putin'] });
    expect(setSearch('put', seed.entities)(state)).toBe(state);
    expect(setSearch('', seed.entities)(state).search).toEqual({ query: '', matches: [] });
  });

  it('draws the matches in focus and dims everything else until the box is cleared', () => {
    const state = setSearch('put', seed.entities)(initial);
    expect(scene(state).nodeLook('vladimir-putin')).toBe('emphasised');
    expect(scene(state).nodeLook('russia')).toBe('dimmed');
    expect(scene(state).edgeLook('r27-armenia-allied-with-russia')).toBe('dimmed');
    // Hovering still wins over the search.
    expect(scene(hoverNode('russia')(state)).nodeLook('russia')).toBe('emphasised');
    const cleared = setSearch('', seed.entities)(state);
    expect(scene(cleared).nodeLook('russia')).toBe('normal');
  });
});
