/**
 * The article as the reading pane shows it
 * ========================================
 *
 * A document split into paragraphs and sentences (the extractor's splitter),
 * each sentence into plain and mention runs (`evidenceSegments`, so every
 * character is `text.slice` of the article), plus which relations each
 * sentence supports — the pane lights those up in the graph on hover — and
 * which sentences belong to a selected entity or relation.
 */

import { splitSentences } from '../extract/sentences.ts';
import type { Relation } from '../model/index.ts';
import type { DatasetIndex } from './datasetIndex.ts';
import { evidenceSegments, type EvidenceSegment } from './evidenceSegments.ts';
import type { Selection } from './explorerState.ts';

export interface ArticleSentence {
  start: number;
  end: number;
  /** White space between the previous sentence of the paragraph and this one, as written. */
  lead: string;
  segments: EvidenceSegment[];
  /** Relations with an evidence span overlapping this sentence. */
  relations: string[];
}

export interface ArticleParagraph {
  sentences: ArticleSentence[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function articleParagraphs(index: DatasetIndex, documentId: string): ArticleParagraph[] {
  const document = index.documents.get(documentId);
  if (!document) return [];
  const evidence: Array<{ relation: Relation; start: number; end: number }> = [];
  for (const relation of index.dataset.relations) {
    for (const span of relation.evidence) if (span.document === documentId) evidence.push({ relation, start: span.start, end: span.end });
  }
  const paragraphs: ArticleParagraph[] = [];
  let previous: { paragraph: number; end: number } | null = null;
  for (const sentence of splitSentences(document.text)) {
    const span = { document: documentId, start: sentence.start, end: sentence.end };
    const relations = [...new Set(evidence.filter((e) => overlaps(e, sentence)).map((e) => e.relation.id))];
    const samePara = previous !== null && previous.paragraph === sentence.paragraph;
    const item: ArticleSentence = {
      start: sentence.start,
      end: sentence.end,
      lead: samePara && previous ? document.text.slice(previous.end, sentence.start) : '',
      segments: evidenceSegments(index, span),
      relations,
    };
    if (samePara) paragraphs.at(-1)?.sentences.push(item);
    else paragraphs.push({ sentences: [item] });
    previous = { paragraph: sentence.paragraph, end: sentence.end };
  }
  return paragraphs;
}

/** Spans of the document to mark for the selection: an entity's mentions' sentences, or a relation's evidence. */
export function selectionSpans(index: DatasetIndex, selection: Selection, documentId: string): Array<{ start: number; end: number }> {
  if (selection.kind === 'edge') {
    return (index.relations.get(selection.id)?.evidence ?? []).filter((e) => e.document === documentId);
  }
  if (selection.kind === 'node') {
    return (index.entities.get(selection.id)?.mentions ?? []).filter((m) => m.document === documentId);
  }
  return [];
}

/** True when the sentence holds one of `spans` (overlap, so a mention inside it counts). */
export function sentenceMarked(sentence: { start: number; end: number }, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  return spans.some((span) => overlaps(span, sentence));
}
