import { dayNumber } from '../../src/model/days.ts';
import { describe, expect, it } from 'vitest';
import { CORPUS_ATTRIBUTES, CORPUS_LIMITS, SubgraphQuerySchema } from '../../src/model/corpusApi.ts';
import type { Relation } from '../../src/model/index.ts';
import { markedRuns } from '../../src/state/corpusHighlight.ts';
import {
  corpusInfoUrl,
  corpusSearchText,
  documentUrl,
  documentsPageUrl,
  evidenceUrls,
  neighbourhoodUrl,
  overviewSizeOf,
  overviewUrl,
  searchUrl,
} from '../../src/state/corpusRequests.ts';
import { fetchableSentences, sentenceCoverage, wantsSentences, withoutCorpusTotals } from '../../src/state/corpusTotals.ts';

const BASE = 'http://127.0.0.1:8484/api/';
const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('corpus mode: the requests the explorer sends', () => {
  it('addresses every endpoint under the base the page names', () => {
    expect(corpusInfoUrl(BASE)).toBe(`${BASE}corpus`);
    expect(overviewUrl(BASE)).toBe(`${BASE}overview?limit=${CORPUS_LIMITS.overviewDefault}`);
    expect(documentsPageUrl(BASE, 60, 30)).toBe(`${BASE}documents?offset=60&limit=30`);
    expect(documentsPageUrl(BASE, 0, 30, { from: dayNumber('2023-01-02'), to: dayNumber('2023-02-14') })).toBe(`${BASE}documents?offset=0&limit=30&since=2023-01-02&until=2023-02-14`);
    expect(searchUrl(BASE, 'arms deal')).toBe(`${BASE}search?q=arms+deal&limit=${CORPUS_LIMITS.searchDefault}`);
  });

  it('keeps every count inside the limits the server enforces', () => {
    expect(paramsOf(overviewUrl(BASE, 10_000)).limit).toBe(String(CORPUS_LIMITS.overviewMax));
    expect(paramsOf(overviewUrl(BASE, 0)).limit).toBe('1');
    expect(paramsOf(documentsPageUrl(BASE, -5, 5_000))).toEqual({ offset: '0', limit: String(CORPUS_LIMITS.documentsPageMax) });
    expect(paramsOf(searchUrl(BASE, 'x', 1e6)).limit).toBe(String(CORPUS_LIMITS.searchMax));
  });

  it('sends a neighbourhood query the server’s own schema accepts, whatever the id holds', () => {
    for (const id of ['e42', 'a/b?c#d&e=f', 'Ünïcode entité', '__proto__']) {
      const query = SubgraphQuerySchema.parse(paramsOf(neighbourhoodUrl(BASE, id, 2)));
      expect(query.entity).toBe(id);
      expect(query.hops).toBe(2);
      expect(query.limit).toBe(CORPUS_LIMITS.expandRelations);
    }
  });

  it('puts a document id in the path, encoded, so it cannot escape it', () => {
    const url = new URL(documentUrl(BASE, '../corpus?x=1#y'));
    expect(url.pathname).toBe('/api/documents/..%2Fcorpus%3Fx%3D1%23y');
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.pathname.slice('/api/documents/'.length))).toBe('../corpus?x=1#y');
  });

  it('asks for sentences in batches the server takes, each id once', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `r${i}`);
    const urls = evidenceUrls(BASE, [...ids, 'r0', 'r1']);
    expect(urls).toHaveLength(3);
    const batches = urls.map((url) => paramsOf(url).relations!.split(','));
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(ids);
    expect(evidenceUrls(BASE, [])).toEqual([]);
  });

  it('searches only for text worth asking about, cut to the server’s limit without splitting a character', () => {
    expect(corpusSearchText('  ')).toBeNull();
    expect(corpusSearchText(' a ')).toBeNull();
    expect(corpusSearchText('😀')).toBeNull();
    expect(corpusSearchText('  arms \n  deal ')).toBe('arms deal');
    const long = `a${'😀'.repeat(150)}`;
    const text = corpusSearchText(long)!;
    expect(text.length).toBeLessThanOrEqual(CORPUS_LIMITS.queryTextMax);
    expect(text.length).toBe(CORPUS_LIMITS.queryTextMax - 1);
    expect(() => encodeURIComponent(text)).not.toThrow();
  });

  it('reads the overview size from the page address, within the server’s limits', () => {
    expect(overviewSizeOf('?overview=40')).toBe(40);
    expect(overviewSizeOf('?overview=0')).toBe(1);
    expect(overviewSizeOf('?overview=99999')).toBe(CORPUS_LIMITS.overviewMax);
    expect(overviewSizeOf('?overview=lots')).toBeUndefined();
    expect(overviewSizeOf('?overview=-3')).toBeUndefined();
    expect(overviewSizeOf('')).toBeUndefined();
  });
});

