import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticles, extractDataset, ExtractInputError } from '../../../src/extract/extractDataset.ts';
import { evaluate } from '../../../src/extract/evaluate.ts';
import { DEFAULT_LIMITS, validateDataset, type Dataset } from '../../../src/model/index.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const seedText = read('../../../data/seed-article-russia-isolation-unga.txt');
const seedGold = JSON.parse(read('../../../data/seed-dataset.json')) as Dataset;
const fixtureDir = new URL('../../../data/eval/articles/', import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(new URL(f, fixtureDir), 'utf8'), gold: JSON.parse(readFileSync(new URL(f.replace('.txt', '.gold.json'), fixtureDir), 'utf8')) as Dataset }));

function expectValid(dataset: Dataset): void {
  const result = validateDataset(dataset);
  expect(result.ok ? [] : result.problems).toEqual([]);
}

describe('extractDataset', () => {
  it('produces a valid dataset for the seed article and every fixture', () => {
    expectValid(extractDataset(seedText, { title: 'seed', documentId: 'seed' }));
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    for (const f of fixtures) expectValid(extractDataset(f.text, { title: f.name }));
  });

  it('meets the goals on the seed article: P and R ≥ 0.9 on the four named types, ≥ 0.8 on all types', () => {
    const report = evaluate(extractDataset(seedText, { title: seedGold.documents[0]!.title, documentId: 'seed' }), seedGold);
    expect(report.namedTriples.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.namedTriples.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.triples.precision).toBeGreaterThanOrEqual(0.8);
    expect(report.triples.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('quotes the ICC warrant sentence of the seed article verbatim as evidence', () => {
    const dataset = extractDataset(seedText, { documentId: 'seed' });
    const warrant = dataset.relations.find((r) => r.id === 'international-criminal-court-issued-warrant-vladimir-putin')!;
    expect(seedText.slice(warrant.evidence[0]!.start, warrant.evidence[0]!.end)).toBe(
      'Putin didn’t attend the BRICS summit in South Africa earlier this year after the International Criminal Court issued an arrest warrant against him for his alleged involvement in the abductions.',
    );
  });

  it('is deterministic: the same text gives the same dataset', () => {
    expect(JSON.stringify(extractDataset(seedText))).toBe(JSON.stringify(extractDataset(seedText)));
  });

  it('uses kebab-case entity ids and source-type-target relation ids', () => {
    const dataset = extractDataset(seedText);
    for (const e of dataset.entities) expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const r of dataset.relations) expect(r.id).toBe(`${r.source}-${r.type}-${r.target}`);
  });

  it('puts several articles in one dataset: one document each, entities merged by id, evidence from both', () => {
    const a = 'Russian President Vladimir Putin spoke. Poland accused Russia of lying.';
    const b = 'Poland accused Russia of sabotage. Putin was silent.';
    const dataset = extractArticles([
      { text: a, title: 'First' },
      { text: b, title: 'Second' },
    ]);
    expectValid(dataset);
    expect(dataset.documents.map((d) => d.id)).toEqual(['first', 'second']);
    const russia = dataset.entities.find((e) => e.id === 'russia')!;
    expect(new Set(russia.mentions.map((m) => m.document))).toEqual(new Set(['first', 'second']));
    const accused = dataset.relations.find((r) => r.id === 'poland-accused-russia')!;
    expect(accused.evidence.map((e) => e.document)).toEqual(['first', 'second']);
  });

  it('gives clashing document ids a suffix', () => {
    const dataset = extractArticles([
      { text: 'One.', title: 'Same' },
      { text: 'Two.', title: 'Same' },
    ]);
    expect(dataset.documents.map((d) => d.id)).toEqual(['same', 'same-2']);
  });

  it('reports progress in sentences, ending at the total', () => {
    const seen: Array<[number, number]> = [];
    extractDataset(seedText, { onProgress: ({ done, total }) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toEqual([19, 19]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });

  it('refuses a text longer than one document may be, with a named error and a fix', () => {
    const huge = 'a'.repeat(DEFAULT_LIMITS.maxDocumentLength + 1);
    expect(() => extractDataset(huge, { title: 'Huge' })).toThrow(ExtractInputError);
    expect(() => extractDataset(huge, { title: 'Huge' })).toThrow(/Huge: .*Fix: split it/);
  });
});
