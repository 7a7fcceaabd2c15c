/**
 * Worker layout ↔ sigma
 * =====================
 *
 * Big graphs are laid out in a worker after opening (graph/workerLayout.ts).
 * While it runs sigma draws the layout's edge-free copy of the nodes, then
 * the whole graph once it stops: re-processing every edge at each position
 * update would hold the main thread for hundreds of milliseconds.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../../graph/attributes.ts';
import type { WorkerLayout } from '../../graph/workerLayout.ts';
import { rereadPositions } from '../sigmaRefresh.ts';

/** Follows the layout in sigma and starts it after the first frame; returns the undo. */
export function linkWorkerLayout(sigma: Sigma<NodeAttributes, EdgeAttributes>, layout: WorkerLayout, graph: NewsGraph): () => void {
  layout.subscribe(() => {
    const running = layout.getSnapshot().running;
    const shown = running ? layout.movingGraph : graph;
    if (sigma.getGraph() !== shown) sigma.setGraph(shown);
    // New positions, written without graph events: re-read them (no reducer runs, no edges to process).
    else if (running) rereadPositions(sigma, { schedule: true });
  });
  // Started once that first frame is on screen: the worker's set-up is main-thread work too.
  let timer: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(() => layout.start(), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    layout.kill();
  };
}
