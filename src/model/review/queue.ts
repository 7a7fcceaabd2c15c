import type { Dataset } from '../schema.ts';

/** Ids of the relations not yet reviewed, in reading order: by their first sentence's document (dataset order) and offset. */
export function reviewQueue(dataset: Dataset): string[] {
  const documentOrder = new Map(dataset.documents.map((d, i) => [d.id, i]));
  const keyed = dataset.relations
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.review === undefined)
    .map(({ r, i }) => {
      const first = r.evidence[0];
      // A relation without evidence comes last, in dataset order.
      return { id: r.id, document: first ? (documentOrder.get(first.document) ?? Infinity) : Infinity, start: first?.start ?? Infinity, end: first?.end ?? Infinity, i };
    });
  keyed.sort((a, b) => a.document - b.document || a.start - b.start || a.end - b.end || a.i - b.i);
  return keyed.map((k) => k.id);
}
