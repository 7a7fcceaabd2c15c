/**
 * Document filter
 * ===============
 *
 * For a corpus (several articles in one dataset): the part of the dataset
 * that the chosen articles support. Kept are those documents; each entity's
 * mentions in them; each relation's evidence from them, and the relations
 * left with evidence (or that never had any, as after an import); the
 * entities named in the chosen articles or needed by a kept relation (its
 * ends, whom it is attributed to). The explorer draws the whole corpus and
 * hides the rest (`shownByDocuments`, read by scene.ts); an export of what
 * the filters show writes the part as a dataset (`datasetForDocuments`),
 * itself valid.
 */

import type { Dataset } from '../model/index.ts';

/** Ids of the relations and entities the chosen articles support. */
export interface ShownByDocuments {
  relations: ReadonlySet<string>;
  entities: ReadonlySet<string>;
}

/** True when `enabled` filters nothing out of `dataset` (null, or every document). */
export function showsEveryDocument(dataset: Dataset, enabled: ReadonlySet<string> | null): enabled is null {
  return enabled === null || dataset.documents.every((document) => enabled.has(document.id));
}

/**
 * What `datasetForDocuments` keeps, as id sets, without building a dataset:
 * null when nothing is filtered out.
 */
export function shownByDocuments(dataset: Dataset, enabled: ReadonlySet<string> | null): ShownByDocuments | null {
  if (showsEveryDocument(dataset, enabled)) return null;
  const relations = new Set<string>();
  const entities = new Set<string>();
  for (const relation of dataset.relations) {
    if (relation.evidence.length > 0 && !relation.evidence.some((span) => enabled.has(span.document))) continue;
    relations.add(relation.id);
    entities.add(relation.source).add(relation.target);
    if (relation.attributedTo !== undefined) entities.add(relation.attributedTo);
  }
  for (const entity of dataset.entities) {
    if (entity.mentions.some((mention) => enabled.has(mention.document))) entities.add(entity.id);
  }
  return { relations, entities };
}

/**
 * The corpus cut down to the shown documents: what `shownByDocuments` keeps,
 * with each kept relation's evidence and each kept entity's mentions trimmed
 * to those documents. `enabled` null, or holding every document, means no
 * filter: the same dataset object comes back.
 */
export function datasetForDocuments(dataset: Dataset, enabled: ReadonlySet<string> | null): Dataset {
  const shown = shownByDocuments(dataset, enabled);
  if (shown === null || enabled === null) return dataset;
  const documents = dataset.documents.filter((document) => enabled.has(document.id));
  const relations = dataset.relations
    .filter((relation) => shown.relations.has(relation.id))
    .map((relation) => ({ ...relation, evidence: relation.evidence.filter((span) => enabled.has(span.document)) }));
  const entities = dataset.entities
    .filter((entity) => shown.entities.has(entity.id))
    .map((entity) => ({ ...entity, mentions: entity.mentions.filter((mention) => enabled.has(mention.document)) }));
  return { ...dataset, documents, entities, relations };
}

/** Toggling one document; the last one shown cannot be switched off (an empty graph would say nothing). */
export function toggledDocuments(enabled: ReadonlySet<string> | null, all: readonly string[], id: string): ReadonlySet<string> | null {
  const next = new Set(enabled ?? all);
  if (next.has(id)) {
    if (next.size === 1) return enabled;
    next.delete(id);
  } else next.add(id);
  return all.every((documentId) => next.has(documentId)) ? null : next;
}
