/**
 * The gold set on the command line: `export --format dataset --gold` writes
 * what the analyst vouched for, and `eval --gold FILE` scores the extractor
 * against it — through runCli with an in-memory file system.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import type { GoldEvalResult } from '../../../src/extract/goldEval.ts';
import { validateDataset, type Dataset, type Relation } from '../../../src/model/index.ts';
import { mergeDatasets } from '../../../src/model/merge.ts';
import { memoryIo } from '../memoryIo.ts';

const SEED_TEXT = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8');
const seed = JSON.parse(SEED_TEXT) as Dataset;
const seedDoc = seed.documents[0]!;
const json = (d: Dataset) => JSON.stringify(d, null, 2);

/** The seed reviewed by hand: 3 accepted, 1 rejected, 1 corrected (leader-of → official-of), 1 added; 22 unreviewed. */
function reviewedSeed(): Dataset {
  const relations: Relation[] = seed.relations.map((r, i) => {
    if (i < 3) return { ...r, review: { status: 'accepted' } };
    if (i === 3) return { ...r, review: { status: 'rejected', reason: 'not a meeting' } };
    if (i === 4) return { ...r, type: 'official-of', review: { status: 'corrected', proposed: { type: r.type, source: r.source, target: r.target } } };
    return r;
  });
  relations.push({ id: 'added-1', type: 'accused', source: 'russia', target: 'ukraine', evidence: [{ document: 'seed', start: 713, end: 925 }], review: { status: 'added' } });
  return { ...seed, relations };
}

/** The extractor's own output on the seed article, every relation accepted. */
function extractorGold(): Dataset {
  const extracted = extractDataset(seedDoc.text, { documentId: seedDoc.id, title: seedDoc.title });
  return { ...extracted, relations: extracted.relations.map((r) => ({ ...r, review: { status: 'accepted' as const } })) };
}

const run = async (argv: string[], files: Record<string, string>) => {
  const fs = memoryIo(files);
  const code = await runCli(argv, fs.io);
  return { code, ...fs };
};

const evalJson = async (gold: Dataset): Promise<GoldEvalResult> => {
  const { code, out, err } = await run(['eval', '--gold', 'gold.json', '--json'], { 'gold.json': json(gold) });
  expect(err()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out()) as GoldEvalResult;
};

describe('newsgraph export --gold', () => {
  it('writes the vouched-for relations, with one line on stderr saying what was kept and left out', async () => {
    const { code, files, out, err } = await run(['export', 'reviewed.json', '--format', 'dataset', '--gold', '--out', 'gold.json'], { 'reviewed.json': json(reviewedSeed()) });
    expect(code).toBe(0);
    expect(out()).toBe('');
    const lines = err().split('\n');
    expect(lines[0]).toBe('gold: 5 relations vouched for (3 accepted, 1 corrected, 1 added); 1 rejected and 22 unreviewed left out');
    expect(lines[1]).toMatch(/^wrote gold\.json \(dataset, 21 entities, 5 relations\)$/);
    const gold = JSON.parse(files.get('gold.json')!) as Dataset;
    expect(validateDataset(gold).ok).toBe(true);
    expect(gold.title).toBe(`${seed.title} (gold)`);
    expect(gold.relations.map((r) => r.review?.status)).toEqual(['accepted', 'accepted', 'accepted', 'corrected', 'added']);
  });

  it('refuses --gold with any other format (exit 2)', async () => {
    const { code, err, files } = await run(['export', 'reviewed.json', '--format', 'gexf', '--gold', '--out', 'x.gexf'], { 'reviewed.json': json(reviewedSeed()) });
    expect(code).toBe(2);
    expect(err().split('\n')[0]).toBe('newsgraph export: --gold applies to --format dataset only (a gold set is a newsgraph dataset)');
    expect(files.has('x.gexf')).toBe(false);
  });

  it('writes nothing when nothing was reviewed (exit 1), and says how to review', async () => {
    const { code, err, out, files } = await run(['export', 'seed.json', '--format', 'dataset', '--gold', '--out', 'gold.json'], { 'seed.json': SEED_TEXT });
    expect(code).toBe(1);
    expect(out()).toBe('');
    expect(files.has('gold.json')).toBe(false);
    expect(err().trimEnd().split('\n')).toHaveLength(1);
    expect(err()).toMatch(/^seed\.json: no reviewed relations.*Review tab/);
  });
});

