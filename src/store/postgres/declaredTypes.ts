/**
 * The corpus's declared types (PostgreSQL)
 * ========================================
 *
 * sqlite/declaredTypes.ts's `StoredTypes` over `Sql`: the declarations in
 * the order first declared, colours filled in by the whole catalog. Read
 * afresh for each answer (two small tables): another process may have added
 * a type since, and PostgreSQL has no cheap "changed since" counter like
 * SQLite's data_version.
 */

import { isBuiltInEntityTypeId } from '../../model/entityTypes.ts';
import { isBuiltInRelationTypeId } from '../../model/relationTypes.ts';
import type { CorpusTypes } from '../../model/corpusApi.ts';
import { typeCatalog, type TypeCatalog } from '../../model/typeCatalog.ts';
import { entityDeclaration, relationDeclaration, type AnswerDeclarations, type EntityTypeRow, type RelationTypeRow } from '../sqlite/declaredTypes.ts';
import type { Sql } from './sql.ts';

export interface TypesNow {
  declared: CorpusTypes;
  catalog: TypeCatalog;
}

export async function currentTypes(sql: Sql): Promise<TypesNow> {
  const given: CorpusTypes = {
    relationTypes: (await sql.rows<RelationTypeRow>('SELECT id, label, negated_label, directed, color, description FROM relation_types ORDER BY pk')).map(relationDeclaration),
    entityTypes: (await sql.rows<EntityTypeRow>('SELECT id, label, color, description FROM entity_types ORDER BY pk')).map(entityDeclaration),
  };
  const assigned = typeCatalog(given);
  const declared: CorpusTypes = {
    relationTypes: given.relationTypes.map((d) => ({ ...d, color: assigned.relation(d.id).color })),
    entityTypes: given.entityTypes.map((d) => ({ ...d, color: assigned.entity(d.id).color })),
  };
  return { declared, catalog: typeCatalog(declared) };
}

/** The declarations an answer naming these types needs (sqlite/declaredTypes.ts `forAnswer`). */
export function forAnswer(types: TypesNow, relationTypes: Iterable<string>, entityTypes: Iterable<string>): AnswerDeclarations {
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
