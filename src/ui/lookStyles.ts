/**
 * Looks → sigma display data
 * ==========================
 *
 * Turns the look decided in `state/scene.ts` into what sigma draws. The
 * functions write into the display-data object sigma hands to its reducers
 * (sigma passes a fresh shallow copy of the attributes each time), so a
 * refresh allocates nothing here beyond sigma's own copy.
 *
 * Hedged relations (claims, allegations) are drawn thinner and paler than
 * facts; negated ones ("did not attend") are dashed (programs/edgeDashed.ts),
 * and colour is never the only cue — the side panel says "claim".
 */

import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { mixColors } from '../graph/colors.ts';
import type { EdgeLook, NodeLook } from '../state/scene.ts';
import { DASHED_TYPE } from './programs/dashedTypes.ts';

/** The graph canvas background; dimmed colours are blends toward it. */
export const CANVAS_BACKGROUND = '#ffffff';

export const EDGE_SIZE = { fact: 3, hedged: 1.6, dimmed: 1, highlightedFactor: 2 } as const;
const DIM_AMOUNT = { node: 0.82, edge: 0.88, muted: 0.65, hedged: 0.45, ring: 0.55 } as const;
/** A second-ring node: a lighter fill inside a ring of its own colour, so it reads as "one step further", not as selected or dimmed. */
export const RING_BORDER = 3;

/** z-order: selected above emphasised above the rest, so emphasised items are never covered. */
const NODE_Z: Record<NodeLook, number> = { selected: 3, emphasised: 2, ring: 1, normal: 1, muted: 0, dimmed: 0, hidden: 0 };

/** Label colour of muted nodes (read by ui/nodeLabels.ts), so filtered-out names recede with their dots. */
export const MUTED_LABEL_COLOR = '#8a919e';

/**
 * `labelHidden`: the label is not drawn (ui/nodeLabels.ts), but stays a
 * string, so sigma keeps the node in its label grid; a look that only hides
 * a label can then be redrawn in place, without sigma re-indexing the graph.
 */
export type StyledNode = Partial<NodeDisplayData> & { labelColor?: string; labelHidden?: boolean; borderColor?: string; borderSize?: number };

export function styleNode(look: NodeLook, data: StyledNode): StyledNode {
  data.zIndex = NODE_Z[look];
  switch (look) {
    case 'selected':
      data.highlighted = true;
      data.forceLabel = true;
      break;
    case 'emphasised':
      data.forceLabel = true;
      break;
    case 'ring':
      if (data.color) {
        data.borderColor = data.color;
        data.borderSize = RING_BORDER;
        data.color = mixColors(data.color, CANVAS_BACKGROUND, DIM_AMOUNT.ring);
      }
      data.forceLabel = true;
      break;
    case 'normal':
      break;
    case 'muted':
      if (data.color) data.color = mixColors(data.color, CANVAS_BACKGROUND, DIM_AMOUNT.muted);
      data.labelColor = MUTED_LABEL_COLOR;
      break;
    case 'hidden':
      data.hidden = true;
      break;
    case 'dimmed':
      if (data.color) data.color = mixColors(data.color, CANVAS_BACKGROUND, DIM_AMOUNT.node);
      // Dimmed labels are noise next to the emphasised items.
      data.labelHidden = true;
      break;
  }
  return data;
}

/** How much wider an edge backed by this many sentences (or outlets) is drawn: 1 for one, +½ per doubling, at most `WIDTH_MAX_FACTOR`. */
export const WIDTH_MAX_FACTOR = 2.5;

export function widthFactor(count: number): number {
  return count <= 1 ? 1 : Math.min(WIDTH_MAX_FACTOR, 1 + 0.5 * Math.log2(count));
}

/** While a timeline window is chosen, an edge is new in it (first reported inside) or was reported before. */
export type Newness = 'no-window' | 'new' | 'seen-before';

/** A new edge is this much wider; one seen before is faded this much toward the canvas, so the new stand out. */
export const NEW_EDGE = { widthFactor: 1.6, seenBeforeFade: 0.3 } as const;

/**
 * An edge shown at full strength (normal or highlighted) scaled by what its
 * width shows, and, while a window is chosen, marked when new in it: wider,
 * drawn above the rest, the others a little faded (sigma 3 has no outline
 * for edges: width, colour and draw order are what it can vary).
 */
export function scaleEdge(look: EdgeLook, count: number, newness: Newness, data: Partial<EdgeDisplayData>): Partial<EdgeDisplayData> {
  if ((look !== 'normal' && look !== 'highlighted') || data.size === undefined) return data;
  data.size *= widthFactor(count);
  if (newness === 'new') {
    data.size *= NEW_EDGE.widthFactor;
    data.zIndex = (data.zIndex ?? 1) + 1;
  } else if (newness === 'seen-before' && look === 'normal' && data.color) {
    data.color = mixColors(data.color, CANVAS_BACKGROUND, NEW_EDGE.seenBeforeFade);
  }
  return data;
}

export function styleEdge(look: EdgeLook, hedged: boolean, data: Partial<EdgeDisplayData>): Partial<EdgeDisplayData> {
  const color = data.color;
  // Only the highlighted edge carries a label: the relation in words, along the edge.
  if (look !== 'highlighted') data.label = null;
  switch (look) {
    case 'hidden':
      data.hidden = true;
      break;
    case 'dimmed':
      if (color) data.color = mixColors(color, CANVAS_BACKGROUND, DIM_AMOUNT.edge);
      data.size = EDGE_SIZE.dimmed;
      data.zIndex = 0;
      break;
    case 'normal':
      if (hedged && color) data.color = mixColors(color, CANVAS_BACKGROUND, DIM_AMOUNT.hedged);
      data.size = hedged ? EDGE_SIZE.hedged : EDGE_SIZE.fact;
      data.zIndex = 1;
      break;
    case 'highlighted':
      data.size = (hedged ? EDGE_SIZE.hedged : EDGE_SIZE.fact) * EDGE_SIZE.highlightedFactor;
      data.forceLabel = true;
      data.zIndex = 2;
      break;
  }
  return data;
}

/** A negated relation is drawn by the dashed version of its program. */
export function dashNegated(negated: boolean, data: Partial<EdgeDisplayData> & { type?: string }): Partial<EdgeDisplayData> {
  if (negated && data.type !== undefined && data.type in DASHED_TYPE) data.type = DASHED_TYPE[data.type as keyof typeof DASHED_TYPE];
  return data;
}

/** The edge under the pointer says what it is, whatever its look (draw order unchanged: a hover re-styles in place). */
export function labelHovered(label: string, data: Partial<EdgeDisplayData>): Partial<EdgeDisplayData> {
  if (data.hidden) return data;
  data.label = label;
  data.forceLabel = true;
  return data;
}
