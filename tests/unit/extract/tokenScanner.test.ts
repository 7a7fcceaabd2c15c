import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_TOKEN, scanned, scanToken, TOKEN_PATTERN } from '../../../src/extract/tokens.ts';

/** Every match as [start, end, group], by the regular expression. */
function byPattern(text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const pattern = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push([m.index, m.index + m[0].length, [1, 2, 3, 4].find((g) => m![g] !== undefined)!]);
  return out;
}

/** Every match as [start, end, group], by the hand-written scanner. */
function byScanner(text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let kind = scanToken(text, 0, text.length); kind !== NO_TOKEN; kind = scanToken(text, scanned.end, text.length)) out.push([scanned.start, scanned.end, kind]);
  return out;
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Letters, marks, digits of several scripts, the separators the pattern reads, white space of several kinds,
// quotes, surrogate pairs (a letter, an emoji, a digit), lone surrogates and joiners.
const PIECES = [
  'a', 'Z', 'é', 'ß', 'Ж', 'ж', 'ع', '中', 'ı', 'İ', '\u0301', '\u0651', '0', '7', '٣', '½', 'Ⅳ', '.', ',', ':', '%', '-', '‐', "'", '’', '‘', '“', '”',
  '"', '(', ')', '—', '!', '?', '…', ' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u202f', '\u3000', '\ufeff', '\u2028', '\u1680', '\u200d', '\ufe0f',
  '𝐀', '😀', '𝟘', '\ud800', '\udc00', 'U.S.', 'al-', 'A.', '1.5', '3,000', 's',
];

describe('scanToken', () => {
  it('finds exactly the matches of TOKEN_PATTERN in random text', () => {
    const next = random(15);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 24);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(byScanner(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('finds exactly the matches of TOKEN_PATTERN in the articles', () => {
    const dir = new URL('../../../data/eval/articles/', import.meta.url);
    const texts = readdirSync(dir).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(new URL(name, dir), 'utf8'));
    texts.push(readFileSync(new URL('../../../data/seed-article-russia-isolation-unga.txt', import.meta.url), 'utf8'));
    for (const text of texts) expect(byScanner(text)).toEqual(byPattern(text));
  });
});
