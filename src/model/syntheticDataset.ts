/**
 * Synthetic datasets, for the benchmark and for scale tests
 * =========================================================
 *
 * The explorer opens one with `?bench=small|medium|large` (loaded as a
 * separate chunk only then); `npm run bench`, the bare-sigma baseline page
 * and the unit tests of limits and streaming use the same generator, so
 * every side of a comparison draws the same graph.
 *
 * Deterministic (seeded) datasets that respect the dataset contract: real
 * documents made of sentences, each sentence naming both ends of its relation
 * at exact offsets, entities of every type with aliases, relations of every
 * registry type. They validate, so the benchmark measures the real path.
 * Articles are dated over two years (2022–2023) and spread over a dozen
 * outlets, so the timeline and the source counts have a story to show.
 */

import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS, BUILT_IN_RELATION_TYPES, type Dataset, type Entity, type Relation } from './index.ts';
import { seededRandom } from './seededRandom.ts';

export { seededRandom };

const SYLLABLES = ['ka', 'lo', 'ri', 'ven', 'mar', 'to', 'sel', 'an', 'dor', 'mi', 'zu', 'bra', 'nel', 'os', 'tri', 'gal'];

function nameFor(index: number): string {
  let n = index;
  let name = '';
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface SyntheticSize {
  name: string;
  entities: number;
  relations: number;
}

export const SIZES: SyntheticSize[] = [
  { name: 'small', entities: 30, relations: 100 },
  { name: 'medium', entities: 2_000, relations: 5_000 },
  { name: 'large', entities: 10_000, relations: 50_000 },
];

const SENTENCES_PER_DOCUMENT = 200;
const OUTLETS = ['Reuters', 'AP', 'AFP', 'BBC', 'Al Jazeera', 'DW', 'Le Monde', 'El País', 'NHK', 'ABC', 'Kyiv Independent', 'TASS'];
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 730;

export function syntheticDataset(size: SyntheticSize, seed = 42): Dataset {
  const random = seededRandom(seed);
  // Its own sequence: dating the articles leaves the graph the same as before they had dates.
  const dating = seededRandom(seed + 1);
  const entities: Entity[] = [];
  for (let i = 0; i < size.entities; i++) {
    const type = BUILT_IN_ENTITY_TYPE_IDS[i % BUILT_IN_ENTITY_TYPE_IDS.length]!;
    const label = `${nameFor(i)} ${type === 'person' ? 'Ivanov' : type === 'organisation' ? 'Council' : 'Land'}`;
    entities.push({ id: `e${i}`, label, type, aliases: [nameFor(i)], mentions: [] });
  }

  const documents: Dataset['documents'] = [];
  const relations: Relation[] = [];
  let sentences: string[] = [];
  let offset = 0;
  const flush = () => {
    const published = new Date(FIRST_DAY + Math.floor(dating() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const source = OUTLETS[Math.floor(dating() * OUTLETS.length)]!;
    documents.push({ id: `d${documents.length}`, title: `Synthetic article ${documents.length}`, text: sentences.join(' '), source, published });
    sentences = [];
    offset = 0;
  };

  for (let r = 0; r < size.relations; r++) {
    // Preferential-ish attachment: low ids are hubs, like the few big actors of a news corpus.
    const source = Math.floor(size.entities * random() * random());
    let target = Math.floor(size.entities * random());
    if (target === source) target = (target + 1) % size.entities;
    const type = BUILT_IN_RELATION_TYPE_IDS[r % BUILT_IN_RELATION_TYPE_IDS.length]!;
    const documentId = `d${documents.length}`;
    const a = entities[source]!;
    const b = entities[target]!;
    const sentence = `${a.label} ${BUILT_IN_RELATION_TYPES[type].label} ${b.label}.`;
    const start = offset;
    a.mentions.push({ document: documentId, start, end: start + a.label.length });
    const targetStart = start + sentence.length - 1 - b.label.length;
    b.mentions.push({ document: documentId, start: targetStart, end: targetStart + b.label.length });
    relations.push({
      id: `r${r}`,
      type,
      source: a.id,
      target: b.id,
      evidence: [{ document: documentId, start, end: start + sentence.length }],
      ...(r % 7 === 0 ? { hedged: true } : {}),
    });
    sentences.push(sentence);
    offset += sentence.length + 1;
    if (sentences.length === SENTENCES_PER_DOCUMENT) flush();
  }
  if (sentences.length > 0) flush();
  return { version: 1, title: `Synthetic ${size.name}`, documents, entities, relations };
}

export class UnknownBenchSizeError extends Error {
  constructor(size: string) {
    super(`?bench=${size}: no such synthetic size. Fix: use one of ${SIZES.map((s) => s.name).join(', ')}.`);
    this.name = 'UnknownBenchSizeError';
  }
}

/** The synthetic dataset named by `?bench=NAME`. */
export function benchDataset(sizeName: string): Dataset {
  const size = SIZES.find((s) => s.name === sizeName);
  if (!size) throw new UnknownBenchSizeError(sizeName);
  return syntheticDataset(size);
}
