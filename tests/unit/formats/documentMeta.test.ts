/**
 * A document's outlet (`source`), `url` and `published` date in every format:
 * kept exactly by the four lossless formats, carried per row by CSV, absent
 * (not `undefined`, not empty) when a version 1 file never had them, and an
 * invalid date refused with the place and the fix.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAny, readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../../src/graph/formats/index.ts';
import { assertValidDataset, DatasetValidationError, type Dataset, type NewsDocument } from '../../../src/model/index.ts';

const seedText = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8');
const seed = assertValidDataset(JSON.parse(seedText), 'seed');

const LOSSLESS: FormatId[] = ['gexf', 'graphml', 'json', 'dataset'];

/** Two articles, one sentence each, the documents carrying every shape of the new fields. */
function datedDataset(documents: Array<Omit<NewsDocument, 'text' | 'title'> & { title?: string }>): Dataset {
  const sentence = 'Russia accused Ukraine.';
  return assertValidDataset(
    {
      version: 1,
      documents: documents.map((d) => ({ title: `Title of ${d.id}`, ...d, text: sentence })),
      entities: [
        { id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: documents.map((d) => ({ document: d.id, start: 0, end: 6 })) },
        { id: 'ukraine', label: 'Ukraine', type: 'country', aliases: [], mentions: documents.map((d) => ({ document: d.id, start: 15, end: 22 })) },
      ],
      relations: [{ id: 'r1', type: 'accused', source: 'russia', target: 'ukraine', evidence: documents.map((d) => ({ document: d.id, start: 0, end: sentence.length })) }],
    },
    'dated',
  );
}

const DATED = datedDataset([
  { id: 'a', source: 'Reuters', url: 'https://example.org/news/1?x=1&y=<2>#top', published: '2023-09-21' },
  { id: 'b', source: 'AP & "Co" <News>', url: 'javascript:alert(1)', published: '2023-09-21T14:05:00.123456789+02:00' },
  { id: 'c', published: '2024-02-29T23:59Z' },
  { id: 'd', url: 'ftp://example.org/file' },
  { id: 'e' },
]);

async function roundTrip(dataset: Dataset, format: FormatId) {
  const written = await writeFormat(dataset, format);
  return readAnyWithWarnings(`exported.${written.extension}`, writtenText(written));
}

describe('the lossless formats keep url, source and published exactly', () => {
  it.each(LOSSLESS)('%s', async (format) => {
    const { dataset, warnings } = await roundTrip(DATED, format);
    expect(dataset).toStrictEqual(DATED);
    expect(warnings).toEqual([]);
    const e = dataset.documents.find((d) => d.id === 'e')!;
    expect(Object.keys(e)).toEqual(['id', 'title', 'text']);
  });

  it.each(LOSSLESS)('%s: a version 1 dataset without them comes back without them', async (format) => {
    const { dataset } = await roundTrip(seed, format);
    expect(dataset).toStrictEqual(seed);
    for (const document of dataset.documents) expect(Object.keys(document)).toEqual(['id', 'title', 'text', 'source']);
  });

  it('the seed dataset written as dataset JSON is its file, byte for byte (version 1 files are unchanged)', async () => {
    expect(writtenText(await writeFormat(seed, 'dataset'))).toBe(seedText);
  });
});

