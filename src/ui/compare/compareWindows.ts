/**
 * The comparison's default windows
 * ================================
 *
 * "What changed" compares window A with window B. Until the reader types
 * dates, B is the timeline's window and A the window of the same length
 * just before it; with no window chosen, A and B are the two halves of the
 * reporting span (A the earlier). Pure, so the panel and its tests agree.
 */

import type { DayWindow } from '../../model/index.ts';

export interface WindowPair {
  readonly a: DayWindow;
  readonly b: DayWindow;
}

export function defaultWindows(current: DayWindow | null, span: { first: number; last: number }): WindowPair {
  if (current !== null) {
    const length = current.to - current.from + 1;
    return { a: { from: current.from - length, to: current.from - 1 }, b: current };
  }
  const middle = Math.floor((span.first + span.last) / 2);
  return { a: { from: span.first, to: middle }, b: { from: Math.min(middle + 1, span.last), to: span.last } };
}
