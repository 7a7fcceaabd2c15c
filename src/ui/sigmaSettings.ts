/**
 * Sigma settings
 * ==============
 *
 * The drawing vocabulary of the graph view, as data: which WebGL programs draw
 * which node and edge types (curved edges keep parallel relations apart), and
 * the label typography. Interaction behaviour lives in GraphCanvas.
 */

import { createEdgeCurveProgram } from '@sigma/edge-curve';
import { createNodeBorderProgram } from '@sigma/node-border';
import { createEdgeArrowProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { drawCurvedEdgeLabelIfFits, drawStraightEdgeLabelIfFits } from './edgeLabels.ts';
import { drawNodeHover, drawNodeLabel } from './nodeLabels.ts';
import { dashedEdgePrograms } from './programs/edgeDashed.ts';

export const LABEL_FONT = '"Inter", "Segoe UI", system-ui, -apple-system, Roboto, "Open Sans", "Helvetica Neue", Arial, sans-serif';

/** Every node gets a thin ring (white, or dark when selected) so it stays distinct where edges cross it. */
const NodeWithRingProgram = createNodeBorderProgram<NodeAttributes, EdgeAttributes>({
  borders: [
    { size: { attribute: 'borderSize', defaultValue: 2, mode: 'pixels' }, color: { attribute: 'borderColor', defaultValue: '#ffffff' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

/**
 * Arrow heads longer and wider than sigma's (2.5 × 2): at the default zoom a
 * 3 px edge's default head hides under the target's ring, and the direction
 * of "accused" or "sanctioned" is half the relation.
 */
export const ARROW_HEAD = { extremity: 'target', lengthToThicknessRatio: 4, widenessToThicknessRatio: 3 } as const;

/** Parallel relations between the same two entities are bent apart (curvature set by buildGraph). */
const EdgeCurveProgram = createEdgeCurveProgram<NodeAttributes, EdgeAttributes>({ drawLabel: drawCurvedEdgeLabelIfFits });
const EdgeCurvedArrowProgram = createEdgeCurveProgram<NodeAttributes, EdgeAttributes>({ arrowHead: ARROW_HEAD, drawLabel: drawCurvedEdgeLabelIfFits });
const EdgeStraightArrowProgram = createEdgeArrowProgram<NodeAttributes, EdgeAttributes>(ARROW_HEAD);
/** Negated relations ("did not attend") are dashed (lookStyles.ts picks these types). */
export const DASHED_PROGRAMS = dashedEdgePrograms({ arrowHead: ARROW_HEAD, curvedLabel: drawCurvedEdgeLabelIfFits });

export const SIGMA_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
  defaultNodeType: 'ringed',
  nodeProgramClasses: { ringed: NodeWithRingProgram },
  edgeProgramClasses: { arrow: EdgeStraightArrowProgram, curvedArrow: EdgeCurvedArrowProgram, curved: EdgeCurveProgram, ...DASHED_PROGRAMS },
  enableEdgeEvents: true,
  renderEdgeLabels: true,
  zIndex: true,
  defaultDrawNodeLabel: drawNodeLabel,
  defaultDrawNodeHover: drawNodeHover,
  defaultDrawEdgeLabel: drawStraightEdgeLabelIfFits,
  labelFont: LABEL_FONT,
  labelSize: 13,
  labelWeight: '600',
  labelColor: { color: '#1f2937' },
  edgeLabelFont: LABEL_FONT,
  edgeLabelSize: 12,
  edgeLabelWeight: '600',
  edgeLabelColor: { color: '#374151' },
  // A news graph is small: every name should be readable without hovering.
  labelRenderedSizeThreshold: 0,
  labelDensity: 10,
  labelGridCellSize: 60,
  stagePadding: 48,
  minCameraRatio: 0.08,
  maxCameraRatio: 3,
};
