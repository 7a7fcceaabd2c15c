/**
 * WorkspacesDialog — the user's saved graphs: list, reopen, rename, delete, save as new
 * =====================================================================================
 *
 * A modal dialog (useModalDialog: focus kept inside, Escape closes and
 * returns focus). The built-in seed article heads the list; then every
 * workspace kept in this browser, most recently opened first, the one on
 * screen marked "Open now". Each action reports in a live region, and a
 * failure (storage blocked, quota) is said there without closing anything.
 */

import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { copyName, cleanWorkspaceName, describeCounts, WORKSPACE_NAME_MAX, type WorkspaceMeta } from '../../state/workspaces.ts';
import { storageFailure } from './workspaceStore.ts';
import { useModalDialog } from './useModalDialog.ts';
import type { OpenWorkspace } from './useWorkspaces.ts';
import { WorkspaceRow, type RowMode } from './WorkspaceRow.tsx';
import './workspaces.css';

interface WorkspacesDialogProps {
  /** The saved workspace on screen, if any. */
  open: OpenWorkspace | null;
  showingSeed: boolean;
  /** The seed's size, for its row. */
  seedCounts: Pick<WorkspaceMeta, 'entities' | 'relations' | 'documents'>;
  /** What "Save as new" suggests when the graph on screen has no workspace name. */
  currentTitle: string;
  list: () => Promise<WorkspaceMeta[]>;
  /** Resolves true once the workspace is on screen (the dialog then closes), false when it could not be opened. */
  onOpen: (meta: WorkspaceMeta) => Promise<boolean>;
  onOpenSeed: () => void;
  onRename: (id: string, name: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onSaveAsNew: (name: string) => Promise<void>;
  onClose: () => void;
  /** Where the focus goes on closing when the button that opened the dialog is gone. */
  returnFocus: () => HTMLElement | null;
}

type Listing = { kind: 'loading' } | { kind: 'ready'; items: WorkspaceMeta[] } | { kind: 'failed'; reason: string };

export function WorkspacesDialog(props: WorkspacesDialogProps): ReactElement {
  const { open, showingSeed, seedCounts, currentTitle, list, onOpen, onOpenSeed, onRename, onDelete, onSaveAsNew, onClose, returnFocus } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const handlers = useModalDialog(dialogRef, onClose, { initialFocus: closeRef, returnFocus });
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [modes, setModes] = useState<{ id: string; mode: RowMode } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [saveAsName, setSaveAsName] = useState(() => copyName(open?.name ?? currentTitle));
  const [now, setNow] = useState(() => Date.now());
  /** Where the focus goes after the list re-renders (a row's button, by CSS selector). */
  const focusAfter = useRef<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const items = await list();
      setNow(Date.now());
      setListing({ kind: 'ready', items });
    } catch (error) {
      setListing({ kind: 'failed', reason: storageFailure(error) });
    }
  }, [list]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    // Not while an action runs: its buttons are disabled and cannot take the focus.
    if (focusAfter.current === null || busy) return;
    const target = dialogRef.current?.querySelector<HTMLElement>(focusAfter.current);
    focusAfter.current = null;
    (target ?? closeRef.current)?.focus();
  });

  /** Runs one action with the buttons disabled, saying how it went. */
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus(`That did not work: ${storageFailure(error)}.`);
    } finally {
      setBusy(false);
    }
  };

  const rowSelector = (id: string, action: string) => `[data-workspace-id="${CSS.escape(id)}"] [data-testid="${action}"]`;
  const items = listing.kind === 'ready' ? listing.items : [];
  const cleanedSaveAs = cleanWorkspaceName(saveAsName);

  return (
    <dialog ref={dialogRef} className="modal-card workspaces-dialog" aria-labelledby="workspaces-title" aria-describedby="workspaces-sub" data-testid="workspaces-dialog" {...handlers}>
      <div className="workspaces-inner">
        <div className="workspaces-head">
          <div>
            <h2 id="workspaces-title">Workspaces</h2>
            <p id="workspaces-sub" className="workspaces-sub">
              Every import, article and merge is kept in this browser as you go (IndexedDB, on this computer only — nothing is uploaded).
            </p>
          </div>
          <button ref={closeRef} type="button" className="workspaces-close" onClick={onClose} aria-label="Close workspaces" data-testid="workspaces-close">
            ×
          </button>
        </div>

        <ul className="workspaces-list" aria-label="Workspaces" aria-busy={listing.kind === 'loading'} data-testid="workspaces-list">
          <li className={showingSeed ? 'workspace-row is-current' : 'workspace-row'} aria-current={showingSeed ? 'true' : undefined} data-testid="workspace-seed-row">
            <div className="workspace-main">
              <p className="workspace-name">
                Seed article
                {showingSeed ? <span className="workspace-badge">Open now</span> : null}
              </p>
              <p className="workspace-meta">
                <span>Built in, always here</span>
                <span>{describeCounts(seedCounts)}</span>
              </p>
            </div>
            {showingSeed ? null : (
              <div className="workspace-actions">
                <button type="button" className="tool-button" onClick={onOpenSeed} disabled={busy} data-testid="workspace-open-seed">
                  Open
                </button>
              </div>
            )}
          </li>
          {items.map((meta) => (
            <WorkspaceRow
              key={meta.id}
              meta={meta}
              current={open?.id === meta.id}
              now={now}
              busy={busy}
              mode={modes?.id === meta.id ? modes.mode : 'view'}
              onMode={(mode) => {
                setModes(mode === 'view' ? null : { id: meta.id, mode });
                if (mode === 'view') focusAfter.current = rowSelector(meta.id, modes?.mode === 'rename' ? 'workspace-rename' : 'workspace-delete');
              }}
              onOpen={() =>
                void act(async () => {
                  const opened = await onOpen(meta);
                  return opened ? `Opened “${meta.name}”.` : `“${meta.name}” could not be opened; the graph you had is still open.`;
                })
              }
              onRename={(name) =>
                void act(async () => {
                  await onRename(meta.id, name);
                  setModes(null);
                  focusAfter.current = rowSelector(meta.id, 'workspace-rename');
                  await reload();
                  return `Renamed to “${name}”.`;
                })
              }
              onDelete={() =>
                void act(async () => {
                  const index = items.indexOf(meta);
                  const next = items[index + 1] ?? items[index - 1];
                  await onDelete(meta.id);
                  setModes(null);
                  focusAfter.current = next ? rowSelector(next.id, 'workspace-rename') : '[data-testid="workspace-save-as-name"]';
                  await reload();
                  return `Deleted “${meta.name}”.`;
                })
              }
            />
          ))}
        </ul>
        {listing.kind === 'ready' && items.length === 0 ? (
          <p className="workspaces-empty" data-testid="workspaces-empty">
            Nothing saved yet. Import a file or open an article: it is kept here.
          </p>
        ) : null}
        {listing.kind === 'failed' ? (
          <p className="workspaces-empty" role="alert">
            Saved workspaces cannot be read: {listing.reason}.
          </p>
        ) : null}

        <form
          className="workspaces-save-as"
          onSubmit={(event) => {
            event.preventDefault();
            if (cleanedSaveAs === null) return;
            void act(async () => {
              await onSaveAsNew(cleanedSaveAs);
              await reload();
              return `Saved as “${cleanedSaveAs}”.`;
            });
          }}
        >
          <label className="workspace-field-label" htmlFor="workspace-save-as-name">
            Save the graph on screen as a new workspace
          </label>
          <div className="workspaces-save-row">
            <input
              id="workspace-save-as-name"
              type="text"
              value={saveAsName}
              maxLength={WORKSPACE_NAME_MAX * 2}
              onChange={(event) => setSaveAsName(event.target.value)}
              aria-invalid={cleanedSaveAs === null}
              data-testid="workspace-save-as-name"
            />
            <button type="submit" className="tool-button tool-primary" disabled={cleanedSaveAs === null || busy} data-testid="workspace-save-as">
              Save as new
            </button>
          </div>
        </form>
        <p className="workspaces-status" role="status" aria-live="polite" data-testid="workspaces-status">
          {status}
        </p>
      </div>
    </dialog>
  );
}
