/**
 * RelationCard — one relation in words, with its evidence
 * =======================================================
 *
 * "International Criminal Court → issued an arrest warrant for → Vladimir
 * Putin", marked as a claim when the article reports it as one (and whose),
 * followed by every supporting sentence. Pressing the header highlights the
 * edge in the graph. Its review status shows as a badge ("Not reviewed",
 * "Corrected" with what was proposed); where the data can be edited, the
 * review controls follow (review/ReviewControls.tsx).
 */

import type { ReactElement } from 'react';
import type { DatasetIndex } from '../state/datasetIndex.ts';
import type { RelationView } from '../state/relationView.ts';
import { EvidenceQuote } from './EvidenceQuote.tsx';
import { PROVENANCE_LABELS, provenanceOf } from '../model/review/index.ts';
import { claimSentence } from '../model/review/claims.ts';
import { ReviewControls } from './review/ReviewControls.tsx';

/** What a relation with no evidence shows, here and in the relation table. */
export const NO_EVIDENCE = 'No supporting sentences are known.';

interface RelationCardProps {
  view: RelationView;
  data: DatasetIndex;
  /** The entity whose panel this is: its name is de-emphasised in the sentence. */
  focusEntity?: string;
  highlighted: boolean;
  filteredOut: boolean;
  onPick: () => void;
  /** Show Accept / Reject / Correct… (where the data can be edited); the review queue brings its own buttons. */
  reviewControls?: boolean;
}

export function RelationCard({ view, data, focusEntity, highlighted, filteredOut, onPick, reviewControls = true }: RelationCardProps): ReactElement {
  const arrow = view.directed ? '→' : '—';
  const ends = new Set([view.source.id, view.target.id]);
  const endClass = (id: string) => (id === focusEntity ? 'rel-end rel-end-self' : 'rel-end');
  const status = provenanceOf(view.relation);
  const proposed = view.relation.review?.proposed;
  return (
    <article className={highlighted ? 'relation-card is-highlighted' : 'relation-card'} data-testid={`relation-card-${view.id}`}>
      <button
        type="button"
        className="relation-head"
        aria-pressed={highlighted}
        title={highlighted ? 'Stop highlighting this relation in the graph' : 'Highlight this relation in the graph'}
        onClick={onPick}
        data-testid={`relation-pick-${view.id}`}
      >
        <span className="relation-sentence">
          <span className={endClass(view.source.id)}>{view.source.label}</span>
          <span className="rel-arrow" aria-hidden="true">
            {' '}
            {arrow}{' '}
          </span>
          <span className={view.negated ? 'rel-phrase rel-negated' : 'rel-phrase'}>{view.phrase}</span>
          <span className="rel-arrow" aria-hidden="true">
            {' '}
            {arrow}{' '}
          </span>
          <span className={endClass(view.target.id)}>{view.target.label}</span>
        </span>
        <span className="relation-badges">
          <span className="badge badge-review" data-status={status} data-testid={`review-status-${view.id}`}>
            {PROVENANCE_LABELS[status]}
          </span>
          {view.hedged ? (
            <span className="badge badge-claim" title="The article reports this as a claim or allegation, not as established fact">
              claim · alleged
            </span>
          ) : null}
          {view.attributedTo ? <span className="badge badge-source">according to {view.attributedTo.label}</span> : null}
          {filteredOut ? <span className="badge badge-hidden">hidden by filter</span> : null}
        </span>
      </button>
      {proposed ? (
        <p className="review-proposed" data-testid={`review-proposed-${view.id}`}>
          Proposed: {claimSentence(data.dataset, proposed)}
        </p>
      ) : null}
      <div className="relation-evidence">
        {view.relation.evidence.length === 0 ? (
          // A graph made elsewhere (Gephi, networkx, a spreadsheet) has relations and no article: say so, plainly.
          <p className="no-evidence" data-testid="no-evidence">
            {NO_EVIDENCE}
          </p>
        ) : null}
        {view.relation.evidence.map((evidence, i) => (
          <EvidenceQuote key={i} data={data} evidence={evidence} ends={ends} />
        ))}
      </div>
      {reviewControls ? <ReviewControls relation={view.relation} data={data} /> : null}
    </article>
  );
}
