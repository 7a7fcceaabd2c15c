/**
 * The demo corpus generator: deterministic (the committed
 * data/demo-corpus/articles.jsonl is exactly what it writes), every text
 * distinct, dated within the 18 months, on example.org, from invented
 * outlets, and written so that the extractor finds relations of many types
 * in it (the demo would be empty otherwise).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoJsonLines, generateDemoArticles } from '../../../scripts/demoArticles.ts';
import { extractArticles } from '../../../src/extract/extractDataset.ts';
import { isPublished } from '../../../src/model/published.ts';

describe('demo articles', () => {
  const articles = generateDemoArticles(300);

  it('are the committed data/demo-corpus/articles.jsonl, byte for byte (regenerate with npm run demo:articles)', () => {
    expect(demoJsonLines(articles)).toBe(readFileSync(new URL('../../../data/demo-corpus/articles.jsonl', import.meta.url), 'utf8'));
    expect(demoJsonLines(generateDemoArticles(300))).toBe(demoJsonLines(articles));
    expect(demoJsonLines(generateDemoArticles(300, 14))).not.toBe(demoJsonLines(articles));
  });

  it('are distinct, dated over 18 months in order, on example.org, from invented outlets', () => {
    expect(new Set(articles.map((a) => a.text)).size).toBe(300);
    expect(new Set(articles.map((a) => a.url)).size).toBe(300);
    const dates = articles.map((a) => a.published);
    expect(dates.every(isPublished)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]! >= '2023-01-01' && dates.at(-1)! <= '2024-06-30').toBe(true);
    expect(dates[0]! < '2023-02-01' && dates.at(-1)! > '2024-05-31').toBe(true);
    expect(articles.every((a) => a.url.startsWith('https://example.org/'))).toBe(true);
    expect(new Set(articles.map((a) => a.source))).toEqual(new Set(['Demo Wire', 'Sample Herald', 'The Example Gazette', 'Mock Tribune', 'Placeholder Post']));
    expect(demoJsonLines(articles).length).toBeLessThan(1_000_000);
  });

  it('give the extractor relations of many types, in every article', () => {
    const types = new Map<string, number>();
    for (const article of articles) {
      const { relations } = extractArticles([article]);
      expect(relations.length, article.title).toBeGreaterThan(0);
      for (const r of relations) types.set(r.type, (types.get(r.type) ?? 0) + 1);
    }
    for (const type of ['sanctioned', 'issued-warrant', 'accused', 'allied-with', 'met-with', 'urged', 'severed-ties', 'seeks-ties-with', 'member-of', 'official-of', 'leader-of', 'attended']) {
      expect(types.get(type) ?? 0, type).toBeGreaterThanOrEqual(10);
    }
  });
});
