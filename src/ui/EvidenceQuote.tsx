/**
 * EvidenceQuote — one supporting sentence, quoted exactly
 * =======================================================
 *
 * Every character shown comes from `text.slice(start, end)` of the article
 * (via `evidenceSegments`); entity names inside it are wrapped in <mark>
 * elements built by React, never by injecting HTML, and so is the phrase
 * saying when the event happened (`evidence.event`, its normalised date
 * written under the sentence). Under it: which article
 * it is from (when there are several) and that article's outlet, date and
 * link (ArticleMeta), when the article has any of them.
 */

import type { ReactElement } from 'react';
import { formatDate, type Evidence } from '../model/index.ts';
import type { DatasetIndex } from '../state/datasetIndex.ts';
import { evidenceSegments } from '../state/evidenceSegments.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { hasArticleMeta } from './articleMeta.ts';
import { markEventPhrase } from './eventPhrase.ts';
import './sources.css';

interface EvidenceQuoteProps {
  data: DatasetIndex;
  evidence: Evidence;
  /** Entities at the ends of the relation: their names are marked more strongly. */
  ends: ReadonlySet<string>;
}

export function EvidenceQuote({ data, evidence, ends }: EvidenceQuoteProps): ReactElement {
  // The date phrase, when the sentence says when the event happened, is cut out of the runs to be marked too.
  const segments = markEventPhrase(evidenceSegments(data, evidence, ends), evidence.start, evidence.event);
  const document = data.documents.get(evidence.document);
  const showTitle = data.documents.size > 1;
  const showMeta = document !== undefined && hasArticleMeta(document);
  return (
    <figure className="evidence">
      <blockquote className="evidence-text" data-testid="evidence-sentence">
        {segments.map((segment, i) => {
          const run =
            segment.entity === undefined ? (
              segment.text
            ) : (
              <mark key={i} className={segment.isEnd ? 'mention mention-end' : 'mention'} title={data.entities.get(segment.entity)?.label}>
                {segment.text}
              </mark>
            );
          return segment.event ? (
            <mark key={i} className="event-phrase" data-testid="event-phrase">
              {run}
            </mark>
          ) : (
            run
          );
        })}
      </blockquote>
      {evidence.event ? (
        <figcaption className="evidence-event" data-testid="evidence-event">
          event: <time dateTime={evidence.event.date}>{formatDate(evidence.event.date)}</time>
        </figcaption>
      ) : null}
      {showTitle || showMeta ? (
        <figcaption className="evidence-source">
          {showTitle ? (
            <span className="evidence-document" data-testid="evidence-document">
              From “{document?.title ?? evidence.document}”
            </span>
          ) : null}
          {showMeta ? <ArticleMeta document={document} compact /> : null}
        </figcaption>
      ) : null}
      {evidence.note ? <figcaption className="evidence-note">Note: {evidence.note}</figcaption> : null}
    </figure>
  );
}
