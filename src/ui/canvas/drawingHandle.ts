/**
 * Drawing test handle
 * ===================
 *
 * Read-only queries about how sigma draws (beside ui/testHandle.ts's): the
 * program an edge is drawn with (dashed for negated relations), whether its
 * label is drawn, the camera, and the edge under the pointer. Installed as
 * `window.__newsgraphDrawing`; it changes nothing.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';
import type { CameraView } from '../../state/explorerState.ts';

export interface DrawingHandle {
  edgeProgram(id: string): string | null;
  /** The edge's label, when sigma draws it (forced: selection or hover). */
  edgeLabel(id: string): string | null;
  camera(): CameraView;
  hoveredEdge(): string | null;
  /** The node's ring colour as drawn (white unless its look gives it one). */
  nodeBorder(id: string): string | null;
  /** Where an edge's midpoint (straight chord) is on the page, in CSS pixels. */
  edgeMidpoint(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __newsgraphDrawing?: DrawingHandle;
  }
}

export function installDrawingHandle(sigma: Sigma<NodeAttributes, EdgeAttributes>, hoveredEdge: { current: string | null }): () => void {
  const handle: DrawingHandle = {
    edgeProgram: (id) => sigma.getEdgeDisplayData(id)?.type ?? null,
    edgeLabel(id) {
      const data = sigma.getEdgeDisplayData(id);
      return data && !data.hidden && data.forceLabel && data.label ? data.label : null;
    },
    camera() {
      const { x, y, ratio } = sigma.getCamera().getState();
      return { x, y, ratio };
    },
    hoveredEdge: () => hoveredEdge.current,
    nodeBorder(id) {
      const data = sigma.getNodeDisplayData(id) as ({ borderColor?: unknown } & object) | undefined;
      if (!data) return null;
      return typeof data.borderColor === 'string' ? data.borderColor : '#ffffff';
    },
    edgeMidpoint(id) {
      const graph = sigma.getGraph();
      if (!graph.hasEdge(id)) return null;
      const [s, t] = graph.extremities(id).map((node) => graph.getNodeAttributes(node));
      if (!s || !t) return null;
      const viewport = sigma.graphToViewport({ x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 });
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + viewport.x, y: box.top + viewport.y };
    },
  };
  window.__newsgraphDrawing = handle;
  return () => {
    if (window.__newsgraphDrawing === handle) delete window.__newsgraphDrawing;
  };
}
