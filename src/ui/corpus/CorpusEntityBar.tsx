/**
 * CorpusEntityBar — in an entity's panel, how much of it the corpus holds
 * ======================================================================
 *
 * "12 of 40 relations in the corpus are loaded" and the Expand button that
 * fetches the rest of its neighbourhood (double-clicking the node does the
 * same). Also offers every missing sentence of the relations shown.
 */

import type { ReactElement } from 'react';
import type { Entity } from '../../model/index.ts';
import { counted, entityCoverage, wantsSentences } from '../../state/corpusTotals.ts';
import type { DatasetIndex } from '../../state/datasetIndex.ts';
import { pendingKey, useCorpus } from './corpusContext.ts';

export function CorpusEntityBar({ entity, data }: { entity: Entity; data: DatasetIndex }): ReactElement | null {
  const corpus = useCorpus();
  if (!corpus) return null;
  const { loaded, total, missing } = entityCoverage(data, entity);
  const expanding = corpus.pending.has(pendingKey('expand', entity.id)) || corpus.pending.has(pendingKey('entity', entity.id));
  const short = (data.relationsOf.get(entity.id) ?? []).filter(wantsSentences).map((relation) => relation.id);
  const loadingSentences = short.some((id) => corpus.pending.has(pendingKey('sentences', id)));
  return (
    <div className="corpus-entity-bar" data-testid="corpus-entity-bar">
      <p className="corpus-coverage" data-testid="corpus-coverage">
        {total === undefined
          ? `${counted(loaded, 'relation')} loaded`
          : missing === 0
            ? `All ${counted(total, 'relation')} in the corpus are loaded`
            : `${loaded.toLocaleString('en-US')} of ${counted(total, 'relation')} in the corpus are loaded`}
      </p>
      <div className="corpus-entity-actions">
        <button
          type="button"
          className="tool-button tool-primary"
          onClick={() => corpus.expand(entity.id)}
          disabled={expanding}
          aria-busy={expanding}
          title="Load the entities related to this one from the corpus (or double-click the node)"
          data-testid="corpus-expand"
        >
          {expanding ? 'Expanding…' : missing > 0 ? `Expand (+${missing.toLocaleString('en-US')})` : 'Expand'}
        </button>
        {short.length > 0 ? (
          <button
            type="button"
            className="tool-button"
            onClick={() => corpus.loadSentences(short)}
            disabled={loadingSentences}
            aria-busy={loadingSentences}
            data-testid="corpus-entity-sentences"
          >
            {loadingSentences ? 'Loading sentences…' : `Load every sentence (${counted(short.length, 'relation')})`}
          </button>
        ) : null}
      </div>
    </div>
  );
}
