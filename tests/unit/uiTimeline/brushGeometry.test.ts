/**
 * The brush's arithmetic: buckets ↔ days, dragging, the keyboard's moves and
 * the play's steps, on real histograms (days, Monday weeks, months).
 */

import { describe, expect, it } from 'vitest';
import { dayNumber, type Histogram } from '../../../src/model/index.ts';
import {
  bucketAtX,
  bucketEnd,
  bucketIndexOf,
  defaultRange,
  dragRange,
  grabAt,
  playStep,
  rangeOfWindow,
  resizeRange,
  shiftRange,
  windowOfRange,
} from '../../../src/ui/timeline/brushGeometry.ts';

const days = (first: string, count: number): Pick<Histogram, 'starts' | 'bucket'> => ({
  bucket: 'day',
  starts: Array.from({ length: count }, (_, i) => dayNumber(first) + i),
});
const months: Pick<Histogram, 'starts' | 'bucket'> = {
  bucket: 'month',
  starts: ['2023-01-01', '2023-02-01', '2023-03-01'].map(dayNumber),
};

describe('buckets and days', () => {
  it('finds the bucket holding a day, clamped to the histogram', () => {
    expect(bucketIndexOf(months, dayNumber('2023-02-14'))).toBe(1);
    expect(bucketIndexOf(months, dayNumber('2023-03-31'))).toBe(2);
    expect(bucketIndexOf(months, dayNumber('2022-12-31'))).toBe(0);
    expect(bucketIndexOf(months, dayNumber('2024-01-01'))).toBe(2);
  });

  it('ends a bucket the day before the next one, the last by its calendar length', () => {
    expect(bucketEnd(months, 0)).toBe(dayNumber('2023-01-31'));
    expect(bucketEnd(months, 1)).toBe(dayNumber('2023-02-28'));
    expect(bucketEnd(months, 2)).toBe(dayNumber('2023-03-31'));
  });

  it('turns a bucket range into whole days and back', () => {
    const window = windowOfRange(months, { first: 1, last: 2 });
    expect(window).toEqual({ from: dayNumber('2023-02-01'), to: dayNumber('2023-03-31') });
    expect(rangeOfWindow(months, window)).toEqual({ first: 1, last: 2 });
    // A range given backwards, or past the ends, is put right.
    expect(windowOfRange(months, { first: 5, last: -1 })).toEqual({ from: dayNumber('2023-01-01'), to: dayNumber('2023-03-31') });
  });
});

describe('moving a window', () => {
  it('shifts keeping its length and stops at either end', () => {
    expect(shiftRange(10, { first: 2, last: 4 }, 3)).toEqual({ first: 5, last: 7 });
    expect(shiftRange(10, { first: 2, last: 4 }, 30)).toEqual({ first: 7, last: 9 });
    expect(shiftRange(10, { first: 2, last: 4 }, -30)).toEqual({ first: 0, last: 2 });
  });

  it('resizes one edge, never below one bucket nor past the ends', () => {
    expect(resizeRange(10, { first: 2, last: 4 }, 'last', 1)).toEqual({ first: 2, last: 5 });
    expect(resizeRange(10, { first: 2, last: 4 }, 'last', -5)).toEqual({ first: 2, last: 2 });
    expect(resizeRange(10, { first: 2, last: 4 }, 'first', -5)).toEqual({ first: 0, last: 4 });
    expect(resizeRange(10, { first: 2, last: 9 }, 'last', 1)).toEqual({ first: 2, last: 9 });
  });

  it('starts with an eighth of the histogram, at least one bucket', () => {
    expect(defaultRange(89)).toEqual({ first: 0, last: 10 });
    expect(defaultRange(89, 'end')).toEqual({ first: 78, last: 88 });
    expect(defaultRange(3)).toEqual({ first: 0, last: 0 });
  });

  it('plays forward by its own length, the last step stopping at the end, then no more', () => {
    const steps = [];
    let range: { first: number; last: number } | null = { first: 0, last: 3 };
    while (range !== null) {
      steps.push(range);
      range = playStep(10, range);
    }
    expect(steps).toEqual([
      { first: 0, last: 3 },
      { first: 4, last: 7 },
      { first: 6, last: 9 },
    ]);
  });
});

describe('the pointer', () => {
  it('maps a position on the plot to a bucket', () => {
    expect(bucketAtX(10, 500, 0)).toBe(0);
    expect(bucketAtX(10, 500, 49.9)).toBe(0);
    expect(bucketAtX(10, 500, 50)).toBe(1);
    expect(bucketAtX(10, 500, 499)).toBe(9);
    expect(bucketAtX(10, 500, -20)).toBe(0);
    expect(bucketAtX(10, 500, 900)).toBe(9);
  });

  it('grabs a handle near an edge, the window inside, empty plot outside', () => {
    const range = { first: 2, last: 4 }; // pixels 100 to 250 on a 500-pixel plot of 10 bars
    expect(grabAt(10, 500, range, 103)).toBe('first');
    expect(grabAt(10, 500, range, 247)).toBe('last');
    expect(grabAt(10, 500, range, 170)).toBe('move');
    expect(grabAt(10, 500, range, 400)).toBe('new');
    expect(grabAt(10, 500, null, 170)).toBe('new');
  });

  it('drags a new window either way, moves one, and turns one over past its other edge', () => {
    expect(dragRange(10, 'new', null, 6, 2)).toEqual({ first: 2, last: 6 });
    expect(dragRange(10, 'move', { first: 2, last: 4 }, 3, 5)).toEqual({ first: 4, last: 6 });
    expect(dragRange(10, 'move', { first: 2, last: 4 }, 3, 9)).toEqual({ first: 7, last: 9 });
    expect(dragRange(10, 'last', { first: 2, last: 4 }, 4, 7)).toEqual({ first: 2, last: 7 });
    expect(dragRange(10, 'last', { first: 2, last: 4 }, 4, 0)).toEqual({ first: 0, last: 2 });
    expect(dragRange(10, 'first', { first: 2, last: 4 }, 2, 3)).toEqual({ first: 3, last: 4 });
  });

  it('works on a day histogram as on months', () => {
    const histogram = days('2023-01-03', 89);
    const window = windowOfRange(histogram, { first: 0, last: 6 });
    expect(window).toEqual({ from: dayNumber('2023-01-03'), to: dayNumber('2023-01-09') });
  });
});
