/**
 * useTimelineHistogram — the bars the timeline draws
 * ==================================================
 *
 * From the dataset's reporting index (model/timeline.ts), every relation
 * type present, built once per model. In corpus mode the whole corpus's
 * histogram is asked of the server once (corpusHistogram.ts), so the
 * timeline covers what is not loaded yet; until it arrives, or if the
 * server cannot give it, the loaded part's own histogram is drawn.
 */

import { useEffect, useMemo, useState } from 'react';
import { buildHistogram, typeCatalog, type Histogram, type TypeCatalog } from '../../model/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { useCorpus } from '../corpus/corpusContext.ts';
import { histogramOfTimeline } from './corpusHistogram.ts';

export interface TimelineHistogram {
  histogram: Histogram;
  /** Where the bars come from: the loaded dataset, or the corpus server's whole corpus. */
  origin: 'dataset' | 'corpus';
  /** The bars' types: the loaded dataset's, or the whole corpus's (types not loaded yet have their colour too). */
  catalog: TypeCatalog;
}

export function useTimelineHistogram(model: ExplorerModel): TimelineHistogram {
  const corpus = useCorpus();
  const client = corpus?.client ?? null;
  const [fromServer, setFromServer] = useState<{ histogram: Histogram; catalog: TypeCatalog } | null>(null);
  useEffect(() => {
    if (client === null) return undefined;
    const controller = new AbortController();
    client.timeline(undefined, controller.signal).then(
      (timeline) => setFromServer({ histogram: histogramOfTimeline(timeline), catalog: typeCatalog({ relationTypes: timeline.relationTypes }) }),
      // The loaded part's histogram stays: the timeline still works on what is on screen.
      () => undefined,
    );
    return () => controller.abort();
  }, [client]);
  const local = useMemo(() => (fromServer === null ? buildHistogram(model.reporting, model.dataset.relations, model.index.relationTypes) : null), [model, fromServer]);
  return fromServer !== null ? { ...fromServer, origin: 'corpus' } : { histogram: local!, origin: 'dataset', catalog: model.index.catalog };
}
