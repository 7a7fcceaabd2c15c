/**
 * Extraction carries an article's outlet, address and date onto its document
 * (the Open article dialog, `newsgraph extract` and `newsgraph ingest` give
 * them), and refuses a date or url the dataset could not hold, so its result
 * always validates.
 */

import { describe, expect, it } from 'vitest';
import { extractArticles, extractDataset, ExtractInputError } from '../../../src/extract/extractDataset.ts';
import { validateDataset } from '../../../src/model/index.ts';

const TEXT = 'Russia accused Ukraine of shelling the plant. Ukraine denied it.';

describe('extraction keeps source, url and published on the document', () => {
  it('extractDataset: from the options', () => {
    const dataset = extractDataset(TEXT, { title: 'Plant', documentId: 'plant', source: 'Reuters', url: 'https://example.org/plant', published: '2023-09-21T14:05:00Z' });
    expect(dataset.documents).toStrictEqual([{ id: 'plant', title: 'Plant', text: TEXT, source: 'Reuters', url: 'https://example.org/plant', published: '2023-09-21T14:05:00Z' }]);
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('extractArticles: per article, absent fields left out (not undefined)', () => {
    const dataset = extractArticles([
      { text: TEXT, title: 'One', url: 'https://example.org/1', published: '2023-09-21' },
      { text: TEXT, title: 'Two', source: 'AP' },
    ]);
    expect(dataset.documents.map(({ text: _text, ...meta }) => meta)).toStrictEqual([
      { id: 'one', title: 'One', url: 'https://example.org/1', published: '2023-09-21' },
      { id: 'two', title: 'Two', source: 'AP' },
    ]);
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('refuses a date that is not a real ISO 8601 date, and an empty url, naming the article and the fix', () => {
    expect(() => extractArticles([{ text: TEXT, title: 'Plant', published: '2023-02-30' }])).toThrow(ExtractInputError);
    expect(() => extractArticles([{ text: TEXT, title: 'Plant', published: '2023-02-30' }])).toThrow(
      'Plant: the published date "2023-02-30" is wrong: not a real date: February 2023 has 28 days. Fix: write it as 2023-09-21 or 2023-09-21T14:05:00Z, or leave it out.',
    );
    expect(() => extractDataset(TEXT, { published: 'yesterday' })).toThrow(/^article 1: the published date "yesterday" is wrong: must be an ISO 8601 date/);
    expect(() => extractDataset(TEXT, { title: 'Plant', url: '' })).toThrow("Plant: the url is empty. Fix: give the article's address, or leave it out.");
  });
});
