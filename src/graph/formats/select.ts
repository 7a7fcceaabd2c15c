/**
 * Exporting part of a dataset
 * ===========================
 *
 * `--types allied-with,accused,person` keeps relations of the named relation
 * types and entities of the named entity types, built in or declared by the
 * dataset (typeCatalog: relation and entity type ids share no id, so one list
 * can hold both). The result is still a valid dataset:
 *  - relation types named: only those relations, and only the entities they
 *    connect (or cite in `attributedTo`): isolated nodes would say nothing;
 *  - entity types named: only relations whose two ends are of those types;
 *    an entity a kept relation is `attributedTo` stays, whatever its type,
 *    so the claim keeps its speaker;
 *  - documents are all kept: evidence and mentions point into them.
 */

import { BUILT_IN_CATALOG, typeCatalog, type Dataset, type EntityTypeId, type RelationTypeId, type TypeCatalog } from '../../model/index.ts';

export interface TypeSelection {
  relationTypes: RelationTypeId[];
  entityTypes: EntityTypeId[];
  /** Names that are neither: the caller reports them (the CLI as a usage error). */
  unknown: string[];
}

/** Sorts type ids into relation and entity types of `catalog` (the built-in types unless a dataset's catalog is given). */
export function parseTypeList(types: readonly string[], catalog: TypeCatalog = BUILT_IN_CATALOG): TypeSelection {
  const selection: TypeSelection = { relationTypes: [], entityTypes: [], unknown: [] };
  for (const raw of types) {
    const name = raw.trim();
    if (!name) continue;
    if (catalog.hasRelation(name)) selection.relationTypes.push(name);
    else if (catalog.hasEntity(name)) selection.entityTypes.push(name);
    else selection.unknown.push(name);
  }
  return selection;
}

export class UnknownTypeError extends Error {
  override name = 'UnknownTypeError';
  constructor(readonly unknown: string[]) {
    super(`unknown type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')}: name relation types or entity types, built in or the dataset's own`);
  }
}

/** The dataset restricted to the given types; the dataset itself when the list is empty. Throws UnknownTypeError for names that are no type of the dataset. */
export function selectTypes(dataset: Dataset, types: readonly string[] | undefined): Dataset {
  if (!types || types.length === 0) return dataset;
  const selection = parseTypeList(types, typeCatalog(dataset));
  if (selection.unknown.length > 0) throw new UnknownTypeError(selection.unknown);
  const relationTypes = new Set<string>(selection.relationTypes);
  const entityTypes = new Set<string>(selection.entityTypes);
  const typeOf = new Map(dataset.entities.map((e) => [e.id, e.type]));
  const entityOk = (id: string) => entityTypes.size === 0 || entityTypes.has(typeOf.get(id) ?? '');

  const relations = dataset.relations.filter(
    (r) => (relationTypes.size === 0 || relationTypes.has(r.type)) && entityOk(r.source) && entityOk(r.target),
  );
  const needed = new Set<string>();
  for (const r of relations) {
    needed.add(r.source);
    needed.add(r.target);
    if (r.attributedTo !== undefined) needed.add(r.attributedTo);
  }
  const entities = dataset.entities.filter((e) =>
    relationTypes.size > 0 ? needed.has(e.id) : entityTypes.has(e.type) || needed.has(e.id),
  );
  return { ...dataset, entities, relations };
}
