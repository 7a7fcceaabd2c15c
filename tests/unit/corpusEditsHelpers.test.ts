/**
 * Corpus mode's edit helpers: the load log, the history's labels, the edit
 * queue, and the replay that asks again for what is shown (with a stand-in
 * client over the small test corpus: what `newsgraph serve` would answer).
 */

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/index.ts';
import { CorpusRequestError, type CorpusClient, type Subgraph } from '../../src/ui/corpus/corpusClient.ts';
import { replayLoads } from '../../src/ui/corpus/corpusReplay.ts';
import { createEditQueue } from '../../src/ui/corpus/editQueue.ts';
import { historyLabels } from '../../src/ui/corpus/historyLabels.ts';
import { recordStep, stepsAfterEdit, withoutStep, type LoadStep } from '../../src/ui/corpus/loadLog.ts';
import { cut, smallCorpus } from './stateCorpusFixture.ts';

describe('the load log', () => {
  const overview: LoadStep = { kind: 'overview', limit: 30 };

  it('keeps questions in the order first asked; an article opened again moves to the end', () => {
    let log = recordStep([overview], { kind: 'document', document: 'd1' });
    log = recordStep(log, { kind: 'neighbourhood', entity: 'ruritania' });
    log = recordStep(log, { kind: 'document', document: 'd1' });
    expect(log).toEqual([overview, { kind: 'neighbourhood', entity: 'ruritania' }, { kind: 'document', document: 'd1' }]);
  });

  it('asks for the evidence of a relation once', () => {
    let log = recordStep([overview], { kind: 'evidence', relations: ['r1', 'r2'] });
    log = recordStep(log, { kind: 'evidence', relations: ['r2', 'r3', 'r3'] });
    log = recordStep(log, { kind: 'evidence', relations: ['r1'] });
    expect(log).toEqual([overview, { kind: 'evidence', relations: ['r1', 'r2'] }, { kind: 'evidence', relations: ['r3'] }]);
  });

  it('after a relation edit asks for that relation; after an added relation, for the article it quotes', () => {
    expect(stepsAfterEdit([overview], { kind: 'reject', relation: 'r4' })).toEqual([overview, { kind: 'evidence', relations: ['r4'] }]);
    expect(stepsAfterEdit([overview], { kind: 'correct', relation: 'r4', swap: true }).at(-1)).toEqual({ kind: 'evidence', relations: ['r4'] });
    const added = stepsAfterEdit([overview], { kind: 'add-relation', type: 'met-with', source: 'a', target: 'b', evidence: { document: 'd2', start: 0, end: 5 } });
    expect(added).toEqual([overview, { kind: 'document', document: 'd2' }]);
    expect(stepsAfterEdit(added, { kind: 'rename-entity', entity: 'a', label: 'A' })).toEqual(added);
  });

  it('after a merge asks for the merged-into entity’s neighbourhood where the merged-away one’s was, once', () => {
    const log: LoadStep[] = [overview, { kind: 'neighbourhood', entity: 'into' }, { kind: 'neighbourhood', entity: 'from' }, { kind: 'neighbourhood', entity: 'other' }];
    expect(stepsAfterEdit(log, { kind: 'merge-entities', into: 'into', from: 'from' })).toEqual([overview, { kind: 'neighbourhood', entity: 'into' }, { kind: 'neighbourhood', entity: 'other' }]);
    expect(withoutStep(log, { kind: 'neighbourhood', entity: 'from' })).toHaveLength(3);
  });
});

describe('the history’s labels', () => {
  const entry = (label: string, applied: boolean) => ({ label, at: '2026-01-01T00:00:00Z', applied });

  it('undo names the last applied entry, redo the first undone one', () => {
    expect(historyLabels({ entries: [], position: 0 })).toEqual({ undoLabel: null, redoLabel: null });
    const entries = [entry('Accepted: A', true), entry('Rejected: B', true), entry('Merged C', false)];
    expect(historyLabels({ entries, position: 2 })).toEqual({ undoLabel: 'Rejected: B', redoLabel: 'Merged C' });
    expect(historyLabels({ entries, position: 0 })).toEqual({ undoLabel: null, redoLabel: 'Accepted: A' });
    expect(historyLabels({ entries, position: 3 })).toEqual({ undoLabel: 'Merged C', redoLabel: null });
  });
});

