/**
 * Time and sources in the model: reporting spells, wire copies, outlet
 * counts, the histogram and the comparison of two slices, on a dated story
 * and on the 50,000-relation benchmark dataset.
 */

import { describe, expect, it } from 'vitest';
import {
  bucketStart,
  buildHistogram,
  buildReportingIndex,
  buildSourceIndex,
  chooseBucket,
  compareSlices,
  dayNumber,
  dayString,
  formatDate,
  isEventDate,
  lastDayNumber,
  mergeSpells,
  nextBucketStart,
  outletsOf,
  reportedIn,
  sliceEvidence,
  spellsAsReported,
  validateDataset,
  wireCopyGroups,
} from '../../../src/model/index.ts';
import { datedStory } from './datedStory.ts';

const story = datedStory();
const day = dayNumber;

describe('days', () => {
  it('counts whole days from 1970 and back', () => {
    expect(day('1970-01-01')).toBe(0);
    expect(dayString(day('2024-02-29'))).toBe('2024-02-29');
    expect(day('2023-03-01') - day('2023-02-28')).toBe(1);
    expect(lastDayNumber('2024-02')).toBe(day('2024-02-29'));
    expect(lastDayNumber('2023')).toBe(day('2023-12-31'));
    expect(formatDate('2022-02-24')).toBe('24 Feb 2022');
    expect(formatDate('2022-03')).toBe('Mar 2022');
    expect(isEventDate('2022-13')).toBe(false);
    expect(isEventDate('2023-02-29')).toBe(false);
  });
});

describe('reporting dates', () => {
  it('the story validates', () => {
    expect(validateDataset(story).ok).toBe(true);
  });

  it('each relation is reported on its articles’ days; undated articles give no date', () => {
    const reporting = buildReportingIndex(story);
    expect(spellsAsReported(reporting.times.get('accused')!.spells)).toEqual([
      { from: '2023-01-02', to: '2023-01-03' },
      { from: '2023-02-10', to: '2023-02-10' },
    ]);
    expect(reporting.times.has('warrant')).toBe(false);
    expect(reporting.undated).toBe(1);
    expect(reporting.span).toEqual({ first: day('2023-01-02'), last: day('2023-02-10') });
  });

  it('declared spells join the articles’ days', () => {
    const declared = { ...story, relations: story.relations.map((r) => (r.id === 'warrant' ? { ...r, reported: [{ from: '2023-03-17', to: '2023-03-18' }] } : r)) };
    const time = buildReportingIndex(declared).times.get('warrant')!;
    expect([time.first, time.last]).toEqual([day('2023-03-17'), day('2023-03-18')]);
  });

  it('a window holds a relation when any reporting day is inside it', () => {
    const time = buildReportingIndex(story).times.get('accused')!;
    expect(reportedIn(time, { from: day('2023-01-10'), to: day('2023-02-09') })).toBe(false);
    expect(reportedIn(time, { from: day('2023-01-10'), to: day('2023-02-10') })).toBe(true);
    expect(reportedIn(time, { from: day('2022-12-01'), to: day('2023-01-02') })).toBe(true);
  });

  it('merges touching and overlapping spells', () => {
    expect(mergeSpells([[5, 6], [1, 2], [3, 3], [10, 12], [11, 11], [4, 4]])).toEqual([[1, 6], [10, 12]]);
    expect(mergeSpells([[5, 6], [1, 3]])).toEqual([[1, 3], [5, 6]]);
  });
});

describe('wire copies and outlets', () => {
  it('finds the reprint as a copy of the earlier wire story, and nothing else', () => {
    const groups = wireCopyGroups(story.documents);
    expect(Object.fromEntries(groups)).toEqual({ d1: 'd1', d2: 'd1' });
  });

  it('counts a copied story once, under its original’s outlet', () => {
    const sources = buildSourceIndex(story).byRelation;
    const accused = sources.get('accused')!;
    expect(accused.articles).toEqual(['d1', 'd2', 'd3']);
    expect(accused.copies).toBe(1);
    expect(accused.outlets).toEqual(['Reuters', 'AP']);
    expect([accused.articleCount, accused.outletCount]).toEqual([2, 2]);
    expect(sources.get('severed')!.outletCount).toBe(1);
  });

  it('different texts are not copies', () => {
    const texts = ['The council met on Monday to discuss the budget and the new school building plans for next year.', 'Shares fell sharply in Tokyo after the central bank surprised markets with an unexpected rate rise on Friday.'];
    expect(wireCopyGroups(texts.map((text, i) => ({ id: `t${i}`, text })))).toEqual(new Map());
  });

  it('a corpus server’s whole-corpus counts win over the loaded part', () => {
    const withCounts = { ...story, relations: story.relations.map((r) => (r.id === 'severed' ? { ...r, attributes: { corpusArticles: 9, corpusOutlets: 4 } } : r)) };
    const severed = buildSourceIndex(withCounts).byRelation.get('severed')!;
    expect([severed.articleCount, severed.outletCount]).toEqual([9, 4]);
  });

  it('lists outlets by article count', () => {
    expect(outletsOf(story)).toEqual(['AP', 'Daily Reprint', 'Notes', 'Reuters']);
  });
});

