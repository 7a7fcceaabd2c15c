/**
 * Edits to a corpus, one at a time
 * ================================
 *
 * Each edit, undo or redo is a request to the server, and the order matters
 * (an undo must take back the edit just made), so a step starts only when
 * the one before it has finished, whatever its outcome. `waiting` counts the
 * steps not finished yet, for the "Saving…" line. Framework-free.
 */

export interface EditQueue {
  /** Runs `task` after every task added before it; a task that throws does not stop the ones after it. */
  add(task: () => Promise<void>): void;
  /** Tasks added and not finished (the one running included). */
  readonly waiting: number;
}

export function createEditQueue(onChange: (waiting: number) => void = () => {}): EditQueue {
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;
  return {
    add(task) {
      waiting += 1;
      onChange(waiting);
      tail = tail
        .then(task)
        .catch(() => {
          // The task reports its own failure; the queue goes on.
        })
        .finally(() => {
          waiting -= 1;
          onChange(waiting);
        });
    },
    get waiting() {
      return waiting;
    },
  };
}
