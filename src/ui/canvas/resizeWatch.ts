/**
 * Resize watch
 * ============
 *
 * sigma only listens to window resizes; the side panel collapsing or widening
 * resizes the canvas alone, and a stale size would stretch the drawing.
 * A container squeezed to zero (a layout in flux) would make sigma throw; wait for a real size.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';

export function watchResizes(sigma: Sigma<NodeAttributes, EdgeAttributes>, container: HTMLElement): () => void {
  const resizes = new ResizeObserver(() => {
    if (container.offsetWidth > 0 && container.offsetHeight > 0) sigma.scheduleRefresh();
  });
  resizes.observe(container);
  return () => resizes.disconnect();
}
