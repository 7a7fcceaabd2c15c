/**
 * MoreSentences — under a relation whose corpus holds more sentences than
 * are loaded: "Load all 12 sentences (3 shown)". The server sends up to
 * `CORPUS_LIMITS.evidenceMax` per relation; past that the button says so.
 */

import type { ReactElement } from 'react';
import type { Relation } from '../../model/index.ts';
import { fetchableSentences, sentenceCoverage } from '../../state/corpusTotals.ts';
import { pendingKey, useCorpus } from './corpusContext.ts';

export function MoreSentences({ relation }: { relation: Relation }): ReactElement | null {
  const corpus = useCorpus();
  if (!corpus) return null;
  const { loaded, total } = sentenceCoverage(relation);
  const fetchable = fetchableSentences(relation);
  if (total === undefined || fetchable <= loaded) return null;
  const busy = corpus.pending.has(pendingKey('sentences', relation.id));
  const label = fetchable === total ? `Load all ${total.toLocaleString('en-US')} sentences` : `Load ${fetchable.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} sentences`;
  return (
    <button
      type="button"
      className="tool-button corpus-more-sentences"
      onClick={() => corpus.loadSentences([relation.id])}
      disabled={busy}
      aria-busy={busy}
      data-testid={`corpus-sentences-${relation.id}`}
    >
      {busy ? 'Loading sentences…' : `${label} (${loaded.toLocaleString('en-US')} shown)`}
    </button>
  );
}
