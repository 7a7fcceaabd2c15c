/**
 * The type catalog
 * ================
 *
 * The relation and entity types one dataset uses: the built-in registries
 * (relationTypes.ts, entityTypes.ts) followed by the types the dataset
 * declares itself (`relationTypes` / `entityTypes`, for example the free-text
 * relation names of an imported file). Everything that shows or writes a type
 * — legend, filters, panels, table, paths, exports — asks the catalog, so a
 * declared type is treated exactly like a built-in one.
 *
 * Catalogs are cached per declaration list (the dataset's arrays are not
 * mutated once validated), so `typeCatalog(dataset)` is cheap to call often.
 */

import {
  BUILT_IN_ENTITY_TYPE_IDS,
  BUILT_IN_ENTITY_TYPES,
  isBuiltInEntityTypeId,
  type EntityTypeDefinition,
  type EntityTypeId,
} from './entityTypes.ts';
import {
  BUILT_IN_RELATION_TYPE_IDS,
  BUILT_IN_RELATION_TYPES,
  isBuiltInRelationTypeId,
  type RelationTypeDefinition,
  type RelationTypeId,
} from './relationTypes.ts';
import type { EntityTypeDeclaration, RelationTypeDeclaration } from './schema.ts';
import { declaredEntityColor, declaredRelationColor } from './typePalette.ts';

export interface TypeCatalog {
  /** Built-in relation types in registry order, then the declared ones in declaration order. */
  readonly relationTypeIds: readonly RelationTypeId[];
  readonly entityTypeIds: readonly EntityTypeId[];
  /** The definition of a relation type; an id the catalog does not know gets a plain grey stand-in named by its id. */
  relation(id: RelationTypeId): RelationTypeDefinition;
  entity(id: EntityTypeId): EntityTypeDefinition;
  hasRelation(id: string): boolean;
  hasEntity(id: string): boolean;
  /** "issued an arrest warrant for", or its negated phrase. */
  relationPhrase(id: RelationTypeId, negated?: boolean): string;
  /** The types the dataset declared (for writing them back out). */
  readonly declaredRelationTypes: readonly RelationTypeDeclaration[];
  readonly declaredEntityTypes: readonly EntityTypeDeclaration[];
}

/** What a declared relation type reads as when the text denies it, unless the file says. */
export function defaultNegatedLabel(label: string): string {
  return `not: ${label}`;
}

function declaredRelation(declaration: RelationTypeDeclaration, index: number): RelationTypeDefinition {
  return {
    id: declaration.id,
    builtIn: false,
    label: declaration.label,
    negatedLabel: declaration.negatedLabel ?? defaultNegatedLabel(declaration.label),
    description: declaration.description ?? `“${declaration.label}”, a relation type from the imported file.`,
    directed: declaration.directed,
    color: declaration.color ?? declaredRelationColor(index),
  };
}

function declaredEntity(declaration: EntityTypeDeclaration, index: number): EntityTypeDefinition {
  return {
    id: declaration.id,
    builtIn: false,
    label: declaration.label,
    description: declaration.description ?? `“${declaration.label}”, an entity type from the imported file.`,
    color: declaration.color ?? declaredEntityColor(index),
  };
}

const STAND_IN_COLOR = '#777777';

function build(relations: readonly RelationTypeDeclaration[], entities: readonly EntityTypeDeclaration[]): TypeCatalog {
  const relationById = new Map<string, RelationTypeDefinition>();
  for (const id of BUILT_IN_RELATION_TYPE_IDS) relationById.set(id, BUILT_IN_RELATION_TYPES[id]);
  let colored = 0;
  for (const declaration of relations) {
    if (isBuiltInRelationTypeId(declaration.id) || relationById.has(declaration.id)) continue;
    relationById.set(declaration.id, declaredRelation(declaration, declaration.color === undefined ? colored++ : 0));
  }
  const entityById = new Map<string, EntityTypeDefinition>();
  for (const id of BUILT_IN_ENTITY_TYPE_IDS) entityById.set(id, BUILT_IN_ENTITY_TYPES[id]);
  colored = 0;
  for (const declaration of entities) {
    if (isBuiltInEntityTypeId(declaration.id) || entityById.has(declaration.id)) continue;
    entityById.set(declaration.id, declaredEntity(declaration, declaration.color === undefined ? colored++ : 0));
  }
  const relationTypeIds = [...relationById.keys()];
  const entityTypeIds = [...entityById.keys()];
  const relation = (id: string): RelationTypeDefinition =>
    relationById.get(id) ?? { id, builtIn: false, label: id, negatedLabel: defaultNegatedLabel(id), description: '', directed: true, color: STAND_IN_COLOR };
  return {
    relationTypeIds,
    entityTypeIds,
    relation,
    entity: (id) => entityById.get(id) ?? { id, builtIn: false, label: id, description: '', color: STAND_IN_COLOR },
    hasRelation: (id) => relationById.has(id),
    hasEntity: (id) => entityById.has(id),
    relationPhrase: (id, negated = false) => (negated ? relation(id).negatedLabel : relation(id).label),
    declaredRelationTypes: relations,
    declaredEntityTypes: entities,
  };
}

const NONE: readonly never[] = Object.freeze([]);
const BUILT_IN_ONLY = build(NONE, NONE);
const byRelations = new WeakMap<readonly RelationTypeDeclaration[], WeakMap<readonly EntityTypeDeclaration[], TypeCatalog>>();

/** The catalog of a dataset (or of any object carrying its declarations). */
export function typeCatalog(declarations: { relationTypes?: readonly RelationTypeDeclaration[] | undefined; entityTypes?: readonly EntityTypeDeclaration[] | undefined } = {}): TypeCatalog {
  const relations = declarations.relationTypes ?? NONE;
  const entities = declarations.entityTypes ?? NONE;
  if (relations.length === 0 && entities.length === 0) return BUILT_IN_ONLY;
  let inner = byRelations.get(relations);
  if (!inner) byRelations.set(relations, (inner = new WeakMap()));
  let catalog = inner.get(entities);
  if (!catalog) inner.set(entities, (catalog = build(relations, entities)));
  return catalog;
}

/** The built-in types only: for code that never sees a dataset's own types (the extractor). */
export const BUILT_IN_CATALOG: TypeCatalog = BUILT_IN_ONLY;
