/**
 * Where the review queue stands: the relation on screen, kept by id, and its
 * place in the queue for when it leaves it (reviewed): the one that took its
 * place, i.e. the next unreviewed, is shown then.
 */
export interface ReviewCursor {
  id: string | null;
  at: number;
}

/** The relation the queue shows, or null when none is left. */
export function currentOf(queue: readonly string[], cursor: ReviewCursor): { id: string; at: number } | null {
  if (queue.length === 0) return null;
  const found = cursor.id === null ? -1 : queue.indexOf(cursor.id);
  const at = found >= 0 ? found : Math.min(Math.max(cursor.at, 0), queue.length - 1);
  return { id: queue[at]!, at };
}

/** The cursor `delta` steps along the queue (stopping at its ends). */
export function moved(queue: readonly string[], cursor: ReviewCursor, delta: number): ReviewCursor {
  const current = currentOf(queue, cursor);
  if (!current) return cursor;
  const at = Math.min(Math.max(current.at + delta, 0), queue.length - 1);
  return { id: queue[at]!, at };
}

/** After the current relation is reviewed: the next unreviewed one (or the one before, at the end). */
export function afterReview(queue: readonly string[], cursor: ReviewCursor): ReviewCursor {
  const current = currentOf(queue, cursor);
  if (!current) return cursor;
  const next = queue[current.at + 1];
  return next !== undefined ? { id: next, at: current.at } : { id: queue[current.at - 1] ?? null, at: current.at - 1 };
}
