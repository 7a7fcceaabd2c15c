/**
 * Hardening round 2 (issue #11): export output bigger than a string.
 *
 * A valid 1.9 MB dataset — one very long sentence cited by 300 relations —
 * used to crash every graph format with `RangeError: Invalid string length`,
 * because each relation repeated its whole sentence. Writers now return the
 * file as bounded parts, the sentence text is stored once (in the documents),
 * and the per-edge readable quote is cut short.
 */

import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../../src/model/syntheticDataset.ts';
import { readAny, writeFormat, type FormatId } from '../../../src/graph/formats/index.ts';
import { MAX_JOINED_LENGTH, PART_SIZE, writtenLength, writtenText } from '../../../src/graph/formats/types.ts';
import { validateDataset, type Dataset, type Entity, type Relation } from '../../../src/model/index.ts';

const SYLLABLES = ['ka', 'lo', 'ri', 'ven', 'mar', 'to', 'sel', 'an', 'dor', 'mi', 'zu', 'bra'];

/** One document holding one ~1.9 MB sentence that names 25 countries; a met-with relation for each of the 300 pairs, all citing it. */
function longSentenceDataset(): Dataset {
  const entities: Entity[] = [];
  let text = '';
  for (let i = 0; i < 25; i++) {
    const label = `${SYLLABLES[i % 12]!.toUpperCase()[0]}${SYLLABLES[i % 12]!.slice(1)}${SYLLABLES[Math.floor(i / 12)]}vania`;
    const start = text.length;
    text += label;
    entities.push({ id: `c${i}`, label, type: 'country', aliases: [], mentions: [{ document: 'd', start, end: start + label.length }] });
    text += i === 24 ? ' met ' : ', ';
  }
  text += 'and talked about '.repeat(Math.ceil(1_900_000 / 17));
  text += 'trade.';
  const relations: Relation[] = [];
  for (let a = 0; a < 25; a++) {
    for (let b = a + 1; b < 25; b++) {
      relations.push({ id: `r${a}-${b}`, type: 'met-with', source: `c${a}`, target: `c${b}`, evidence: [{ document: 'd', start: 0, end: text.length }] });
    }
  }
  return { version: 1, title: 'One long sentence', documents: [{ id: 'd', title: 'Long', text }], entities, relations };
}

const LOSSLESS: FormatId[] = ['gexf', 'graphml', 'json', 'dataset'];
const EXTENSION: Record<string, string> = { gexf: 'gexf', graphml: 'graphml', json: 'graphology.json', dataset: 'json' };

describe('a dataset whose one sentence is cited by 300 relations', () => {
  const dataset = longSentenceDataset();
  const datasetBytes = JSON.stringify(dataset).length;

  it('is a valid dataset of about 1.9 MB', () => {
    expect(validateDataset(dataset).ok).toBe(true);
    expect(datasetBytes).toBeGreaterThan(1_900_000);
    expect(dataset.relations).toHaveLength(300);
  });

  it.each(LOSSLESS)('exports as %s in bounded parts, the sentence written once, and reads back the same', async (format) => {
    const written = await writeFormat(dataset, format);
    expect(Array.isArray(written.parts)).toBe(true);
    // One part may hold the one long document (its JSON is one value); nothing is a copy per relation.
    for (const part of written.parts) expect(part.length).toBeLessThanOrEqual(PART_SIZE + 2 * dataset.documents[0]!.text.length);
    expect(writtenLength(written)).toBeLessThan(datasetBytes * 1.5);
    const text = writtenText(written);
    expect(text.split('and talked about and talked about and talked about').length - 1).toBeLessThanOrEqual(2 * Math.ceil(1_900_000 / 51));
    expect(await readAny(`back.${EXTENSION[format]}`, text)).toStrictEqual(dataset);
  });

  it.each(['gexf', 'graphml'] as FormatId[])('%s keeps a readable quote per edge, cut at 300 characters', async (format) => {
    const text = writtenText(await writeFormat(dataset, format));
    const quote = new RegExp(`${dataset.entities[0]!.label}, [^"<]*…`).exec(text);
    expect(quote).not.toBeNull();
    expect(quote![0].length).toBeLessThanOrEqual(301);
  });
});

describe('writtenText', () => {
  it('refuses, with a clear message, to join a file too long for one string', () => {
    const mega = 'x'.repeat(PART_SIZE);
    const parts = Array.from({ length: Math.ceil(MAX_JOINED_LENGTH / PART_SIZE) + 1 }, () => mega);
    expect(() => writtenText({ parts })).toThrow(/too long to hold as one string; write its parts one after another/);
  });
});

describe('export size is linear in the dataset size', () => {
  const sizes = [
    { name: 'a', entities: 500, relations: 2_500 },
    { name: 'b', entities: 2_000, relations: 10_000 },
  ];
  it.each(['gexf', 'graphml', 'json', 'dataset'] as FormatId[])('%s bytes / dataset bytes stays under 3 and does not grow with size', async (format) => {
    const ratios: number[] = [];
    for (const size of sizes) {
      const dataset = syntheticDataset(size);
      const datasetBytes = Buffer.byteLength(JSON.stringify(dataset, null, 2));
      const written = await writeFormat(dataset, format);
      let bytes = 0;
      for (const part of written.parts) bytes += Buffer.byteLength(part);
      ratios.push(bytes / datasetBytes);
    }
    for (const ratio of ratios) expect(ratio).toBeLessThan(3);
    expect(ratios[1]!).toBeLessThan(ratios[0]! * 1.15);
  });
});
