/**
 * The event date phrase is cut out of a quoted sentence's runs without
 * losing or re-typing a character, across mention boundaries too.
 */

import { describe, expect, it } from 'vitest';
import { markEventPhrase } from '../../../src/ui/eventPhrase.ts';
import { widthFactor, scaleEdge, NEW_EDGE, WIDTH_MAX_FACTOR } from '../../../src/ui/lookStyles.ts';

const ARTICLE = 'Intro. Russia invaded Ukraine on 24 February 2022 at dawn.';
const start = ARTICLE.indexOf('Russia');
const end = ARTICLE.length;
const segments = [
  { text: 'Russia', entity: 'russia', isEnd: true },
  { text: ' invaded ' },
  { text: 'Ukraine', entity: 'ukraine', isEnd: true },
  { text: ' on 24 February 2022 at dawn.' },
];
const joined = (pieces: Array<{ text: string }>) => pieces.map((piece) => piece.text).join('');

describe('marking the event phrase', () => {
  it('marks exactly the phrase, the pieces still spelling the sentence', () => {
    const phrase = 'on 24 February 2022';
    const event = { date: '2022-02-24', start: ARTICLE.indexOf(phrase), end: ARTICLE.indexOf(phrase) + phrase.length };
    const pieces = markEventPhrase(segments, start, event);
    expect(joined(pieces)).toBe(ARTICLE.slice(start, end));
    expect(pieces.filter((piece) => piece.event).map((piece) => piece.text)).toEqual([phrase]);
    expect(pieces.find((piece) => piece.entity === 'ukraine')?.event).toBeUndefined();
  });

  it('splits a mention the phrase runs into', () => {
    const event = { date: '2022', start: ARTICLE.indexOf('aine'), end: ARTICLE.indexOf(' at') };
    const pieces = markEventPhrase(segments, start, event);
    expect(joined(pieces)).toBe(ARTICLE.slice(start, end));
    expect(pieces.filter((piece) => piece.event).map((piece) => piece.text).join('')).toBe(ARTICLE.slice(event.start, event.end));
    expect(pieces.filter((piece) => piece.entity === 'ukraine').map((piece) => piece.text)).toEqual(['Ukr', 'aine']);
  });

  it('marks nothing for offsets outside the sentence or no event', () => {
    expect(markEventPhrase(segments, start, { date: '2022', start: 0, end: 5 })).toEqual(segments);
    expect(markEventPhrase(segments, start, undefined)).toEqual(segments);
  });
});

describe('edge width and the new-in-window mark', () => {
  it('grows half a width per doubling, from one, capped', () => {
    expect(widthFactor(0)).toBe(1);
    expect(widthFactor(1)).toBe(1);
    expect(widthFactor(2)).toBe(1.5);
    expect(widthFactor(4)).toBe(2);
    expect(widthFactor(1000)).toBe(WIDTH_MAX_FACTOR);
  });

  it('widens and raises a new edge, fades one seen before, leaves dimmed edges alone', () => {
    expect(scaleEdge('normal', 2, 'new', { size: 3, color: '#009E73', zIndex: 1 })).toEqual({ size: 3 * 1.5 * NEW_EDGE.widthFactor, color: '#009E73', zIndex: 2 });
    const before = scaleEdge('normal', 1, 'seen-before', { size: 3, color: '#009E73', zIndex: 1 });
    expect(before.size).toBe(3);
    expect(before.color).not.toBe('#009E73');
    expect(scaleEdge('dimmed', 8, 'new', { size: 1, color: '#009E73', zIndex: 0 })).toEqual({ size: 1, color: '#009E73', zIndex: 0 });
  });
});
