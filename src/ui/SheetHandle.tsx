/**
 * SheetHandle — the grip of the side panel when it is a bottom sheet
 * ===================================================================
 *
 * On narrow screens (phone.css) the side panel sits at the bottom of the
 * graph as a sheet: collapsed it shows this handle (with the selection's
 * title) and the tabs; expanded it takes most of the screen. The handle is a
 * real button with aria-expanded, so a tap, Enter or Space toggles it; a
 * vertical drag on it opens (up) or closes (down) the sheet. On wide screens
 * it is not displayed.
 */

import { useRef, type ReactElement } from 'react';

/** A drag shorter than this (CSS px) is a tap, not a swipe. */
const DRAG_PX = 24;

interface SheetHandleProps {
  expanded: boolean;
  title: string;
  controls: string;
  onExpanded: (expanded: boolean) => void;
}

export function SheetHandle({ expanded, title, controls, onExpanded }: SheetHandleProps): ReactElement {
  const startY = useRef<number | null>(null);
  /** Set when a drag already decided, so the click that follows the pointerup does not toggle it back. */
  const dragged = useRef(false);
  return (
    <button
      type="button"
      className="sheet-handle"
      aria-expanded={expanded}
      aria-controls={controls}
      data-testid="sheet-handle"
      onPointerDown={(event) => {
        startY.current = event.clientY;
        dragged.current = false;
        // Keep receiving the drag's pointerup when the finger (or mouse) leaves the handle.
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerUp={(event) => {
        if (startY.current === null) return;
        const dy = event.clientY - startY.current;
        startY.current = null;
        if (Math.abs(dy) < DRAG_PX) return;
        dragged.current = true;
        onExpanded(dy < 0);
      }}
      onPointerCancel={() => {
        startY.current = null;
      }}
      onClick={() => {
        if (dragged.current) {
          dragged.current = false;
          return;
        }
        onExpanded(!expanded);
      }}
    >
      <span className="sheet-grip" aria-hidden="true" />
      <span className="sheet-title">{title}</span>
      <span className="sheet-action">{expanded ? 'Collapse' : 'Expand'}</span>
    </button>
  );
}
