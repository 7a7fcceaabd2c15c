/**
 * What is shown, asked again
 * ==========================
 *
 * After an edit, undo or redo the shell asks every question of its load log
 * (loadLog.ts) again and unions the answers from an empty dataset, in the
 * log's order: a rejected relation the answers leave out, or an entity
 * merged away, is gone from the result, where a union with what was loaded
 * would have kept it. A question about a record that has left the corpus (the
 * server answers 404: an entity merged into another, a relation folded into
 * a duplicate) is dropped from the log; any other failure fails the replay.
 */

import type { Dataset } from '../../model/index.ts';
import { unionDatasets } from '../../state/corpusMerge.ts';
import { CorpusRequestError, type CorpusClient, type Subgraph } from './corpusClient.ts';
import type { LoadStep } from './loadLog.ts';

export interface Replayed {
  dataset: Dataset;
  /** The log without the questions about records that are gone. */
  log: LoadStep[];
}

const gone = (error: unknown) => error instanceof CorpusRequestError && error.failure === 'refused' && error.status === 404;

/** The evidence of `ids`, leaving out the relations that are gone (found by halving a refused batch). */
async function evidenceOf(client: CorpusClient, ids: readonly string[], signal: AbortSignal | undefined): Promise<{ answers: Subgraph[]; kept: string[] }> {
  if (ids.length === 0) return { answers: [], kept: [] };
  try {
    return { answers: await client.evidence(ids, signal), kept: [...ids] };
  } catch (error) {
    if (!gone(error)) throw error;
    if (ids.length === 1) return { answers: [], kept: [] };
    const half = Math.ceil(ids.length / 2);
    const [first, second] = await Promise.all([evidenceOf(client, ids.slice(0, half), signal), evidenceOf(client, ids.slice(half), signal)]);
    return { answers: [...first.answers, ...second.answers], kept: [...first.kept, ...second.kept] };
  }
}

/** One step's answers, and the step as it is still worth asking (null: its record is gone). */
async function ask(client: CorpusClient, step: LoadStep, signal: AbortSignal | undefined): Promise<{ answers: Subgraph[]; step: LoadStep | null }> {
  try {
    switch (step.kind) {
      case 'overview':
        return { answers: [await client.overview(step.limit, signal)], step };
      case 'neighbourhood':
        return { answers: [await client.neighbourhood(step.entity, 1, signal)], step };
      case 'document':
        return { answers: [await client.document(step.document, signal)], step };
      case 'evidence': {
        const { answers, kept } = await evidenceOf(client, step.relations, signal);
        return { answers, step: kept.length === 0 ? null : { kind: 'evidence', relations: kept } };
      }
    }
  } catch (error) {
    if (gone(error) && step.kind !== 'overview') return { answers: [], step: null };
    throw error;
  }
}

/** Asks every question of `log` again (at once: the browser queues them) and unions the answers from nothing, in order. */
export async function replayLoads(client: CorpusClient, log: readonly LoadStep[], signal?: AbortSignal): Promise<Replayed> {
  const asked = await Promise.all(log.map((step) => ask(client, step, signal)));
  let dataset: Dataset = { version: 1, documents: [], entities: [], relations: [] };
  const kept: LoadStep[] = [];
  asked.forEach(({ answers, step }) => {
    if (step === null) return;
    kept.push(step);
    for (const answer of answers) dataset = unionDatasets(dataset, answer.dataset, step.kind === 'document' ? { lead: step.document } : {}).dataset;
  });
  return { dataset, log: kept };
}
