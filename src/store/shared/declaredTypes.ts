/**
 * The corpus's declared types
 * ===========================
 *
 * The relation and entity types datasets bring with them (schema.ts
 * `relationTypes`/`entityTypes`: an imported file's free-text relation
 * names, `related-to`, node categories), kept in `relation_types` and
 * `entity_types` (migration 3) as each was first declared.
 *
 * Writing them is typeDeclarationWriter.ts. Reading, the same on both
 * stores: the declarations in the order first declared, with the colour
 * filled in where the declaration gave none — the colour the corpus's whole
 * catalog assigns (typePalette.ts, by position among the uncoloured), which
 * only grows at the end, so a type is drawn alike in every answer, however
 * few of the corpus's types an answer names. When to read them again is
 * each store's (SQLite's data_version, PostgreSQL's generation row).
 */

import { isBuiltInEntityTypeId } from '../../model/entityTypes.ts';
import { isBuiltInRelationTypeId } from '../../model/relationTypes.ts';
import type { CorpusTypes } from '../../model/corpusApi.ts';
import type { EntityTypeDeclaration, RelationTypeDeclaration } from '../../model/schema.ts';
import { typeCatalog, type TypeCatalog } from '../../model/typeCatalog.ts';

export interface RelationTypeRow {
  id: string;
  label: string;
  negated_label: string | null;
  directed: number;
  color: string | null;
  description: string | null;
}

export interface EntityTypeRow {
  id: string;
  label: string;
  color: string | null;
  description: string | null;
}

/** The two reads, in declaration order (the same SQL on both databases). */
export const RELATION_TYPES_SQL = 'SELECT id, label, negated_label, directed, color, description FROM relation_types ORDER BY pk';
export const ENTITY_TYPES_SQL = 'SELECT id, label, color, description FROM entity_types ORDER BY pk';

export function relationDeclaration(row: RelationTypeRow): RelationTypeDeclaration {
  const declaration: RelationTypeDeclaration = { id: row.id, label: row.label, directed: row.directed === 1 };
  if (row.negated_label !== null) declaration.negatedLabel = row.negated_label;
  if (row.color !== null) declaration.color = row.color;
  if (row.description !== null) declaration.description = row.description;
  return declaration;
}

export function entityDeclaration(row: EntityTypeRow): EntityTypeDeclaration {
  const declaration: EntityTypeDeclaration = { id: row.id, label: row.label };
  if (row.color !== null) declaration.color = row.color;
  if (row.description !== null) declaration.description = row.description;
  return declaration;
}

/** What an answer adds to its dataset for the declared types it names. */
export interface AnswerDeclarations {
  relationTypes?: RelationTypeDeclaration[];
  entityTypes?: EntityTypeDeclaration[];
}

/** The declarations (colours filled in) and their catalog. */
export interface TypesNow {
  declared: CorpusTypes;
  catalog: TypeCatalog;
}

export const NO_TYPES: TypesNow = { declared: { relationTypes: [], entityTypes: [] }, catalog: typeCatalog() };

/** The declarations from their rows, colours filled in by the whole catalog (see the header). */
export function typesFromRows(relationRows: readonly RelationTypeRow[], entityRows: readonly EntityTypeRow[]): TypesNow {
  const given: CorpusTypes = { relationTypes: relationRows.map(relationDeclaration), entityTypes: entityRows.map(entityDeclaration) };
  const assigned = typeCatalog(given);
  const declared: CorpusTypes = {
    relationTypes: given.relationTypes.map((d) => ({ ...d, color: assigned.relation(d.id).color })),
    entityTypes: given.entityTypes.map((d) => ({ ...d, color: assigned.entity(d.id).color })),
  };
  return { declared, catalog: typeCatalog(declared) };
}

/**
 * The declarations an answer naming these types needs (the non-built-in
 * ones), in the corpus's order. A type the corpus holds no declaration for
 * (a database edited by another tool) gets a plain one named by its id, so
 * the answer stays a valid dataset.
 */
export function forAnswer(types: Pick<TypesNow, 'declared'>, relationTypes: Iterable<string>, entityTypes: Iterable<string>): AnswerDeclarations {
  const pick = <T extends { id: string }>(list: readonly T[], used: Iterable<string>, builtIn: (id: string) => boolean, standIn: (id: string) => T): T[] => {
    const wanted = new Set([...used].filter((id) => !builtIn(id)));
    const picked = list.filter((d) => wanted.has(d.id));
    for (const d of picked) wanted.delete(d.id);
    for (const id of wanted) picked.push(standIn(id));
    return picked;
  };
  const answer: AnswerDeclarations = {};
  const relations = pick(types.declared.relationTypes, relationTypes, isBuiltInRelationTypeId, (id) => ({ id, label: id, directed: true }));
  const entities = pick(types.declared.entityTypes, entityTypes, isBuiltInEntityTypeId, (id) => ({ id, label: id }));
  if (relations.length > 0) answer.relationTypes = relations;
  if (entities.length > 0) answer.entityTypes = entities;
  return answer;
}
