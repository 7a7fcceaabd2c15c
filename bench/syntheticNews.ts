/**
 * A synthetic news corpus as corpus-store rows, for the scale benchmark
 * =====================================================================
 *
 * Streams the rows the corpus schema holds (documents, sentences, mentions,
 * evidence, reporting days; then relations, entities and their names) for a
 * corpus of exactly `relations` relations, without building datasets: at
 * 10⁷ relations a dataset per article would cost more than the database.
 *
 * The shape is news's: every sentence states one relation ("Kalo Land
 * accused Rive Council over the mabo dispute."), its ends drawn with a heavy
 * tail (index ⌊E·u³⌋: the first entity is in about one sentence in
 * E^(1/3)·2, as a Russia is), so the same pair and type come back and a
 * relation gathers sentences across articles; ten sentences make an
 * article; articles are in publication order over two years (the day grows
 * with the relations made so far), one in twenty undated; one relation in
 * ten hedged. Entities are about a tenth as many as relations.
 *
 * Every row is what the store itself would write for those articles: exact
 * offsets (a mention is `text.slice(start, end)` of its document), the
 * SHA-256 content hash, sentence counts, degrees and distinct reporting days.
 * Deterministic for a seed.
 */

import { createHash } from 'node:crypto';
import { dayNumber } from '../src/model/days.ts';
import { BUILT_IN_ENTITY_TYPE_IDS } from '../src/model/entityTypes.ts';
import { BUILT_IN_RELATION_TYPE_IDS, BUILT_IN_RELATION_TYPES } from '../src/model/relationTypes.ts';
import { seededRandom } from '../src/model/seededRandom.ts';
import { normaliseName } from '../src/store/identity.ts';

export const SENTENCES_PER_ARTICLE = 10;
export const FIRST_DAY = '2023-01-01';
export const DAYS = 730;
const OUTLETS = ['Northern Courier', 'Harbour Times', 'Valley Post', 'Evening Ledger', 'Wire Service', 'Coast Herald', 'Daily Meridian'];
/** Two letters each, so that a word is one sequence of syllables only: labels never collide. */
const SYLLABLES = ['ka', 'lo', 'ri', 've', 'ma', 'to', 'se', 'an', 'do', 'mi', 'zu', 'br', 'ne', 'os', 'tr', 'ga'];
const SUFFIX: Record<string, string> = { country: 'Land', person: 'Ivanov', organisation: 'Council', group: 'Front', place: 'Harbour', event: 'Summit' };

