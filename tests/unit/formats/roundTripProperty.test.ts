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

  it('the arbitrary often gives relations reporting days and evidence an event date (so a format that drops either fails)', () => {
    const datasets = fc.sample(datasetArbitrary, { numRuns: 200, seed: 14 });
    const relations = datasets.flatMap((d) => d.relations);
    const reported = relations.flatMap((r) => (r.reported === undefined ? [] : [r.reported]));
    expect(reported.length).toBeGreaterThan(relations.length / 3);
    expect(reported.some((spells) => spells.length === 0)).toBe(true);
    expect(reported.some((spells) => spells.length >= 2)).toBe(true);
    expect(reported.some((spells) => spells.some((s) => s.from !== s.to))).toBe(true);
    const evidence = relations.flatMap((r) => r.evidence);
    const events = evidence.flatMap((e) => (e.event === undefined ? [] : [e.event]));
    expect(events.length).toBeGreaterThan(evidence.length / 3);
    for (const length of [4, 7, 10]) expect(events.some((e) => e.date.length === length)).toBe(true);
    // Valid by construction: the phrase inside its sentence, the spells sorted and apart.
    for (const r of relations) {
      for (const e of r.evidence) if (e.event) expect(e.start <= e.event.start && e.event.start < e.event.end && e.event.end <= e.end).toBe(true);
      const spells = r.reported ?? [];
      spells.forEach((s, i) => {
        expect(s.from <= s.to).toBe(true);
        if (i > 0) expect(s.from > spells[i - 1]!.to).toBe(true);
      });
    }
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

  it('keeps each relation’s reporting days and each sentence’s event date, the phrase the same text', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const written = await writeFormat(dataset, 'csv');
        const { dataset: back } = await readAnyWithWarnings('file.csv', writtenText(written));
        const texts = (d: typeof dataset) => new Map(d.documents.map((doc) => [doc.id, doc.text]));
        // Per relation: its declared days (an empty list is an empty cell), and per sentence the date and its phrase's text.
        const when = (d: typeof dataset) => {
          const text = texts(d);
          return new Map(
            d.relations.map((r) => [
              r.id,
              {
                reported: r.reported?.length ? r.reported : undefined,
                events: r.evidence.map((e) => e.event && { date: e.event.date, phrase: text.get(e.document)!.slice(e.event.start, e.event.end) }),
              },
            ]),
          );
        };
        expect(when(back)).toStrictEqual(when(dataset));
      }),
      { numRuns: 150 },
    );
  });
});
