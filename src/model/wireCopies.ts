/**
 * Copies of one wire story
 * ========================
 *
 * Outlets reprint agency copy (Reuters, AP, AFP) with a new headline and a
 * trimmed paragraph. Counted as separate articles, one agency story would
 * look like ten independent sources. Two texts are copies when their word
 * 5-gram sets overlap by at least `WIRE_COPY_SIMILARITY` (Jaccard).
 *
 * MinHash with locality-sensitive banding (Broder 1997; Leskovec, Rajaraman
 * & Ullman, "Mining of Massive Datasets", ch. 3): each text gets
 * `SIGNATURE_SIZE` minimum hashes; texts sharing a band are candidates, and
 * a candidate pair is kept when its exact similarity (`textSimilarity`)
 * reaches the threshold — the signature's estimate is too noisy near it. The signature and band keys are exported so a corpus store can
 * keep bands in an index and find a new article's copies without comparing
 * it with every article it holds.
 */

import { publishedDay } from './published.ts';

export const WIRE_COPY_SIMILARITY = 0.8;
/**
 * Candidates whose signatures agree on fewer hashes than this are not
 * compared exactly: at 64 hashes the estimate's spread is about 0.05, so a
 * true 0.8 pair falls this low less than once in a million. Texts written
 * from one template share a band without being copies; this keeps them cheap.
 */
export const SIGNATURE_SIEVE = 0.55;
export const SIGNATURE_SIZE = 64;
/** 16 bands of 4 rows: a pair at similarity 0.8 shares a band with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9996, one at 0.3 with ≈ 0.12. */
export const BAND_ROWS = 4;
const SHINGLE_WORDS = 5;

/** FNV-1a, 32 bits. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Fixed odd multipliers and offsets for the signature's hash family (from a fixed seed: signatures must match across runs and machines). */
const FAMILY = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
    state = Math.imul(state ^ (state >>> 12), 0x297a2d39) >>> 0;
    return (state ^ (state >>> 15)) >>> 0;
  };
  return Array.from({ length: SIGNATURE_SIZE }, () => [next() | 1, next()] as const);
})();

const WORD = /[\p{L}\p{N}]+/gu;

/** Hashes of the text's word 5-grams (lower-cased letters and digits; a text shorter than five words is one shingle). */
export function shingleHashes(text: string): Set<number> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  const wordHashes = words.map(hashString);
  const size = Math.min(SHINGLE_WORDS, words.length);
  // Each shingle's hash combines its words' hashes (no joined strings: a long article has thousands of shingles).
  for (let i = 0; i + size <= words.length; i++) {
    let hash = 0;
    for (let k = 0; k < size; k++) hash = (Math.imul(hash, 0x01000193) ^ wordHashes[i + k]!) >>> 0;
    hashes.add(hash);
  }
  return hashes;
}

const MULTIPLIERS = Uint32Array.from(FAMILY, ([multiplier]) => multiplier);
const OFFSETS = Uint32Array.from(FAMILY, ([, offset]) => offset);

/** The MinHash signature of a text: per hash function, the least hash of any shingle. */
export function minHashSignature(text: string): Uint32Array {
  return signatureOf(shingleHashes(text));
}

function signatureOf(shingles: ReadonlySet<number>): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = (Math.imul(shingle, MULTIPLIERS[i]!) + OFFSETS[i]!) >>> 0;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** One key per band: texts sharing any key are candidate copies. */
export function signatureBands(signature: Uint32Array): string[] {
  const bands: string[] = [];
  for (let start = 0; start < signature.length; start += BAND_ROWS) {
    bands.push(`${start / BAND_ROWS}:${Array.from(signature.subarray(start, start + BAND_ROWS), (v) => v.toString(36)).join('.')}`);
  }
  return bands;
}

/** Jaccard similarity of two texts' shingle sets, exactly: the check a candidate pair must pass. */
export function textSimilarity(a: string, b: string): number {
  return shingleSimilarity(shingleHashes(a), shingleHashes(b));
}

function shingleSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const hash of a) if (b.has(hash)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Estimated Jaccard similarity of two texts from their signatures: the share of equal minimums (±0.05 at 64 hashes: a sieve, not the test). */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

export interface CopyCandidate {
  readonly id: string;
  readonly text: string;
  readonly published?: string | undefined;
}

/**
 * Groups of copies among `documents`: each member's id (the original's
 * too) → its group's original, the earliest published, else the first
 * listed. A document with no copy is absent.
 */
export function wireCopyGroups(documents: readonly CopyCandidate[]): Map<string, string> {
  const shingles = documents.map((document) => shingleHashes(document.text));
  const signatures = shingles.map(signatureOf);
  const parent = documents.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byBand = new Map<string, number[]>();
  documents.forEach((document, i) => {
    if (document.text.trim() === '') return;
    for (const band of signatureBands(signatures[i]!)) {
      const others = byBand.get(band);
      if (others === undefined) {
        byBand.set(band, [i]);
        continue;
      }
      for (const j of others) {
        if (root(i) === root(j) || signatureSimilarity(signatures[i]!, signatures[j]!) < SIGNATURE_SIEVE) continue;
        if (shingleSimilarity(shingles[i]!, shingles[j]!) >= WIRE_COPY_SIMILARITY) parent[root(i)] = root(j);
      }
      others.push(i);
    }
  });
  const members = new Map<number, number[]>();
  documents.forEach((_, i) => {
    const r = root(i);
    const group = members.get(r);
    if (group) group.push(i);
    else members.set(r, [i]);
  });
  const originals = new Map<string, string>();
  const day = (i: number) => {
    const published = documents[i]!.published;
    return published === undefined ? '9999-99-99' : publishedDay(published);
  };
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const original = group.reduce((best, i) => (day(i) < day(best) ? i : best));
    for (const i of group) originals.set(documents[i]!.id, documents[original]!.id);
  }
  return originals;
}
