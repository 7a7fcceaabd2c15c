import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, NodeAttributes, NewsGraph } from '../../src/graph/attributes.ts';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { findPaths } from '../../src/graph/paths.ts';
import { parseDatasetJson } from '../../src/model/index.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const graph = buildGraph(seed);
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';
const ARMENIA_THREAT = 'r26-armenia-threatened-arrest-vladimir-putin';

describe('findPaths on the seed article', () => {
  it('links Armenia to the International Criminal Court through Putin, ignoring edge direction', () => {
    const result = findPaths(graph, 'armenia', 'international-criminal-court');
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.length).toBe(2);
    expect(result.paths).toEqual([
      [
        { from: 'armenia', to: 'vladimir-putin', edges: [ARMENIA_THREAT] },
        { from: 'vladimir-putin', to: 'international-criminal-court', edges: [WARRANT] },
      ],
    ]);
    expect([...result.nodes].sort()).toEqual(['armenia', 'international-criminal-court', 'vladimir-putin']);
  });

  it('lists every shortest path and every parallel relation of a hop', () => {
    // Putin and Ukraine are joined by two relations (attacked, abducted-from); Russia also reaches Ukraine.
    const result = findPaths(graph, 'vladimir-putin', 'ukraine');
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.length).toBe(1);
    expect(result.paths).toHaveLength(1);
    expect(result.paths[0]?.[0]?.edges.sort()).toEqual(['r13-vladimir-putin-attacked-ukraine', 'r21-vladimir-putin-abducted-from-ukraine']);
  });

  it('respects the relation filter: without the warrant there is a longer way round, or none', () => {
    const result = findPaths(graph, 'armenia', 'international-criminal-court', { edgeAllowed: (edge) => edge !== WARRANT });
    expect(result).toEqual({ kind: 'none', reason: 'no-connection' });
    const viaRussia = findPaths(graph, 'armenia', 'vladimir-putin', { edgeAllowed: (edge) => edge !== ARMENIA_THREAT });
    expect(viaRussia.kind).toBe('found');
    if (viaRussia.kind === 'found') expect(viaRussia.paths[0]?.map((hop) => hop.to)).toEqual(['russia', 'vladimir-putin']);
  });

  it('respects the entity filter: a hidden entity is neither passed through nor an end', () => {
    expect(findPaths(graph, 'armenia', 'international-criminal-court', { nodeAllowed: (n) => n !== 'vladimir-putin' })).toEqual({
      kind: 'none',
      reason: 'no-connection',
    });
    expect(findPaths(graph, 'armenia', 'ukraine', { nodeAllowed: (n) => n !== 'armenia' })).toEqual({ kind: 'none', reason: 'end-hidden' });
  });

  it('answers same and unknown ends without throwing', () => {
    expect(findPaths(graph, 'russia', 'russia')).toEqual({ kind: 'same' });
    expect(findPaths(graph, 'russia', 'atlantis')).toEqual({ kind: 'none', reason: 'end-hidden' });
  });

  it('never changes the graph', () => {
    const before = JSON.stringify(graph.export());
    findPaths(graph, 'armenia', 'international-criminal-court', { edgeAllowed: () => true });
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

/** A random multigraph with the explorer's attribute shape (only the structure matters here). */
function randomGraph(edges: Array<[number, number]>, order: number): NewsGraph {
  const g: NewsGraph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: 'mixed', allowSelfLoops: true });
  for (let i = 0; i < order; i += 1) {
    g.addNode(`n${i}`, { label: `n${i}`, entityType: 'country', aliases: [], mentionCount: 1, degree: 0, x: 0, y: 0, size: 1, color: '#000' });
  }
  edges.forEach(([a, b], i) => {
    g.addDirectedEdgeWithKey(`e${i}`, `n${a}`, `n${b}`, {
      relationId: `e${i}`,
      relationType: 'met-with',
      label: '',
      hedged: false,
      negated: false,
      evidenceCount: 1,
      color: '#000',
      size: 1,
      type: 'arrow',
      curvature: 0,
    });
  });
  return g;
}

describe('findPaths on random graphs', () => {
  it('every returned path is a chain of real relations of the shortest length, from one end to the other', () => {
    const order = 8;
    const arb = fc.record({
      edges: fc.array(fc.tuple(fc.nat(order - 1), fc.nat(order - 1)), { maxLength: 20 }),
      from: fc.nat(order - 1),
      to: fc.nat(order - 1),
    });
    fc.assert(
      fc.property(arb, ({ edges, from, to }) => {
        const g = randomGraph(edges, order);
        const result = findPaths(g, `n${from}`, `n${to}`);
        if (from === to) {
          expect(result.kind).toBe('same');
          return;
        }
        if (result.kind !== 'found') {
          expect(result).toEqual({ kind: 'none', reason: 'no-connection' });
          return;
        }
        for (const path of result.paths) {
          expect(path).toHaveLength(result.length);
          expect(path[0]?.from).toBe(`n${from}`);
          expect(path.at(-1)?.to).toBe(`n${to}`);
          path.forEach((hop, i) => {
            if (i > 0) expect(hop.from).toBe(path[i - 1]?.to);
            expect(hop.edges.length).toBeGreaterThan(0);
            for (const edge of hop.edges) expect([g.source(edge), g.target(edge)].sort()).toEqual([hop.from, hop.to].sort());
          });
        }
      }),
    );
  });
});
