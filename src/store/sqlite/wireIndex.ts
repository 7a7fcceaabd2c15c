/**
 * Wire copies, found as articles arrive
 * =====================================
 *
 * model/wireCopies.ts says when two texts are copies of one wire story
 * (MinHash, Jaccard of word 5-grams ≥ WIRE_COPY_SIMILARITY). Here the corpus
 * keeps each document's signature and its band keys (`document_bands`), so
 * a new article's candidates are the documents sharing a band — an index
 * lookup, never a comparison with every article held — and those whose
 * exact similarity (`textSimilarity`, as `wireCopyGroups` decides) reaches
 * the threshold join its copy group. Only candidates whose signatures agree
 * on at least `SIGNATURE_SIEVE` of their hashes (the same sieve as
 * `wireCopyGroups`) have their text read and compared: skipping the rest
 * keeps a template-heavy corpus (many articles sharing a band) from reading
 * dozens of texts per article.
 *
 * A group is stored as `documents.copy_of`: every member points to the
 * group's original, the earliest published (undated counts as latest; a tie
 * goes to the one added first), which points nowhere. The groups are the
 * connected components `wireCopyGroups` finds over the same texts in the
 * same order, with the same original: a new article that is earlier than a
 * group's original becomes the original (its members are re-pointed; a
 * group is a handful of articles), and an article that is a copy of two
 * groups joins them. Source counts are computed from `copy_of` when read,
 * so a re-pointed group needs no other update.
 */

import type Database from 'better-sqlite3';
import { signatureBands, signatureSimilarity, SIGNATURE_SIEVE, textSimilarity, WIRE_COPY_SIMILARITY } from '../../model/wireCopies.ts';
import { blobSignature } from '../shared/signatures.ts';

/** Undated sorts after every day, as in wireCopyGroups. */
const UNDATED = '9999-99-99';

interface Candidate {
  pk: number;
  signature: Buffer | null;
  copy_of: number | null;
}

export class WireCopyIndex {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      candidates: db.prepare<[string], Candidate>(
        `SELECT DISTINCT d.pk, d.signature, d.copy_of FROM document_bands b JOIN documents d ON d.pk = b.document
         WHERE b.band IN (SELECT value FROM json_each(?)) ORDER BY d.pk`,
      ),
      insertBand: db.prepare('INSERT OR IGNORE INTO document_bands (band, document) VALUES (?, ?)'),
      textOf: db.prepare<[number], { text: string }>('SELECT text FROM documents WHERE pk = ?'),
      dayOf: db.prepare<[number], { published_day: string | null }>('SELECT published_day FROM documents WHERE pk = ?'),
      repoint: db.prepare('UPDATE documents SET copy_of = ? WHERE copy_of = ?'),
      setCopyOf: db.prepare('UPDATE documents SET copy_of = ? WHERE pk = ?'),
    };
  }

  /**
   * Files document `pk` (already inserted with `signature`) under its bands
   * and joins it to the copy groups of the held documents it copies (see the
   * header). Returns the pk of its group's original, or undefined when it
   * copies nothing held.
   */
  add(pk: number, text: string, signature: Uint32Array | undefined, publishedDay: string | null): number | undefined {
    if (signature === undefined) return undefined;
    const bands = signatureBands(signature);
    const originals = new Set<number>();
    for (const candidate of this.s.candidates.all(JSON.stringify(bands))) {
      if (candidate.pk === pk || candidate.signature === null) continue;
      const other = blobSignature(candidate.signature);
      if (other === undefined || signatureSimilarity(signature, other) < SIGNATURE_SIEVE) continue;
      const held = this.s.textOf.get(candidate.pk)?.text ?? '';
      if (textSimilarity(text, held) >= WIRE_COPY_SIMILARITY) originals.add(candidate.copy_of ?? candidate.pk);
    }
    for (const band of bands) this.s.insertBand.run(band, pk);
    if (originals.size === 0) return undefined;

    // The group's original: the earliest published of the old originals and this one; a tie goes to the lowest pk (added first).
    const day = (doc: number) => (doc === pk ? publishedDay : (this.s.dayOf.get(doc)?.published_day ?? null)) ?? UNDATED;
    let original = pk;
    let originalDay = publishedDay ?? UNDATED;
    for (const candidate of [...originals].sort((a, b) => a - b)) {
      const candidateDay = day(candidate);
      if (candidateDay < originalDay || (candidateDay === originalDay && candidate < original)) {
        original = candidate;
        originalDay = candidateDay;
      }
    }
    for (const old of originals) {
      if (old === original) continue;
      this.s.repoint.run(original, old);
      this.s.setCopyOf.run(original, old);
    }
    if (original !== pk) this.s.setCopyOf.run(original, pk);
    return original;
  }
}
