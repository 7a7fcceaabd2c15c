/**
 * usePlay — the timeline's play button
 * ====================================
 *
 * Steps the window forward by its own length about once a second until it
 * reaches the end of the histogram, where it stops and stays (brushGeometry's
 * `playStep`). Playing with no window, or from the end, starts over from the
 * beginning. Each step is one `setWindow` dispatch, so the graph follows
 * through its reducers and the URL through the shareable view, as for a drag.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DayWindow, Histogram } from '../../model/index.ts';
import { setWindow, type Transition } from '../../state/explorerState.ts';
import { defaultRange, playStep, rangeOfWindow, shiftRange, windowOfRange } from './brushGeometry.ts';

/** Time between steps: long enough to read what changed. */
export const PLAY_STEP_MS = 1000;

export interface Play {
  playing: boolean;
  play(): void;
  pause(): void;
}

export function usePlay(histogram: Histogram, window: DayWindow | null, dispatch: (transition: Transition) => void): Play {
  const [playing, setPlaying] = useState(false);
  // The interval reads the latest window without being restarted by each step.
  const windowRef = useRef(window);
  windowRef.current = window;
  const count = histogram.starts.length;

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => {
      const current = windowRef.current;
      const next = current === null ? null : playStep(count, rangeOfWindow(histogram, current));
      if (next === null) {
        setPlaying(false);
        return;
      }
      const nextWindow = windowOfRange(histogram, next);
      windowRef.current = nextWindow;
      dispatch(setWindow(nextWindow));
      if (next.last >= count - 1) setPlaying(false);
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, histogram, count, dispatch]);

  // A new histogram (another dataset) stops a play in progress.
  useEffect(() => () => setPlaying(false), [histogram]);

  const play = useCallback(() => {
    if (count === 0) return;
    const current = windowRef.current;
    const range = current === null ? null : rangeOfWindow(histogram, current);
    // From the start: no window yet, or the last one ended the previous play.
    const start = range === null ? defaultRange(count) : range.last >= count - 1 ? shiftRange(count, range, -count) : null;
    if (start !== null) {
      const startWindow = windowOfRange(histogram, start);
      windowRef.current = startWindow;
      dispatch(setWindow(startWindow));
    }
    setPlaying(true);
  }, [count, histogram, dispatch]);

  const pause = useCallback(() => setPlaying(false), []);
  return { playing, play, pause };
}
