/**
 * Document filter
 * ===============
 *
 * For a corpus (several articles in one dataset): the part of the dataset
 * that the chosen articles support. Kept are those documents; each entity's
 * mentions in them; each relation's evidence from them, and the relations
 * left with evidence (or that never had any, as after an import); the
 * entities named in the chosen articles or needed by a kept relation (its
 * ends, whom it is attributed to). The result is itself a valid dataset, so
 * the explorer draws it like any other.
 */

import type { Dataset } from '../model/index.ts';

/** `enabled` null, or holding every document, means no filter: the same dataset object comes back. */
export function datasetForDocuments(dataset: Dataset, enabled: ReadonlySet<string> | null): Dataset {
  if (enabled === null || dataset.documents.every((document) => enabled.has(document.id))) return dataset;
  const documents = dataset.documents.filter((document) => enabled.has(document.id));
  const relations = dataset.relations
    .map((relation) =>
      relation.evidence.length === 0 ? relation : { ...relation, evidence: relation.evidence.filter((span) => enabled.has(span.document)) },
    )
    .filter((relation, i) => relation.evidence.length > 0 || dataset.relations[i]!.evidence.length === 0);
  const needed = new Set<string>();
  for (const relation of relations) {
    needed.add(relation.source);
    needed.add(relation.target);
    if (relation.attributedTo !== undefined) needed.add(relation.attributedTo);
  }
  const entities = dataset.entities
    .map((entity) => ({ ...entity, mentions: entity.mentions.filter((mention) => enabled.has(mention.document)) }))
    .filter((entity) => entity.mentions.length > 0 || needed.has(entity.id));
  return { ...dataset, documents, entities, relations };
}

/** Toggling one document; the last one shown cannot be switched off (an empty graph would say nothing). */
export function toggleDocument(enabled: ReadonlySet<string> | null, all: readonly string[], id: string): ReadonlySet<string> | null {
  const next = new Set(enabled ?? all);
  if (next.has(id)) {
    if (next.size === 1) return enabled;
    next.delete(id);
  } else next.add(id);
  return all.every((documentId) => next.has(documentId)) ? null : next;
}
