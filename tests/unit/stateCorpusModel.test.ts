import { describe, expect, it } from 'vitest';
import type { NewsGraph } from '../../src/graph/attributes.ts';
import { DEFAULT_LAYOUT_OPTIONS } from '../../src/graph/layout.ts';
import { DEFAULT_LABEL_BOX_OPTIONS, labelBoxExtent } from '../../src/graph/separateLabels.ts';
import { syntheticDataset } from '../../src/model/syntheticDataset.ts';
import { unionDatasets } from '../../src/state/corpusMerge.ts';
import { firstCorpusModel, grownCorpusModel } from '../../src/state/corpusModel.ts';
import { cut, smallCorpus } from './stateCorpusFixture.ts';

const corpus = smallCorpus();
const positions = (graph: NewsGraph) => new Map(graph.mapNodes((node, { x, y }) => [node, { x, y }] as const));
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

const UNITS_PER_PIXEL = DEFAULT_LAYOUT_OPTIONS.extent / DEFAULT_LAYOUT_OPTIONS.minViewportSize;
function boxesOverlap(graph: NewsGraph, a: string, b: string): boolean {
  const options = { ...DEFAULT_LABEL_BOX_OPTIONS, unitsPerPixel: UNITS_PER_PIXEL };
  const pa = graph.getNodeAttributes(a);
  const pb = graph.getNodeAttributes(b);
  const ea = labelBoxExtent(pa, options);
  const eb = labelBoxExtent(pb, options);
  return pa.x - ea.left < pb.x + eb.right && pb.x - eb.left < pa.x + ea.right && pa.y - ea.half < pb.y + eb.half && pb.y - eb.half < pa.y + ea.half;
}

describe('corpus mode: the model as the loaded part grows', () => {
  it('keeps every drawn entity where it was and puts the new ones near the expanded one, clear of the others', () => {
    const overview = firstCorpusModel(cut(corpus, ['r1', 'r2']));
    const before = positions(overview.graph);
    const { dataset } = unionDatasets(overview.dataset, cut(corpus, ['r2', 'r3', 'r4']));
    const grown = grownCorpusModel(overview, dataset, 'borduria');
    expect(grown.graph).not.toBe(overview.graph);
    for (const [node, point] of before) expect(grown.graph.getNodeAttributes(node)).toMatchObject(point);
    expect(grown.graph.order).toBe(5);
    const span = Math.max(...[...before.values()].flatMap((a) => [...before.values()].map((b) => distance(a, b))));
    // Syldavia is related only to Borduria (the expanded one): it lands beside it, not across the drawing.
    const syldavia = grown.graph.getNodeAttributes('syldavia');
    expect(distance(syldavia, before.get('borduria')!)).toBeLessThan(span);
    expect(distance(syldavia, before.get('borduria')!)).toBeLessThan(distance(syldavia, before.get('ruritania')!));
    for (const node of ['syldavia', 'ottokar']) {
      const { x, y } = grown.graph.getNodeAttributes(node);
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      for (const other of grown.graph.nodes()) if (other !== node) expect(boxesOverlap(grown.graph, node, other), `${node} overlaps ${other}`).toBe(false);
    }
    // The graph index and the panel index describe the grown dataset.
    expect([...grown.index.nodeKeys].sort()).toEqual(['borduria', 'osterlich', 'ottokar', 'ruritania', 'syldavia']);
    expect(grown.data.relations.has('r4')).toBe(true);
  });

  it('places the same way every time', () => {
    const overview = firstCorpusModel(cut(corpus, ['r1']));
    const { dataset } = unionDatasets(overview.dataset, cut(corpus, ['r2', 'r3', 'r4', 'r5']));
    const once = positions(grownCorpusModel(overview, dataset, 'osterlich').graph);
    const again = positions(grownCorpusModel(overview, dataset, 'osterlich').graph);
    expect(again).toEqual(once);
  });

  it('starts entities related to nothing drawn just outside the drawing', () => {
    const overview = firstCorpusModel(cut(corpus, ['r1', 'r4']));
    const before = [...positions(overview.graph).values()];
    const { dataset } = unionDatasets(overview.dataset, cut(corpus, ['r5']));
    const grown = grownCorpusModel(overview, dataset);
    const xs = before.map((p) => p.x);
    const ys = before.map((p) => p.y);
    for (const node of ['syldavia', 'carpania']) {
      const { x, y } = grown.graph.getNodeAttributes(node);
      const inside = x > Math.min(...xs) && x < Math.max(...xs) && y > Math.min(...ys) && y < Math.max(...ys);
      expect(inside, `${node} at ${x},${y}`).toBe(false);
    }
    expect(boxesOverlap(grown.graph, 'syldavia', 'carpania')).toBe(false);
  });

  it('when only sentences arrive, keeps the same graph (no redraw) and updates its counts', () => {
    const overview = firstCorpusModel(cut(corpus, ['r1', 'r2'], 1));
    const graph = overview.graph;
    const { dataset } = unionDatasets(overview.dataset, cut(corpus, ['r1'], 200));
    const grown = grownCorpusModel(overview, dataset);
    expect(grown.graph).toBe(graph);
    expect(grown.index).toBe(overview.index);
    expect(grown.dataset).toBe(dataset);
    expect(grown.graph.getEdgeAttribute('r1', 'evidenceCount')).toBe(5);
    expect(grown.graph.getNodeAttribute('ruritania', 'mentionCount')).toBe(dataset.entities.find((e) => e.id === 'ruritania')!.mentions.length);
    expect(grown.data.relations.get('r1')!.evidence).toHaveLength(5);
  });

  it('places hundreds of new entities around a hub without overlapping the drawing', () => {
    // A synthetic corpus: the first 40 entities drawn, then everything related to entity e0 and its neighbours.
    const whole = syntheticDataset({ name: 'test', entities: 400, relations: 900 });
    const firstIds = new Set(whole.entities.slice(0, 40).map((e) => e.id));
    const firstRelations = whole.relations.filter((r) => firstIds.has(r.source) && firstIds.has(r.target));
    const used = new Set(firstRelations.flatMap((r) => [r.source, r.target]));
    const part = (relations: typeof whole.relations, ids: Set<string>) => ({
      ...whole,
      entities: whole.entities.filter((e) => ids.has(e.id)).map((e) => ({ ...e, mentions: [] })),
      relations: relations.map((r) => ({ ...r, evidence: [] })),
      documents: [],
    });
    const overview = firstCorpusModel(part(firstRelations, used));
    const more = whole.relations.filter((r) => used.has(r.source) || used.has(r.target));
    const moreIds = new Set([...used, ...more.flatMap((r) => [r.source, r.target])]);
    const { dataset } = unionDatasets(overview.dataset, part(more, moreIds));
    const before = positions(overview.graph);
    const grown = grownCorpusModel(overview, dataset, firstRelations[0]!.source);
    expect(grown.graph.order).toBeGreaterThan(overview.graph.order + 100);
    for (const [node, point] of before) expect(grown.graph.getNodeAttributes(node)).toMatchObject(point);
    const fresh = grown.graph.nodes().filter((node) => !before.has(node));
    let overlaps = 0;
    for (const node of fresh) for (const other of grown.graph.nodes()) if (other !== node && boxesOverlap(grown.graph, node, other)) overlaps += 1;
    expect(overlaps).toBe(0);
  });
});
