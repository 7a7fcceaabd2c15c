/**
 * ForceAtlas2 in a web worker, for big graphs
 * ===========================================
 *
 * A thin controller over graphology's FA2LayoutSupervisor: the supervisor
 * runs one iteration per worker round trip and writes the positions back
 * with one `updateEachNodeAttributes` per round, so counting those events
 * counts iterations without touching the supervisor's internals. The
 * controller stops by itself after `maxIterations` (a layout left running
 * forever burns a core and keeps sigma redrawing) and can be resumed.
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

export function createWorkerLayout(graph: NewsGraph, maxIterations = WORKER_LAYOUT_MAX_ITERATIONS): WorkerLayout {
  const supervisor = new FA2LayoutSupervisor(graph, { settings: forceAtlas2Settings(graph) });
  const listeners = new Set<() => void>();
  let snapshot: WorkerLayoutSnapshot = { running: false, iterations: 0, elapsedMs: 0, maxIterations };
  let runStartedAt = 0;
  let elapsedBeforeRun = 0;
  let iterationsAtRunStart = 0;

  const publish = (next: WorkerLayoutSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };

  const stop = () => {
    if (!supervisor.isRunning()) return;
    supervisor.stop();
    elapsedBeforeRun += performance.now() - runStartedAt;
    publish({ ...snapshot, running: false, elapsedMs: elapsedBeforeRun });
  };

  const onIteration = () => {
    if (!supervisor.isRunning()) return;
    const iterations = snapshot.iterations + 1;
    publish({ ...snapshot, iterations, elapsedMs: elapsedBeforeRun + performance.now() - runStartedAt });
    if (iterations - iterationsAtRunStart >= maxIterations) stop();
  };
  graph.on('eachNodeAttributesUpdated', onIteration);

  return {
    start() {
      if (supervisor.isRunning()) return;
      runStartedAt = performance.now();
      iterationsAtRunStart = snapshot.iterations;
      supervisor.start();
      publish({ ...snapshot, running: true });
    },
    stop,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    kill() {
      graph.off('eachNodeAttributesUpdated', onIteration);
      listeners.clear();
      supervisor.kill();
    },
  };
}
