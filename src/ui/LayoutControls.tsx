/**
 * LayoutControls — progress, Stop and Run for the worker layout
 * =============================================================
 *
 * Shown only for big graphs, whose ForceAtlas2 layout runs in a web worker
 * after the page opens (src/graph/workerLayout.ts). The reader sees that the
 * picture is still settling (iterations and seconds), can freeze it to look
 * at something, and can let it run again.
 */

import { useSyncExternalStore, type ReactElement } from 'react';
import type { WorkerLayout } from '../graph/workerLayout.ts';
import './layoutControls.css';

export function LayoutControls({ layout }: { layout: WorkerLayout }): ReactElement {
  const { running, iterations, elapsedMs } = useSyncExternalStore(layout.subscribe, layout.getSnapshot);
  const seconds = (elapsedMs / 1000).toFixed(1);
  return (
    <div className="layout-controls canvas-overlay" role="group" aria-label="Graph layout" data-testid="layout-controls" data-running={running} data-iterations={iterations} data-elapsed-ms={Math.round(elapsedMs)}>
      {running ? (
        <button type="button" onClick={() => layout.stop()}>
          Stop
        </button>
      ) : (
        <button type="button" onClick={() => layout.start()}>
          {iterations === 0 ? 'Run layout' : 'Resume layout'}
        </button>
      )}
      {/* After the button, so the growing numbers never move it. */}
      <span className="layout-progress" data-testid="layout-progress">
        {running ? 'Laying out' : 'Layout paused'}: {iterations.toLocaleString('en')} iterations, {seconds} s
      </span>
    </div>
  );
}
