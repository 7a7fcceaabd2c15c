/**
 * Evidence segments
 * =================
 *
 * Splits one quoted sentence into plain runs and entity-mention runs, so the
 * panel can render the sentence exactly as written (every character comes
 * from `text.slice`, nothing is paraphrased or re-typed) with the names in it
 * marked. Rendering is left to React elements; no HTML strings are built.
 */

import type { Span } from '../model/index.ts';
import type { DatasetIndex } from './datasetIndex.ts';

export interface EvidenceSegment {
  text: string;
  /** The entity this run names, when it is a mention. */
  entity?: string;
  /** True when the named entity is one end of the relation being shown. */
  isEnd?: boolean;
}

/**
 * The segments of `span` in its document. Mentions outside the span are
 * ignored; a mention overlapping an earlier one is skipped so runs never
 * overlap and their texts concatenate back to exactly `text.slice(start, end)`.
 */
export function evidenceSegments(index: DatasetIndex, span: Span, ends: ReadonlySet<string> = new Set()): EvidenceSegment[] {
  const text = index.documents.get(span.document)?.text;
  if (text === undefined) return [];
  const mentions = index.mentionsIn.get(span.document) ?? [];
  const segments: EvidenceSegment[] = [];
  let cursor = span.start;
  for (const mention of mentions) {
    if (mention.end <= span.start) continue;
    if (mention.start >= span.end) break;
    if (mention.start < cursor || mention.end > span.end) continue;
    if (mention.start > cursor) segments.push({ text: text.slice(cursor, mention.start) });
    segments.push({ text: text.slice(mention.start, mention.end), entity: mention.entity, isEnd: ends.has(mention.entity) });
    cursor = mention.end;
  }
  if (cursor < span.end) segments.push({ text: text.slice(cursor, span.end) });
  return segments;
}
