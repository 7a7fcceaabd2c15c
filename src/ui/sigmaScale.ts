/**
 * Sigma settings by graph size
 * ============================
 *
 * A news article's graph is small and every name is drawn. A corpus graph of
 * thousands of entities is not: drawing every label (and edge label) costs
 * more than drawing the graph, and hit-testing edges on every pointer move
 * costs more still. Above `BIG_GRAPH_MIN_NODES` (graph/graphSize.ts) labels are culled to the
 * biggest nodes on a coarse grid, edge labels and edge events are off,
 * edges are hidden while the camera moves, and the program names buildGraph
 * assigns ('curved', 'curvedArrow', 'ringed') are drawn by sigma's plain
 * straight-edge and disc programs: with software WebGL, curves and rings
 * cost several times more per frame, and at this density nobody can tell
 * parallel edges apart anyway. Nodes and edges are drawn smaller too (`nodeSizeScale`, `edgeSizeScale`):
 * at the article scale a hub's disc is 15–30 px, and two thousand of those
 * cover the whole canvas in one coloured blob; smaller discs leave the
 * structure visible, and zooming in (sizes grow with the square root of the
 * zoom) brings them back.
 */

import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { BIG_GRAPH_MIN_NODES } from '../graph/graphSize.ts';
import { DASHED_PROGRAMS } from './sigmaSettings.ts';

/** Factor applied to every drawn node size: 1 up to `BIG_GRAPH_MIN_NODES`, then shrinking with the square root of the count. */
export function nodeSizeScale(nodes: number): number {
  return nodes <= BIG_GRAPH_MIN_NODES ? 1 : 0.6 * Math.sqrt(BIG_GRAPH_MIN_NODES / nodes);
}

/** Factor applied to every drawn edge thickness: hairlines in a dense graph, but never under a third of the article width. */
export function edgeSizeScale(nodes: number): number {
  return Math.max(nodeSizeScale(nodes), 1 / 3);
}

export function sigmaSettingsForSize(nodes: number): Partial<Settings<NodeAttributes, EdgeAttributes>> {
  if (nodes <= BIG_GRAPH_MIN_NODES) return {};
  return {
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    hideEdgesOnMove: true,
    hideLabelsOnMove: true,
    labelDensity: 0.5,
    labelGridCellSize: 120,
    // The same nodes are labelled as before the discs shrank: those at least 10 px at article scale.
    labelRenderedSizeThreshold: 10 * nodeSizeScale(nodes),
    minCameraRatio: 0.01,
    // No re-sorting of every node and edge by z-index on each selection (a
    // tenth of a second at 50,000 edges): the selected entity is drawn on the
    // highlight layer above everything anyway, and dimmed items are pale.
    zIndex: false,
    nodeProgramClasses: { ringed: NodeCircleProgram },
    // Negated relations stay dashed (a straight dash costs no more than a line).
    edgeProgramClasses: {
      curvedArrow: EdgeArrowProgram,
      curved: EdgeRectangleProgram,
      dashedArrow: DASHED_PROGRAMS.dashedArrow,
      dashedLine: DASHED_PROGRAMS.dashedLine,
      dashedCurvedArrow: DASHED_PROGRAMS.dashedArrow,
      dashedCurved: DASHED_PROGRAMS.dashedLine,
    },
  };
}
