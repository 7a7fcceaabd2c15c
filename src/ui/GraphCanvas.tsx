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
 * Each concern installed on a new sigma is a small controller in `canvas/`:
 * pointer events (`pointerEvents.ts`), the worker layout
 * (`workerLayoutLink.ts`), the canvas's own resizes (`resizeWatch.ts`), the
 * camera noted for the shareable link and restored from it (`cameraLink.ts`),
 * and the drawing test handle (`drawingHandle.ts`).
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
import type { ExplorerState, Transition } from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';
import { noteCameraMoves } from './canvas/cameraLink.ts';
import { installDrawingHandle } from './canvas/drawingHandle.ts';
import { installPointerEvents } from './canvas/pointerEvents.ts';
import { watchResizes } from './canvas/resizeWatch.ts';
import { useCameraMoves } from './canvas/useCameraMoves.ts';
import { linkWorkerLayout } from './canvas/workerLayoutLink.ts';
import { explorerReducers } from './explorerReducers.ts';
import { keepView as captureView, restoreView } from './corpus/keptView.ts';
import { createLabelMeasurer, fitGraphWithLabels } from './fitWithLabels.ts';
import { GraphToolbar } from './GraphToolbar.tsx';
import { LayoutControls } from './LayoutControls.tsx';
import { restyleInPlace } from './sigmaRefresh.ts';
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
  /** The edge under the pointer: labelled by the reducers (canvas/pointerEvents.ts). */
  const hoveredEdgeRef = useRef<string | null>(null);
  const { graph } = model;
  // Corpus mode keeps one sigma whatever the graph (see the header); otherwise each graph gets its own.
  const sigmaFor = keepView ? null : graph;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    // Big graphs are laid out in a worker after opening (canvas/workerLayoutLink.ts).
    const layout = !keepView && shouldUseWorker(graph) ? createWorkerLayout(graph) : null;
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(layout ? layout.movingGraph : graph, container, {
      ...SIGMA_SETTINGS,
      ...sigmaSettingsForSize(graph.order),
      ...explorerReducers(model, () => sceneRef.current, () => hoveredEdgeRef.current),
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
    let unlinkLayout = () => {};
    if (layout) {
      // No fit (positions keep moving, and sigma's own bounding box, recomputed
      // each frame, frames them), so no render follows construction: sigma's
      // constructor drew the first frame.
      renders = 1;
      container.dataset.ready = 'true';
      unlinkLayout = linkWorkerLayout(sigma, layout, graph);
      setWorkerLayout(layout);
    } else {
      fit();
      sigma.on('resize', fit);
    }
    fitRef.current = fit;

    installPointerEvents(sigma, container, {
      dispatch,
      lightNeighboursOnHover: !isBigGraph(graph.order),
      onNodeDoubleClick: () => doubleClickRef.current,
      hoveredEdge: hoveredEdgeRef,
    });
    const stopResizes = watchResizes(sigma, container);
    const stopCamera = noteCameraMoves(sigma, dispatch);
    const uninstallDrawing = installDrawingHandle(sigma, hoveredEdgeRef);
    const uninstall = installTestHandle(sigma, () => stateRef.current, () => renders);
    return () => {
      fitRef.current = () => {};
      stopResizes();
      stopCamera();
      uninstall();
      uninstallDrawing();
      hoveredEdgeRef.current = null;
      unlinkLayout();
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
      sigma.setSettings({ ...sigmaSettingsForSize(graph.order), ...explorerReducers(model, () => sceneRef.current, () => hoveredEdgeRef.current) });
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

  useCameraMoves(sigmaRef, model, state, scene);

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
