/**
 * The event date phrase inside a quoted sentence
 * ==============================================
 *
 * An evidence sentence may say when the event happened ("on 24 February
 * 2022"): the schema keeps that phrase as offsets into the article, inside
 * the sentence. This splits the sentence's segments (evidenceSegments) at
 * those offsets so the phrase can be marked by React around the very same
 * characters: the pieces still concatenate to `text.slice(start, end)`.
 * Offsets that do not fall inside the sentence mark nothing.
 */

import type { EventDate } from '../model/index.ts';
import type { EvidenceSegment } from '../state/evidenceSegments.ts';

export interface QuotePiece extends EvidenceSegment {
  /** This run is (part of) the event date phrase. */
  event?: boolean;
}

export function markEventPhrase(segments: readonly EvidenceSegment[], sentenceStart: number, event: EventDate | undefined): QuotePiece[] {
  if (event === undefined || event.end <= event.start) return [...segments];
  const total = segments.reduce((sum, segment) => sum + segment.text.length, 0);
  if (event.start < sentenceStart || event.end > sentenceStart + total) return [...segments];
  const pieces: QuotePiece[] = [];
  let at = sentenceStart;
  for (const segment of segments) {
    const from = at;
    const to = at + segment.text.length;
    at = to;
    // The cut points of this segment that fall strictly inside it.
    const cuts = [from, ...[event.start, event.end].filter((cut) => cut > from && cut < to), to];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const end = cuts[i + 1]!;
      const piece: QuotePiece = { ...segment, text: segment.text.slice(start - from, end - from) };
      if (start >= event.start && end <= event.end) piece.event = true;
      pieces.push(piece);
    }
  }
  return pieces;
}
