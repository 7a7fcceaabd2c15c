import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataset, spanText, BUILT_IN_RELATION_TYPES } from '../../src/model/index.ts';

const seed = JSON.parse(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const article = readFileSync(new URL('../../data/seed-article-russia-isolation-unga.txt', import.meta.url), 'utf8');

describe('curated seed dataset', () => {
  it('is valid', () => {
    const result = validateDataset(seed);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('holds the seed article byte for byte', () => {
    expect(seed.documents[0].text).toBe(article);
  });

  it('connects every entity the user named', () => {
    const named = ['russia', 'ukraine', 'international-criminal-court', 'brics', 'austria', 'armenia', 'arab-league'];
    for (const id of named) {
      expect(seed.relations.some((r: { source: string; target: string }) => r.source === id || r.target === id), id).toBe(true);
    }
  });

  it('uses the four required relation types', () => {
    const used = new Set(seed.relations.map((r: { type: string }) => r.type));
    for (const type of ['allied-with', 'sanctioned', 'issued-warrant', 'accused']) expect(used.has(type), type).toBe(true);
    expect(BUILT_IN_RELATION_TYPES['allied-with'].directed).toBe(false);
  });

  it('quotes the ICC warrant sentence verbatim', () => {
    const warrant = seed.relations.find((r: { type: string }) => r.type === 'issued-warrant');
    expect(warrant.source).toBe('international-criminal-court');
    expect(warrant.target).toBe('vladimir-putin');
    expect(spanText(article, warrant.evidence[0])).toBe(
      'Putin didn’t attend the BRICS summit in South Africa earlier this year after the International Criminal Court issued an arrest warrant against him for his alleged involvement in the abductions.',
    );
  });
});
