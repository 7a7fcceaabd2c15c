/**
 * Label placement
 * ===============
 *
 * sigma draws a node's label to its right. Near the right edge of the canvas
 * that cuts the name off ("Latin Am…"), so labels that would not fit there
 * go to the left of their node instead.
 */

export type LabelSide = 'right' | 'left';

/** Gap between a node's disc and its label, in pixels. */
export const LABEL_GAP = 5;

export function labelSide(nodeX: number, nodeSize: number, labelWidth: number, viewportWidth: number, margin = 6): LabelSide {
  const fitsRight = nodeX + nodeSize + LABEL_GAP + labelWidth <= viewportWidth - margin;
  const fitsLeft = nodeX - nodeSize - LABEL_GAP - labelWidth >= margin;
  return fitsRight || !fitsLeft ? 'right' : 'left';
}

/** The x where the label text starts, for a left-to-right text run. */
export function labelStartX(side: LabelSide, nodeX: number, nodeSize: number, labelWidth: number): number {
  return side === 'right' ? nodeX + nodeSize + LABEL_GAP : nodeX - nodeSize - LABEL_GAP - labelWidth;
}