describe('newsgraph eval --gold', () => {
  it('scores the extractor against the analyst’s review and prints the figures', async () => {
    const { code, out, err } = await run(['eval', '--gold', 'reviewed.json'], { 'reviewed.json': json(reviewedSeed()) });
    expect(err()).toBe('');
    expect(code).toBe(0);
    const text = out();
    // The extractor finds the seed's 27 triples: 3 are accepted (tp); the corrected and the added one it misses (fn);
    // the rejected, the corrected one's original and the 22 unreviewed were not vouched for (fp).
    const total = text.split('\n').find((l) => l.startsWith('| total'))!;
    expect(total).toContain('1.00 1.00 1.00 (21/0/0)');
    expect(total).toContain('0.11 0.60 0.19 (3/24/2)');
    // official-of: Lavrov's accepted (tp), Zakharova's unreviewed (fp), the corrected Abu al-Gheit one not extracted (fn).
    expect(text).toMatch(/^\| official-of +\| 0\.50 0\.50 0\.50 \(1\/1\/1\) +\|$/m);
    expect(text).toMatch(/^\| accused +\| 0\.00 0\.00 0\.00 \(0\/2\/1\) +\|$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      "gold: 5 relations from 1 document (the analyst's corrections: 3 accepted, 1 corrected, 1 added; 1 rejected and 22 unreviewed left out)",
    );
  });

  it('scores a gold written by export --gold the same as the reviewed file', async () => {
    const exported = await run(['export', 'reviewed.json', '--format', 'dataset', '--gold'], { 'reviewed.json': json(reviewedSeed()) });
    const fromExport = await evalJson(JSON.parse(exported.out()) as Dataset);
    const fromReviewed = await evalJson(reviewedSeed());
    expect(fromExport.total.triples).toEqual(fromReviewed.total.triples);
    expect(fromExport.goldRelations).toBe(5);
  });

  it('scores 1.0 against the extractor’s own output', async () => {
    const result = await evalJson(extractorGold());
    expect(result.reviewed).toBe(true);
    for (const level of [result.total.entities, result.total.triples, result.total.namedTriples, result.total.evidence]) {
      expect([level.precision, level.recall, level.falsePositives, level.falseNegatives]).toEqual([1, 1, 0, 0]);
    }
    expect(result.total.triples.truePositives).toBeGreaterThan(20);
  });

  it('counts a relation the extractor finds but the analyst rejected as a false positive', async () => {
    const gold = extractorGold();
    const rejected = gold.relations[0]!;
    gold.relations[0] = { ...rejected, review: { status: 'rejected' } };
    const result = await evalJson(gold);
    expect(result.total.triples.falsePositives).toBe(1);
    expect(result.total.triples.falseNegatives).toBe(0);
    expect(result.total.triples.falseHits).toEqual([`seed: ${rejected.source} ${rejected.type} ${rejected.target}`]);
    expect(result.counts).toMatchObject({ accepted: gold.relations.length - 1, rejected: 1 });
  });

  it('still matches an entity the analyst renamed or merged under another id', async () => {
    const gold = extractorGold();
    const russia = gold.entities.find((e) => e.id === 'russia')!;
    // As after merging "Russia" into a differently named entity: a new id and label, the old name kept as an alias, no Wikidata id.
    const { wikidata: _wikidata, ...rest } = russia;
    gold.entities = gold.entities.map((e) => (e === russia ? { ...rest, id: 'russian-federation', label: 'Russian Federation', aliases: ['Russia', ...russia.aliases] } : e));
    const move = (id: string) => (id === 'russia' ? 'russian-federation' : id);
    gold.relations = gold.relations.map((r) => ({ ...r, source: move(r.source), target: move(r.target), ...(r.attributedTo ? { attributedTo: move(r.attributedTo) } : {}) }));
    expect(validateDataset(gold).ok).toBe(true);
    const result = await evalJson(gold);
    expect(result.total.entities.falseNegatives).toBe(0);
    expect(result.total.entities.falsePositives).toBe(0);
    expect([result.total.triples.precision, result.total.triples.recall]).toEqual([1, 1]);
  });

  it('says how many gold relations had no evidence to score them on', async () => {
    const gold = reviewedSeed();
    gold.relations = gold.relations.map((r) => (r.id === 'added-1' ? { ...r, evidence: [] } : r));
    const { code, out } = await run(['eval', '--gold', 'gold.json'], { 'gold.json': json(gold) });
    expect(code).toBe(0);
    expect(out()).toContain('(1 gold relation with no evidence in a document with text not scored)');
    expect(out()).toContain('0.11 0.75 0.19 (3/24/1)');
    expect(out().trimEnd().split('\n').at(-1)).toMatch(/^gold: 4 relations from 1 document/);
  });

  it('scores each document of a corpus on its own part of the gold', async () => {
    const nato = JSON.parse(readFileSync(new URL('../../../data/eval/articles/nato-summit-vilnius.gold.json', import.meta.url), 'utf8')) as Dataset;
    const corpus = mergeDatasets(nato, seed);
    const alone = await evalJson(seed);
    const result = await evalJson(corpus);
    expect(result.documents.map((d) => d.document)).toEqual([nato.documents[0]!.id, 'seed']);
    // The seed scores as it does alone: the NATO file's relations and entities (some shared: Russia, Ukraine) are not held against it.
    expect(result.documents[1]!.report.triples).toEqual(alone.documents[0]!.report.triples);
    expect(result.documents[1]!.report.entities.truePositives).toBe(alone.documents[0]!.report.entities.truePositives);
    expect(result.goldRelations).toBe(corpus.relations.length);
    expect(result.total.triples.truePositives).toBe(result.documents[0]!.report.triples.truePositives + result.documents[1]!.report.triples.truePositives);
  });

  it('scores a file nobody reviewed as a whole (hand-curated gold) and says so', async () => {
    const { code, out } = await run(['eval', '--gold', 'seed.json'], { 'seed.json': SEED_TEXT });
    expect(code).toBe(0);
    expect(out()).toContain('1.00 1.00 1.00 (27/0/0)');
    expect(out().trimEnd().split('\n').at(-1)).toBe('gold: 27 relations from 1 document (the whole file: no relation in it carries a review, so it is gold by construction)');
  });

  it('refuses a missing or broken file in one line naming it (exit 1), and --check with --gold (exit 2)', async () => {
    const missing = await run(['eval', '--gold', 'nope.json'], {});
    expect(missing.code).toBe(1);
    expect(missing.err().trimEnd().split('\n')).toHaveLength(1);
    expect(missing.err()).toMatch(/^nope\.json: no such file/);

    const broken = await run(['eval', '--gold', 'bad.json'], { 'bad.json': '{"version": 1, ' });
    expect(broken.code).toBe(1);
    expect(broken.err().trimEnd().split('\n')).toHaveLength(1);
    expect(broken.err()).toMatch(/^bad\.json: /);

    const textless = await run(['eval', '--gold', 'empty.json'], { 'empty.json': json({ ...seed, documents: [{ ...seedDoc, text: '' }], entities: [], relations: [] }) });
    expect(textless.code).toBe(1);
    expect(textless.err()).toMatch(/^empty\.json: no document has text/);

    const check = await run(['eval', '--gold', 'seed.json', '--check'], { 'seed.json': SEED_TEXT });
    expect(check.code).toBe(2);
    expect(check.err().split('\n')[0]).toBe('newsgraph eval: --check applies to the built-in articles, not to --gold');
  });

  it('documents the gold rule in its help', async () => {
    const { code, out } = await run(['eval', '--help'], {});
    expect(code).toBe(0);
    expect(out()).toContain('--gold FILE');
    expect(out()).toContain('when none does, all of them');
  });
});
