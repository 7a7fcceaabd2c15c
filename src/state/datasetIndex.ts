/**
 * Dataset index
 * =============
 *
 * Lookups the side panel needs, built once per dataset: entities, relations
 * and documents by id, each entity's relations, and every document's entity
 * mentions sorted by position (to mark names inside a quoted sentence).
 */

import { typeCatalog, type Dataset, type Entity, type NewsDocument, type Relation, type TypeCatalog } from '../model/index.ts';

export interface IndexedMention {
  entity: string;
  start: number;
  end: number;
}

export interface DatasetIndex {
  dataset: Dataset;
  /** The dataset's relation and entity types, built in and declared. */
  catalog: TypeCatalog;
  entities: ReadonlyMap<string, Entity>;
  relations: ReadonlyMap<string, Relation>;
  documents: ReadonlyMap<string, NewsDocument>;
  /** Relations where the entity is source or target, in dataset order. */
  relationsOf: ReadonlyMap<string, readonly Relation[]>;
  /** Per document, all entity mentions sorted by start (longest first on ties). */
  mentionsIn: ReadonlyMap<string, readonly IndexedMention[]>;
}

export function buildDatasetIndex(dataset: Dataset): DatasetIndex {
  const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  const relations = new Map(dataset.relations.map((relation) => [relation.id, relation]));
  const documents = new Map(dataset.documents.map((document) => [document.id, document]));

  const relationsOf = new Map<string, Relation[]>(dataset.entities.map((entity) => [entity.id, []]));
  for (const relation of dataset.relations) {
    relationsOf.get(relation.source)?.push(relation);
    if (relation.target !== relation.source) relationsOf.get(relation.target)?.push(relation);
  }

  const mentionsIn = new Map<string, IndexedMention[]>();
  for (const entity of dataset.entities) {
    for (const mention of entity.mentions) {
      const list = mentionsIn.get(mention.document) ?? [];
      list.push({ entity: entity.id, start: mention.start, end: mention.end });
      mentionsIn.set(mention.document, list);
    }
  }
  for (const list of mentionsIn.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);

  return { dataset, catalog: typeCatalog(dataset), entities, relations, documents, relationsOf, mentionsIn };
}
