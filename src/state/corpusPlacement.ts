/**
 * Corpus mode: where newly loaded entities go
 * ===========================================
 *
 * When an expand or a search brings new entities into the graph, the ones
 * already drawn keep their positions (the reader's mental map survives) and
 * each new one is put near an entity it is related to — the expanded one
 * first — on the nearest free spot of rings around it, preferring the side
 * facing away from the rest of the graph. "Free" means its node-plus-label
 * box (graph/separateLabels.ts `labelBoxExtent`, the same boxes the first
 * layout keeps apart) touches no other box. New entities with no drawn
 * relative (an article about something else) start a cluster of their own
 * just outside the drawing.
 *
 * Deterministic (fixed order, no randomness) and cheap: a grid of boxes, a
 * few hundred candidate spots per node at worst; no force simulation, which
 * would move what the reader has already seen.
 */

import type { NewsGraph } from '../graph/attributes.ts';
import { DEFAULT_LAYOUT_OPTIONS } from '../graph/layout.ts';
import { DEFAULT_LABEL_BOX_OPTIONS, labelBoxExtent, type LabelBoxExtent } from '../graph/separateLabels.ts';

export interface Point {
  x: number;
  y: number;
}

/** Rings tried around an anchor before giving up and accepting an overlap. */
const MAX_RINGS = 40;
const UNITS_PER_PIXEL = DEFAULT_LAYOUT_OPTIONS.extent / DEFAULT_LAYOUT_OPTIONS.minViewportSize;
const BOX_OPTIONS = { ...DEFAULT_LABEL_BOX_OPTIONS, unitsPerPixel: UNITS_PER_PIXEL };
const MARGIN = DEFAULT_LAYOUT_OPTIONS.nodeMargin * UNITS_PER_PIXEL;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Placed boxes in a uniform grid, so "does this spot touch anything?" looks at a few cells. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}

  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(box.x0 / this.cell); i <= Math.floor(box.x1 / this.cell); i++)
      for (let j = Math.floor(box.y0 / this.cell); j <= Math.floor(box.y1 / this.cell); j++) keys.push(`${i},${j}`);
    return keys;
  }

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  hits(box: Box): boolean {
    for (const key of this.keys(box))
      for (const other of this.cells.get(key) ?? []) if (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1) return true;
    return false;
  }
}

function boxAt({ x, y }: Point, extent: LabelBoxExtent): Box {
  // A margin on every side, as the first layout leaves between discs.
  return { x0: x - extent.left - MARGIN / 2, x1: x + extent.right + MARGIN / 2, y0: y - extent.half - MARGIN / 2, y1: y + extent.half + MARGIN / 2 };
}

/** Spots on rings around `centre`, the ones facing `outward` (radians) first on each ring. */
function* ringSpots(centre: Point, firstRadius: number, outward: number): Generator<Point> {
  for (let ring = 0; ring < MAX_RINGS; ring++) {
    const radius = firstRadius * (1 + 0.55 * ring);
    const count = Math.max(8, Math.round((2 * Math.PI * radius) / (firstRadius * 0.6)));
    const step = (2 * Math.PI) / count;
    // 0, +1, -1, +2, -2 … steps away from the outward direction.
    for (let k = 0; k < count; k++) {
      const offset = (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
      const angle = outward + offset * step;
      yield { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
    }
  }
}

/**
 * Gives every node of `graph` a position: the one in `known` when it has
 * one, else a free spot near a placed relative (`anchor` first). Writes x
 * and y in place.
 */
export function placeNewNodes(graph: NewsGraph, known: ReadonlyMap<string, Point>, anchor?: string): void {
  const extentOf = (node: string) => labelBoxExtent(graph.getNodeAttributes(node), BOX_OPTIONS);
  const placed = new Map<string, Point>();
  const grid = new BoxGrid(120 * UNITS_PER_PIXEL);
  let sumX = 0;
  let sumY = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((node) => {
    const point = known.get(node);
    if (!point) return;
    placed.set(node, point);
    grid.add(boxAt(point, extentOf(node)));
    sumX += point.x;
    sumY += point.y;
    minX = Math.min(minX, point.x);
    maxX = Math.max(maxX, point.x);
    minY = Math.min(minY, point.y);
    maxY = Math.max(maxY, point.y);
  });
  if (placed.size === graph.order) {
    for (const [node, point] of placed) graph.mergeNodeAttributes(node, point);
    return;
  }
  const centroid = placed.size > 0 ? { x: sumX / placed.size, y: sumY / placed.size } : { x: 0, y: 0 };

  const put = (node: string, near: Point, firstRadius: number) => {
    const extent = extentOf(node);
    const dx = near.x - centroid.x;
    const dy = near.y - centroid.y;
    const outward = dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx);
    let spot: Point | undefined;
    let last: Point = near;
    for (const candidate of ringSpots(near, firstRadius, outward)) {
      last = candidate;
      if (!grid.hits(boxAt(candidate, extent))) {
        spot = candidate;
        break;
      }
    }
    const point = spot ?? last;
    placed.set(node, point);
    grid.add(boxAt(point, extent));
  };
  const radiusBetween = (a: string, b: string) => (graph.getNodeAttribute(a, 'size') + graph.getNodeAttribute(b, 'size')) * UNITS_PER_PIXEL + 3 * MARGIN;

  // Breadth first from what is drawn: the anchor's new neighbours, then theirs, and so on.
  const byDegree = (a: string, b: string) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0);
  const spread = (from: string[]) => {
    const queue = [...from];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const fresh = graph.neighbors(node).filter((neighbour) => !placed.has(neighbour));
      fresh.sort(byDegree);
      for (const neighbour of fresh) {
        if (placed.has(neighbour)) continue;
        put(neighbour, placed.get(node)!, radiusBetween(node, neighbour));
        queue.push(neighbour);
      }
    }
  };
  const start = anchor !== undefined && placed.has(anchor) ? [anchor] : [];
  spread(start);
  spread([...placed.keys()].filter((node) => node !== anchor).sort(byDegree));

  // What no drawn entity is related to: each group starts just outside the drawing.
  const span = placed.size > 0 ? Math.max(maxX - minX, maxY - minY, 1) : 1;
  const outside = placed.size > 0 ? span / 2 + 40 * UNITS_PER_PIXEL : 0;
  const rest = graph.nodes().filter((node) => !placed.has(node));
  rest.sort(byDegree);
  for (const node of rest) {
    if (placed.has(node)) continue;
    put(node, centroid, Math.max(outside, 40 * UNITS_PER_PIXEL));
    spread([node]);
  }

  for (const [node, point] of placed) graph.mergeNodeAttributes(node, point);
}
