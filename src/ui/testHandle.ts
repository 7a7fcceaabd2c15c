/**
 * Read-only test handle
 * =====================
 *
 * The browser tests click real pixels, so they need to know where sigma drew
 * a node, and they check what sigma actually renders (not just React state).
 * This installs `window.__newsgraph` with read-only queries; it cannot change
 * anything, so shipping it in production is harmless and lets the tests run
 * against the real build.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import type { ExplorerState } from '../state/explorerState.ts';

export interface DisplayedItem {
  hidden: boolean;
  color: string;
  size: number;
  zIndex: number;
  label: string | null;
  highlighted?: boolean;
}

export interface NewsgraphTestHandle {
  /** Number of frames sigma has rendered so far (0 until the first). */
  renders(): number;
  /** Where the node's centre is on the page, in CSS pixels (for `page.mouse.click`). */
  nodePosition(id: string): { x: number; y: number } | null;
  /** What sigma last drew for the node/edge, after the reducers. */
  nodeDisplay(id: string): DisplayedItem | null;
  edgeDisplay(id: string): DisplayedItem | null;
  /** Every edge sigma last drew not hidden, sorted (what the timeline's window and the filters leave on screen). */
  shownEdges(): string[];
  /** How many nodes sigma last drew not hidden. */
  shownNodeCount(): number;
  /** A plain-JSON snapshot of the explorer state. */
  state(): {
    selection: ExplorerState['selection'];
    hoveredNode: string | null;
    enabledTypes: string[];
    highlightedRelation: string | null;
    window: ExplorerState['window'];
    minOutlets: number;
    widthBy: ExplorerState['widthBy'];
  };
}

declare global {
  interface Window {
    __newsgraph?: NewsgraphTestHandle;
  }
}

export function installTestHandle(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  getState: () => ExplorerState,
  renders: () => number,
): () => void {
  const handle: NewsgraphTestHandle = {
    renders,
    nodePosition(id) {
      const graph = sigma.getGraph();
      if (!graph.hasNode(id)) return null;
      const { x, y } = graph.getNodeAttributes(id);
      const viewport = sigma.graphToViewport({ x, y });
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + viewport.x, y: box.top + viewport.y };
    },
    nodeDisplay(id) {
      const data = sigma.getNodeDisplayData(id);
      return data
        ? {
            hidden: data.hidden,
            color: data.color,
            size: data.size,
            zIndex: data.zIndex,
            // The label as drawn: none when the look hides it (display.ts `labelHidden`).
            label: 'labelHidden' in data && data.labelHidden === true ? null : data.label,
            highlighted: data.highlighted,
          }
        : null;
    },
    edgeDisplay(id) {
      const data = sigma.getEdgeDisplayData(id);
      return data ? { hidden: data.hidden, color: data.color, size: data.size, zIndex: data.zIndex, label: data.label } : null;
    },
    shownEdges() {
      const shown: string[] = [];
      sigma.getGraph().forEachEdge((edge) => {
        const data = sigma.getEdgeDisplayData(edge);
        if (data && !data.hidden) shown.push(edge);
      });
      return shown.sort();
    },
    shownNodeCount() {
      let count = 0;
      sigma.getGraph().forEachNode((node) => {
        const data = sigma.getNodeDisplayData(node);
        if (data && !data.hidden) count += 1;
      });
      return count;
    },
    state() {
      const state = getState();
      return {
        selection: state.selection,
        hoveredNode: state.hoveredNode,
        enabledTypes: [...state.enabledTypes].sort(),
        highlightedRelation: state.highlightedRelation,
        window: state.window === null ? null : { from: state.window.from, to: state.window.to },
        minOutlets: state.minOutlets,
        widthBy: state.widthBy,
      };
    },
  };
  window.__newsgraph = handle;
  return () => {
    if (window.__newsgraph === handle) delete window.__newsgraph;
  };
}
