/**
 * What a file's type names become
 * ===============================
 *
 * The one place where the importers (foreignGraph.ts, csvRead.ts) decide the
 * type of an imported edge or node, from the name the file gives it and the
 * reader's choices (`ReadOptions`):
 *
 *  - a built-in id, in any case or separators (`allied_with`), is that type;
 *  - any other name: the user's choice for it (`relationTypeMap` /
 *    `entityTypeMap`, by name, then `*`), else the built-in synonyms
 *    (typeMapping.ts: `ally` → allied-with, `ORG` → organisation), else it is
 *    KEPT as a type the dataset declares itself: id from the project's one id
 *    function (model/ids.ts), label the name as first written;
 *  - an edge with no type: the declared type `related-to` ("related to"),
 *    unless the choice for `''` or `*` says otherwise;
 *  - a node with no type (or whose value's choice is `infer`): the type
 *    `entityTypeOf` knows for its name or an alias, else `defaultEntityType`,
 *    else the declared type `unknown` ("Unknown type");
 *  - `drop`: the edges, or the nodes and every edge touching them, are left
 *    out, and a warning says how many.
 *
 * Names are compared case- and separator-insensitively, so "Supplies drones
 * to" and "supplies_drones_to" are one name and one type; each is decided
 * once. A kept relation type is symmetric (`directed: false`) only when every
 * edge carrying it is undirected in the file. A declared id never equals a
 * built-in relation or entity type id, another declared id (of either kind:
 * the two share one namespace, see select.ts), or a name every JavaScript
 * object has (model/reservedIds.ts): it gets a suffix, `-2`, `-3` ….
 *
 * `attributes.originalType` keeps the name as written whenever the type does
 * not already say it: for a synonym or a mapping (`ally` → "allied with"),
 * and for a kept name spelt differently from its first spelling ("Supplies
 * Drones To" after "supplies drones to"); never for the first spelling, which
 * the declared type holds. An entity type value `unknown` (what newsgraph
 * writes for a node of no known type) is read as no type.
 *
 * Every choice is a Map entry or an own property read with Object.hasOwn:
 * a name like `__proto__` or `constructor` is an ordinary name.
 */

import {
  formatCount,
  BUILT_IN_ENTITY_TYPES,
  BUILT_IN_RELATION_TYPES,
  isBuiltInEntityTypeId,
  isBuiltInRelationTypeId,
  isReservedId,
  type BuiltInEntityTypeId,
  type EntityTypeDeclaration,
  type Problem,
  type RelationTypeDeclaration,
} from '../../model/index.ts';
import { idFromName, uniqueId } from '../../model/ids.ts';
import { lookUpUserMap, matchEntityType, matchRelationType, normalizeTypeName, ownChoice } from './typeMapping.ts';
import type { EntityTypeChoice, ReadOptions, RelationTypeChoice, TypeNameUse, TypeReading } from './types.ts';

/** The declared type of edges that had no type. */
export const UNTYPED_RELATION = { id: 'related-to', label: 'related to' } as const;
/** The declared type of nodes with no type that nothing else decided: a neutral grey, so it never reads as a kind of actor. */
export const UNTYPED_ENTITY = { id: 'unknown', label: 'Unknown type', color: '#A0A0A0' } as const;

export interface RelationTyping {
  type: string;
  negated: boolean;
  /** The name as written, when the type's label does not say it. */
  originalType?: string;
  /** Which of the candidate names was read (an index into `relation`'s `names`); undefined when the edge had none. */
  used?: number;
  /** The TypeReading row that counted this edge, if any. */
  row?: TypeNameUse;
}

export interface EntityTyping {
  type: string;
  originalType?: string;
  /** False when the value was not read as the type (`infer`): the reader keeps it as an attribute. */
  consumed: boolean;
}

export interface FinishedTypes {
  relationTypes: RelationTypeDeclaration[];
  entityTypes: EntityTypeDeclaration[];
  reading: Pick<TypeReading, 'relations' | 'entities' | 'inferred' | 'defaulted'>;
  warnings: Problem[];
  /** Choices that are none of the allowed ones (a library caller's mistake). */
  problems: Problem[];
}

