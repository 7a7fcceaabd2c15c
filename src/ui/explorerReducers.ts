/**
 * sigma's reducers for the explorer
 * =================================
 *
 * How every node and edge is drawn, from the latest explorer state: the look
 * decided in `state/appearance.ts` (with the analysis tools' view), styled by
 * `graph/display.ts`, then scaled for the graph's size (`sigmaScale.ts`).
 * The reducers read the state through `getState` so sigma can keep the same
 * functions for its whole life while the state changes under them.
 */

import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { styleEdge, styleNode } from '../graph/display.ts';
import { analysisViewOf } from '../state/analysisView.ts';
import { edgeLook, nodeLook } from '../state/appearance.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { ExplorerState } from '../state/explorerState.ts';
import { edgeSizeScale, nodeSizeScale } from './sigmaScale.ts';

type Reducers = Pick<Settings<NodeAttributes, EdgeAttributes>, 'nodeReducer' | 'edgeReducer'>;

export function explorerReducers({ graph, view }: ExplorerModel, getState: () => ExplorerState): Reducers {
  const sizeScale = nodeSizeScale(graph.order);
  const edgeScale = edgeSizeScale(graph.order);
  return {
    nodeReducer: (node, data) => {
      const state = getState();
      const styled = styleNode(nodeLook(view, state, node, analysisViewOf(graph, view, state)), data);
      if (styled.size !== undefined) styled.size *= sizeScale;
      return styled;
    },
    edgeReducer: (edge, data) => {
      const state = getState();
      const styled = styleEdge(edgeLook(view, state, edge, analysisViewOf(graph, view, state)), data.hedged, data);
      if (styled.size !== undefined) styled.size *= edgeScale;
      return styled;
    },
  };
}
