/**
 * Kept answers and other processes' writes
 * ========================================
 *
 * Both stores keep the timeline and the declared types between calls
 * (SQLite keyed on `data_version`, PostgreSQL on the `generation` row of
 * `meta`, postgres/generation.ts). A write through another store object on
 * the same corpus — another process — must show in the next answer; and on
 * PostgreSQL every writing path bumps the marker, while without a bump the
 * kept answer is what is sent (the cache is real, not a re-read).
 */

import { describe, expect, it } from 'vitest';
import { SubgraphQuerySchema } from '../../../src/model/corpusApi.ts';
import type { RelationTypeDeclaration } from '../../../src/model/index.ts';
import { BACKENDS, testCorpora } from './backends.ts';
import { article, PUTIN, RUSSIA, smallCorpus, UKRAINE, validAnswer } from './corpusFixtures.ts';

const SHELLED: RelationTypeDeclaration = { id: 'shelled', label: 'shelled', directed: true };

const shelling = article({
  id: 'shelling',
  published: '2024-05-02',
  source: 'Courier',
  relationTypes: [SHELLED],
  entities: [RUSSIA, UKRAINE],
  sentences: [{ text: 'Russia shelled Ukraine overnight, officials said.', relations: [{ type: 'shelled', source: 'Russia', target: 'Ukraine' }] }],
});

const total = (counts: number[][]) => counts.flat().reduce((a, b) => a + b, 0);

describe.each(BACKENDS)('kept answers see other writers (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it("shows another store object's dataset in the next timeline and declared types", async () => {
    const c = await corpus();
    for (const dataset of smallCorpus()) await c.store.addDataset(dataset);
    const other = await c.reopen();
    try {
      const before = await other.timeline('month');
      expect((await other.declaredTypes()).relationTypes.map((t) => t.id)).not.toContain('shelled');
      // Asked twice: the kept answer is the same answer.
      expect(await other.timeline('month')).toEqual(before);

      await c.store.addDataset(shelling);
      const after = await other.timeline('month');
      expect(after.types).toContain('shelled');
      expect(total(after.counts)).toBe(total(before.counts) + 1);
      expect(after.starts).toContain('2024-05-01');
      expect((await other.declaredTypes()).relationTypes.map((t) => t.id)).toContain('shelled');
      expect(validAnswer(await other.subgraph(SubgraphQuerySchema.parse({ entity: 'Russia' }))).relationTypes?.map((t) => t.id)).toContain('shelled');
    } finally {
      await other.close();
    }
  });

  it("shows another store object's edit, undo and redo in the next timeline", async () => {
    const c = await corpus();
    await c.store.addDataset(shelling);
    const other = await c.reopen();
    try {
      expect(total((await other.timeline('day')).counts)).toBe(1);
      const outcome = await c.store.applyEdit({ kind: 'add-relation', type: 'attacked', source: 'russia', target: 'ukraine', evidence: { document: 'shelling', start: 0, end: 30 } });
      expect(outcome).toMatchObject({ ok: true });
      expect(total((await other.timeline('day')).counts)).toBe(2);
      expect((await c.store.undo()).ok).toBe(true);
      expect(total((await other.timeline('day')).counts)).toBe(1);
      expect((await c.store.redo()).ok).toBe(true);
      expect(total((await other.timeline('day')).counts)).toBe(2);
    } finally {
      await other.close();
    }
  });
});

describe('the change marker on PostgreSQL', () => {
  const corpus = testCorpora('postgres');
  const generation = async (c: Awaited<ReturnType<typeof corpus>>) => Number((await c.row<{ value: string }>("SELECT value FROM meta WHERE key = 'generation'"))?.value ?? 0);

  it('is bumped by every write: a dataset, an edit, an undo, a redo; not by a refused edit', async () => {
    const c = await corpus();
    expect(await generation(c)).toBe(0);
    await c.store.addDataset(shelling);
    expect(await generation(c)).toBe(1);
    const relation = (await c.store.exportAll()).relations[0]!.id;
    expect((await c.store.applyEdit({ kind: 'accept', relation })).ok).toBe(true);
    expect(await generation(c)).toBe(2);
    expect((await c.store.undo()).ok).toBe(true);
    expect(await generation(c)).toBe(3);
    expect((await c.store.redo()).ok).toBe(true);
    expect(await generation(c)).toBe(4);
    expect((await c.store.applyEdit({ kind: 'accept', relation: 'no-such-relation' })).ok).toBe(false);
    expect((await c.store.redo()).ok).toBe(false);
    expect(await generation(c)).toBe(4);
  });

  it('answers from what it kept until the marker moves', async () => {
    const c = await corpus();
    await c.store.addDataset(shelling);
    await c.store.addDataset(article({ id: 'putin', published: '2024-05-03', entities: [PUTIN, RUSSIA], sentences: [{ text: 'Vladimir Putin attended a parade in Russia.', relations: [{ type: 'attended', source: 'Vladimir Putin', target: 'Russia' }] }] }));
    const kept = await c.store.timeline('day');
    expect(total(kept.counts)).toBe(2);
    expect((await c.store.declaredTypes()).relationTypes.map((t) => t.id)).toEqual(['shelled']);
    // Behind the store's back, without a bump: the kept answers stand.
    await c.exec("DELETE FROM relation_days; INSERT INTO relation_types (id, label, directed) VALUES ('mediated', 'mediated', 1)");
    expect(await c.store.timeline('day')).toEqual(kept);
    expect((await c.store.declaredTypes()).relationTypes.map((t) => t.id)).toEqual(['shelled']);
    // The marker moves: both are read again.
    await c.exec("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'generation'");
    expect(total((await c.store.timeline('day')).counts)).toBe(0);
    expect((await c.store.declaredTypes()).relationTypes.map((t) => t.id)).toEqual(['shelled', 'mediated']);
  });
});
