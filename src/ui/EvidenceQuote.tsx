/**
 * EvidenceQuote — one supporting sentence, quoted exactly
 * =======================================================
 *
 * Every character shown comes from `text.slice(start, end)` of the article
 * (via `evidenceSegments`); entity names inside it are wrapped in <mark>
 * elements built by React, never by injecting HTML.
 */

import type { ReactElement } from 'react';
import type { Evidence } from '../model/index.ts';
import type { DatasetIndex } from '../state/datasetIndex.ts';
import { evidenceSegments } from '../state/evidenceSegments.ts';

interface EvidenceQuoteProps {
  data: DatasetIndex;
  evidence: Evidence;
  /** Entities at the ends of the relation: their names are marked more strongly. */
  ends: ReadonlySet<string>;
}

export function EvidenceQuote({ data, evidence, ends }: EvidenceQuoteProps): ReactElement {
  const segments = evidenceSegments(data, evidence, ends);
  return (
    <figure className="evidence">
      <blockquote className="evidence-text" data-testid="evidence-sentence">
        {segments.map((segment, i) =>
          segment.entity === undefined ? (
            segment.text
          ) : (
            <mark key={i} className={segment.isEnd ? 'mention mention-end' : 'mention'} title={data.entities.get(segment.entity)?.label}>
              {segment.text}
            </mark>
          ),
        )}
      </blockquote>
      {data.documents.size > 1 ? (
        <figcaption className="evidence-document" data-testid="evidence-document">
          From “{data.documents.get(evidence.document)?.title ?? evidence.document}”
        </figcaption>
      ) : null}
      {evidence.note ? <figcaption className="evidence-note">Note: {evidence.note}</figcaption> : null}
    </figure>
  );
}
