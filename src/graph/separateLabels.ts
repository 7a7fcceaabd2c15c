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
 * It compares every pair, so it is meant for the graphs whose labels are all
 * shown at once (a few hundred nodes); `applyLayout` skips it above that.
 */

import type { NewsGraph } from './attributes.ts';

export interface LabelBoxOptions {
  /** Average width of one label character, in graph units (≈ pixels at the layout's scale). */
  charWidth: number;
  /** Height of a label line, in graph units. */
  lineHeight: number;
  /** Gap kept between boxes, in graph units. */
  padding: number;
  maxIterations: number;
}

export const DEFAULT_LABEL_BOX_OPTIONS: LabelBoxOptions = { charWidth: 8, lineHeight: 18, padding: 6, maxIterations: 300 };

interface Box {
  node: string;
  x: number;
  y: number;
  /** Box extent relative to the node centre. */
  left: number;
  right: number;
  half: number;
}

/** Returns the number of iterations used (0 when nothing overlapped). */
export function separateLabels(graph: NewsGraph, options: Partial<LabelBoxOptions> = {}): number {
  const { charWidth, lineHeight, padding, maxIterations } = { ...DEFAULT_LABEL_BOX_OPTIONS, ...options };
  const boxes: Box[] = [];
  graph.forEachNode((node, attributes) => {
    const size = attributes.size;
    boxes.push({
      node,
      x: attributes.x,
      y: attributes.y,
      left: size,
      right: size + 4 + attributes.label.length * charWidth,
      half: Math.max(size, lineHeight / 2),
    });
  });

  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
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
        if (overlapY <= overlapX) {
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
