/**
 * The gold set: what the analyst vouched for
 * ==========================================
 *
 * A reviewed dataset becomes a gold set for scoring the extractor (`newsgraph
 * export --gold`, `npm run eval -- --gold`): the relations accepted, corrected
 * (as corrected) or added by hand, with their evidence. Rejected and
 * unreviewed relations are left out — nobody vouched for them. Documents,
 * entities and declared types are all kept (an entity is gold too); the
 * history is dropped (the gold set is a result, not a session to undo).
 */

import type { Dataset, ReviewStatus } from '../schema.ts';

export interface GoldCounts {
  accepted: number;
  corrected: number;
  added: number;
  rejected: number;
  unreviewed: number;
}

const VOUCHED: ReadonlySet<ReviewStatus> = new Set(['accepted', 'corrected', 'added']);

export function goldOf(dataset: Dataset): { dataset: Dataset; counts: GoldCounts } {
  const counts: GoldCounts = { accepted: 0, corrected: 0, added: 0, rejected: 0, unreviewed: 0 };
  for (const relation of dataset.relations) counts[relation.review?.status ?? 'unreviewed']++;
  const { history: _history, ...rest } = dataset;
  const gold: Dataset = {
    ...rest,
    // A gold set exported again keeps one " (gold)".
    title: !dataset.title ? 'Gold set' : dataset.title.endsWith(' (gold)') || dataset.title === 'Gold set' ? dataset.title : `${dataset.title} (gold)`,
    relations: dataset.relations.filter((r) => r.review !== undefined && VOUCHED.has(r.review.status)),
  };
  return { dataset: gold, counts };
}