export function word(index: number): string {
  let n = index;
  let text = '';
  do {
    text += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return text;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The topic words of the sentences (each in about one sentence in 2,000): what an evidence search looks for. */
export const TOPICS = Array.from({ length: 2_000 }, (_, i) => word(i + 70_000));

export function entityOf(index: number): { id: string; label: string; type: string } {
  const type = BUILT_IN_ENTITY_TYPE_IDS[index % BUILT_IN_ENTITY_TYPE_IDS.length]!;
  return { id: `e${index}`, label: `${capital(word(index))} ${SUFFIX[type] ?? 'Body'}`, type };
}

export interface CorpusRows {
  /** pk, id, title, text, url, source, published (null: undated), published_day, content hash, relation count. */
  document(row: [number, string, string, string, string, string, string | null, string | null, string, number]): Promise<void> | void;
  /** pk, document pk, start, end, text. */
  sentence(row: [number, number, number, number, string]): Promise<void> | void;
  /** document pk, start, end, entity pk. */
  mention(row: [number, number, number, number]): Promise<void> | void;
  /** relation pk, sentence pk. */
  evidence(row: [number, number]): Promise<void> | void;
  /** relation pk, day number. */
  reportedDay(row: [number, number]): Promise<void> | void;
}

export interface CorpusShape {
  relations: number;
  entities: number;
  documents: number;
  sentences: number;
  /** Per relation (index pk − 1): its ends (entity pks), type index, hedged, sentence count, first and last reporting day (−1: none). */
  source: Int32Array;
  target: Int32Array;
  type: Uint8Array;
  hedged: Uint8Array;
  sentenceCount: Int32Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Per entity (index pk − 1): relations touching it. */
  degree: Int32Array;
}

/**
 * Streams the article-side rows to `rows` (awaiting each sink, so a COPY's
 * back-pressure holds the generator) and returns the relation-side shape.
 */
export async function generateCorpus(relations: number, rows: CorpusRows, seed = 17): Promise<CorpusShape> {
  const entityCount = Math.max(1_000, Math.round(relations / 10));
  const random = seededRandom(seed);
  const pick = () => Math.floor(entityCount * random() ** 3);
  const types = BUILT_IN_RELATION_TYPE_IDS.length;
  const source = new Int32Array(relations);
  const target = new Int32Array(relations);
  const type = new Uint8Array(relations);
  const hedged = new Uint8Array(relations);
  const sentenceCount = new Int32Array(relations);
  const firstDay = new Int32Array(relations).fill(-1);
  const lastDay = new Int32Array(relations).fill(-1);
  // (source, target, type) → relation index: a pair stated again is more evidence, not a new relation.
  const known = new Map<number, number>();
  const day0 = dayNumber(FIRST_DAY);
  let made = 0;
  let sentencePk = 0;
  let documentIndex = 0;
  while (made < relations) {
    const documentPk = documentIndex + 1;
    // Publication order: the day grows with the relations made so far.
    const day = day0 + Math.min(DAYS - 1, Math.floor((made / relations) * DAYS));
    const dated = documentIndex % 20 !== 19;
    const published = dated ? new Date(day * 86_400_000).toISOString().slice(0, 10) : null;
    let text = '';
    const inDocument = new Set<number>();
    for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) {
      let a = pick();
      let b = pick();
      if (a === b) b = (b + 1) % entityCount;
      const t = Math.floor(random() * types);
      const typeId = BUILT_IN_RELATION_TYPE_IDS[t]!;
      // Symmetric types keep their ends in one order, as the store does.
      if (!BUILT_IN_RELATION_TYPES[typeId].directed && b < a) [a, b] = [b, a];
      const key = (a * entityCount + b) * types + t;
      let relation = known.get(key);
      if (relation === undefined) {
        if (made >= relations) continue;
        relation = made++;
        known.set(key, relation);
        source[relation] = a + 1;
        target[relation] = b + 1;
        type[relation] = t;
        hedged[relation] = random() < 0.1 ? 1 : 0;
      }
      sentenceCount[relation]!++;
      inDocument.add(relation);
      if (text) text += ' ';
      const start = text.length;
      const first = entityOf(a).label;
      const second = entityOf(b).label;
      const sentence = `${first} ${BUILT_IN_RELATION_TYPES[typeId].label} ${second} over the ${TOPICS[Math.floor(random() * TOPICS.length)]} dispute.`;
      text += sentence;
      sentencePk++;
      await rows.sentence([sentencePk, documentPk, start, start + sentence.length, sentence]);
      await rows.mention([documentPk, start, start + first.length, a + 1]);
      const secondStart = start + first.length + 1 + BUILT_IN_RELATION_TYPES[typeId].label.length + 1;
      await rows.mention([documentPk, secondStart, secondStart + second.length, b + 1]);
      await rows.evidence([relation + 1, sentencePk]);
      // Articles come in day order, so a relation's days come sorted: one comparison keeps them distinct.
      if (dated && lastDay[relation] !== day) {
        if (firstDay[relation] === -1) firstDay[relation] = day;
        lastDay[relation] = day;
        await rows.reportedDay([relation + 1, day]);
      }
    }
    const hash = createHash('sha256').update(text).digest('hex');
    await rows.document([
      documentPk, `article-${documentPk}`, `Synthetic article ${documentPk}`, text, `https://news.example/${documentPk}`,
      OUTLETS[documentIndex % OUTLETS.length]!, published, published, hash, inDocument.size,
    ]);
    documentIndex++;
  }
  const degree = new Int32Array(entityCount);
  for (let r = 0; r < relations; r++) {
    degree[source[r]! - 1]!++;
    degree[target[r]! - 1]!++;
  }
  return { relations, entities: entityCount, documents: documentIndex, sentences: sentencePk, source, target, type, hedged, sentenceCount, firstDay, lastDay, degree };
}

/** The identity key the store gives a named entity without an external id (identity.ts). */
export const identityOf = (entity: { label: string; type: string }) => `${entity.type}|name:${normaliseName(entity.label)}`;
