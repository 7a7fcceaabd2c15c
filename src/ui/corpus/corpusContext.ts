/**
 * Corpus mode as React context
 * ============================
 *
 * What the explorer's parts need when the data comes from `newsgraph serve`:
 * the corpus's description, the API client, the loads in flight and the
 * actions that fetch more of the corpus (CorpusShell implements them). Null
 * outside corpus mode, so the same components (the entity panel, the search
 * box, the graph's double-click) behave as before when there is no server.
 */

import { createContext, useContext } from 'react';
import type { CorpusInfo } from '../../model/corpusApi.ts';
import type { CorpusClient } from './corpusClient.ts';

export interface Corpus {
  info: CorpusInfo;
  client: CorpusClient;
  /** The loads in flight, by `pendingKey`, each with what it fetches ("the neighbourhood of Russia"): a button can show it is working. */
  pending: ReadonlyMap<string, string>;
  /** Fetches an entity's neighbourhood and adds it to the graph. */
  expand(entityId: string): void;
  /** Selects an entity found in the corpus, loading its neighbourhood when it is not (fully) loaded. */
  showEntity(entityId: string): void;
  /** Loads a relation with all its sentences and selects it. */
  showRelation(relationId: string): void;
  /** Fetches every sentence of these relations (a quiet load says nothing when it works). */
  loadSentences(relationIds: readonly string[], options?: { quiet?: boolean }): void;
  /** Loads an article and what it says into the graph, and shows that article. */
  openDocument(documentId: string): void;
  /** Shows a one-line message over the graph (what a load did, or why it failed); null clears it. */
  notify(notice: CorpusNotice | null): void;
  /** The message shown now. */
  notice: CorpusNotice | null;
  /** Edits sent to the server or waiting to be (useCorpusEdits.ts). */
  saving: number;
}

export interface CorpusNotice {
  tone: 'info' | 'error';
  text: string;
  /** Offered as a "Try again" button. */
  retry?: () => void;
}

export type PendingKind = 'expand' | 'entity' | 'relation' | 'sentences' | 'document';

export function pendingKey(kind: PendingKind, id: string): string {
  return `${kind}\u0000${id}`;
}

export const CorpusContext = createContext<Corpus | null>(null);

export function useCorpus(): Corpus | null {
  return useContext(CorpusContext);
}
