/**
 * Label-aware separation
 * ======================
 *
 * noverlap keeps node discs apart, but in a news graph the labels ("International
 * Criminal Court") are far wider than the nodes, and sigma draws them to the
 * right of each node. This pass treats every node plus its label as a box and
 * pushes overlapping boxes apart along the axis where they overlap least,
 * until none overlap. Deterministic (fixed order, no randomness).
 *
 * Labels and node sizes are drawn in screen pixels whatever the zoom, so the
 * boxes are measured in pixels and converted to graph units with
 * `unitsPerPixel` — the layout's assumption about how small the graph will be
 * shown (see `minViewportSize` in layout.ts).
 *
 * It compares every pair, so it is meant for the graphs whose labels are all
 * shown at once (a few hundred nodes); `applyLayout` skips it above that.
 */

import type { NewsGraph, NodeAttributes } from './attributes.ts';

export interface LabelBoxOptions {
  /** Graph units per screen pixel. */
  unitsPerPixel: number;
  /** Average width of one label character, in pixels (13 px semibold sans). */
  charWidth: number;
  /** Height of a label line, in pixels. */
  lineHeight: number;
  /** Gap between the node disc and its label, in pixels. */
  labelGap: number;
  /** Gap kept between boxes, in pixels. */
  padding: number;
  maxIterations: number;
}

export const DEFAULT_LABEL_BOX_OPTIONS: LabelBoxOptions = {
  unitsPerPixel: 1,
  charWidth: 7.5,
  lineHeight: 18,
  labelGap: 5,
  padding: 4,
  maxIterations: 300,
};

/** A node's box relative to its centre, in graph units. */
export interface LabelBoxExtent {
  left: number;
  right: number;
  half: number;
}

export function labelBoxExtent(attributes: Pick<NodeAttributes, 'size' | 'label'>, options: LabelBoxOptions): LabelBoxExtent {
  const k = options.unitsPerPixel;
  return {
    left: attributes.size * k,
    right: (attributes.size + options.labelGap + attributes.label.length * options.charWidth) * k,
    half: Math.max(attributes.size, options.lineHeight / 2) * k,
  };
}

interface Box extends LabelBoxExtent {
  node: string;
  x: number;
  y: number;
}

/** Returns the number of iterations used (0 when nothing overlapped). */
export function separateLabels(graph: NewsGraph, partial: Partial<LabelBoxOptions> = {}): number {
  const options = { ...DEFAULT_LABEL_BOX_OPTIONS, ...partial };
  const padding = options.padding * options.unitsPerPixel;
  const boxes: Box[] = graph.mapNodes((node, attributes) => ({ node, x: attributes.x, y: attributes.y, ...labelBoxExtent(attributes, options) }));

  let iteration = 0;
  for (; iteration < options.maxIterations; iteration++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        const overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + padding;
        if (overlapX <= 0) continue;
        const overlapY = Math.min(a.y + a.half, b.y + b.half) - Math.max(a.y - a.half, b.y - b.half) + padding;
        if (overlapY <= 0) continue;
        moved = true;
        // Push apart along the cheaper axis, half each; ties broken by index so the result is reproducible.
        // A vertical push is charged double: labels are wide and short, so the cheaper axis is nearly always
        // vertical, and a graph of 77 named nodes (Les Misérables) came out as a strip twice as tall as wide.
        if (overlapY * 2 <= overlapX) {
          const direction = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (direction * overlapY) / 2;
          b.y -= (direction * overlapY) / 2;
        } else {
          const direction = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += (direction * overlapX) / 2;
          b.x -= (direction * overlapX) / 2;
        }
      }
    }
    if (!moved) break;
  }
  for (const box of boxes) graph.mergeNodeAttributes(box.node, { x: box.x, y: box.y });
  return iteration;
}