export interface TypeResolver {
  /**
   * The type of an edge whose candidate type names are `names` (attribute
   * values in the reader's order of preference; empty for none): the first
   * that is built in, a synonym or mapped by the user, else the first.
   * `label`: the type's label when the name is kept and first seen here (a
   * CSV's type_label column), else the name. `undefined`: the edge is dropped.
   */
  relation(names: readonly string[], directed: boolean, label?: string): RelationTyping | undefined;
  /** The type of a node whose type value is `value` (undefined: none). `undefined`: the node is dropped. `where` names it in a warning. */
  entity(value: string | undefined, label: string, aliases: readonly string[], where: string): EntityTyping | undefined;
  /** The edge just typed with `typing` was counted already (a CSV's second row of one relation): count it once. */
  sameEdge(typing: RelationTyping): void;
  /** An edge left out because one of its ends was dropped. */
  edgeOfDroppedNode(): void;
  finish(): FinishedTypes;
}

type RelationDecision =
  | { kind: 'type'; type: string; negated: boolean; declared?: DeclaredRelation; row?: TypeNameUse }
  | { kind: 'drop'; row: TypeNameUse };

type EntityDecision =
  | { kind: 'type'; type: string; declared?: DeclaredEntity; row?: TypeNameUse }
  | { kind: 'infer'; row?: TypeNameUse }
  | { kind: 'drop'; row: TypeNameUse };

interface DeclaredRelation {
  declaration: RelationTypeDeclaration;
  /** The name as first written (trimmed): a later spelling that differs is kept as `originalType`. */
  firstSpelling: string;
  anyDirected: boolean;
}

interface DeclaredEntity {
  declaration: EntityTypeDeclaration;
  firstSpelling: string;
}

const RELATION_CHOICES = "a built-in relation type, 'keep' or 'drop'";
const ENTITY_CHOICES = "a built-in entity type, 'keep', 'infer' or 'drop'";

const isRelationChoice = (value: unknown): value is RelationTypeChoice =>
  value === 'keep' || value === 'drop' || (typeof value === 'string' && isBuiltInRelationTypeId(value));
const isEntityChoice = (value: unknown): value is EntityTypeChoice =>
  value === 'keep' || value === 'infer' || value === 'drop' || (typeof value === 'string' && isBuiltInEntityTypeId(value));