describe('corpus mode: what is loaded against what the corpus holds', () => {
  const relation = (loaded: number, total: unknown): Relation => ({
    id: 'r',
    type: 'accused',
    source: 'a',
    target: 'b',
    evidence: Array.from({ length: loaded }, (_, i) => ({ document: 'd', start: i, end: i + 1 })),
    ...(total === undefined ? {} : { attributes: { [CORPUS_ATTRIBUTES.evidenceTotal]: total as number } }),
  });

  it('counts the sentences still in the corpus, and offers them only when there are some', () => {
    expect(sentenceCoverage(relation(3, 12))).toEqual({ loaded: 3, total: 12, missing: 9 });
    expect(wantsSentences(relation(3, 12))).toBe(true);
    expect(wantsSentences(relation(12, 12))).toBe(false);
    expect(fetchableSentences(relation(3, 5_000))).toBe(CORPUS_LIMITS.evidenceMax);
    expect(wantsSentences(relation(CORPUS_LIMITS.evidenceMax, 5_000))).toBe(false);
  });

  it('treats a missing or malformed total as unknown, and offers nothing', () => {
    for (const total of [undefined, 'many', -1, 2.5, null]) {
      expect(sentenceCoverage(relation(3, total)).total).toBeUndefined();
      expect(wantsSentences(relation(3, total))).toBe(false);
    }
  });

  it('drops the corpus totals from the attributes a panel lists, and keeps the rest', () => {
    expect(withoutCorpusTotals({ [CORPUS_ATTRIBUTES.degree]: 4, modularity: 2 })).toEqual({ modularity: 2 });
    const plain = { modularity: 2 };
    expect(withoutCorpusTotals(plain)).toBe(plain);
    expect(withoutCorpusTotals(undefined)).toBeUndefined();
  });
});

describe('corpus mode: the searched words inside a found sentence', () => {
  const join = (runs: ReturnType<typeof markedRuns>) => runs.map((run) => run.text).join('');
  const marked = (runs: ReturnType<typeof markedRuns>) => runs.filter((run) => run.marked).map((run) => run.text);

  it('marks whole words that start with a searched word, ignoring case, and loses no character', () => {
    const sentence = 'The EU imposed sanctions on Sanctionia; the sanction list grew.';
    const runs = markedRuns(sentence, 'sanction eu');
    expect(join(runs)).toBe(sentence);
    expect(marked(runs)).toEqual(['EU', 'sanctions', 'Sanctionia', 'sanction']);
  });

  it('treats the query as words, never as a pattern', () => {
    const sentence = 'Prices rose (a.*b) by 3.5% in [Q1].';
    const runs = markedRuns(sentence, '(a.* q1] 3.5');
    expect(join(runs)).toBe(sentence);
    expect(marked(runs)).toEqual(['Q1']);
    expect(markedRuns(sentence, '')).toEqual([{ text: sentence, marked: false }]);
  });

  it('marks words in any script', () => {
    const sentence = 'Ümit Özdemir met Владимир Путин in Kyiv.';
    expect(marked(markedRuns(sentence, 'özdemir путин'))).toEqual(['Özdemir', 'Путин']);
  });
});
