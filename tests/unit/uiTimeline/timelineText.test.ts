/**
 * The timeline's words: a window's dates, its counts, the axis labels, the
 * comparison's default windows, and the date inputs' values.
 */

import { describe, expect, it } from 'vitest';
import { buildReportingIndex, dayNumber, type Dataset } from '../../../src/model/index.ts';
import { axisTicks } from '../../../src/ui/timeline/axisTicks.ts';
import { countWindow, dateInputValue, dayOfDateInput, describeCounts, formatWindow } from '../../../src/ui/timeline/windowText.ts';
import { defaultWindows } from '../../../src/ui/compare/compareWindows.ts';

const w = (from: string, to: string) => ({ from: dayNumber(from), to: dayNumber(to) });

describe('a window in words', () => {
  it('writes the year once when both ends share it', () => {
    expect(formatWindow(w('2023-01-03', '2023-02-14'))).toBe('3 Jan – 14 Feb 2023');
    expect(formatWindow(w('2022-12-28', '2023-01-04'))).toBe('28 Dec 2022 – 4 Jan 2023');
    expect(formatWindow(w('2023-01-03', '2023-01-03'))).toBe('3 Jan 2023');
  });

  it('reads and writes date inputs, refusing what is not a day', () => {
    expect(dateInputValue(dayNumber('2023-02-14'))).toBe('2023-02-14');
    expect(dayOfDateInput('2023-02-14')).toBe(dayNumber('2023-02-14'));
    expect(dayOfDateInput('')).toBeNull();
    expect(dayOfDateInput('14/02/2023')).toBeNull();
  });
});

describe('counting a window', () => {
  const text = 'Russia met Ukraine.';
  const doc = (id: string, published?: string) => ({ id, title: id, text, ...(published ? { published } : {}) });
  const rel = (id: string, documents: string[]) => ({
    id,
    type: 'met-with' as const,
    source: 'russia',
    target: 'ukraine',
    evidence: documents.map((document) => ({ document, start: 0, end: text.length })),
  });
  const dataset: Dataset = {
    version: 1,
    documents: [doc('jan', '2023-01-05'), doc('feb', '2023-02-10'), doc('none')],
    entities: [],
    relations: [rel('old', ['jan', 'feb']), rel('fresh', ['feb']), rel('undated', ['none'])],
  };

  it('counts relations reported in the window and those first reported there', () => {
    const reporting = buildReportingIndex(dataset);
    expect(countWindow(reporting, w('2023-02-01', '2023-02-28'))).toEqual({ reported: 2, first: 1 });
    expect(countWindow(reporting, w('2023-01-01', '2023-01-31'))).toEqual({ reported: 1, first: 1 });
    expect(describeCounts({ reported: 57, first: 12 })).toBe('57 relations (12 new)');
    expect(describeCounts({ reported: 1, first: 0 })).toBe('1 relation (0 new)');
  });
});

describe('axis labels', () => {
  it('spaces labels to fit and writes the year where it changes', () => {
    const starts = ['2022-11-01', '2022-12-01', '2023-01-01', '2023-02-01'].map(dayNumber);
    expect(axisTicks({ bucket: 'month', starts }, 1000).map((tick) => tick.text)).toEqual(['Nov 2022', 'Dec', 'Jan 2023', 'Feb']);
    const daily = Array.from({ length: 30 }, (_, i) => dayNumber('2023-01-01') + i);
    const ticks = axisTicks({ bucket: 'day', starts: daily }, 300);
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks[0]).toEqual({ bucket: 0, text: '1 Jan 2023' });
    expect(ticks[1]!.text).toMatch(/^\d+ Jan$/);
  });
});

describe('the comparison’s default windows', () => {
  it('compares the timeline’s window with the same length just before it', () => {
    const pair = defaultWindows(w('2023-02-01', '2023-02-10'), { first: dayNumber('2023-01-01'), last: dayNumber('2023-03-31') });
    expect(pair).toEqual({ a: w('2023-01-22', '2023-01-31'), b: w('2023-02-01', '2023-02-10') });
  });

  it('splits the reporting span in two with no window chosen', () => {
    const pair = defaultWindows(null, { first: dayNumber('2023-01-01'), last: dayNumber('2023-01-10') });
    expect(pair).toEqual({ a: w('2023-01-01', '2023-01-05'), b: w('2023-01-06', '2023-01-10') });
  });
});

describe('the corpus server’s timeline', () => {
  it('becomes the histogram the dataset itself gives', async () => {
    const { buildHistogram, dayString } = await import('../../../src/model/index.ts');
    const { TimelineResponseSchema } = await import('../../../src/model/corpusApi.ts');
    const { histogramOfTimeline } = await import('../../../src/ui/timeline/corpusHistogram.ts');
    const text = 'Russia met Ukraine. Russia accused Ukraine.';
    const evidence = (document: string, start: number, end: number) => ({ document, start, end });
    const dataset: Dataset = {
      version: 1,
      documents: [
        { id: 'a', title: 'a', text, published: '2023-01-05' },
        { id: 'b', title: 'b', text, published: '2023-03-20' },
        { id: 'c', title: 'c', text },
      ],
      entities: [],
      relations: [
        { id: 'm', type: 'met-with', source: 'russia', target: 'ukraine', evidence: [evidence('a', 0, 19), evidence('b', 0, 19)] },
        { id: 'x', type: 'accused', source: 'russia', target: 'ukraine', evidence: [evidence('b', 20, 43)] },
        { id: 'u', type: 'accused', source: 'ukraine', target: 'russia', evidence: [evidence('c', 20, 43)] },
      ],
    };
    const local = buildHistogram(buildReportingIndex(dataset), dataset.relations, ['met-with', 'accused'], 'week');
    const rows = local.starts.map((_, b) => Array.from(local.counts.slice(b * 2, b * 2 + 2)));
    const response = TimelineResponseSchema.parse({ bucket: 'week', starts: local.starts.map(dayString), types: local.types, counts: rows, undated: Array.from(local.undated) });
    expect(histogramOfTimeline(response)).toEqual(local);
  });
});
