/**
 * Why a relation was missed
 * =========================
 *
 * Each relation of a curated dataset that the extraction lacks is put in one
 * of three classes, from what the extraction did find:
 *
 *  - `endMissing`: one of its ends is not an entity of the extraction at all
 *    (the name was not recognised, or was recognised but kept as nothing);
 *  - `notInSentence`: both ends were found, but no evidence sentence of the
 *    relation names both — one is a reference ("the premier"), a title or
 *    implied by the story;
 *  - `noRule`: a sentence names both ends and still no rule read a relation
 *    between them.
 *
 * Counts only, so the eval can show them for a never-tuned split without
 * showing which sentences they are.
 */

import type { Dataset, Relation } from '../model/schema.ts';

export interface MissCauses {
  endMissing: number;
  notInSentence: number;
  noRule: number;
}

export const NO_MISSES: MissCauses = { endMissing: 0, notInSentence: 0, noRule: 0 };

/** The causes of `missed` (gold relations the extraction lacks), judged against the extracted entities' mentions. */
export function missCauses(extracted: Dataset, missed: readonly Relation[]): MissCauses {
  const mentions = new Map(extracted.entities.map((e) => [e.id, e.mentions]));
  const named = (id: string, document: string, start: number, end: number) => (mentions.get(id) ?? []).some((m) => m.document === document && m.start >= start && m.end <= end);
  const causes = { ...NO_MISSES };
  for (const relation of missed) {
    if (!mentions.has(relation.source) || !mentions.has(relation.target)) causes.endMissing++;
    else if (relation.evidence.some((e) => named(relation.source, e.document, e.start, e.end) && named(relation.target, e.document, e.start, e.end))) causes.noRule++;
    else causes.notInSentence++;
  }
  return causes;
}

export function addMissCauses(a: MissCauses, b: MissCauses): MissCauses {
  return { endMissing: a.endMissing + b.endMissing, notInSentence: a.notInSentence + b.notInSentence, noRule: a.noRule + b.noRule };
}
