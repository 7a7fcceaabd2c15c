/**
 * ForceAtlas2 in a web worker, for big graphs
 * ===========================================
 *
 * A controller over graphology's FA2LayoutSupervisor that keeps the page
 * responsive. The supervisor writes each iteration's positions into the
 * graph, and the graph must then not be the one sigma draws: sigma answers
 * every position update by re-running its reducers on every node and
 * re-processing every edge, hundreds of milliseconds for a 50,000-edge
 * corpus, after each worker round trip. So while the layout runs the page
 * draws `movingGraph`, a copy of the nodes without edges (edges in flight are
 * a blur anyway); every `SYNC_INTERVAL_MS` it takes the graph's positions and
 * the listeners are told to redraw it. When a run stops, the page draws the
 * graph again, edges and all, at its final positions.
 *
 * A run stops by itself after `maxIterations` (left running, it would burn a
 * core and keep the page redrawing) and can be resumed. Counting the graph's
 * `eachNodeAttributesUpdated` events counts iterations without touching the
 * supervisor's internals.
 *
 * Browser only (it spawns a Worker from a blob URL, allowed by the CSP's
 * `worker-src blob:`); the UI subscribes to `getSnapshot` changes. The worker
 * and its messages are graphology's, so this is not one of our workers (those
 * are `<name>.worker.ts` entries speaking `src/workers/protocol.ts`): it is the
 * page-side controller of a layout that runs in a worker.
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
  /**
   * The graph's nodes (same keys and attributes, no edges): draw this while
   * the layout runs. Its positions are written in place, without graph
   * events; each snapshot published while running means "re-read them".
   */
  readonly movingGraph: NewsGraph;
  start(): void;
  stop(): void;
  getSnapshot(): WorkerLayoutSnapshot;
  /** Calls `listener` whenever the snapshot changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  kill(): void;
}

/** Iterations per run: enough for a 10,000-node graph to settle its overall shape. */
export const WORKER_LAYOUT_MAX_ITERATIONS = 600;

/** How often the drawn nodes take the layout's positions: each take is one redraw of the nodes. */
export const SYNC_INTERVAL_MS = 300;

export function createWorkerLayout(graph: NewsGraph, maxIterations = WORKER_LAYOUT_MAX_ITERATIONS): WorkerLayout {
  const movingGraph: NewsGraph = graph.emptyCopy();
  // Made on the first start, so the worker's set-up never delays the first drawn frame.
  let supervisor: FA2LayoutSupervisor | undefined;
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

  const syncMovingGraph = () => {
    // In place and silent: a graph event would make sigma re-run its reducers on every node.
    graph.forEachNode((node, attributes) => {
      const moving = movingGraph.getNodeAttributes(node);
      moving.x = attributes.x;
      moving.y = attributes.y;
    });
  };

  const stop = () => {
    if (!supervisor?.isRunning()) return;
    supervisor.stop();
    clearInterval(syncTimer);
    syncTimer = undefined;
    elapsedBeforeRun += performance.now() - runStartedAt;
    syncMovingGraph();
    publish(false);
  };

  const onIteration = () => {
    if (!supervisor?.isRunning()) return;
    iterations += 1;
    // Stopping from inside the supervisor's own message handler is safe: it checks `running` before asking for more.
    if (iterations - iterationsAtRunStart >= maxIterations) stop();
  };

  return {
    movingGraph,
    start() {
      if (supervisor?.isRunning()) return;
      if (!supervisor) {
        graph.on('eachNodeAttributesUpdated', onIteration);
        supervisor = new FA2LayoutSupervisor(graph, { settings: forceAtlas2Settings(graph) });
      }
      runStartedAt = performance.now();
      iterationsAtRunStart = iterations;
      syncMovingGraph();
      supervisor.start();
      syncTimer = setInterval(() => {
        syncMovingGraph();
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
      graph.off('eachNodeAttributesUpdated', onIteration);
      listeners.clear();
      supervisor?.kill();
    },
  };
}
