/**
 * Save queue — workspace saves off the critical path, in order
 * ============================================================
 *
 * A save serialises the dataset (JSON.stringify: a tenth of a second for a
 * big corpus) and writes it in one IndexedDB transaction. It must not delay
 * the frame that shows the new graph, so it waits for an idle moment; two
 * changes to one workspace before then are written once, the later one; and
 * saves run one after another, so an older dataset never lands after a newer
 * one. A workspace deleted while its save waits is not written back.
 */

import type { Dataset } from '../../model/index.ts';
import type { WorkspaceMeta } from '../../state/workspaces.ts';
import { saveWorkspace } from './workspaceStore.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface SaveJob {
  meta: WorkspaceMeta;
  dataset: Dataset;
}

interface Pending {
  job: SaveJob;
  waiters: { resolve: (meta: WorkspaceMeta) => void; reject: (error: unknown) => void }[];
}

export interface SaveListener {
  onState(state: SaveState): void;
  onSaved(meta: WorkspaceMeta): void;
  onFailed(error: unknown, job: SaveJob): void;
}

/** Runs `work` when the page is idle (after the next frames are drawn), or after `timeoutMs` at the latest. */
function whenIdle(work: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: timeoutMs });
  else setTimeout(work, Math.min(timeoutMs, 200));
}

export class SaveQueue {
  private readonly pending = new Map<string, Pending>();
  private readonly dropped = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private active = 0;

  constructor(private readonly listener: SaveListener) {
    // Leaving the page (a reload, a closed tab) starts what is waiting now: an idle moment may never come.
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') this.flush();
      });
    }
  }

  /** Queues a save (replacing a waiting one of the same workspace); resolves with the record written. */
  schedule(job: SaveJob, urgent = false): Promise<WorkspaceMeta> {
    this.dropped.delete(job.meta.id);
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(job.meta.id);
      this.pending.set(job.meta.id, { job, waiters: [...(waiting?.waiters ?? []), { resolve, reject }] });
      this.listener.onState('saving');
      if (urgent) setTimeout(() => this.flush(), 0);
      else if (!this.scheduled) {
        this.scheduled = true;
        whenIdle(() => this.flush(), 2_000);
      }
    });
  }

  /** Forgets a workspace's waiting save (it is being deleted). */
  drop(id: string): void {
    this.dropped.add(id);
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    for (const waiter of waiting?.waiters ?? []) waiter.reject(new DOMException('The workspace was deleted', 'AbortError'));
  }

  private flush(): void {
    this.scheduled = false;
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return;
    this.active += 1;
    this.chain = this.chain.then(async () => {
      let failed = false;
      for (const { job, waiters } of batch) {
        if (this.dropped.has(job.meta.id)) continue;
        try {
          const written = await saveWorkspace(job.meta, JSON.stringify(job.dataset));
          this.listener.onSaved(written);
          for (const waiter of waiters) waiter.resolve(written);
        } catch (error) {
          failed = true;
          this.listener.onFailed(error, job);
          for (const waiter of waiters) waiter.reject(error);
        }
      }
      this.active -= 1;
      if (failed) this.listener.onState('failed');
      else if (this.active === 0 && this.pending.size === 0) this.listener.onState('saved');
    });
  }
}
