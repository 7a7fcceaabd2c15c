/**
 * Graph size
 * ==========
 *
 * One cut-off between an article's graph and a corpus's: above
 * `BIG_GRAPH_MIN_NODES` nodes ForceAtlas2 runs in a Web Worker instead of
 * before the first frame (layout.ts, and the CLI's export skips the layout),
 * and sigma culls labels and draws smaller (ui/sigmaScale.ts).
 */

export const BIG_GRAPH_MIN_NODES = 500;

/** True for a corpus-sized graph (more than `BIG_GRAPH_MIN_NODES` nodes). */
export function isBigGraph(nodes: number): boolean {
  return nodes > BIG_GRAPH_MIN_NODES;
}
