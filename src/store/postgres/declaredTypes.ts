/**
 * The corpus's declared types (PostgreSQL)
 * ========================================
 *
 * shared/declaredTypes.ts's reading over `Sql`. Read here afresh; the store
 * keeps the result per generation (generation.ts): another process may have
 * added a type since, and the marker says so.
 */

import { ENTITY_TYPES_SQL, RELATION_TYPES_SQL, typesFromRows, type EntityTypeRow, type RelationTypeRow, type TypesNow } from '../shared/declaredTypes.ts';
import type { Sql } from './sql.ts';

// `forAnswer` and `TypesNow` are the shared ones; postgres/search.ts imports them from here.
export { forAnswer, type TypesNow } from '../shared/declaredTypes.ts';

export async function currentTypes(sql: Sql): Promise<TypesNow> {
  return typesFromRows(await sql.rows<RelationTypeRow>(RELATION_TYPES_SQL), await sql.rows<EntityTypeRow>(ENTITY_TYPES_SQL));
}
