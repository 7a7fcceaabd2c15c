/**
 * Type choices
 * ============
 *
 * What the reader chose in the mapping dialog for the relation names and node
 * type values of an opened file that are not built-in types: read each as a
 * built-in type, keep it as the dataset's own type, infer the type from the
 * name, or drop it; and which node attribute holds the entity type. The
 * choices are plain data: they cross postMessage to the import worker, which
 * reads the same file again with them (`readOptionsOf`) — the path the CLI's
 * `--map-type` takes. The dialog's rows, options and sentences are derived
 * here too, so the component only renders them. Pure.
 *
 * Names and values come from the file: every record keyed by them is written
 * with `setOwn` and read with `Object.hasOwn`, so `__proto__` is a name like
 * any other.
 */

import type { EntityTypeChoice, ReadOptions, RelationTypeChoice, TypeNameUse, TypeReading } from '../graph/formats/types.ts';
import {
  BUILT_IN_ENTITY_TYPE_IDS,
  BUILT_IN_ENTITY_TYPES,
  BUILT_IN_RELATION_TYPE_IDS,
  BUILT_IN_RELATION_TYPES,
  isBuiltInEntityTypeId,
  isBuiltInRelationTypeId,
  setOwn,
} from '../model/index.ts';

/** The part of the read options the app sends to the import worker: plain data only (functions cannot cross postMessage). */
export type TypeReadOptions = Pick<ReadOptions, 'relationTypeMap' | 'entityTypeMap' | 'entityTypeAttribute'>;

export interface TypeChoices {
  /** By relation name as the file writes it (the reading's `TypeNameUse.name`; '' for edges with no type). */
  readonly relations: Readonly<Record<string, RelationTypeChoice>>;
  /** By node type value as the file writes it ('' for nodes with no type). */
  readonly entities: Readonly<Record<string, EntityTypeChoice>>;
  /**
   * The node attribute or column read as the entity type: undefined leaves it
   * to the reader (the first of the usual names present); null reads none and
   * infers every entity's type from its name.
   */
  readonly entityTypeAttribute?: string | null;
}

export const NO_TYPE_CHOICES: TypeChoices = Object.freeze({ relations: Object.freeze({}), entities: Object.freeze({}) });

/** The key that stands for every name without a choice of its own (types.ts). */
const EVERY_NAME = '*';

function withOwn<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const next: Record<string, T> = {};
  for (const [name, choice] of Object.entries(record)) setOwn(next, name, choice);
  setOwn(next, key, value);
  return next;
}

export function withRelationChoice(choices: TypeChoices, name: string, choice: RelationTypeChoice): TypeChoices {
  return { ...choices, relations: withOwn(choices.relations, name, choice) };
}

export function withEntityChoice(choices: TypeChoices, name: string, choice: EntityTypeChoice): TypeChoices {
  return { ...choices, entities: withOwn(choices.entities, name, choice) };
}

/** Another attribute as the entity type: the values of the old one no longer apply, so their choices go. */
export function withEntityTypeAttribute(choices: TypeChoices, attribute: string | null): TypeChoices {
  return { relations: choices.relations, entities: {}, entityTypeAttribute: attribute };
}

/** The read options these choices stand for. "No attribute" is every value inferred (`*`), since the reader's own default would pick one again. */
export function readOptionsOf(choices: TypeChoices): TypeReadOptions {
  if (choices.entityTypeAttribute === null) return { relationTypeMap: choices.relations, entityTypeMap: { [EVERY_NAME]: 'infer' } };
  return {
    relationTypeMap: choices.relations,
    entityTypeMap: choices.entities,
    ...(choices.entityTypeAttribute === undefined ? {} : { entityTypeAttribute: choices.entityTypeAttribute }),
  };
}

function isRelationTypeChoice(value: unknown): value is RelationTypeChoice {
  return typeof value === 'string' && (value === 'keep' || value === 'drop' || isBuiltInRelationTypeId(value));
}

function isEntityTypeChoice(value: unknown): value is EntityTypeChoice {
  return typeof value === 'string' && (value === 'keep' || value === 'infer' || value === 'drop' || isBuiltInEntityTypeId(value));
}

function mapProblem(value: unknown, field: string, valid: (choice: unknown) => boolean, allowed: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `field "readOptions.${field}" must be an object of name → choice`;
  for (const [name, choice] of Object.entries(value)) {
    if (!valid(choice)) return `field "readOptions.${field}" gives ${JSON.stringify(name)} the choice ${JSON.stringify(choice)}; use ${allowed}`;
  }
  return undefined;
}

/** Why `value` is not `TypeReadOptions` (as received from another thread), or undefined when it is. */
export function typeReadOptionsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'field "readOptions" must be an object { relationTypeMap?, entityTypeMap?, entityTypeAttribute? }';
  const options = value as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (key !== 'relationTypeMap' && key !== 'entityTypeMap' && key !== 'entityTypeAttribute') return `field "readOptions" has an unknown field ${JSON.stringify(key)}`;
  }
  const attribute = ownField(options, 'entityTypeAttribute');
  if (attribute !== undefined && typeof attribute !== 'string') return 'field "readOptions.entityTypeAttribute" must be an attribute or column name';
  return (
    mapProblem(ownField(options, 'relationTypeMap'), 'relationTypeMap', isRelationTypeChoice, 'a built-in relation type id, "keep" or "drop"') ??
    mapProblem(ownField(options, 'entityTypeMap'), 'entityTypeMap', isEntityTypeChoice, 'a built-in entity type id, "keep", "infer" or "drop"')
  );
}

