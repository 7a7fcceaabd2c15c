/**
 * useShareableView — keep the URL hash and the explorer state in step
 * ====================================================================
 *
 * On opening (and when the reader edits the hash or goes back) the view the
 * hash describes is restored; afterwards every change of the shareable parts
 * is written back with `history.replaceState`, so the address bar is always
 * a link to what is on screen without filling the history with every click.
 */

import { useEffect, useMemo, useRef } from 'react';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../state/explorerState.ts';
import { decodeView, encodeView, restoreView, type ViewContext } from '../state/shareableView.ts';

export function viewContextOf(model: ExplorerModel): ViewContext {
  return {
    // From the view index, not model.data: that index is built only when a panel first needs it.
    entityIds: new Set(model.index.nodeKeys),
    relationIds: new Set(model.index.edgeKeys),
    relationTypes: model.index.relationTypes,
    entityTypes: model.index.entityTypes,
    documentIds: model.dataset.documents.map((document) => document.id),
  };
}

export function useShareableView(model: ExplorerModel, state: ExplorerState, dispatch: (transition: Transition) => void): void {
  const context = useMemo(() => viewContextOf(model), [model]);
  const restored = useRef(false);

  useEffect(() => {
    const restore = () => {
      if (window.location.hash.length > 1) dispatch(restoreView(decodeView(window.location.hash, context)));
    };
    restore();
    restored.current = true;
    window.addEventListener('hashchange', restore);
    return () => window.removeEventListener('hashchange', restore);
  }, [context, dispatch]);

  const encoded = encodeView(state, context);
  useEffect(() => {
    if (!restored.current) return;
    const { pathname, search, hash } = window.location;
    const next = encoded === '' ? '' : `#${encoded}`;
    if (hash === next || (hash === '#' && next === '')) return;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${next}`);
  }, [encoded]);
}

/** The side-panel tab to open on: the path, when the link carries one. */
export function initialSideTab(): 'path' | 'details' {
  return /(^#|&)(from|to)=/.test(window.location.hash) ? 'path' : 'details';
}
