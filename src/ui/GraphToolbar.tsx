/**
 * GraphToolbar — share and save what is on screen
 * ================================================
 *
 * "Copy link" puts the address of the current view (useShareableView keeps it
 * in the hash) on the clipboard. On the seed that address is the whole link;
 * on the user's own data the link also carries the dataset, compressed in
 * the fragment (state/workspacesLink.ts), or — past 32 KB — a notice says
 * plainly that the recipient would not have the data and offers a file
 * instead (ShareLinkNotice). "Save PNG" downloads the graph as drawn, with a
 * legend (exportImage.ts). Each reports its outcome in a live region.
 */

import { useEffect, useRef, useState, type ReactElement, type RefObject } from 'react';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import type { Scene } from '../state/scene.ts';
import { composeDataLink } from '../state/workspacesLink.ts';
import { useDataOrigin } from './data/dataOrigin.ts';
import { graphImage, saveBlob, type ImageLegend } from './exportImage.ts';
import { exportDatasetFile } from './workspaces/exportDatasetFile.ts';
import { knownLinkPayload, linkPayloadOf, packAhead } from './workspaces/linkPayloadCache.ts';
import { ShareLinkNotice, type ShareNotice } from './workspaces/ShareLinkNotice.tsx';
import './analystTools.css';

interface GraphToolbarProps {
  sigmaRef: RefObject<Sigma<NodeAttributes, EdgeAttributes> | null>;
  model: ExplorerModel;
  scene: Scene;
}

/** The legend of what the image shows: the entity and relation types of the scene's visible nodes and edges. */
function legendFor(model: ExplorerModel, scene: Scene): ImageLegend {
  const present = new Set<string>();
  for (const [node, type] of model.index.nodeTypes) if (scene.isNodeVisible(node)) present.add(type);
  const drawn = new Set<string>();
  for (const edge of scene.visibleEdges) {
    const type = model.index.edges.get(edge)?.type;
    if (type !== undefined) drawn.add(type);
  }
  return {
    title: model.dataset.title ?? model.dataset.documents[0]?.title ?? 'newsgraph',
    entities: model.index.entityTypes.filter((type) => present.has(type)).map((type) => ({
      label: model.index.catalog.entity(type).label,
      color: model.index.catalog.entity(type).color,
    })),
    relations: model.index.relationTypes
      .filter((type) => drawn.has(type))
      .map((type) => ({ label: model.index.catalog.relation(type).label, color: model.index.catalog.relation(type).color })),
  };
}

function fileNameFor(model: ExplorerModel): string {
  const base = (model.dataset.title ?? model.dataset.documents[0]?.title ?? 'newsgraph')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${base || 'newsgraph'}.png`;
}

export function GraphToolbar({ sigmaRef, model, scene }: GraphToolbarProps): ReactElement {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ShareNotice | null>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  /** Not the seed: the link must carry the data, or say that it cannot. */
  const ownData = useDataOrigin().kind !== 'seed';
  const { dataset } = model;
  useEffect(() => {
    if (ownData) packAhead(dataset);
  }, [ownData, dataset]);
  const say = (message: string) => {
    setStatus(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 4000);
  };

  const closeNotice = () => {
    setNotice(null);
    copyRef.current?.focus();
  };

  const exportFile = async () => {
    try {
      await exportDatasetFile(dataset);
      closeNotice();
      say('Dataset file saved');
    } catch (error) {
      say(error instanceof Error ? error.message : 'The file could not be made.');
    }
  };

  const copyDataLink = async () => {
    const known = knownLinkPayload(dataset);
    if (known === undefined) say('Preparing the link…');
    const payload = known === undefined ? await linkPayloadOf(dataset) : known;
    const { origin, pathname, search, hash } = window.location;
    const made = composeDataLink(`${origin}${pathname}${search}`, hash, payload);
    if (made.kind === 'too-large') {
      say('');
      setNotice({ kind: 'too-large' });
      return;
    }
    try {
      await navigator.clipboard.writeText(made.link);
      say(`Link copied, with this graph’s data (${Math.max(1, Math.round(made.link.length / 1024))} KB)`);
    } catch {
      say('');
      setNotice({ kind: 'copy-by-hand', link: made.link });
    }
  };

  const copyLink = async () => {
    if (ownData) return copyDataLink();
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      say('Link copied');
    } catch {
      // Clipboard access can be refused (permissions, insecure origin); the address bar always holds the same link.
      say('Copy the link from the address bar');
    }
  };

  const savePng = async () => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    setBusy(true);
    try {
      saveBlob(await graphImage(sigma, legendFor(model, scene)), fileNameFor(model));
      say('PNG saved');
    } catch (error) {
      say(error instanceof Error ? error.message : 'The image could not be made.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Share and export">
      <button
        ref={copyRef}
        type="button"
        className="tool-button"
        onClick={() => void copyLink()}
        data-testid="copy-link"
        title={ownData ? 'Copy a link to this exact view that carries the graph’s data' : 'Copy a link to this exact view'}
      >
        Copy link
      </button>
      <button type="button" className="tool-button" onClick={() => void savePng()} disabled={busy} data-testid="save-png" title="Download the graph with its legend as PNG">
        {busy ? 'Saving…' : 'Save PNG'}
      </button>
      <span className="toolbar-status" role="status" aria-live="polite" data-testid="toolbar-status">
        {status}
      </span>
      {notice ? <ShareLinkNotice notice={notice} onExport={() => void exportFile()} onClose={closeNotice} /> : null}
    </div>
  );
}
