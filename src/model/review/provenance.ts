import type { Dataset, Relation } from '../schema.ts';

/** Where a relation stands: proposed (by the extractor or the file) and not reviewed, or what the analyst did. */
export type Provenance = 'unreviewed' | 'accepted' | 'rejected' | 'corrected' | 'added';

export const PROVENANCE_LABELS: Record<Provenance, string> = {
  unreviewed: 'Not reviewed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  corrected: 'Corrected',
  added: 'Added by hand',
};

export const provenanceOf = (relation: Relation): Provenance => relation.review?.status ?? 'unreviewed';
export const isRejected = (relation: Relation): boolean => relation.review?.status === 'rejected';

/** The dataset the explorer draws: rejected relations left out (kept in the dataset itself). The same object when none is rejected. */
export function withoutRejected(dataset: Dataset): Dataset {
  if (!dataset.relations.some(isRejected)) return dataset;
  return { ...dataset, relations: dataset.relations.filter((r) => !isRejected(r)) };
}
