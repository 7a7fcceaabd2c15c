/**
 * Wire copies on PostgreSQL
 * =========================
 *
 * The same rule and steps as sqlite/wireIndex.ts (read its header): a new
 * document's candidates share a MinHash band; those past the signature sieve
 * are compared exactly; a copy joins its group, whose original is the
 * earliest published (a tie: the lowest pk).
 *
 * Concurrency: two ingest processes adding two copies of one story at once
 * would each miss the other (neither sees an uncommitted row), and the copy
 * would be lost. So this step takes a transaction-wide advisory lock first:
 * the band look-up then sees every committed document, and no other
 * uncommitted one can be waiting to commit a band of its own.
 */

import { signatureBands, signatureSimilarity, SIGNATURE_SIEVE, textSimilarity, WIRE_COPY_SIMILARITY } from '../../model/wireCopies.ts';
import { blobSignature } from '../shared/signatures.ts';
import type { Sql } from './sql.ts';

/** The advisory lock held from the band look-up to the commit. */
const WIRE_LOCK = 0x6e677277;
const UNDATED = '9999-99-99';

export class PgWireCopyIndex {
  private locked = false;

  constructor(private readonly sql: Sql) {}

  /** Files document `pk` and joins it to the copy groups it copies; the pk of its group's original, or undefined. */
  async add(pk: number, text: string, signature: Uint32Array | undefined, publishedDay: string | null): Promise<number | undefined> {
    if (signature === undefined) return undefined;
    if (!this.locked) {
      await this.sql.run('SELECT pg_advisory_xact_lock(?)', WIRE_LOCK);
      this.locked = true;
    }
    const bands = signatureBands(signature);
    const originals = new Set<number>();
    const candidates = await this.sql.rows<{ pk: number; signature: Buffer | null; copy_of: number | null }>(
      'SELECT DISTINCT d.pk, d.signature, d.copy_of FROM document_bands b JOIN documents d ON d.pk = b.document WHERE b.band = ANY(?::text[]) ORDER BY d.pk',
      bands,
    );
    for (const candidate of candidates) {
      if (candidate.pk === pk || candidate.signature === null) continue;
      const other = blobSignature(candidate.signature);
      if (other === undefined || signatureSimilarity(signature, other) < SIGNATURE_SIEVE) continue;
      const held = (await this.sql.row<{ text: string }>('SELECT text FROM documents WHERE pk = ?', candidate.pk))?.text ?? '';
      if (textSimilarity(text, held) >= WIRE_COPY_SIMILARITY) originals.add(candidate.copy_of ?? candidate.pk);
    }
    await this.sql.run('INSERT INTO document_bands (band, document) SELECT unnest(?::text[]), ? ON CONFLICT DO NOTHING', bands, pk);
    if (originals.size === 0) return undefined;

    const dayOf = async (doc: number) => (doc === pk ? publishedDay : ((await this.sql.row<{ day: string | null }>('SELECT published_day AS day FROM documents WHERE pk = ?', doc))?.day ?? null)) ?? UNDATED;
    let original = pk;
    let originalDay = publishedDay ?? UNDATED;
    for (const candidate of [...originals].sort((a, b) => a - b)) {
      const candidateDay = await dayOf(candidate);
      if (candidateDay < originalDay || (candidateDay === originalDay && candidate < original)) {
        original = candidate;
        originalDay = candidateDay;
      }
    }
    for (const old of originals) {
      if (old === original) continue;
      await this.sql.run('UPDATE documents SET copy_of = ? WHERE copy_of = ?', original, old);
      await this.sql.run('UPDATE documents SET copy_of = ? WHERE pk = ?', original, old);
    }
    if (original !== pk) await this.sql.run('UPDATE documents SET copy_of = ? WHERE pk = ?', original, pk);
    return original;
  }
}
