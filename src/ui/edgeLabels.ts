/**
 * Edge label drawing
 * ==================
 *
 * Only the highlighted relation carries a label (see lookStyles.ts). sigma
 * squeezes a label that is longer than its edge down to "iss…", which reads
 * as a glitch; these drawers skip the label instead when it does not fit
 * between the two nodes — the side panel says it in full anyway.
 */

import { createDrawCurvedEdgeLabel, DEFAULT_EDGE_CURVATURE } from '@sigma/edge-curve';
import { drawStraightEdgeLabel, type EdgeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';

type EdgeLabelDrawer = EdgeLabelDrawingFunction<NodeAttributes, EdgeAttributes>;

function onlyWhenItFits(draw: EdgeLabelDrawer): EdgeLabelDrawer {
  return (context, edgeData, sourceData, targetData, settings) => {
    if (!edgeData.label) return;
    context.font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
    const room = Math.hypot(targetData.x - sourceData.x, targetData.y - sourceData.y) - sourceData.size - targetData.size;
    if (context.measureText(edgeData.label).width + 12 > room) return;
    draw(context, edgeData, sourceData, targetData, settings);
  };
}

export const drawStraightEdgeLabelIfFits: EdgeLabelDrawer = onlyWhenItFits(drawStraightEdgeLabel);

export const drawCurvedEdgeLabelIfFits: EdgeLabelDrawer = onlyWhenItFits(
  createDrawCurvedEdgeLabel<NodeAttributes, EdgeAttributes>({ curvatureAttribute: 'curvature', defaultCurvature: DEFAULT_EDGE_CURVATURE, arrowHead: null, keepLabelUpright: true }),
);
