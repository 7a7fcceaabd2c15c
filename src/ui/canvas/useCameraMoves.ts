/**
 * Where the camera goes on its own
 * ================================
 *
 * The canvas's camera moves that follow the explorer's state, each its own
 * effect: glide to a node chosen in the search box; keep a selected node on
 * screen; frame a traced path, and go back to the whole graph once it is
 * cleared; put the camera where an opened link says (`cam=`).
 */

import { useEffect, useRef, type RefObject } from 'react';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { ExplorerState } from '../../state/explorerState.ts';
import type { Scene } from '../../state/scene.ts';
import { applyView } from './cameraLink.ts';

export function useCameraMoves(
  sigmaRef: RefObject<Sigma<NodeAttributes, EdgeAttributes> | null>,
  model: ExplorerModel,
  state: ExplorerState,
  scene: Scene,
): void {
  const camera = state.camera;
  useEffect(() => {
    // A node chosen in the search box: glide to it and zoom in a little, whether or not it is on screen.
    const sigma = sigmaRef.current;
    if (!sigma || camera === null || !model.graph.hasNode(camera.node)) return;
    const framed = sigma.getNodeDisplayData(camera.node);
    if (!framed) return;
    const current = sigma.getCamera().getState();
    void sigma.getCamera().animate({ x: framed.x, y: framed.y, ratio: Math.min(current.ratio, 0.8) }, { duration: 450 });
  }, [model, camera]);

  const path = scene.path;
  const pathNodes = path?.kind === 'found' ? [...path.nodes].sort().join(' ') : '';
  const framedPath = useRef('');
  useEffect(() => {
    // A traced path is framed whole, so every hop the panel lists is on screen;
    // once it is cleared the camera goes back to the whole graph.
    const sigma = sigmaRef.current;
    const wasFramed = framedPath.current !== '';
    framedPath.current = pathNodes;
    if (!sigma) return;
    if (pathNodes === '') {
      if (wasFramed) void sigma.getCamera().animatedReset({ duration: 450 });
      return;
    }
    const points = pathNodes.split(' ').flatMap((node) => {
      const framed = sigma.getNodeDisplayData(node);
      return framed ? [framed] : [];
    });
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.min(1, Math.max(0.55, Math.max(maxX - minX, maxY - minY) * 2.2));
    void sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 });
  }, [pathNodes]);

  const viewRequest = state.viewRequest ?? null;
  useEffect(() => {
    // An opened link's camera (shareableView.ts `cam=`).
    const sigma = sigmaRef.current;
    if (sigma && viewRequest) applyView(sigma, viewRequest.view);
  }, [viewRequest]);

  const selectedNode = state.selection.kind === 'node' ? state.selection.id : null;
  useEffect(() => {
    // Opening an entity from the search box should not leave it off-screen after panning or zooming.
    const sigma = sigmaRef.current;
    if (!sigma || selectedNode === null || !model.graph.hasNode(selectedNode)) return;
    const { x, y } = model.graph.getNodeAttributes(selectedNode);
    const onScreen = sigma.graphToViewport({ x, y });
    const { width, height } = sigma.getDimensions();
    const margin = 40;
    if (onScreen.x >= margin && onScreen.y >= margin && onScreen.x <= width - margin && onScreen.y <= height - margin) return;
    const framed = sigma.getNodeDisplayData(selectedNode);
    if (framed) void sigma.getCamera().animate({ x: framed.x, y: framed.y }, { duration: 300 });
  }, [model, selectedNode]);
}
