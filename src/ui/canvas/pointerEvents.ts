/**
 * Pointer events on the canvas
 * ============================
 *
 * What hovering and clicking nodes, edges and the stage dispatch. Installed
 * on a sigma by GraphCanvas; returns nothing to undo (sigma.kill drops its
 * listeners).
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';
import { clearSelection, hoverNode, selectEdge, selectNode, type Transition } from '../../state/explorerState.ts';
import { restyleInPlace } from '../sigmaRefresh.ts';

interface PointerOptions {
  dispatch: (transition: Transition) => void;
  /** Light a hovered node's neighbourhood (off in big graphs: it restyles everything). */
  lightNeighboursOnHover: boolean;
  /** Corpus mode's double-click on a node, read at click time. */
  onNodeDoubleClick: () => ((node: string) => void) | undefined;
  /** The edge under the pointer, read by the reducers to label it. */
  hoveredEdge: { current: string | null };
}

export function installPointerEvents(sigma: Sigma<NodeAttributes, EdgeAttributes>, container: HTMLElement, options: PointerOptions): void {
  const { dispatch, lightNeighboursOnHover, hoveredEdge } = options;
  // In a big graph a hover only gets sigma's own hover card: lighting the
  // neighbourhood restyles every node and edge, a few hundred milliseconds
  // at 50,000 edges, on each node the pointer crosses. A click still does.
  sigma.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    if (lightNeighboursOnHover) dispatch(hoverNode(node));
  });
  sigma.on('leaveNode', () => {
    container.style.cursor = '';
    if (lightNeighboursOnHover) dispatch(hoverNode(null));
  });
  sigma.on('leaveStage', () => {
    // sigma 3.0.2 emits leaveNode when the pointer leaves the canvas straight
    // from a node but keeps that node as hovered, so its hover card would stay
    // drawn; forget it (the refresh that follows our hoverNode(null) redraws,
    // and a big graph, which does not restyle on hover, redraws here).
    if (sigma['hoveredNode'] === null) return;
    sigma['hoveredNode'] = null;
    if (!lightNeighboursOnHover) sigma.scheduleRender();
  });
  // A hovered edge says its relation in words (edge labels otherwise only on selection): one edge re-styled in place.
  const restyleEdge = (edge: string | null) => {
    if (edge !== null && sigma.getGraph().hasEdge(edge)) restyleInPlace(sigma, [], [edge]);
  };
  sigma.on('enterEdge', ({ edge }) => {
    container.style.cursor = 'pointer';
    const before = hoveredEdge.current;
    hoveredEdge.current = edge;
    restyleEdge(before);
    restyleEdge(edge);
  });
  sigma.on('leaveEdge', () => {
    container.style.cursor = '';
    const before = hoveredEdge.current;
    hoveredEdge.current = null;
    restyleEdge(before);
  });
  /** What the last single click hit: a double click is on a node only if both clicks were. */
  let clicked: string | null = null;
  sigma.on('clickNode', ({ node }) => {
    clicked = node;
    dispatch(selectNode(node));
  });
  sigma.on('clickEdge', ({ edge }) => {
    clicked = null;
    dispatch(selectEdge(edge));
  });
  sigma.on('clickStage', () => {
    clicked = null;
    dispatch(clearSelection());
  });
  // sigma reports a second click within 300 ms as a double click (and zooms);
  // quickly clicking one node and then another must still select the second.
  sigma.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
    dispatch(selectNode(node));
    const onDouble = options.onNodeDoubleClick();
    const same = clicked === node;
    clicked = null;
    if (!onDouble || !same) return;
    preventSigmaDefault();
    onDouble(node);
  });
  sigma.on('doubleClickEdge', ({ edge }) => {
    clicked = null;
    dispatch(selectEdge(edge));
  });
}
