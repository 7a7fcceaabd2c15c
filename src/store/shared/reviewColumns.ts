/**
 * A relation's review in its columns
 * ==================================
 *
 * `relations.review_status`, `review_reason` and `review_proposed` (migration
 * 4) to and from schema.ts's `Review`. Read defensively (the file can be
 * edited by other tools): an unknown status reads as not reviewed, a
 * proposed claim of the wrong shape as none.
 */

import { ProposedClaimSchema, ReviewStatusSchema, type Review } from '../../model/schema.ts';

export interface ReviewColumns {
  review_status: string | null;
  review_reason: string | null;
  review_proposed: string | null;
}

/** The columns of a review, `r.`-qualified, for a SELECT over `relations AS r`. */
export const REVIEW_COLUMNS = 'r.review_status, r.review_reason, r.review_proposed';

export function reviewFromColumns(row: ReviewColumns): Review | undefined {
  const status = ReviewStatusSchema.safeParse(row.review_status);
  if (!status.success) return undefined;
  const review: Review = { status: status.data };
  if (row.review_reason !== null) review.reason = row.review_reason;
  if (row.review_proposed !== null) {
    let value: unknown;
    try {
      value = JSON.parse(row.review_proposed);
    } catch {
      value = undefined;
    }
    const proposed = ProposedClaimSchema.safeParse(value);
    if (proposed.success) review.proposed = proposed.data;
  }
  return review;
}

/** [status, reason, proposed JSON] for an INSERT or UPDATE; all NULL for no review. */
export function reviewToColumns(review: Review | undefined): [string | null, string | null, string | null] {
  if (review === undefined) return [null, null, null];
  return [review.status, review.reason ?? null, review.proposed === undefined ? null : JSON.stringify(review.proposed)];
}