function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Whether the dialog opens by itself over the new graph: when the file has a
 * relation name or node type value newsgraph had to decide about alone (kept
 * as a type of its own; edges with no type at all). Names the built-in
 * synonyms read ("ally", "Organization") are listed in the dialog but ask
 * nothing, and so do nodes with no type: their types were inferred or
 * defaulted one by one, which the import's warning says.
 */
export function needsMapping(reading: TypeReading | undefined): reading is TypeReading {
  if (reading === undefined) return false;
  return reading.relations.some((row) => !row.automatic) || reading.entities.some((row) => row.name !== '' && !row.automatic);
}

/** What a row's select shows: the reader's own choice, or the one made since. */
export function relationChoiceOf(choices: TypeChoices, row: TypeNameUse): RelationTypeChoice {
  const chosen = Object.hasOwn(choices.relations, row.name) ? choices.relations[row.name] : undefined;
  return chosen ?? (isRelationTypeChoice(row.choice) ? row.choice : 'keep');
}

export function entityChoiceOf(choices: TypeChoices, row: TypeNameUse): EntityTypeChoice {
  const chosen = Object.hasOwn(choices.entities, row.name) ? choices.entities[row.name] : undefined;
  return chosen ?? (isEntityTypeChoice(row.choice) ? row.choice : 'keep');
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceOptions<T extends string> {
  /** Keep, infer: what needs no built-in type. */
  own: ChoiceOption<T>[];
  /** The built-in types by label, in registry order. */
  builtIn: ChoiceOption<T>[];
  drop: ChoiceOption<T>;
}

function counted(count: number, one: string, many: string): string {
  return count === 1 ? `this ${one}` : `these ${count.toLocaleString('en-US')} ${many}`;
}

export function relationChoiceOptions(row: TypeNameUse): ChoiceOptions<RelationTypeChoice> {
  return {
    // Edges with no type become one type of their own, `related-to` (types.ts).
    own: [{ value: 'keep', label: row.name === '' ? 'Keep as “related to”' : 'Keep as its own type' }],
    builtIn: BUILT_IN_RELATION_TYPE_IDS.map((id) => ({ value: id, label: BUILT_IN_RELATION_TYPES[id].label })),
    drop: { value: 'drop', label: `Drop ${counted(row.count, 'relation', 'relations')}` },
  };
}

export function entityChoiceOptions(row: TypeNameUse): ChoiceOptions<EntityTypeChoice> {
  const infer: ChoiceOption<EntityTypeChoice> = { value: 'infer', label: 'Infer from the name' };
  return {
    // Nodes with no type have no name to keep as a type.
    own: row.name === '' ? [infer] : [{ value: 'keep', label: 'Keep as its own type' }, infer],
    builtIn: BUILT_IN_ENTITY_TYPE_IDS.map((id) => ({ value: id, label: BUILT_IN_ENTITY_TYPES[id].label })),
    drop: { value: 'drop', label: `Drop ${counted(row.count, 'entity', 'entities')} and their relations` },
  };
}

/** How a row names what the file wrote. */
export function rowName(row: TypeNameUse, kind: 'relation' | 'entity'): string {
  if (row.name !== '') return row.name;
  return kind === 'relation' ? 'Edges with no type' : 'Nodes with no type';
}

/** "254 relations", "1 entity". */
export function rowCount(row: TypeNameUse, kind: 'relation' | 'entity'): string {
  const count = row.count.toLocaleString('en-US');
  if (kind === 'relation') return `${count} ${row.count === 1 ? 'relation' : 'relations'}`;
  return `${count} ${row.count === 1 ? 'entity' : 'entities'}`;
}

export interface AttributeOption {
  /** The attribute's name; null for "none: infer from names". */
  value: string | null;
  label: string;
}

/** The attributes that could hold the entity type: the one read, the others the reader found, and none. */
export function entityTypeAttributeOptions(reading: TypeReading): AttributeOption[] {
  const names: string[] = [];
  for (const name of [reading.entityTypeAttribute, ...reading.entityTypeAttributes]) {
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return [...names.map((name) => ({ value: name, label: name })), { value: null, label: 'None: infer from names' }];
}

/** The attribute the select shows as chosen (null: none). */
export function entityTypeAttributeOf(choices: TypeChoices, reading: TypeReading): string | null {
  if (choices.entityTypeAttribute !== undefined) return choices.entityTypeAttribute;
  return reading.entityTypeAttribute ?? null;
}

/** Whether each node type value is listed: not once the reader chose to infer every type from names. */
export function showsEntityValues(choices: TypeChoices): boolean {
  return choices.entityTypeAttribute !== null;
}

/**
 * "3 entity types were inferred from names newsgraph knows; 74 entities had none."
 * Undefined when no node went without a type in the file.
 */
export function inferenceSummary(reading: TypeReading): string | undefined {
  const { inferred, defaulted } = reading;
  if (inferred === 0 && defaulted === 0) return undefined;
  const known = `${inferred.toLocaleString('en-US')} ${inferred === 1 ? 'entity type was' : 'entity types were'} inferred from names newsgraph knows`;
  const none = `${defaulted.toLocaleString('en-US')} ${defaulted === 1 ? 'entity had' : 'entities had'} none`;
  return `${known}; ${none}.`;
}
