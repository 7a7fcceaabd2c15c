/**
 * Corpus mode: folding a fetched subgraph into what is loaded
 * ===========================================================
 *
 * Every answer of `newsgraph serve` is a dataset cut from one store, whose
 * ids are stable: entity `e42` is the same actor in every response, and a
 * relation or a document keeps its id for the life of the corpus. So what
 * the explorer has loaded grows by a plain union by id, not by
 * `mergeDatasets` (model/merge.ts), which is built for datasets from
 * different sources and would be wrong here: it folds entities that share a
 * name ("John Smith" the MP and "John Smith" the banker, which the store
 * keeps apart by identity), and renames a clashing id, after which the next
 * request about that id would name something the server does not know.
 *
 * The union keeps the loaded order and appends what is new; a record both
 * hold gains the other's aliases, mentions and sentences (deduplicated by
 * span), and the addition's attributes win: they carry the store's current
 * totals (`corpusSentences`, `corpusRelations`). Linear in both sizes; pure.
 */

import type { Dataset, Entity, Evidence, NewsDocument, Relation, Span } from '../model/index.ts';

/** How much the union added to what was loaded. */
export interface UnionCounts {
  documents: number;
  entities: number;
  relations: number;
  /** Supporting sentences (evidence spans), in new and already loaded relations. */
  sentences: number;
}

export interface UnionResult {
  dataset: Dataset;
  added: UnionCounts;
}

export interface UnionOptions {
  /** Put this document first (an article just opened: the article pane opens on the first one). */
  lead?: string;
}

const spanKey = (span: Span) => `${span.document}\u0000${span.start}\u0000${span.end}`;

/** `loaded` followed by the spans of `more` it lacks; the same array when nothing is new. */
function unionSpans<T extends Span>(loaded: readonly T[], more: readonly T[]): { spans: readonly T[]; added: number } {
  if (more.length === 0) return { spans: loaded, added: 0 };
  const seen = new Set(loaded.map(spanKey));
  const fresh = more.filter((span) => {
    const key = spanKey(span);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return fresh.length === 0 ? { spans: loaded, added: 0 } : { spans: [...loaded, ...fresh], added: fresh.length };
}

function unionEntity(loaded: Entity, more: Entity): Entity {
  const names = new Set([loaded.label, ...loaded.aliases]);
  const aliases = more.aliases.concat(more.label === loaded.label ? [] : [more.label]).filter((name) => {
    if (names.has(name)) return false;
    names.add(name);
    return true;
  });
  const mentions = unionSpans(loaded.mentions, more.mentions).spans;
  const attributes = more.attributes === undefined ? loaded.attributes : { ...loaded.attributes, ...more.attributes };
  if (aliases.length === 0 && mentions === loaded.mentions && attributes === loaded.attributes) return loaded;
  const entity: Entity = { ...loaded, aliases: aliases.length === 0 ? loaded.aliases : [...loaded.aliases, ...aliases], mentions: [...mentions] };
  if (attributes !== undefined) entity.attributes = attributes;
  return entity;
}

function unionRelation(loaded: Relation, more: Relation): { relation: Relation; sentences: number } {
  const { spans, added } = unionSpans<Evidence>(loaded.evidence, more.evidence);
  const attributes = more.attributes === undefined ? loaded.attributes : { ...loaded.attributes, ...more.attributes };
  if (added === 0 && attributes === loaded.attributes) return { relation: loaded, sentences: 0 };
  const relation: Relation = { ...loaded, evidence: [...spans] };
  if (attributes !== undefined) relation.attributes = attributes;
  return { relation, sentences: added };
}

/** `addition` folded into `loaded` by id (see the header). */
export function unionDatasets(loaded: Dataset, addition: Dataset, options: UnionOptions = {}): UnionResult {
  const added: UnionCounts = { documents: 0, entities: 0, relations: 0, sentences: 0 };

  const documentIds = new Set(loaded.documents.map((document) => document.id));
  let documents: NewsDocument[] = [...loaded.documents];
  for (const document of addition.documents) {
    if (documentIds.has(document.id)) continue;
    documentIds.add(document.id);
    documents.push(document);
    added.documents += 1;
  }
  const lead = options.lead;
  if (lead !== undefined) {
    const first = documents.find((document) => document.id === lead);
    if (first) documents = [first, ...documents.filter((document) => document !== first)];
  }

  const entityAt = new Map(loaded.entities.map((entity, index) => [entity.id, index]));
  const entities: Entity[] = [...loaded.entities];
  for (const entity of addition.entities) {
    const at = entityAt.get(entity.id);
    if (at === undefined) {
      entityAt.set(entity.id, entities.length);
      entities.push(entity);
      added.entities += 1;
    } else entities[at] = unionEntity(entities[at]!, entity);
  }

  const relationAt = new Map(loaded.relations.map((relation, index) => [relation.id, index]));
  const relations: Relation[] = [...loaded.relations];
  for (const relation of addition.relations) {
    const at = relationAt.get(relation.id);
    if (at === undefined) {
      relationAt.set(relation.id, relations.length);
      relations.push(relation);
      added.relations += 1;
      added.sentences += relation.evidence.length;
    } else {
      const merged = unionRelation(relations[at]!, relation);
      relations[at] = merged.relation;
      added.sentences += merged.sentences;
    }
  }

  const dataset: Dataset = { version: 1, documents, entities, relations };
  const title = loaded.title ?? addition.title;
  if (title !== undefined) dataset.title = title;
  return { dataset, added };
}

/** True when the union added nothing at all (an expand that found only what was loaded). */
export function addedNothing(added: UnionCounts): boolean {
  return added.documents === 0 && added.entities === 0 && added.relations === 0 && added.sentences === 0;
}