/** `3 edges`, `1 node`. */
const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function typeResolver(options: ReadOptions): TypeResolver {
  const problems: Problem[] = [];
  const relationMap = checkedMap(options.relationTypeMap, 'relationTypeMap', isRelationChoice, RELATION_CHOICES, problems);
  const entityMap = checkedMap(options.entityTypeMap, 'entityTypeMap', isEntityChoice, ENTITY_CHOICES, problems);

  // One namespace for every type id: built-in of either kind, declared of either kind, never a reserved name.
  const declaredIds = new Set<string>();
  const declareId = (base: string): string => {
    const id = uniqueId(base, (candidate) => isBuiltInRelationTypeId(candidate) || isBuiltInEntityTypeId(candidate) || isReservedId(candidate) || declaredIds.has(candidate));
    declaredIds.add(id);
    return id;
  };

  const declaredRelations = new Map<string, DeclaredRelation>();
  const declareRelation = (name: string, base: string, label: string): DeclaredRelation => {
    const key = normalizeTypeName(name);
    let declared = declaredRelations.get(key);
    if (!declared) {
      declared = { declaration: { id: declareId(base), label, directed: true }, firstSpelling: name, anyDirected: false };
      declaredRelations.set(key, declared);
    }
    return declared;
  };
  const declaredEntities = new Map<string, DeclaredEntity>();
  const declareEntity = (name: string, base: string, label: string): DeclaredEntity => {
    const key = normalizeTypeName(name);
    let declared = declaredEntities.get(key);
    if (!declared) {
      declared = { declaration: { id: declareId(base), label }, firstSpelling: name };
      declaredEntities.set(key, declared);
    }
    return declared;
  };

  // Decisions by normalized name ('' for none): each name is decided once, whatever its spellings.
  const relationDecisions = new Map<string, RelationDecision>();
  const entityDecisions = new Map<string, EntityDecision>();
  const relationRows: TypeNameUse[] = [];
  const entityRows: TypeNameUse[] = [];
  let inferred = 0;
  let defaulted = 0;
  let firstUntyped: string | undefined;
  let droppedWithNodes = 0;

  const decideRelation = (written: string, label: string | undefined): RelationDecision => {
    const row = (choice: RelationTypeChoice, type: string | undefined, automatic: boolean): TypeNameUse => {
      const use: TypeNameUse = { name: written, count: 0, choice, automatic };
      if (type !== undefined) use.type = type;
      relationRows.push(use);
      return use;
    };
    if (!written) {
      const choice = ownChoice(relationMap, '') ?? ownChoice(relationMap, '*') ?? 'keep';
      if (choice === 'drop') return { kind: 'drop', row: row(choice, undefined, false) };
      if (choice !== 'keep') return { kind: 'type', type: choice, negated: false, row: row(choice, choice, false) };
      const declared = declareRelation(UNTYPED_RELATION.label, UNTYPED_RELATION.id, UNTYPED_RELATION.label);
      return { kind: 'type', type: declared.declaration.id, negated: false, declared, row: row(choice, declared.declaration.id, false) };
    }
    const match = matchRelationType(written);
    if (match?.exact) return { kind: 'type', type: match.type, negated: match.negated };
    const chosen = lookUpUserMap(relationMap, written) ?? ownChoice(relationMap, '*');
    if (chosen === undefined && match) return { kind: 'type', type: match.type, negated: match.negated, row: row(match.type, match.type, true) };
    const choice = chosen ?? 'keep';
    if (choice === 'drop') return { kind: 'drop', row: row(choice, undefined, false) };
    if (choice !== 'keep') return { kind: 'type', type: choice, negated: false, row: row(choice, choice, false) };
    const declared = declareRelation(written, idFromName(written, 'relation-type'), label || written);
    return { kind: 'type', type: declared.declaration.id, negated: false, declared, row: row(choice, declared.declaration.id, false) };
  };

  const decideEntity = (written: string): EntityDecision => {
    const row = (choice: EntityTypeChoice, type: string | undefined, automatic: boolean): TypeNameUse => {
      const use: TypeNameUse = { name: written, count: 0, choice, automatic };
      if (type !== undefined) use.type = type;
      entityRows.push(use);
      return use;
    };
    if (!written) {
      // Nothing to keep: `keep` for untyped nodes is `infer`.
      const given = ownChoice(entityMap, '') ?? ownChoice(entityMap, '*');
      const choice = given === undefined || given === 'keep' ? 'infer' : given;
      if (choice === 'drop') return { kind: 'drop', row: row(choice, undefined, false) };
      if (choice === 'infer') return { kind: 'infer', row: row(choice, undefined, false) };
      return { kind: 'type', type: choice, row: row(choice, choice, false) };
    }
    const match = matchEntityType(written);
    if (match?.exact) return { kind: 'type', type: match.type };
    const chosen = lookUpUserMap(entityMap, written) ?? ownChoice(entityMap, '*');
    if (chosen === undefined && match) return { kind: 'type', type: match.type, row: row(match.type, match.type, true) };
    const choice = chosen ?? 'keep';
    if (choice === 'drop') return { kind: 'drop', row: row(choice, undefined, false) };
    if (choice === 'infer') return { kind: 'infer', row: row(choice, undefined, false) };
    if (choice !== 'keep') return { kind: 'type', type: choice, row: row(choice, choice, false) };
    const declared = declareEntity(written, idFromName(written, 'entity-type'), written);
    return { kind: 'type', type: declared.declaration.id, declared, row: row(choice, declared.declaration.id, false) };
  };

  let defaultType: string | undefined;
  const typeWithout = (): string => {
    if (defaultType !== undefined) return defaultType;
    const given = options.defaultEntityType?.trim();
    if (given && isBuiltInEntityTypeId(given)) defaultType = given;
    else if (given) defaultType = declareEntity(given, idFromName(given, 'entity-type'), given).declaration.id;
    else {
      const untyped = declareEntity(UNTYPED_ENTITY.id, UNTYPED_ENTITY.id, UNTYPED_ENTITY.label).declaration;
      untyped.color = UNTYPED_ENTITY.color;
      defaultType = untyped.id;
    }
    return defaultType;
  };
  const infer = (label: string, aliases: readonly string[], where: string): string => {
    firstUntyped ??= where;
    const known = options.entityTypeOf;
    if (known) {
      for (const name of [label, ...aliases]) {
        const type: BuiltInEntityTypeId | undefined = known(name);
        if (type !== undefined && isBuiltInEntityTypeId(type)) {
          inferred++;
          return type;
        }
      }
    }
    defaulted++;
    return typeWithout();
  };

  /** Whether a name is decided by more than the defaults: built in, a synonym, or chosen by name. */
  const knownNames = new Map<string, boolean>();
  const knownRelationName = (written: string): boolean => {
    let known = knownNames.get(written);
    if (known === undefined) knownNames.set(written, (known = matchRelationType(written) !== undefined || lookUpUserMap(relationMap, written) !== undefined));
    return known;
  };
  const relationDecision = (written: string, label: string | undefined): RelationDecision => {
    const key = written ? `n:${normalizeTypeName(written)}` : '';
    return relationDecisions.get(key) ?? remember(relationDecisions, key, decideRelation(written, label));
  };
  const entityDecision = (written: string): EntityDecision => {
    // "unknown" is what newsgraph writes for a node of no known type (UNTYPED_ENTITY): read as none.
    const key = written && normalizeTypeName(written) !== UNTYPED_ENTITY.id ? `n:${normalizeTypeName(written)}` : '';
    return entityDecisions.get(key) ?? remember(entityDecisions, key, decideEntity(key ? written : ''));
  };

  return {
    relation(names, directed, label) {
      // The first name that is known wins over an earlier one that would only be kept ("label" vs "type" attributes).
      let used = names.findIndex((name) => knownRelationName(name.trim()));
      if (used < 0 && names.length > 0) used = 0;
      const written = used < 0 ? '' : names[used]!.trim();
      const decision = relationDecision(written, label?.trim());
      if (decision.row) decision.row.count++;
      if (decision.kind === 'drop') return undefined;
      if (decision.declared && directed) decision.declared.anyDirected = true;
      const result: RelationTyping = { type: decision.type, negated: decision.negated };
      if (decision.row) result.row = decision.row;
      if (used >= 0) {
        result.used = used;
        // A kept name's other spellings, and any name a built-in type's label does not say ("ally" → "allied with").
        const said = decision.declared?.firstSpelling ?? (isBuiltInRelationTypeId(decision.type) ? BUILT_IN_RELATION_TYPES[decision.type].label : decision.type);
        if (decision.row && written !== said) result.originalType = names[used]!;
      }
      return result;
    },

    entity(value, label, aliases, where) {
      const written = value?.trim() ?? '';
      const decision = entityDecision(written);
      if (decision.row) decision.row.count++;
      if (decision.kind === 'drop') return undefined;
      if (decision.kind === 'infer') return { type: infer(label, aliases, where), consumed: false };
      const result: EntityTyping = { type: decision.type, consumed: true };
      const said = decision.declared?.firstSpelling ?? (isBuiltInEntityTypeId(decision.type) ? BUILT_IN_ENTITY_TYPES[decision.type].label : decision.type);
      if (decision.row && value !== undefined && written !== said) result.originalType = value;
      return result;
    },

    sameEdge(typing) {
      if (typing.row) typing.row.count--;
    },

    edgeOfDroppedNode() {
      droppedWithNodes++;
    },

    finish() {
      const warnings: Problem[] = [];
      if (inferred > 0 || defaulted > 0) {
        const parts = [
          inferred > 0 ? `${count(inferred, 'entity type', 'entity types')} inferred from names newsgraph knows` : '',
          defaulted > 0 ? `${count(defaulted, 'entity', 'entities')} without a type: ${labelOfEntityType(typeWithout(), declaredEntities)}` : '',
        ].filter(Boolean);
        warnings.push({
          code: 'missing-field',
          path: firstUntyped ?? '',
          message: parts.join(', '),
          fix: 'give the nodes a type attribute (country, person, organisation, group, place, event, or a name of your own), or choose the attribute that holds their types (CLI: --entity-type-attribute NAME, --default-entity-type TYPE)',
        });
      }
      const droppedRelations = relationRows.filter((row) => row.choice === 'drop' && row.count > 0);
      if (droppedRelations.length > 0) {
        const total = droppedRelations.reduce((sum, row) => sum + row.count, 0);
        warnings.push({
          code: 'unknown-relation-type',
          path: '',
          message: `dropped ${count(total, 'edge', 'edges')} as chosen: ${droppedRelations.map((row) => `${formatCount(row.count)} ${row.name ? JSON.stringify(row.name) : 'with no type'}`).join(', ')}`,
          fix: 'to import them, keep those names as their own types or map them to a built-in type (CLI: --map-type "NAME=keep")',
        });
      }
      const droppedEntities = entityRows.filter((row) => row.choice === 'drop' && row.count > 0);
      if (droppedEntities.length > 0) {
        const total = droppedEntities.reduce((sum, row) => sum + row.count, 0);
        warnings.push({
          code: 'unknown-entity-type',
          path: '',
          message: `dropped ${count(total, 'node', 'nodes')} as chosen: ${droppedEntities.map((row) => `${formatCount(row.count)} ${row.name ? JSON.stringify(row.name) : 'with no type'}`).join(', ')}; with them ${count(droppedWithNodes, 'edge', 'edges')} touching them`,
          fix: 'to import them, keep those values as their own types, infer them or map them to a built-in type (CLI: --map-entity-type "NAME=keep")',
        });
      }
      return {
        relationTypes: [...declaredRelations.values()].map(({ declaration, anyDirected }) => ({ ...declaration, directed: anyDirected })),
        entityTypes: [...declaredEntities.values()].map(({ declaration }) => declaration),
        reading: { relations: relationRows, entities: entityRows, inferred, defaulted },
        warnings,
        problems,
      };
    },
  };
}

