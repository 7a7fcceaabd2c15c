/**
 * ForceAtlas2 in a web worker, for big graphs
 * ===========================================
 *
 * A controller over graphology's FA2LayoutSupervisor that keeps the page
 * responsive: the supervisor runs on a *shadow copy* of the graph, so each
 * worker round trip costs the main thread only a position copy (the
 * supervisor runs one iteration per round trip, and would otherwise wait for
 * sigma to redraw the whole graph after each). The shown graph receives the
 * shadow's positions every `SYNC_INTERVAL_MS`, one redraw each. Counting the
 * shadow's `updateEachNodeAttributes` events counts iterations without
 * touching the supervisor's internals. A run stops by itself after
 * `maxIterations` (left running, it would burn a core and keep sigma
 * redrawing) and can be resumed.
 *
 * Browser only (it spawns a Worker from a blob URL, allowed by the CSP's
 * `worker-src blob:`); the UI subscribes to `getSnapshot` changes.
 */

import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { NewsGraph } from './attributes.ts';
import { forceAtlas2Settings } from './layout.ts';

export interface WorkerLayoutSnapshot {
  running: boolean;
  iterations: number;
  /** Milliseconds spent running so far (all runs added up). */
  elapsedMs: number;
  /** Iterations after which a run stops by itself. */
  maxIterations: number;
}

export interface WorkerLayout {
  start(): void;
  stop(): void;
  getSnapshot(): WorkerLayoutSnapshot;
  /** Calls `listener` whenever the snapshot changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  kill(): void;
}

/** Iterations per run: enough for a 10,000-node graph to settle its overall shape. */
export const WORKER_LAYOUT_MAX_ITERATIONS = 600;

/** How often the shown graph takes the layout's positions: each take is one full sigma redraw. */
export const SYNC_INTERVAL_MS = 300;

export function createWorkerLayout(graph: NewsGraph, maxIterations = WORKER_LAYOUT_MAX_ITERATIONS): WorkerLayout {
  const shadow = graph.copy();
  const supervisor = new FA2LayoutSupervisor(shadow, { settings: forceAtlas2Settings(graph) });
  const listeners = new Set<() => void>();
  let snapshot: WorkerLayoutSnapshot = { running: false, iterations: 0, elapsedMs: 0, maxIterations };
  let iterations = 0;
  let runStartedAt = 0;
  let elapsedBeforeRun = 0;
  let iterationsAtRunStart = 0;
  let syncTimer: ReturnType<typeof setInterval> | undefined;

  const publish = (running: boolean) => {
    const elapsedMs = running ? elapsedBeforeRun + performance.now() - runStartedAt : elapsedBeforeRun;
    snapshot = { running, iterations, elapsedMs, maxIterations };
    for (const listener of listeners) listener();
  };

  const syncPositions = () => {
    // The hint tells sigma only positions changed (no re-sorting by zIndex, no type change).
    graph.updateEachNodeAttributes(
      (node, attributes) => {
        attributes.x = shadow.getNodeAttribute(node, 'x');
        attributes.y = shadow.getNodeAttribute(node, 'y');
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  };

  const stop = () => {
    if (!supervisor.isRunning()) return;
    supervisor.stop();
    clearInterval(syncTimer);
    syncTimer = undefined;
    elapsedBeforeRun += performance.now() - runStartedAt;
    syncPositions();
    publish(false);
  };

  const onIteration = () => {
    if (!supervisor.isRunning()) return;
    iterations += 1;
    // Stopping from inside the supervisor's own message handler is safe: it checks `running` before asking for more.
    if (iterations - iterationsAtRunStart >= maxIterations) stop();
  };
  shadow.on('eachNodeAttributesUpdated', onIteration);

  return {
    start() {
      if (supervisor.isRunning()) return;
      runStartedAt = performance.now();
      iterationsAtRunStart = iterations;
      supervisor.start();
      syncTimer = setInterval(() => {
        syncPositions();
        publish(true);
      }, SYNC_INTERVAL_MS);
      publish(true);
    },
    stop,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    kill() {
      clearInterval(syncTimer);
      shadow.off('eachNodeAttributesUpdated', onIteration);
      listeners.clear();
      supervisor.kill();
    },
  };
}
