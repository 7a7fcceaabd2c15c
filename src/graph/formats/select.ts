/**
 * Exporting part of a dataset
 * ===========================
 *
 * `--types allied-with,accused,person` keeps relations of the named relation
 * types and entities of the named entity types (the two registries share no
 * id, so one list can hold both). The result is still a valid dataset:
 *  - relation types named: only those relations, and only the entities they
 *    connect (or cite in `attributedTo`): isolated nodes would say nothing;
 *  - entity types named: only relations whose two ends are of those types;
 *    an entity a kept relation is `attributedTo` stays, whatever its type,
 *    so the claim keeps its speaker;
 *  - documents are all kept: evidence and mentions point into them.
 */

import { isEntityTypeId, isRelationTypeId, type Dataset, type EntityTypeId, type RelationTypeId } from '../../model/index.ts';

export interface TypeSelection {
  relationTypes: RelationTypeId[];
  entityTypes: EntityTypeId[];
  /** Names in neither registry: the caller reports them (the CLI as a usage error). */
  unknown: string[];
}

export function parseTypeList(types: readonly string[]): TypeSelection {
  const selection: TypeSelection = { relationTypes: [], entityTypes: [], unknown: [] };
  for (const raw of types) {
    const name = raw.trim();
    if (!name) continue;
    if (isRelationTypeId(name)) selection.relationTypes.push(name);
    else if (isEntityTypeId(name)) selection.entityTypes.push(name);
    else selection.unknown.push(name);
  }
  return selection;
}

export class UnknownTypeError extends Error {
  override name = 'UnknownTypeError';
  constructor(readonly unknown: string[]) {
    super(`unknown type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')}: name relation types or entity types from the registries`);
  }
}

/** The dataset restricted to the given types; the dataset itself when the list is empty. Throws UnknownTypeError for names in neither registry. */
export function selectTypes(dataset: Dataset, types: readonly string[] | undefined): Dataset {
  if (!types || types.length === 0) return dataset;
  const selection = parseTypeList(types);
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
