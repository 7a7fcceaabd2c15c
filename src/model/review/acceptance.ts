import type { Dataset } from '../schema.ts';

/** How the analyst judged the proposals of one relation type (a corrected relation counts under the type proposed). */
export interface TypeAcceptance {
  type: string;
  accepted: number;
  corrected: number;
  rejected: number;
  unreviewed: number;
  /** accepted / (accepted + corrected + rejected); null when none was reviewed. */
  rate: number | null;
}

/** One row per relation type with at least one proposal, most reviewed first; hand-added relations are not proposals and are not counted. */
export function acceptanceByType(dataset: Dataset): TypeAcceptance[] {
  const rows = new Map<string, TypeAcceptance>();
  for (const relation of dataset.relations) {
    const review = relation.review;
    if (review?.status === 'added') continue;
    const type = review?.proposed?.type ?? relation.type;
    let row = rows.get(type);
    if (!row) rows.set(type, (row = { type, accepted: 0, corrected: 0, rejected: 0, unreviewed: 0, rate: null }));
    if (review === undefined) row.unreviewed++;
    else row[review.status]++;
  }
  const out = [...rows.values()];
  for (const row of out) {
    const reviewed = row.accepted + row.corrected + row.rejected;
    row.rate = reviewed === 0 ? null : row.accepted / reviewed;
  }
  // Most reviewed first; ties by type id, so the order is stable.
  const reviewed = (row: TypeAcceptance) => row.accepted + row.corrected + row.rejected;
  return out.sort((a, b) => reviewed(b) - reviewed(a) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
