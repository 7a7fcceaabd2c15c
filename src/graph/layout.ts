/**
 * Graph layout
 * ============
 *
 * Deterministic positions for the explorer: the same dataset always opens on
 * the same picture, so a reader who shares a screenshot, or a test that
 * clicks a node, sees what the next person sees.
 *
 * Three steps, each pure given its input positions:
 *  1. seeded start positions (graphology-layout `random` with our own PRNG —
 *     `Math.random` would make every load different);
 *  2. ForceAtlas2, a fixed number of iterations with settings inferred from
 *     the graph's size;
 *  3. a rescale to a fixed extent, then noverlap so node discs never touch,
 *     then (for graphs small enough to label every node) a pass that keeps
 *     node-plus-label boxes apart, so every name stays readable.
 *
 * The seed graph is tiny, so the app runs this synchronously at startup. For
 * big graphs (`shouldUseWorker`) `initialLayout` only seeds positions, and
 * step 2 runs in a web worker (workerLayout.ts) fed with the same
 * `forceAtlas2Settings`, so the page stays responsive while it runs.
 */

import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import random from 'graphology-layout/random';
import type { NewsGraph } from './attributes.ts';
import { separateLabels } from './separateLabels.ts';
import { seededRandom } from '../model/seededRandom.ts';
import { isBigGraph } from './graphSize.ts';

export interface LayoutOptions {
  /** PRNG seed for the start positions; change it to get a different (still reproducible) picture. */
  seed: number;
  /** ForceAtlas2 iterations. */
  iterations: number;
  /** Width/height of the square the layout is scaled into, in graph units. */
  extent: number;
  /**
   * The smallest drawing area (its shorter side, in CSS pixels, after sigma's
   * padding) at which every label should still be clear of the others. Node
   * sizes and labels are drawn in pixels at any zoom, so the layout spaces
   * nodes for this size; bigger screens just get more air.
   */
  minViewportSize: number;
  /** Extra clearance around each node disc, in pixels. */
  nodeMargin: number;
  /** Rounds of rescale + separation; each round starts from the previous one's result. */
  separationRounds: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  seed: 42,
  iterations: 600,
  extent: 1000,
  minViewportSize: 440,
  nodeMargin: 14,
  separationRounds: 4,
};

/** Above this many nodes not every label is drawn at once, so the all-pairs label pass is skipped. */
export const LABEL_PASS_MAX_NODES = 400;

/**
 * Above `BIG_GRAPH_MIN_NODES` (graphSize.ts) a synchronous layout would
 * freeze the page noticeably; use the FA2 worker instead. Measured (`npm run
 * bench -- --only layout`): 600 exact FA2 iterations cost O(n²) each, about
 * 1 s at 500 nodes in Node.
 */
export function shouldUseWorker(graph: NewsGraph): boolean {
  return isBigGraph(graph.order);
}

export { seededRandom };

/** Step 1: reproducible random start positions in a square of side `extent`. */
export function seedPositions(graph: NewsGraph, seed: number, extent: number): void {
  random.assign(graph, { rng: seededRandom(seed), scale: extent, center: 0 });
}

/** ForceAtlas2 settings for this graph; shared by the synchronous run and the worker run (workerLayout.ts). */
export function forceAtlas2Settings(graph: NewsGraph): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(graph),
    // A firmer (strong-mode) gravity than inferred keeps the far leaves from
    // drifting out, so the scaled-to-fit picture has room around the hubs.
    gravity: 1,
    // graphology switches Barnes-Hut on only above 2,000 nodes; every graph
    // that reaches the worker is big enough for O(n log n) to win.
    barnesHutOptimize: isBigGraph(graph.order),
  };
}

/** Step 3a: scale and centre positions into a square of side `extent` (keeps the aspect ratio). */
export function fitToExtent(graph: NewsGraph, extent: number): void {
  if (graph.order === 0) return;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_node, { x, y }) => {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  });
  const span = Math.max(maxX - minX, maxY - minY);
  const scale = span > 0 ? extent / span : 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  graph.updateEachNodeAttributes((_node, attributes) => ({
    ...attributes,
    x: (attributes.x - cx) * scale,
    y: (attributes.y - cy) * scale,
  }));
}

/** Step 3b: push apart nodes whose discs (plus `margin`, both in graph units) overlap. */
export function separateNodes(graph: NewsGraph, unitsPerPixel: number, marginPixels: number): void {
  noverlap.assign(graph, {
    maxIterations: 200,
    inputReducer: (_key, attributes) => ({ x: attributes.x, y: attributes.y, size: ((attributes.size ?? 1) + marginPixels) * unitsPerPixel }),
    settings: { margin: 0, ratio: 1, speed: 3, expansion: 1.1 },
  });
}

/** The larger side of the graph's bounding box, in graph units. */
export function layoutSpan(graph: NewsGraph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_node, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return graph.order === 0 ? 0 : Math.max(maxX - minX, maxY - minY);
}

/** Runs the whole pipeline in place on `graph` and returns it. */
export function applyLayout(graph: NewsGraph, options: Partial<LayoutOptions> = {}): NewsGraph {
  const { seed, iterations, extent, minViewportSize, nodeMargin, separationRounds } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  if (graph.order === 0) return graph;
  seedPositions(graph, seed, extent);
  forceAtlas2.assign(graph, { iterations, settings: forceAtlas2Settings(graph) });
  // sigma scales the whole graph to fit, so spacing only means something
  // relative to the final span: separating makes the span grow, which shrinks
  // everything on screen again. Rescale and separate until the span settles.
  const unitsPerPixel = extent / minViewportSize;
  for (let round = 0; round < separationRounds; round++) {
    fitToExtent(graph, extent);
    separateNodes(graph, unitsPerPixel, nodeMargin);
    if (graph.order <= LABEL_PASS_MAX_NODES) separateLabels(graph, { unitsPerPixel });
    if (layoutSpan(graph) <= extent * 1.02) break;
  }
  return graph;
}

/**
 * What the app does when it opens a graph: the full deterministic pipeline
 * for small graphs; for big ones only the seeded start positions, the
 * ForceAtlas2 run then happens in a worker (see workerLayout.ts).
 */
export function initialLayout(graph: NewsGraph, options: Partial<LayoutOptions> = {}): NewsGraph {
  if (!shouldUseWorker(graph)) return applyLayout(graph, options);
  const { seed, extent } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  seedPositions(graph, seed, extent);
  return graph;
}
