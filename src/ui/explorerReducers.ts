/**
 * sigma's reducers for the explorer
 * =================================
 *
 * How every node and edge is drawn, from the latest scene: the look decided
 * in `state/scene.ts`, styled by `lookStyles.ts`, then scaled for the graph's
 * size (`sigmaScale.ts`). The reducers read the scene through `getScene` so
 * sigma can keep the same functions for its whole life while the scene
 * changes under them; each look is a few lookups in the scene's sets. An
 * edge's width follows its sentences or its outlets (`scene.widthBy`), and
 * while a timeline window is chosen the relations new in it are marked.
 */

import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { Scene } from '../state/scene.ts';
import { dashNegated, labelHovered, scaleEdge, styleEdge, styleNode } from './lookStyles.ts';
import { edgeSizeScale, nodeSizeScale } from './sigmaScale.ts';

type Reducers = Pick<Settings<NodeAttributes, EdgeAttributes>, 'nodeReducer' | 'edgeReducer'>;

/** `getHoveredEdge`: the edge under the pointer (kept by the canvas, not the explorer state: it changes no scene). */
export function explorerReducers({ graph }: ExplorerModel, getScene: () => Scene, getHoveredEdge: () => string | null = () => null): Reducers {
  const sizeScale = nodeSizeScale(graph.order);
  const edgeScale = edgeSizeScale(graph.order);
  return {
    nodeReducer: (node, data) => {
      const styled = styleNode(getScene().nodeLook(node), data);
      if (styled.size !== undefined) styled.size *= sizeScale;
      return styled;
    },
    edgeReducer: (edge, data) => {
      const scene = getScene();
      const look = scene.edgeLook(edge);
      const label = data.label;
      const styled = dashNegated(data.negated, styleEdge(look, data.hedged, data));
      if (edge === getHoveredEdge()) labelHovered(label, styled);
      if (look !== 'hidden') {
        // Width shows sentences or outlets (the scene's model: in corpus mode it grows while this reducer lives).
        const count = scene.widthBy === 'outlets' ? (scene.visibility.model.sources.byRelation.get(edge)?.outletCount ?? 1) : data.evidenceCount;
        const newness = scene.visibility.inputs.window === null ? 'no-window' : scene.isNew(edge) ? 'new' : 'seen-before';
        scaleEdge(look, count, newness, styled);
      }
      if (styled.size !== undefined) styled.size *= edgeScale;
      return styled;
    },
  };
}
