/**
 * Camera ↔ shareable link
 * =======================
 *
 * Where the reader leaves the camera is noted in the explorer state (so the
 * link carries it, shareableView.ts `cam=`), once it has rested a moment: a
 * pan is dozens of camera updates. Only moves the reader made count. The whole-graph view is sigma's home
 * camera and is noted as none, so an untouched view keeps a clean link.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';
import { noteView, type CameraView, type Transition } from '../../state/explorerState.ts';

/** The camera sigma fits the whole graph with (fitWithLabels.ts frames the graph at it). */
export const HOME_VIEW: CameraView = { x: 0.5, y: 0.5, ratio: 1 };
const REST_MS = 250;

export function isHome(view: CameraView, tolerance = 1e-3): boolean {
  return Math.abs(view.x - HOME_VIEW.x) < tolerance && Math.abs(view.y - HOME_VIEW.y) < tolerance && Math.abs(view.ratio - HOME_VIEW.ratio) < tolerance;
}

export function noteCameraMoves(sigma: Sigma<NodeAttributes, EdgeAttributes>, dispatch: (transition: Transition) => void): () => void {
  const camera = sigma.getCamera();
  let timer: number | undefined;
  // Only where the reader took the camera (a drag, a wheel, a pinch on the canvas): the app's own fits and
  // glides are not the reader's view, and noting them changed the state under every graph swap.
  let byReader = false;
  const onGesture = () => {
    byReader = true;
  };
  const onUpdated = () => {
    if (!byReader) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const { x, y, ratio } = camera.getState();
      dispatch(noteView(isHome({ x, y, ratio }) ? null : { x, y, ratio }));
    }, REST_MS);
  };
  const mouse = sigma.getMouseCaptor();
  const touch = sigma.getTouchCaptor();
  mouse.on('wheel', onGesture);
  mouse.on('mousedown', onGesture);
  touch.on('touchdown', onGesture);
  camera.on('updated', onUpdated);
  return () => {
    clearTimeout(timer);
    camera.removeListener('updated', onUpdated);
    mouse.removeListener('wheel', onGesture);
    mouse.removeListener('mousedown', onGesture);
    touch.removeListener('touchdown', onGesture);
  };
}

/** Put the camera where a link says, within sigma's zoom limits. */
export function applyView(sigma: Sigma<NodeAttributes, EdgeAttributes>, view: CameraView): void {
  const min = sigma.getSetting('minCameraRatio') ?? 0;
  const max = sigma.getSetting('maxCameraRatio') ?? Infinity;
  sigma.getCamera().setState({ x: view.x, y: view.y, ratio: Math.min(max, Math.max(min, view.ratio)) });
}
