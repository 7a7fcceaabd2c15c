/**
 * Bare sigma baseline page (`bench/pages/bare-sigma.html?bench=SIZE`)
 * ===================================================================
 *
 * What any sigma app pays for the same graph: generate the same synthetic
 * dataset, put it in a graphology graph at seeded random positions, draw it
 * with sigma's default programs. Its filter and selection use the simplest
 * reducers that do the same job, so `bench/browser.ts` can compare the
 * explorer's timings against them. `data-ready` on #graph marks the first
 * frame, as in the explorer.
 */

import Graph from 'graphology';
import random from 'graphology-layout/random';
import Sigma from 'sigma';
import { benchDataset, seededRandom } from '../../src/model/syntheticDataset.ts';

interface BareHandle {
  renders(): number;
  relationTypes(): string[];
  /** Hides edges of `type` and refreshes (the explorer's legend toggle, bare). */
  toggleType(type: string): void;
  nodePosition(id: string): { x: number; y: number } | null;
  selected(): string | null;
}

declare global {
  interface Window {
    __bare?: BareHandle;
  }
}

const container = document.getElementById('graph');
if (!container) throw new Error('bare-sigma.html: no #graph element. Fix: restore <div id="graph"></div>.');
const dataset = benchDataset(new URLSearchParams(window.location.search).get('bench') ?? 'small');

const graph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
for (const entity of dataset.entities) graph.addNode(entity.id, { label: entity.label, size: 6, color: '#4b6cb7', x: 0, y: 0 });
for (const relation of dataset.relations) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, { relationType: relation.type, color: '#b8bfcc' });
random.assign(graph, { rng: seededRandom(42), scale: 1000, center: 0 });

const hiddenTypes = new Set<string>();
let selected: string | null = null;
let neighbours = new Set<string>();

// The explorer culls labels above 500 nodes (src/ui/sigmaScale.ts); so does the baseline.
const culled = graph.order > 500 ? { labelDensity: 0.5, labelGridCellSize: 120, labelRenderedSizeThreshold: 10, hideEdgesOnMove: true } : {};
const sigma = new Sigma(graph, container, {
  ...culled,
  nodeReducer: (node, data) => (selected === null || node === selected || neighbours.has(node) ? data : { ...data, color: '#e5e7eb', label: null }),
  edgeReducer: (_edge, data) => (hiddenTypes.has(data.relationType as string) ? { ...data, hidden: true } : data),
});

// sigma's constructor draws the first frame synchronously, before any listener exists.
let renders = 1;
container.dataset.ready = 'true';
sigma.on('afterRender', () => {
  renders += 1;
});
sigma.on('clickNode', ({ node }) => {
  selected = node;
  neighbours = new Set(graph.neighbors(node));
  sigma.refresh({ skipIndexation: true });
});

window.__bare = {
  renders: () => renders,
  relationTypes: () => [...new Set(dataset.relations.map((r) => r.type))],
  toggleType(type) {
    if (hiddenTypes.has(type)) hiddenTypes.delete(type);
    else hiddenTypes.add(type);
    sigma.refresh({ skipIndexation: true });
  },
  nodePosition(id) {
    if (!graph.hasNode(id)) return null;
    const viewport = sigma.graphToViewport(graph.getNodeAttributes(id) as { x: number; y: number });
    const box = container.getBoundingClientRect();
    return { x: box.left + viewport.x, y: box.top + viewport.y };
  },
  selected: () => selected,
};
