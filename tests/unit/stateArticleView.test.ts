import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { articleParagraphs, selectionSpans, sentenceMarked } from '../../src/state/articleView.ts';
import { buildDatasetIndex } from '../../src/state/datasetIndex.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const data = buildDatasetIndex(seed);
const document = seed.documents[0];
if (!document) throw new Error('the seed dataset has no document');
const paragraphs = articleParagraphs(data, document.id);
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';

describe('article view', () => {
  it('every paragraph is exactly a line of the article, rebuilt from text.slice runs', () => {
    const lines = document.text.split(/\n+/).map((line) => line.trim()).filter(Boolean);
    const rebuilt = paragraphs.map((p) => p.sentences.map((s) => s.lead + s.segments.map((segment) => segment.text).join('')).join(''));
    expect(rebuilt).toEqual(lines);
  });

  it('each sentence lists the relations whose evidence it holds; every relation is somewhere', () => {
    const sentences = paragraphs.flatMap((p) => p.sentences);
    const found = new Set(sentences.flatMap((s) => s.relations));
    expect([...found].sort()).toEqual(seed.relations.map((r) => r.id).sort());
    const withWarrant = sentences.filter((s) => s.relations.includes(WARRANT));
    expect(withWarrant).toHaveLength(1);
    expect(document.text.slice(withWarrant[0]?.start, withWarrant[0]?.end)).toContain('International Criminal Court issued an arrest warrant');
  });

  it('marks an entity’s mention sentences and a relation’s evidence sentences', () => {
    const sentences = paragraphs.flatMap((p) => p.sentences);
    const forIcc = selectionSpans(data, { kind: 'node', id: 'international-criminal-court' }, document.id);
    expect(sentences.filter((s) => sentenceMarked(s, forIcc))).toHaveLength(1);
    const forWarrant = selectionSpans(data, { kind: 'edge', id: WARRANT }, document.id);
    expect(sentences.filter((s) => sentenceMarked(s, forWarrant)).map((s) => s.relations.includes(WARRANT))).toEqual([true]);
    expect(selectionSpans(data, { kind: 'none' }, document.id)).toEqual([]);
    expect(articleParagraphs(data, 'no-such-document')).toEqual([]);
  });
});