describe('histogram', () => {
  const types = ['accused', 'allied-with', 'severed-ties', 'issued-warrant'] as const;
  it('counts distinct relations per bucket and type, undated apart', () => {
    const reporting = buildReportingIndex(story);
    const histogram = buildHistogram(reporting, story.relations, types, 'week');
    const week = (d: string) => histogram.starts.indexOf(bucketStart(day(d), 'week'));
    const count = (d: string, type: (typeof types)[number]) => histogram.counts[week(d) * types.length + types.indexOf(type)];
    // Reported on 2 and 3 January, one week: counted once.
    expect(count('2023-01-02', 'accused')).toBe(1);
    expect(count('2023-01-02', 'allied-with')).toBe(1);
    expect(count('2023-02-10', 'severed-ties')).toBe(1);
    expect(count('2023-02-10', 'accused')).toBe(1);
    expect(histogram.totals.reduce((a, b) => a + b, 0)).toBe(4);
    expect([...histogram.undated]).toEqual([0, 0, 0, 1]);
    expect(histogram.max).toBe(2);
    // Contiguous weeks from the first report to the last, starting on Mondays.
    expect(dayString(histogram.starts[0]!)).toBe('2023-01-02');
    expect(histogram.starts.length).toBe(6);
  });

  it('chooses a bucket to keep about 120 bars at most, and steps months by their length', () => {
    expect(chooseBucket(0, 119)).toBe('day');
    expect(chooseBucket(0, 700)).toBe('week');
    expect(chooseBucket(0, 1000)).toBe('month');
    expect(dayString(nextBucketStart(day('2024-01-01'), 'month'))).toBe('2024-02-01');
    expect(dayString(nextBucketStart(day('2024-12-01'), 'month'))).toBe('2025-01-01');
    expect(dayString(bucketStart(day('2023-09-21'), 'month'))).toBe('2023-09-01');
    expect(dayString(bucketStart(day('2023-09-21'), 'week'))).toBe('2023-09-18');
  });
});

describe('what changed', () => {
  const january = { kind: 'window' as const, window: { from: day('2023-01-01'), to: day('2023-01-31') } };
  const february = { kind: 'window' as const, window: { from: day('2023-02-01'), to: day('2023-02-28') } };

  it('an alliance in January that is severed in February is one change, not two', () => {
    const diff = compareSlices(story, buildReportingIndex(story), january, february);
    expect(diff.changed.map((c) => [c.before, c.after])).toEqual([[['allied'], ['severed']]]);
    expect(diff.appeared).toEqual([]);
    expect(diff.disappeared).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it('compares two outlets, and gives each side’s sentences', () => {
    const diff = compareSlices(story, buildReportingIndex(story), { kind: 'outlet', outlet: 'Reuters' }, { kind: 'outlet', outlet: 'AP' });
    expect(diff.changed.map((c) => c.ends)).toEqual([['armenia', 'russia']]);
    const accused = story.relations.find((r) => r.id === 'accused')!;
    expect(sliceEvidence(story, accused, february).map((e) => e.document)).toEqual(['d3']);
    expect(sliceEvidence(story, accused, { kind: 'outlet', outlet: 'Reuters' }).map((e) => e.document)).toEqual(['d1']);
  });

  it('a window after the story shows everything disappeared', () => {
    const later = { kind: 'window' as const, window: { from: day('2024-01-01'), to: day('2024-01-31') } };
    const diff = compareSlices(story, buildReportingIndex(story), february, later);
    expect(diff.disappeared.map((c) => c.before).flat().sort()).toEqual(['accused', 'severed']);
  });
});