describe('CSV carries each sentence’s article: title, outlet, url and date', () => {
  it('writes the four document columns after the thirteen, filled on rows with a sentence (then the four date columns, empty here)', async () => {
    const content = writtenText(await writeFormat(DATED, 'csv'));
    const [header, ...rows] = content.trimEnd().split('\r\n');
    expect(header).toBe(
      'source,type,target,hedged,negated,document,evidence,source_type,target_type,type_label,source_id,target_id,relation_id,document_title,document_source,document_url,document_published,event_date,event_start,event_end,reported,source_wikidata,target_wikidata',
    );
    expect(rows[0]).toBe('Russia,accused,Ukraine,,,a,Russia accused Ukraine.,country,country,accused,russia,ukraine,r1,Title of a,Reuters,https://example.org/news/1?x=1&y=<2>#top,2023-09-21,,,,,,');
    expect(rows[1]).toContain(',"AP & ""Co"" <News>",javascript:alert(1),2023-09-21T14:05:00.123456789+02:00,,,,');
    expect(rows[4]!.endsWith(',e,Russia accused Ukraine.,country,country,accused,russia,ukraine,r1,Title of e,,,,,,,,,')).toBe(true);
  });

  it('reads them back onto the documents (titles too; absent stays absent)', async () => {
    const { dataset, warnings } = await roundTrip(DATED, 'csv');
    expect(warnings).toEqual([]);
    expect(dataset.documents.map(({ text: _text, ...meta }) => meta)).toEqual(DATED.documents.map(({ text: _text, ...meta }) => meta));
    expect(Object.keys(dataset.documents.find((d) => d.id === 'e')!)).toEqual(['id', 'title', 'text']);
  });

  it('leaves the document columns empty on a row without a sentence', async () => {
    const bare = { ...DATED, relations: DATED.relations.map((r) => ({ ...r, evidence: [] })) };
    const content = writtenText(await writeFormat(bare, 'csv'));
    expect(content.split('\r\n')[1]!.endsWith(',r1,,,,,,,,,,')).toBe(true);
  });

  it('a CSV without the columns (older exports, other tools) reads as before: the document is titled by its id', async () => {
    const dataset = await readAny('old.csv', 'source,type,target,document,evidence\nRussia,accused,Ukraine,d1,Russia accused Ukraine.\n');
    expect(dataset.documents).toStrictEqual([{ id: 'd1', title: 'd1', text: 'Russia accused Ukraine.' }]);
  });

  it('reads the common names other spreadsheets use (url, published, outlet, headline), the date trimmed', async () => {
    const text = 'subject,predicate,object,article,sentence,headline,outlet,url,published\nRussia,accused,Ukraine,a1,Russia accused Ukraine.,Moscow blames Kyiv,Reuters,https://example.org/a1, 2023-09-21 \n';
    const [document] = (await readAny('sheet.csv', text)).documents;
    expect(document).toStrictEqual({ id: 'a1', title: 'Moscow blames Kyiv', text: 'Russia accused Ukraine.', source: 'Reuters', url: 'https://example.org/a1', published: '2023-09-21' });
  });

  it('keeps the first value when rows of one document disagree, with a warning naming the line', async () => {
    const text = [
      'source,type,target,document,evidence,document_url,source_type,target_type',
      'Russia,accused,Ukraine,a1,Russia accused Ukraine.,https://example.org/1,country,country',
      'Russia,sanctioned,Ukraine,a1,Russia sanctioned Ukraine.,,country,country',
      'Ukraine,accused,Russia,a1,Ukraine accused Russia.,https://example.org/2,country,country',
    ].join('\n');
    const { dataset, warnings } = await readAnyWithWarnings('two-urls.csv', text);
    expect(dataset.documents[0]!.url).toBe('https://example.org/1');
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'line 4',
        message: 'document "a1" has another document_url on an earlier row ("https://example.org/1"); kept that one, not "https://example.org/2"',
        fix: expect.stringContaining('write one document_url for all rows of the document'),
      }),
    ]);
  });

  it('refuses a date that is not ISO 8601, or not a real day, naming the line and the fix', async () => {
    const text = [
      'source,type,target,document,evidence,document_published',
      'Russia,accused,Ukraine,a1,Russia accused Ukraine.,yesterday',
      'Russia,sanctioned,Ukraine,a2,Russia sanctioned Ukraine.,2023-02-30',
      'Ukraine,accused,Russia,a3,Ukraine accused Russia.,21/09/2023',
    ].join('\n');
    const error = await readAny('dates.csv', text).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetValidationError);
    const problems = (error as DatasetValidationError).problems;
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['line 2', 'document_published: must be an ISO 8601 date or date-time, e.g. 2023-09-21 or 2023-09-21T14:05:00Z'],
      ['line 3', 'document_published: not a real date: February 2023 has 28 days'],
      ['line 4', 'document_published: must be an ISO 8601 date or date-time, e.g. 2023-09-21 or 2023-09-21T14:05:00Z'],
    ]);
    expect(problems.map((p) => p.value)).toEqual(['yesterday', '2023-02-30', '21/09/2023']);
    expect(problems[0]!.fix).toBe('write the date as year-month-day (2023-09-21) or an ISO 8601 date-time (2023-09-21T14:05:00Z), or leave the cell empty');
  });
});

describe('an invalid published date in the other formats', () => {
  const bad = (published: string) => JSON.stringify({ version: 1, documents: [{ id: 'a', title: 'A', text: 'x', published }], entities: [], relations: [] });

  it('dataset JSON: the path, what is wrong and how to write it', async () => {
    for (const [published, message] of [
      ['2023-02-30', 'not a real date: February 2023 has 28 days'],
      ['yesterday', 'must be an ISO 8601 date or date-time, e.g. 2023-09-21 or 2023-09-21T14:05:00Z'],
      ['2023-09-21 14:05', 'needs a "T" between the date and the time, as ISO 8601 writes it: 2023-09-21T14:05'],
    ] as const) {
      const error = await readAny('bad.json', bad(published)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatasetValidationError);
      expect((error as DatasetValidationError).problems).toEqual([
        {
          code: 'invalid-value',
          path: 'documents[0].published',
          message,
          fix: 'use a date written year-month-day, e.g. "2023-09-21", or a date-time such as "2023-09-21T14:05:00Z" (or remove "published" if the date is not known)',
          value: published,
        },
      ]);
    }
  });

  it.each(['gexf', 'graphml', 'json'] as FormatId[])('%s: the header is reported damaged at the field, with the reason', async (format) => {
    const written = writtenText(await writeFormat(DATED, format));
    const broken = written.replace('2023-09-21T14:05:00.123456789+02:00', '2023-02-30');
    expect(broken).not.toBe(written);
    const error = await readAny(`bad.${format === 'json' ? 'graphology.json' : format}`, broken).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetValidationError);
    const [problem] = (error as DatasetValidationError).problems;
    expect(problem!.message).toBe('the newsgraph header is damaged (not a real date: February 2023 has 28 days at documents.1.published)');
  });
});
