/**
 * Extraction is linear in its input (issue #11, hardening round 2)
 * ================================================================
 *
 * Adversarial text must cost about what ordinary prose of the same size
 * costs. Each test times extraction of one shape against extraction of
 * prose of the same length, built from the test articles, and asserts the
 * RATIO — never an absolute time, so a slow or busy machine does not fail it.
 *
 * Before the fixes: 250 KB of `"x" "x" …` took over 10× prose (the speaker
 * search rescanned the sentence per quotation); half a megabyte of `. . .`
 * (a sentence per two characters) paid for a rule-order map and closures per
 * sentence; "while a, while a, …", "Putin met him and met him and …" and
 * "Russia attacked Ukraine and …" with no full stop were quadratic, and so
 * was merging the evidence of one relation stated in every sentence.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/index.ts';

const ARTICLES = new URL('../../../data/eval/articles/', import.meta.url);
const texts = readdirSync(ARTICLES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, ARTICLES), 'utf8'));

/** Ordinary prose: the test articles, repeated to `size` characters. */
function prose(size: number): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += texts[i % texts.length] + '\n\n';
  return out.slice(0, size);
}

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** "Aa Bb Cc …": distinct capitalised words. */
function capitalised(index: number): string {
  return String.fromCharCode(65 + (index % 26)) + String.fromCharCode(97 + (Math.floor(index / 26) % 26));
}

function words(size: number, word: (index: number) => string, separator = ' '): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += word(i) + separator;
  return out.slice(0, size);
}

/** Processor time, not wall time: other tests running beside this one do not count. */
function seconds(text: string): number {
  const start = process.cpuUsage();
  extractDataset(text, { title: 'Timing' });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Less than this many times the prose's time per byte. */
const MAX_RATIO = 4;

const proseTime = new Map<number, number>();

/** The shape's time over prose's, the best of two runs when the first is over the limit (a busy machine). */
function ratio(text: string): number {
  const base = proseTime.get(text.length);
  if (base === undefined) throw new Error(`no prose timed at ${text.length} characters`);
  const first = seconds(text) / base;
  return first < MAX_RATIO ? first : Math.min(first, seconds(text) / base);
}

const SMALL = 100_000;
const MEDIUM = 250_000;
const LARGE = 500_000;

beforeAll(() => {
  seconds(prose(5_000)); // warm up: compile the gazetteer and the rules
  for (const size of [SMALL, MEDIUM, LARGE]) proseTime.set(size, Math.min(seconds(prose(size)), seconds(prose(size))));
}, 120_000);

describe('extraction time is linear: adversarial text vs prose of the same size', () => {
  const shapes: Array<[string, () => string]> = [
    ['straight-quoted segments "x" "x" …', () => repeat('"x" ', MEDIUM)],
    ['typographic quoted segments “x” “x” …', () => repeat('“x” ', MEDIUM)],
    ['". " repeated (a sentence every two characters)', () => repeat('. ', LARGE)],
    ['one giant sentence of prose with no full stop', () => prose(MEDIUM).replace(/[.!?…]/g, ',').replace(/[\r\n]/g, ' ')],
    ['one giant sentence of relations: "Russia attacked Ukraine and …"', () => repeat('Russia attacked Ukraine and ', SMALL)],
    ['one giant sentence of pronouns: "Putin met him and met him …"', () => ('Putin ' + repeat('met him and ', MEDIUM)).slice(0, MEDIUM)],
    ['one giant sentence of "they": "Russia and China said they and …"', () => ('Russia and China ' + repeat('said they and ', SMALL)).slice(0, SMALL)],
    ['clauses never closed: "while a, while a, …"', () => repeat('while a, ', MEDIUM)],
    ['capitalised words "Aa Bb Cc …"', () => words(MEDIUM, capitalised)],
    ['parentheses and brackets', () => repeat('(a) [b] ', MEDIUM)],
    ['nested parentheses', () => repeat('(', MEDIUM / 2) + repeat(')', MEDIUM / 2)],
    ['a list "Aa, Bb, Cc, …"', () => words(MEDIUM, capitalised, ', ')],
    ['many "and"', () => words(MEDIUM, (i) => (i % 2 ? 'and' : capitalised(i)))],
    ['dotted abbreviations "U.S. U.S. …"', () => repeat('U.S. ', MEDIUM)],
    ['possessives "Aa’s Bb’s …"', () => words(MEDIUM, (i) => `${capitalised(i)}’s`)],
    ['a meeting noun after every name: "NATO held a summit and …"', () => repeat('NATO held a summit and ', SMALL)],
    ['one relation stated in every sentence: "Russia attacked Ukraine. …"', () => repeat('Russia attacked Ukraine. ', LARGE)],
  ];
  for (const [name, make] of shapes) {
    it(name, () => {
      expect(ratio(make())).toBeLessThan(MAX_RATIO);
    }, 120_000);
  }

  it('a long run of one character, and newline-only lines, cost next to nothing', () => {
    expect(ratio(repeat('a', MEDIUM))).toBeLessThan(MAX_RATIO);
    expect(ratio(repeat('\n', MEDIUM))).toBeLessThan(MAX_RATIO);
  }, 120_000);
});