function remember<T>(decisions: Map<string, T>, key: string, decision: T): T {
  decisions.set(key, decision);
  return decision;
}

function labelOfEntityType(id: string, declared: ReadonlyMap<string, DeclaredEntity>): string {
  if (isBuiltInEntityTypeId(id)) return BUILT_IN_ENTITY_TYPES[id].label;
  for (const { declaration } of declared.values()) if (declaration.id === id) return declaration.label;
  return id;
}

/** The map with every choice checked; a choice that is none of the allowed ones is a problem, and left out. */
function checkedMap<T>(
  map: Readonly<Record<string, unknown>> | undefined,
  field: string,
  allowed: (value: unknown) => value is T,
  allowedText: string,
  problems: Problem[],
): Readonly<Record<string, T>> | undefined {
  if (!map) return undefined;
  const checked = Object.create(null) as Record<string, T>;
  for (const [name, choice] of Object.entries(map)) {
    if (allowed(choice)) {
      // Own data property: a name like "__proto__" stays an ordinary key.
      Object.defineProperty(checked, name, { value: choice, enumerable: true, writable: true, configurable: true });
      continue;
    }
    problems.push({
      code: 'invalid-value',
      path: `${field} › ${JSON.stringify(name)}`,
      message: `${JSON.stringify(choice)} is not ${allowedText}`,
      fix: `choose ${allowedText} for ${JSON.stringify(name)}`,
      value: choice,
    });
  }
  return checked;
}
