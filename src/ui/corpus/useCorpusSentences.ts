/**
 * useCorpusSentences — a relation opened in corpus mode shows all its sentences
 * ============================================================================
 *
 * An overview or a neighbourhood sends at most a few sentences per relation
 * (`CORPUS_LIMITS.evidencePerRelation`). When the reader selects a relation
 * (an edge, a row of the table, a search result) and the corpus holds more
 * sentences for it than are loaded, they are fetched at once: selecting a
 * relation is asking to read it. Each relation is asked for once per page
 * load, so a failure is not retried in a loop (the entity panel's
 * "Load all N sentences" button retries). Does nothing outside corpus mode.
 */

import { useEffect, useRef } from 'react';
import { wantsSentences } from '../../state/corpusTotals.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { ExplorerState } from '../../state/explorerState.ts';
import { useCorpus } from './corpusContext.ts';

export function useCorpusSentences(model: ExplorerModel, state: ExplorerState): void {
  const corpus = useCorpus();
  const asked = useRef(new Set<string>());
  const edge = state.selection.kind === 'edge' ? state.selection.id : null;
  useEffect(() => {
    if (!corpus || edge === null || asked.current.has(edge)) return;
    const relation = model.data.relations.get(edge);
    if (!relation || !wantsSentences(relation)) return;
    asked.current.add(edge);
    corpus.loadSentences([edge], { quiet: true });
  }, [corpus, model, edge]);
}
