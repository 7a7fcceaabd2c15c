import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../../src/graph/formats/index.ts';
import { validateDataset } from '../../../src/model/index.ts';
import { datasetArbitrary } from './datasetArbitrary.ts';

// Hundreds of datasets through each format: more than the default 5 s on a busy machine (no speed goal here).
describe('export → import is the identity for arbitrary valid datasets', { timeout: 60_000 }, () => {
  it('the arbitrary only makes valid datasets', () => {
    fc.assert(
      fc.property(datasetArbitrary, (dataset) => {
        const result = validateDataset(dataset);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the arbitrary often gives documents an outlet, a url and a published date (so a format that drops one fails)', () => {
    const documents = fc.sample(datasetArbitrary, { numRuns: 200, seed: 13 }).flatMap((d) => d.documents);
    for (const field of ['source', 'url', 'published'] as const) {
      expect(documents.filter((d) => d[field] !== undefined).length).toBeGreaterThan(documents.length / 2);
    }
    const published = documents.flatMap((d) => (d.published === undefined ? [] : [d.published]));
    expect(published.some((p) => p.length === 10)).toBe(true);
    expect(published.some((p) => /T\d\d:\d\d:\d\d\.\d+/.test(p))).toBe(true);
    expect(published.some((p) => /[+-]\d\d:?\d\d$/.test(p))).toBe(true);
  });

  it.each(['gexf', 'graphml', 'json', 'dataset'] as FormatId[])('%s', async (format) => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const written = await writeFormat(dataset, format);
        const { dataset: back } = await readAnyWithWarnings(`file.${written.extension}`, writtenText(written));
        expect(back).toStrictEqual(dataset);
      }),
      { numRuns: 150 },
    );
  });
});

describe('export → import through CSV keeps each quoted article’s title, outlet, url and date', { timeout: 60_000 }, () => {
  it('for arbitrary valid datasets', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const written = await writeFormat(dataset, 'csv');
        const { dataset: back } = await readAnyWithWarnings('file.csv', writtenText(written));
        const cited = new Set(dataset.relations.flatMap((r) => r.evidence.map((e) => e.document)));
        // An empty cell means "not given": an empty title reads back as the id, an empty outlet as none.
        const about = (d: typeof dataset) =>
          d.documents
            .filter((doc) => cited.has(doc.id))
            .map(({ id, title, source, url, published }) => ({ id, title: title || id, source: source || undefined, url, published }))
            .sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(about(back)).toStrictEqual(about(dataset));
      }),
      { numRuns: 150 },
    );
  });
});
