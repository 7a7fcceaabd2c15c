/**
 * Zoom controls — buttons for readers without a wheel or trackpad, and a way
 * back to the whole graph after panning away.
 */

import type { ReactElement, RefObject } from 'react';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';

interface ZoomControlsProps {
  sigmaRef: RefObject<Sigma<NodeAttributes, EdgeAttributes> | null>;
}

const DURATION = 250;

export function ZoomControls({ sigmaRef }: ZoomControlsProps): ReactElement {
  const camera = () => sigmaRef.current?.getCamera();
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" title="Zoom in" aria-label="Zoom in" onClick={() => void camera()?.animatedZoom({ duration: DURATION })}>
        +
      </button>
      <button type="button" title="Zoom out" aria-label="Zoom out" onClick={() => void camera()?.animatedUnzoom({ duration: DURATION })}>
        −
      </button>
      <button type="button" title="Show the whole graph" aria-label="Show the whole graph" onClick={() => void camera()?.animatedReset({ duration: DURATION })}>
        ⤢
      </button>
    </div>
  );
}
