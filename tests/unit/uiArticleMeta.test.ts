/**
 * The article line's helpers (src/ui/articleMeta.ts): the readable date, the
 * <time datetime> value, and which urls may become links.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasArticleMeta, httpLink, readableDate, timeDatetime } from '../../src/ui/articleMeta.ts';
import { publishedArbitrary } from './formats/datasetArbitrary.ts';

describe('readableDate', () => {
  it.each([
    ['2023-09-21', '21 Sep 2023'],
    ['2023-01-05T08:00:00Z', '5 Jan 2023'],
    ['2024-02-29', '29 Feb 2024'],
    // The day as written: late evening in New York is still the 21st, not UTC's 22nd.
    ['2023-09-21T23:30-05:00', '21 Sep 2023'],
    ['2023-12-31T00:10+14:00', '31 Dec 2023'],
  ])('%s → %s', (published, shown) => {
    expect(readableDate(published)).toBe(shown);
  });

  it('gives every valid date a day, a month abbreviation and the year', () => {
    fc.assert(fc.property(publishedArbitrary, (published) => /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,4}$/.test(readableDate(published))));
  });

  it('returns a value that is not a date as written', () => {
    expect(readableDate('yesterday')).toBe('yesterday');
  });
});

describe('timeDatetime', () => {
  it('keeps what HTML accepts and cuts a fraction to milliseconds', () => {
    expect(timeDatetime('2023-09-21')).toBe('2023-09-21');
    expect(timeDatetime('2023-09-21T14:05+0200')).toBe('2023-09-21T14:05+0200');
    expect(timeDatetime('2023-09-21T14:05:00.123456789Z')).toBe('2023-09-21T14:05:00.123Z');
  });
});

describe('httpLink', () => {
  it('links http and https addresses, normalised', () => {
    expect(httpLink('https://example.org/news/1?a=1&b=2#top')).toBe('https://example.org/news/1?a=1&b=2#top');
    expect(httpLink('HTTP://Example.org')).toBe('http://example.org/');
    expect(httpLink(' https://example.org/a b')).toBe('https://example.org/a%20b');
  });

  it('never links any other scheme, a relative address or a malformed one', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'ftp://example.org/', 'mailto:a@b.c', '//example.org/x', '/news/1', 'example.org', 'http//example.org', '']) {
      expect(httpLink(url), url).toBeUndefined();
    }
    expect(httpLink(undefined)).toBeUndefined();
  });
});

describe('hasArticleMeta', () => {
  it('is true when the document has an outlet, a url or a date', () => {
    expect(hasArticleMeta({ id: 'd', title: 'T', text: '' })).toBe(false);
    expect(hasArticleMeta({ id: 'd', title: 'T', text: '', source: '' })).toBe(false);
    expect(hasArticleMeta({ id: 'd', title: 'T', text: '', source: 'Reuters' })).toBe(true);
    expect(hasArticleMeta({ id: 'd', title: 'T', text: '', url: 'x' })).toBe(true);
    expect(hasArticleMeta({ id: 'd', title: 'T', text: '', published: '2023-09-21' })).toBe(true);
  });
});
