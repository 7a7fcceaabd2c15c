/**
 * `published` dates (src/model/published.ts): which values are real ISO 8601
 * dates, and what a problem says about the ones that are not — the message a
 * user reads in the validator's report, the CLI and the app.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublished, publishedDay, publishedFault, validateDataset } from '../../../src/model/index.ts';
import { publishedArbitrary } from '../formats/datasetArbitrary.ts';

describe('isPublished', () => {
  it('accepts dates and date-times as ISO 8601 writes them', () => {
    for (const value of ['2023-09-21', '2024-02-29', '2000-02-29', '2023-09-21T14:05', '2023-09-21T14:05:00Z', '2023-09-21T14:05:00.123456789+02:00', '2023-09-21T23:59-0500']) {
      expect(isPublished(value), value).toBe(true);
    }
    fc.assert(fc.property(publishedArbitrary, (value) => isPublished(value)));
  });

  it('refuses days that do not exist, other notations, and non-strings', () => {
    for (const value of ['2023-02-29', '1900-02-29', '2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-09-00', '2023-9-21', '21/09/2023', '2023-09-21 14:05', '2023-09-21T24:00', 'yesterday', '', ' 2023-09-21', 20230921, null]) {
      expect(isPublished(value), String(value)).toBe(false);
    }
  });

  it('agrees with the calendar of Date for every day of four centuries', () => {
    const refused: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day < Date.UTC(2300, 0, 1); day += 86_400_000) {
      const value = new Date(day).toISOString().slice(0, 10);
      if (!isPublished(value)) refused.push(value);
    }
    expect(refused).toEqual([]);
  });

  it('publishedDay is the day as written, with no time-zone shift', () => {
    expect(publishedDay('2023-09-21T23:30-05:00')).toBe('2023-09-21');
    expect(publishedDay('2023-09-21')).toBe('2023-09-21');
  });
});

describe('publishedFault: why a value is not a date, in words', () => {
  it.each([
    ['2023-02-30', 'not a real date: February 2023 has 28 days'],
    ['2024-02-30', 'not a real date: February 2024 has 29 days'],
    ['2023-04-31T10:00Z', 'not a real date: April 2023 has 30 days'],
    ['2023-13-01', 'not a real date: there is no month 13'],
    ['2023-09-00', 'not a real date: days are numbered from 01'],
    ['2023-09-21 14:05:00Z', 'needs a "T" between the date and the time, as ISO 8601 writes it: 2023-09-21T14:05:00Z'],
    ['yesterday', 'must be an ISO 8601 date or date-time, e.g. 2023-09-21 or 2023-09-21T14:05:00Z'],
    ['21/09/2023', 'must be an ISO 8601 date or date-time, e.g. 2023-09-21 or 2023-09-21T14:05:00Z'],
  ])('%s → %s', (value, fault) => {
    expect(publishedFault(value)).toBe(fault);
  });

  it('is the message of the validator’s problem, at the field’s path, with the fix', () => {
    const result = validateDataset({ version: 1, documents: [{ id: 'd', title: 'T', text: 'x', published: '2023-02-30' }], entities: [], relations: [] });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        code: 'invalid-value',
        path: 'documents[0].published',
        message: 'not a real date: February 2023 has 28 days',
        fix: 'use a date written year-month-day, e.g. "2023-09-21", or a date-time such as "2023-09-21T14:05:00Z" (or remove "published" if the date is not known)',
        value: '2023-02-30',
      },
    ]);
  });

  it('an empty url is a problem too; a version 1 document without url or published is valid', () => {
    const empty = validateDataset({ version: 1, documents: [{ id: 'd', title: 'T', text: 'x', url: '' }], entities: [], relations: [] });
    expect(empty.ok ? [] : empty.problems.map((p) => [p.path, p.code, p.fix])).toEqual([['documents[0].url', 'empty-value', 'make it the address of the article, e.g. "https://example.org/news/1"']]);
    const plain = validateDataset({ version: 1, documents: [{ id: 'd', title: 'T', text: 'x' }], entities: [], relations: [] });
    expect(plain.ok && plain.dataset.documents[0]).toStrictEqual({ id: 'd', title: 'T', text: 'x' });
  });
});
