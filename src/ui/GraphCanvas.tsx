/**
 * GraphCanvas — the one component that owns the sigma instance
 * ============================================================
 *
 * Creates sigma on mount and kills it on unmount; never touches the graphology
 * graph. Everything the reader changes (filters, hover, selection) reaches the
 * drawing through sigma's reducers (`explorerReducers.ts`), which read the
 * latest scene (`state/scene.ts`, computed by App) from a ref. A new scene
 * triggers one refresh, of only what it can have changed
 * (`state/refreshScope.ts`). Big graphs are laid out by
 * the worker layout after the first frame (`graph/workerLayout.ts`).
 *
 * In corpus mode (`keepView`) the graph grows under the reader: one sigma
 * lives for the page and each grown graph is swapped into it (a new sigma
 * means new WebGL contexts and shaders: seconds with software WebGL), the
 * camera kept where the reader left it (corpus/keptView.ts) rather than
 * re-fitted; positions are never handed to the worker layout (the entities
 * drawn keep their places), and a double-click on a node expands it
 * (`onNodeDoubleClick`) instead of zooming.
 */

import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { isBigGraph } from '../graph/graphSize.ts';
import { shouldUseWorker } from '../graph/layout.ts';
import { createWorkerLayout, type WorkerLayout } from '../graph/workerLayout.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { refreshScope } from '../state/refreshScope.ts';
import { clearSelection, hoverNode, selectEdge, selectNode, type ExplorerState, type Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { explorerReducers } from './explorerReducers.ts';
import { keepView as captureView, restoreView } from './corpus/keptView.ts';
import { createLabelMeasurer, fitGraphWithLabels } from './fitWithLabels.ts';
import { GraphToolbar } from './GraphToolbar.tsx';
import { LayoutControls } from './LayoutControls.tsx';
import { rereadPositions, restyleInPlace } from './sigmaRefresh.ts';
import { SIGMA_SETTINGS } from './sigmaSettings.ts';
import { nodeSizeScale, sigmaSettingsForSize } from './sigmaScale.ts';
import { installTestHandle } from './testHandle.ts';
import { ZoomControls } from './ZoomControls.tsx';

interface GraphCanvasProps {
  model: ExplorerModel;
  state: ExplorerState;
  /** What the state leaves on screen, and how it looks. */
  scene: Scene;
  dispatch: (transition: Transition) => void;
  /** Drawn over the canvas (a notice such as "no relations"). */
  children?: ReactNode;
  /** Corpus mode: keep positions and the camera as the graph grows (see the header). */
  keepView?: boolean;
  /** Corpus mode: what a double-click on a node does besides selecting it (expand it). */
  onNodeDoubleClick?: (node: string) => void;
}

export function GraphCanvas({ model, state, scene, dispatch, children, keepView = false, onNodeDoubleClick }: GraphCanvasProps): ReactElement {
  const containerRef = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const sceneRef = useRef(scene);
  sceneRef.current = scene;
  /** The scene sigma last drew, to re-style only what changed since. */
  const drawnSceneRef = useRef(scene);
  const [workerLayout, setWorkerLayout] = useState<WorkerLayout | null>(null);
  const doubleClickRef = useRef(onNodeDoubleClick);
  doubleClickRef.current = onNodeDoubleClick;
  /** Fits the camera to the graph sigma draws (set once sigma exists). */
  const fitRef = useRef<() => void>(() => {});
  const { graph } = model;
  // Corpus mode keeps one sigma whatever the graph (see the header); otherwise each graph gets its own.
  const sigmaFor = keepView ? null : graph;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    // Big graphs are laid out in a worker after opening. While it runs sigma
    // draws the layout's edge-free copy of the nodes, then the whole graph
    // once it stops: re-processing every edge at each position update would
    // hold the main thread for hundreds of milliseconds.
    const layout = !keepView && shouldUseWorker(graph) ? createWorkerLayout(graph) : null;
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(layout ? layout.movingGraph : graph, container, {
      ...SIGMA_SETTINGS,
      ...sigmaSettingsForSize(graph.order),
      ...explorerReducers(model, () => sceneRef.current),
    });
    sigmaRef.current = sigma;
    drawnSceneRef.current = sceneRef.current;
    let renders = 0;
    sigma.on('afterRender', () => {
      renders += 1;
      // Tests and screenshots wait for this instead of sleeping: software WebGL is slow.
      if (renders === 1) container.dataset.ready = 'true';
    });
    const settings = sigma.getSettings();
    const measure = createLabelMeasurer(`${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`);
    const fit = () => fitGraphWithLabels(sigma, measure);
    let layoutFrame: number | undefined;
    let layoutTimer: number | undefined;
    if (layout) {
      // No fit (positions keep moving, and sigma's own bounding box, recomputed
      // each frame, frames them), so no render follows construction: sigma's
      // constructor drew the first frame.
      renders = 1;
      container.dataset.ready = 'true';
      layout.subscribe(() => {
        const running = layout.getSnapshot().running;
        const shown = running ? layout.movingGraph : graph;
        if (sigma.getGraph() !== shown) sigma.setGraph(shown);
        // New positions, written without graph events: re-read them (no reducer runs, no edges to process).
        else if (running) rereadPositions(sigma, { schedule: true });
      });
      // Started once that first frame is on screen: the worker's set-up is main-thread work too.
      layoutFrame = requestAnimationFrame(() => {
        layoutTimer = window.setTimeout(() => layout.start(), 0);
      });
      setWorkerLayout(layout);
    } else {
      fit();
      sigma.on('resize', fit);
    }
    fitRef.current = fit;

    // In a big graph a hover only gets sigma's own hover card: lighting the
    // neighbourhood restyles every node and edge, a few hundred milliseconds
    // at 50,000 edges, on each node the pointer crosses. A click still does.
    const lightNeighboursOnHover = !isBigGraph(graph.order);
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
    sigma.on('enterEdge', () => {
      container.style.cursor = 'pointer';
    });
    sigma.on('leaveEdge', () => {
      container.style.cursor = '';
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
      const onDouble = doubleClickRef.current;
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

    // sigma only listens to window resizes; the side panel collapsing or widening
    // resizes the canvas alone, and a stale size would stretch the drawing.
    // A container squeezed to zero (a layout in flux) would make sigma throw; wait for a real size.
    const resizes = new ResizeObserver(() => {
      if (container.offsetWidth > 0 && container.offsetHeight > 0) sigma.scheduleRefresh();
    });
    resizes.observe(container);

    const uninstall = installTestHandle(sigma, () => stateRef.current, () => renders);
    return () => {
      fitRef.current = () => {};
      resizes.disconnect();
      uninstall();
      if (layoutFrame !== undefined) cancelAnimationFrame(layoutFrame);
      clearTimeout(layoutTimer);
      layout?.kill();
      setWorkerLayout(null);
      sigma.kill();
      sigmaRef.current = null;
      delete container.dataset.ready;
    };
    // The reducers read only the graph (explorerReducers.ts): a model with the same graph keeps this sigma.
  }, [sigmaFor, keepView, dispatch]);

  useEffect(() => {
    // Corpus mode: a grown graph swapped into the living sigma, on the camera the reader left.
    const sigma = sigmaRef.current;
    if (!keepView || !sigma || sigma.getGraph() === graph) return;
    const view = captureView(sigma);
    if (nodeSizeScale(sigma.getGraph().order) !== nodeSizeScale(graph.order))
      sigma.setSettings({ ...sigmaSettingsForSize(graph.order), ...explorerReducers(model, () => sceneRef.current) });
    // setGraph draws with the latest scene at once: nothing is left for the scene effect below to redraw.
    drawnSceneRef.current = sceneRef.current;
    sigma.setGraph(graph);
    fitRef.current();
    if (view) restoreView(sigma, view);
  }, [graph, keepView, model]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    const scope = refreshScope(drawnSceneRef.current, scene);
    drawnSceneRef.current = scene;
    if (scope.kind === 'none') return;
    // Re-styling in place needs those edges drawn (while the worker layout runs, sigma shows the nodes alone).
    const inPlace = sigma.getGraph() === model.graph;
    if (scope.kind === 'some' && inPlace) restyleInPlace(sigma, scope.nodes, scope.edges);
    // With z-index off (big graphs) the draw order ignores looks, so a new emphasis needs no re-indexing either.
    else if (scope.kind === 'looks' && inPlace && !sigma.getSetting('zIndex')) restyleInPlace(sigma, model.index.nodeKeys, model.index.edgeKeys);
    else sigma.refresh();
  }, [model, scene]);

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
  useEffect(() => {
    // A traced path is framed whole, so every hop the panel lists is on screen.
    const sigma = sigmaRef.current;
    if (!sigma || pathNodes === '') return;
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

  return (
    <div className="graph-area">
      <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" aria-label="Knowledge graph of the article" role="region" />
      <ZoomControls sigmaRef={sigmaRef} />
      <GraphToolbar sigmaRef={sigmaRef} model={model} scene={scene} />
      {workerLayout ? <LayoutControls layout={workerLayout} /> : null}
      {children}
    </div>
  );
}
