/**
 * Workspace store — the user's datasets in IndexedDB
 * ==================================================
 *
 * The raw IndexedDB API (no wrapper library: four requests and a
 * transaction helper are all this needs). One database, `newsgraph`, with
 * two object stores keyed by workspace id: `workspaces` holds the small
 * records the Workspaces dialog lists (state/workspaces.ts), `datasets` the
 * dataset JSON text. A save writes both in one readwrite transaction, so a
 * crash or a full disk leaves the old workspace or the new one, never a
 * record without its data. The dataset is kept as JSON text, not as objects:
 * reopening hands the text to the import worker, which parses and validates
 * it off the main thread through the same gate as a file.
 *
 * Which workspace to reopen on the next visit is a hint in localStorage,
 * read synchronously at startup: a visitor with none (and the benchmarks)
 * gets the seed at once, without waiting for the database to open.
 */

import { mergeSavedMeta, storedWorkspaces, type WorkspaceMeta } from '../../state/workspaces.ts';

const DB_NAME = 'newsgraph';
const DB_VERSION = 1;
const META = 'workspaces';
const DATA = 'datasets';
const OPEN_HINT = 'newsgraph.openWorkspace';

export interface StoredWorkspace {
  meta: WorkspaceMeta;
  /** The dataset as JSON text, unvalidated: read it through the import gate. */
  text: string;
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction commits; rejects with its error when it aborts (a quota error arrives here). */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

let database: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  database ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new DOMException('IndexedDB is not available', 'InvalidStateError'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer version opened in another tab: let it upgrade, and reopen on next use.
      db.onversionchange = () => {
        db.close();
        database = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new DOMException('another newsgraph tab holds an older version of the database open', 'InvalidStateError'));
  }).catch((error: unknown) => {
    // Let the next call try again (storage may be freed, the other tab closed).
    database = null;
    throw error;
  });
  return database;
}

async function inTransaction<T>(stores: string[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  const transaction = db.transaction(stores, mode);
  const done = committed(transaction);
  try {
    const result = await work(transaction);
    await done;
    return result;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished or aborted.
    }
    await done.catch(() => undefined);
    throw error;
  }
}

/** Every stored workspace record that is well formed, most recently opened first. */
export function listWorkspaces(): Promise<WorkspaceMeta[]> {
  return inTransaction([META], 'readonly', async (transaction) => storedWorkspaces(await settled(transaction.objectStore(META).getAll())));
}

export function readWorkspace(id: string): Promise<StoredWorkspace | null> {
  return inTransaction([META, DATA], 'readonly', async (transaction) => {
    const [record, text] = await Promise.all([settled(transaction.objectStore(META).get(id)), settled(transaction.objectStore(DATA).get(id))]);
    const [meta] = storedWorkspaces([record]);
    return meta !== undefined && typeof text === 'string' ? { meta, text } : null;
  });
}

/** Writes a workspace's record and dataset in one transaction; the stored name and creation time win over `meta`'s. */
export function saveWorkspace(meta: WorkspaceMeta, text: string): Promise<WorkspaceMeta> {
  return inTransaction([META, DATA], 'readwrite', async (transaction) => {
    const [stored] = storedWorkspaces([await settled(transaction.objectStore(META).get(meta.id))]);
    const written = mergeSavedMeta(stored, meta);
    transaction.objectStore(META).put(written);
    transaction.objectStore(DATA).put(text, meta.id);
    return written;
  });
}

/** Changes one field set of a stored record; false when there is no such record. */
function updateRecord(id: string, change: (meta: WorkspaceMeta) => WorkspaceMeta): Promise<boolean> {
  return inTransaction([META], 'readwrite', async (transaction) => {
    const [stored] = storedWorkspaces([await settled(transaction.objectStore(META).get(id))]);
    if (stored === undefined) return false;
    transaction.objectStore(META).put(change(stored));
    return true;
  });
}

export function renameWorkspace(id: string, name: string): Promise<boolean> {
  return updateRecord(id, (meta) => ({ ...meta, name }));
}

export function markWorkspaceOpened(id: string, now: number): Promise<boolean> {
  return updateRecord(id, (meta) => ({ ...meta, openedAt: now }));
}

/** Deletes the record and its dataset together. */
export function deleteWorkspace(id: string): Promise<void> {
  return inTransaction([META, DATA], 'readwrite', async (transaction) => {
    transaction.objectStore(META).delete(id);
    transaction.objectStore(DATA).delete(id);
  });
}

/** A new workspace id: random, so two tabs never pick the same one. */
export function newWorkspaceId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts (https, localhost); a LAN address over http still has getRandomValues.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The workspace to reopen on the next visit, or null for the seed. */
export function readOpenHint(): string | null {
  try {
    return window.localStorage.getItem(OPEN_HINT);
  } catch {
    // Storage blocked: start on the seed.
    return null;
  }
}

export function writeOpenHint(id: string | null): void {
  try {
    if (id === null) window.localStorage.removeItem(OPEN_HINT);
    else window.localStorage.setItem(OPEN_HINT, id);
  } catch {
    // Storage blocked or full: the next visit starts on the seed, which is all that is lost.
  }
}

/** Why the browser would not store something, in words for the save notice. */
export function storageFailure(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this page is full';
  if (name === 'InvalidStateError' || name === 'SecurityError') {
    return 'this browser does not let the page keep data (a private window, or site data blocked)';
  }
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return `the browser refused to store it (${name || 'unknown error'}${detail})`;
}
