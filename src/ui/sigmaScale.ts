/**
 * Sigma settings by graph size
 * ============================
 *
 * A news article's graph is small and every name is drawn. A corpus graph of
 * thousands of entities is not: drawing every label (and edge label) costs
 * more than drawing the graph, and hit-testing edges on every pointer move
 * costs more still. Above `BIG_GRAPH_MIN_NODES` labels are culled to the
 * biggest nodes on a coarse grid, edge labels and edge events are off,
 * edges are hidden while the camera moves, and the program names buildGraph
 * assigns ('curved', 'curvedArrow', 'ringed') are drawn by sigma's plain
 * straight-edge and disc programs: with software WebGL, curves and rings
 * cost several times more per frame, and at this density nobody can tell
 * parallel edges apart anyway.
 */

import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';

export const BIG_GRAPH_MIN_NODES = 500;

export function sigmaSettingsForSize(nodes: number): Partial<Settings<NodeAttributes, EdgeAttributes>> {
  if (nodes <= BIG_GRAPH_MIN_NODES) return {};
  return {
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    hideEdgesOnMove: true,
    hideLabelsOnMove: true,
    labelDensity: 0.5,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 10,
    minCameraRatio: 0.01,
    nodeProgramClasses: { ringed: NodeCircleProgram },
    edgeProgramClasses: { curvedArrow: EdgeArrowProgram, curved: EdgeRectangleProgram },
  };
}
