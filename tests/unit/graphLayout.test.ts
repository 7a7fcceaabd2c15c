import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import type { NewsGraph } from '../../src/graph/attributes.ts';
import { BIG_GRAPH_MIN_NODES } from '../../src/graph/graphSize.ts';
import { applyLayout, DEFAULT_LAYOUT_OPTIONS, layoutSpan, seededRandom, shouldUseWorker } from '../../src/graph/layout.ts';
import { DEFAULT_LABEL_BOX_OPTIONS, labelBoxExtent, separateLabels } from '../../src/graph/separateLabels.ts';
import { parseDatasetJson } from '../../src/model/index.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));

function positions(graph: NewsGraph): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  graph.forEachNode((node, { x, y }) => (out[node] = [x, y]));
  return out;
}

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(990);
  });

  it('differs between seeds', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});

describe('applyLayout', () => {
  it('gives the same dataset the same positions every time', () => {
    const first = positions(applyLayout(buildGraph(seed)));
    const second = positions(applyLayout(buildGraph(seed)));
    expect(second).toEqual(first);
  });

  it('gives a different (still finite) picture for a different seed', () => {
    const a = positions(applyLayout(buildGraph(seed), { seed: 1 }));
    const b = positions(applyLayout(buildGraph(seed), { seed: 2 }));
    expect(b).not.toEqual(a);
    for (const [x, y] of Object.values(b)) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('fits the layout to the requested extent', () => {
    const graph = applyLayout(buildGraph(seed));
    expect(layoutSpan(graph)).toBeCloseTo(DEFAULT_LAYOUT_OPTIONS.extent, -1);
  });

  // Shown in the smallest viewport the layout is designed for, nothing may touch.
  const unitsPerPixel = DEFAULT_LAYOUT_OPTIONS.extent / DEFAULT_LAYOUT_OPTIONS.minViewportSize;

  it('keeps every node disc apart', () => {
    const graph = applyLayout(buildGraph(seed));
    const nodes = graph.nodes();
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = graph.getNodeAttributes(nodes[i]!);
        const b = graph.getNodeAttributes(nodes[j]!);
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${nodes[i]} / ${nodes[j]}`).toBeGreaterThan((a.size + b.size) * unitsPerPixel);
      }
    }
  });

  it('leaves no two node-plus-label boxes overlapping on the seed graph', () => {
    const graph = applyLayout(buildGraph(seed));
    const options = { ...DEFAULT_LABEL_BOX_OPTIONS, unitsPerPixel };
    const boxes = graph.mapNodes((node, a) => {
      const box = labelBoxExtent(a, options);
      return { node, left: a.x - box.left, right: a.x + box.right, top: a.y - box.half, bottom: a.y + box.half };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlaps = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlaps, `${a.node} / ${b.node}`).toBe(false);
      }
    }
  });

  it('keeps the synchronous path for small graphs', () => {
    expect(shouldUseWorker(buildGraph(seed))).toBe(false);
    expect(BIG_GRAPH_MIN_NODES).toBeGreaterThan(seed.entities.length);
  });
});

describe('separateLabels', () => {
  it('pushes apart two nodes stacked on the same spot, and reports no work when nothing overlaps', () => {
    const graph = buildGraph({
      version: 1,
      documents: [{ id: 'd', title: 't', text: 'A met B.' }],
      entities: [
        { id: 'a', label: 'A', type: 'person', aliases: [], mentions: [] },
        { id: 'b', label: 'B', type: 'person', aliases: [], mentions: [] },
      ],
      relations: [],
    });
    graph.mergeNodeAttributes('a', { x: 0, y: 0 });
    graph.mergeNodeAttributes('b', { x: 0, y: 0 });
    expect(separateLabels(graph)).toBeGreaterThan(0);
    const a = graph.getNodeAttributes('a');
    const b = graph.getNodeAttributes('b');
    const box = labelBoxExtent(a, DEFAULT_LABEL_BOX_OPTIONS);
    // Apart along one axis or the other: no overlap of the two node-plus-label boxes.
    expect(Math.abs(a.y - b.y) >= 2 * box.half || Math.abs(a.x - b.x) >= box.left + box.right).toBe(true);
    expect(separateLabels(graph)).toBe(0);
  });
});

describe('a graph of many named nodes', () => {
  it('is laid out about as wide as tall, not as a strip (Les Misérables, 77 characters)', async () => {
    const { readAnyWithWarnings } = await import('../../src/graph/formats/index.ts');
    const text = readFileSync(new URL('../fixtures/real/les-miserables.gexf', import.meta.url), 'utf8');
    const graph = applyLayout(buildGraph((await readAnyWithWarnings('les-miserables.gexf', text)).dataset));
    const xs = graph.mapNodes((_node, a) => a.x);
    const ys = graph.mapNodes((_node, a) => a.y);
    const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.5);
  });
});
