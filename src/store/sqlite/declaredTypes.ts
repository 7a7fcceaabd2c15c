/**
 * The corpus's declared types
 * ===========================
 *
 * The relation and entity types datasets bring with them (schema.ts
 * `relationTypes`/`entityTypes`: an imported file's free-text relation
 * names, `related-to`, node categories), kept in `relation_types` and
 * `entity_types` (migration 3) as each was first declared.
 *
 * Writing them is typeDeclarationWriter.ts. Reading (`StoredTypes`): the
 * declarations in the order first declared, with the colour filled in where
 * the declaration gave none — the colour the corpus's whole catalog assigns
 * (typePalette.ts, by position among the uncoloured), which only grows at
 * the end, so a type is drawn alike in every answer, however few of the
 * corpus's types an answer names. Re-read only when this connection or
 * another has written since.
 */

import { isBuiltInEntityTypeId } from '../../model/entityTypes.ts';
import { isBuiltInRelationTypeId } from '../../model/relationTypes.ts';
import type { CorpusTypes } from '../../model/corpusApi.ts';
import type { EntityTypeDeclaration, RelationTypeDeclaration } from '../../model/schema.ts';
import { typeCatalog, type TypeCatalog } from '../../model/typeCatalog.ts';
import type { StatementCache } from './statements.ts';

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

export class StoredTypes {
  private key = '';
  private held: { declared: CorpusTypes; catalog: TypeCatalog } = { declared: { relationTypes: [], entityTypes: [] }, catalog: typeCatalog() };

  constructor(private readonly statements: StatementCache) {}

  /** The declarations (colours filled in) and their catalog, as the corpus holds them now. */
  current(): { declared: CorpusTypes; catalog: TypeCatalog } {
    // total_changes: this connection's writes; data_version: another's commits.
    const { changes, version } = this.statements.get<{ changes: number; version: number }>('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version').get()!;
    const key = `${version}:${changes}`;
    if (key === this.key) return this.held;
    const given: CorpusTypes = {
      relationTypes: (this.statements.get<RelationTypeRow>('SELECT id, label, negated_label, directed, color, description FROM relation_types ORDER BY pk').all() as RelationTypeRow[]).map(relationDeclaration),
      entityTypes: (this.statements.get<EntityTypeRow>('SELECT id, label, color, description FROM entity_types ORDER BY pk').all() as EntityTypeRow[]).map(entityDeclaration),
    };
    const assigned = typeCatalog(given);
    const declared: CorpusTypes = {
      relationTypes: given.relationTypes.map((d) => ({ ...d, color: assigned.relation(d.id).color })),
      entityTypes: given.entityTypes.map((d) => ({ ...d, color: assigned.entity(d.id).color })),
    };
    this.held = { declared, catalog: typeCatalog(declared) };
    this.key = key;
    return this.held;
  }

  /**
   * The declarations an answer naming these types needs (the non-built-in
   * ones), in the corpus's order. A type the corpus holds no declaration for
   * (a file edited by another tool) gets a plain one named by its id, so the
   * answer stays a valid dataset.
   */
  forAnswer(relationTypes: Iterable<string>, entityTypes: Iterable<string>): AnswerDeclarations {
    const { declared } = this.current();
    const pick = <T extends { id: string }>(list: readonly T[], used: Iterable<string>, builtIn: (id: string) => boolean, standIn: (id: string) => T): T[] => {
      const wanted = new Set([...used].filter((id) => !builtIn(id)));
      const picked = list.filter((d) => wanted.has(d.id));
      for (const d of picked) wanted.delete(d.id);
      for (const id of wanted) picked.push(standIn(id));
      return picked;
    };
    const answer: AnswerDeclarations = {};
    const relations = pick(declared.relationTypes, relationTypes, isBuiltInRelationTypeId, (id) => ({ id, label: id, directed: true }));
    const entities = pick(declared.entityTypes, entityTypes, isBuiltInEntityTypeId, (id) => ({ id, label: id }));
    if (relations.length > 0) answer.relationTypes = relations;
    if (entities.length > 0) answer.entityTypes = entities;
    return answer;
  }
}