describe('the edit queue', () => {
  it('runs one task at a time, in order, past a failing one, and counts what waits', async () => {
    const counts: number[] = [];
    const queue = createEditQueue((waiting) => counts.push(waiting));
    const ran: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    queue.add(async () => {
      await gate;
      ran.push('first');
    });
    queue.add(async () => {
      ran.push('second');
      throw new Error('refused');
    });
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    queue.add(async () => {
      ran.push('third');
      finished();
    });
    await Promise.resolve();
    expect(ran).toEqual([]);
    expect(queue.waiting).toBe(3);
    release();
    await done;
    expect(ran).toEqual(['first', 'second', 'third']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.waiting).toBe(0);
    expect(counts).toEqual([1, 2, 3, 2, 1, 0]);
  });
});

/** A stand-in server over `corpus`: the overview is r1–r3; a relation or entity not in `corpus` is a 404. */
function fakeClient(corpus: () => Dataset): CorpusClient & { asked: string[] } {
  const asked: string[] = [];
  const answer = (dataset: Dataset): Subgraph => ({ dataset, truncated: false });
  const notFound = () => new CorpusRequestError('The server refused the request: not found', 'refused', 404);
  const drawn = (d: Dataset) => d.relations.filter((r) => r.review?.status !== 'rejected').map((r) => r.id);
  const unused = () => Promise.reject(new Error('not used'));
  return {
    asked,
    info: unused,
    overview: async () => {
      asked.push('overview');
      return answer(cut(corpus(), drawn(corpus()).filter((id) => ['r1', 'r2', 'r3'].includes(id))));
    },
    neighbourhood: async (entity) => {
      asked.push(`neighbourhood ${entity}`);
      const d = corpus();
      if (!d.entities.some((e) => e.id === entity)) throw notFound();
      return answer(cut(d, d.relations.filter((r) => drawn(d).includes(r.id) && (r.source === entity || r.target === entity)).map((r) => r.id)));
    },
    evidence: async (ids) => {
      asked.push(`evidence ${ids.join(',')}`);
      const d = corpus();
      if (ids.some((id) => !d.relations.some((r) => r.id === id))) throw notFound();
      return [answer(cut(d, ids, 10))];
    },
    document: async (id) => {
      asked.push(`document ${id}`);
      const d = corpus();
      return answer(cut(d, d.relations.filter((r) => drawn(d).includes(r.id) && r.evidence.some((e) => e.document === id)).map((r) => r.id)));
    },
    search: unused,
    documents: unused,
    timeline: unused,
    history: unused,
    write: unused,
  };
}

describe('replaying the loads', () => {
  it('unions fresh answers from nothing: a relation the server now leaves out is gone, and its review comes from the server', async () => {
    let corpus = smallCorpus();
    const client = fakeClient(() => corpus);
    const log: LoadStep[] = [{ kind: 'overview', limit: 30 }, { kind: 'neighbourhood', entity: 'ottokar' }];
    const before = await replayLoads(client, log);
    expect(before.dataset.relations.map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3', 'r4']);

    corpus = { ...corpus, relations: corpus.relations.map((r) => (r.id === 'r4' ? { ...r, review: { status: 'rejected' as const } } : r.id === 'r1' ? { ...r, review: { status: 'accepted' as const } } : r)) };
    const after = await replayLoads(client, log);
    expect(after.dataset.relations.map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);
    expect(after.dataset.relations.find((r) => r.id === 'r1')?.review).toEqual({ status: 'accepted' });
    // Ottokar's only relation is rejected: nothing brings him any more.
    expect(after.dataset.entities.map((e) => e.id)).not.toContain('ottokar');
    expect(after.log).toEqual(log);
  });

  it('drops the questions about records that left the corpus, keeping the rest of a batch of relations', async () => {
    const full = smallCorpus();
    const corpus = { ...full, relations: full.relations.filter((r) => r.id !== 'r5') };
    const client = fakeClient(() => corpus);
    const log: LoadStep[] = [{ kind: 'overview', limit: 30 }, { kind: 'neighbourhood', entity: 'gone' }, { kind: 'evidence', relations: ['r4', 'r5'] }, { kind: 'document', document: 'd2' }];
    const replayed = await replayLoads(client, log);
    expect(replayed.log).toEqual([{ kind: 'overview', limit: 30 }, { kind: 'evidence', relations: ['r4'] }, { kind: 'document', document: 'd2' }]);
    expect(replayed.dataset.relations.map((r) => r.id)).toContain('r4');
    expect(replayed.dataset.relations.map((r) => r.id)).not.toContain('r5');
    // The opened article is first, as it was when it was opened.
    expect(replayed.dataset.documents[0]?.id).toBe('d2');
  });

  it('fails when the server fails for another reason', async () => {
    const client = fakeClient(() => smallCorpus());
    client.overview = () => Promise.reject(new CorpusRequestError('Could not reach the newsgraph server', 'network'));
    await expect(replayLoads(client, [{ kind: 'overview', limit: 30 }])).rejects.toThrow(/Could not reach/);
  });
});
