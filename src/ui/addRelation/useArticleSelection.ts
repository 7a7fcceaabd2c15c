import { useEffect, useState, type RefObject } from 'react';

import { spanOfRange } from './domSelection.ts';

/**
 * The text selected in the article body, as document offsets; null when the
 * selection there is collapsed. A selection elsewhere on the page (in a form
 * beside it) leaves the last one standing, so the form can still use it.
 */
export function useArticleSelection(body: RefObject<HTMLElement | null>, documentId: string, text: string): { start: number; end: number } | null {
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  useEffect(() => {
    setSpan(null);
    const onChange = () => {
      const element = body.current;
      const selection = window.getSelection();
      if (!element || !selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!element.contains(range.startContainer) && !element.contains(range.endContainer)) return;
      const next = spanOfRange(range, element, text);
      setSpan((current) => (current?.start === next?.start && current?.end === next?.end ? current : next));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [body, documentId, text]);
  return span;
}
