/**
 * Opening kept data — a saved workspace or a link's data — through the gate
 * ==========================================================================
 *
 * Both arrive as JSON text that this page did not just validate: a stored
 * workspace may have been written by an older version (or edited in the
 * browser's tools), and a link is anyone's text. So both go the way an
 * imported file goes: the import worker parses the text and runs it through
 * `checkCandidate` off the main thread, answering with a dataset or with the
 * problems to list.
 */

import type { Dataset, Problem } from '../../model/index.ts';
import { unpackLinkData } from '../../state/workspacesLink.ts';
import type { WorkspaceMeta } from '../../state/workspaces.ts';
import type { ImportStage } from '../data/importProtocol.ts';
import { readWorkspace } from './workspaceStore.ts';

export type Opened = { ok: true; dataset: Dataset; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** The name a link's data is read under (its `.json` makes the format detector read it as JSON). */
export const LINK_FILE_NAME = 'shared-link.json';

async function throughGate(fileName: string, text: string, onProgress?: (stage: ImportStage) => void): Promise<Opened> {
  // Loaded when first needed, as the data shell does for files: the first frame of the seed needs none of it.
  const { importInWorker } = await import('../data/importInWorker.ts');
  const outcome = await importInWorker(fileName, text, onProgress ? { onProgress } : {});
  return outcome.type === 'result' ? { ok: true, dataset: outcome.dataset, warnings: outcome.warnings } : { ok: false, problems: outcome.problems };
}

/** A link's `#data=` payload: unpacked (length, alphabet, decompression, UTF-8), then the import gate. */
export async function openLinkData(payload: string, onProgress?: (stage: ImportStage) => void): Promise<Opened> {
  const unpacked = await unpackLinkData(payload);
  if (!unpacked.ok) return { ok: false, problems: [unpacked.problem] };
  return throughGate(LINK_FILE_NAME, unpacked.text, onProgress);
}

/** A stored workspace, or null when there is none by that id (deleted in another tab, storage cleared). */
export async function openWorkspace(id: string, onProgress?: (stage: ImportStage) => void): Promise<{ meta: WorkspaceMeta; opened: Opened } | null> {
  let stored;
  try {
    stored = await readWorkspace(id);
  } catch {
    // Storage unreadable (blocked, private window): as good as no workspace.
    return null;
  }
  if (stored === null) return null;
  return { meta: stored.meta, opened: await throughGate(`${stored.meta.name}.json`, stored.text, onProgress) };
}
