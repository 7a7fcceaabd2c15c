/**
 * useWorkspaces — which saved workspace is open, and keeping it saved
 * ===================================================================
 *
 * The data shell tells this hook about every dataset its gate accepted; the
 * hook decides where it is kept (state/workspaces.ts: a new workspace, the
 * open one, or nowhere for the seed), queues the save (saveQueue.ts) and
 * remembers which workspace to reopen next visit. A save that fails leaves
 * the graph on screen as it is and raises `saveFailure`, a sentence for a
 * non-blocking notice. The dialog's list, rename, delete and "save as new"
 * go through here too, so the open workspace and the stored ones agree.
 */

import { useCallback, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../../model/index.ts';
import type { DataOrigin } from '../../state/dataSource.ts';
import { defaultWorkspaceName, newWorkspaceMeta, saveTargetFor, type WorkspaceMeta } from '../../state/workspaces.ts';
import { SaveQueue, type SaveState } from './saveQueue.ts';
import {
  deleteWorkspace,
  listWorkspaces,
  markWorkspaceOpened,
  newWorkspaceId,
  readOpenHint,
  renameWorkspace,
  storageFailure,
  writeOpenHint,
} from './workspaceStore.ts';

/** The workspace on screen: its id and the name it is saved under. */
export interface OpenWorkspace {
  id: string;
  name: string;
}

export interface Workspaces {
  /** The saved workspace on screen; null for the seed, or after the open one was deleted. */
  open: OpenWorkspace | null;
  saveState: SaveState;
  /** Why the last save failed, in words; null when nothing failed since. */
  saveFailure: string | null;
  dismissSaveFailure: () => void;
  /**
   * The gate accepted `dataset` from `origin` and it is on screen: keep it (`urgent`: at once, not when idle;
   * `sameWorkspace`: it is the open workspace read again, such as a file with its types mapped anew).
   */
  accepted: (dataset: Dataset, origin: DataOrigin, urgent?: boolean, sameWorkspace?: boolean) => void;
  /** A stored workspace was reopened and is on screen. */
  reopened: (meta: WorkspaceMeta) => void;
  saveAsNew: (dataset: Dataset, origin: DataOrigin, name: string) => Promise<WorkspaceMeta>;
  rename: (id: string, name: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
  list: () => Promise<WorkspaceMeta[]>;
}

export function useWorkspaces(): Workspaces {
  const [open, setOpenState] = useState<OpenWorkspace | null>(null);
  const openRef = useRef<OpenWorkspace | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveFailure, setSaveFailure] = useState<string | null>(null);

  const setOpen = useCallback((next: OpenWorkspace | null) => {
    openRef.current = next;
    setOpenState(next);
  }, []);

  const queue = useMemo(
    () =>
      new SaveQueue({
        onState: setSaveState,
        onSaved: (meta) => {
          setSaveFailure(null);
          // Reopen it next visit, once it is really there.
          if (openRef.current?.id === meta.id) writeOpenHint(meta.id);
        },
        onFailed: (error) => setSaveFailure(storageFailure(error)),
      }),
    [],
  );

  const accepted = useCallback(
    (dataset: Dataset, origin: DataOrigin, urgent = false, sameWorkspace = false) => {
      const openId = openRef.current?.id ?? null;
      const target = sameWorkspace && openId !== null ? { kind: 'update' as const, id: openId } : saveTargetFor(origin, openId);
      if (target.kind === 'none') {
        setOpen(null);
        writeOpenHint(null);
        // The seed is built in: there is nothing to save.
        setSaveState('idle');
        return;
      }
      const workspace: OpenWorkspace =
        target.kind === 'update' && openRef.current !== null ? openRef.current : { id: newWorkspaceId(), name: defaultWorkspaceName(dataset, origin) };
      setOpen(workspace);
      // A failure is reported through the listener; nothing waits on this promise.
      queue.schedule({ meta: newWorkspaceMeta(workspace.id, workspace.name, dataset, origin, Date.now()), dataset }, urgent).catch(() => undefined);
    },
    [queue, setOpen],
  );

  const reopened = useCallback(
    (meta: WorkspaceMeta) => {
      setOpen({ id: meta.id, name: meta.name });
      writeOpenHint(meta.id);
      setSaveState('saved');
      // Only the dialog's "last opened" depends on this.
      markWorkspaceOpened(meta.id, Date.now()).catch(() => undefined);
    },
    [setOpen],
  );

  const saveAsNew = useCallback(
    async (dataset: Dataset, origin: DataOrigin, name: string) => {
      const workspace = { id: newWorkspaceId(), name };
      const written = await queue.schedule({ meta: newWorkspaceMeta(workspace.id, name, dataset, origin, Date.now()), dataset }, true);
      setOpen(workspace);
      writeOpenHint(workspace.id);
      return written;
    },
    [queue, setOpen],
  );

  const rename = useCallback(
    async (id: string, name: string) => {
      await renameWorkspace(id, name);
      if (openRef.current?.id === id) setOpen({ id, name });
    },
    [setOpen],
  );

  const remove = useCallback(
    async (id: string) => {
      queue.drop(id);
      await deleteWorkspace(id);
      if (readOpenHint() === id) writeOpenHint(null);
      // What is on screen stays; it is simply no longer kept.
      if (openRef.current?.id === id) setOpen(null);
    },
    [queue, setOpen],
  );

  const dismissSaveFailure = useCallback(() => setSaveFailure(null), []);

  return { open, saveState, saveFailure, dismissSaveFailure, accepted, reopened, saveAsNew, rename, remove, list: listWorkspaces };
}
