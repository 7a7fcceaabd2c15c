/**
 * useElementWidth — an element's width in CSS pixels, kept up to date
 * ===================================================================
 *
 * The timeline draws its SVG in real pixels (text and handles keep their
 * size at any width, which a stretched viewBox would not), so it needs its
 * width, re-read when the layout changes (a panel collapsed, a phone turned).
 * Returns a callback ref: the element may come and go (the timeline folds).
 */

import { useCallback, useEffect, useRef, useState } from 'react';

export function useElementWidth(): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}
