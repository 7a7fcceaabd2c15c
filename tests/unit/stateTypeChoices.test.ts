/**
 * The mapping dialog's choices (src/state/typeChoices.ts): what they send to
 * the import worker, how the dialog's rows read, and that a name from the
 * file never reaches an object prototype.
 */

import { describe, expect, it } from 'vitest';
import type { TypeNameUse, TypeReading } from '../../src/graph/formats/types.ts';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS } from '../../src/model/index.ts';
import {
  entityChoiceOf,
  entityChoiceOptions,
  entityTypeAttributeOf,
  entityTypeAttributeOptions,
  inferenceSummary,
  needsMapping,
  NO_TYPE_CHOICES,
  readOptionsOf,
  relationChoiceOf,
  relationChoiceOptions,
  rowCount,
  rowName,
  showsEntityValues,
  typeReadOptionsProblem,
  withEntityChoice,
  withEntityTypeAttribute,
  withRelationChoice,
} from '../../src/state/typeChoices.ts';

const row = (name: string, count: number, choice: TypeNameUse['choice'], automatic = false): TypeNameUse => ({ name, count, choice, automatic });

const reading: TypeReading = {
  relations: [row('supplies drones to', 3, 'keep'), row('ally', 2, 'allied-with', true), row('', 5, 'keep')],
  entities: [row('Character', 70, 'keep'), row('', 7, 'infer')],
  entityTypeAttribute: 'category',
  entityTypeAttributes: ['category', 'group'],
  inferred: 2,
  defaulted: 5,
};

describe('choices → read options', () => {
  it('with no choice made, the reader decides everything', () => {
    expect(readOptionsOf(NO_TYPE_CHOICES)).toEqual({ relationTypeMap: {}, entityTypeMap: {} });
  });

  it('carries each choice by the name as the file writes it, and the attribute when one was chosen', () => {
    let choices = withRelationChoice(NO_TYPE_CHOICES, 'supplies drones to', 'attacked');
    choices = withRelationChoice(choices, 'ally', 'drop');
    choices = withEntityChoice(choices, 'Character', 'person');
    expect(readOptionsOf(choices)).toEqual({
      relationTypeMap: { 'supplies drones to': 'attacked', ally: 'drop' },
      entityTypeMap: { Character: 'person' },
    });
    expect(readOptionsOf(withEntityTypeAttribute(choices, 'group'))).toEqual({
      relationTypeMap: { 'supplies drones to': 'attacked', ally: 'drop' },
      entityTypeMap: {},
      entityTypeAttribute: 'group',
    });
  });

  it('"none: infer from names" infers every value (the reader would otherwise pick its usual attribute again)', () => {
    const choices = withEntityTypeAttribute(withEntityChoice(NO_TYPE_CHOICES, 'Character', 'person'), null);
    expect(readOptionsOf(choices)).toEqual({ relationTypeMap: {}, entityTypeMap: { '*': 'infer' } });
    expect(showsEntityValues(choices)).toBe(false);
    expect(showsEntityValues(NO_TYPE_CHOICES)).toBe(true);
  });

  it('a later choice for the same name replaces the earlier one; the earlier choices object is unchanged', () => {
    const first = withRelationChoice(NO_TYPE_CHOICES, 'ally', 'drop');
    const second = withRelationChoice(first, 'ally', 'keep');
    expect(first.relations).toEqual({ ally: 'drop' });
    expect(second.relations).toEqual({ ally: 'keep' });
  });

  it('a name "__proto__" is an own key that survives postMessage (structuredClone), never a prototype', () => {
    const choices = withRelationChoice(withRelationChoice(NO_TYPE_CHOICES, '__proto__', 'drop'), 'constructor', 'attacked');
    expect(Object.hasOwn(choices.relations, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(choices.relations)).toBe(Object.prototype);
    const sent = structuredClone(readOptionsOf(choices));
    expect(Object.hasOwn(sent.relationTypeMap!, '__proto__')).toBe(true);
    expect(Object.entries(sent.relationTypeMap!)).toEqual([
      ['__proto__', 'drop'],
      ['constructor', 'attacked'],
    ]);
    expect(typeReadOptionsProblem(sent)).toBeUndefined();
    expect(relationChoiceOf(choices, row('__proto__', 1, 'keep'))).toBe('drop');
    // A name with no choice reads the row's own, not something inherited ("toString" is on every object's prototype).
    expect(relationChoiceOf(choices, row('toString', 1, 'keep'))).toBe('keep');
  });
});

describe('typeReadOptionsProblem: the worker checks what it receives', () => {
  it.each([
    [{}, undefined],
    [{ relationTypeMap: { a: 'keep', b: 'drop', c: 'sanctioned' }, entityTypeMap: { x: 'infer', y: 'person', '*': 'drop' }, entityTypeAttribute: 'kind' }, undefined],
    [null, 'must be an object'],
    [[], 'must be an object'],
    [{ relationTypeMap: { a: 'infer' } }, 'gives "a" the choice "infer"'],
    [{ relationTypeMap: { a: 'person' } }, 'gives "a" the choice "person"'],
    [{ entityTypeMap: { a: 'sanctioned' } }, 'gives "a" the choice "sanctioned"'],
    [{ entityTypeMap: 'person' }, 'must be an object of name → choice'],
    [{ entityTypeAttribute: 3 }, '"readOptions.entityTypeAttribute"'],
    [{ entityTypeOf: 'x' }, 'unknown field "entityTypeOf"'],
  ])('%j → %s', (value, expected) => {
    const problem = typeReadOptionsProblem(value);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });
});

describe('the dialog’s rows', () => {
  it('opens by itself only for names or values newsgraph decided about alone: not synonyms it read, not untyped nodes', () => {
    expect(needsMapping(undefined)).toBe(false);
    expect(needsMapping({ ...reading, relations: [], entities: [] })).toBe(false);
    expect(needsMapping(reading)).toBe(true);
    expect(needsMapping({ ...reading, relations: [] })).toBe(true);
    const synonyms = [row('ally', 2, 'allied-with', true)];
    expect(needsMapping({ ...reading, relations: synonyms, entities: [row('Organization', 1, 'organisation', true)] })).toBe(false);
    // Nodes with no type were typed one by one (inferred or Unknown type); the import's warning says how many.
    expect(needsMapping({ ...reading, relations: synonyms, entities: [row('', 7, 'infer')] })).toBe(false);
    // Edges with no type became a type of their own: that is asked.
    expect(needsMapping({ ...reading, relations: [row('', 254, 'keep')], entities: [row('', 77, 'infer')] })).toBe(true);
  });

  it('a relation row offers keep (first, the default), every built-in type by label, and dropping with the count', () => {
    const options = relationChoiceOptions(row('supplies drones to', 3, 'keep'));
    expect(options.own).toEqual([{ value: 'keep', label: 'Keep as its own type' }]);
    expect(options.builtIn.map((option) => option.value)).toEqual([...BUILT_IN_RELATION_TYPE_IDS]);
    expect(options.builtIn.find((option) => option.value === 'issued-warrant')?.label).toBe('issued an arrest warrant for');
    expect(options.drop).toEqual({ value: 'drop', label: 'Drop these 3 relations' });
    expect(relationChoiceOptions(row('x', 1, 'keep')).drop.label).toBe('Drop this relation');
    expect(relationChoiceOptions(row('', 254, 'keep')).own).toEqual([{ value: 'keep', label: 'Keep as “related to”' }]);
    expect(relationChoiceOptions(row('x', 12_345, 'keep')).drop.label).toBe('Drop these 12,345 relations');
  });

  it('an entity row adds "Infer from the name"; untyped nodes have no name to keep', () => {
    const options = entityChoiceOptions(row('Character', 70, 'keep'));
    expect(options.own.map((option) => option.value)).toEqual(['keep', 'infer']);
    expect(options.builtIn.map((option) => option.value)).toEqual([...BUILT_IN_ENTITY_TYPE_IDS]);
    expect(options.builtIn[0]!.label).toBe('Country');
    expect(options.drop.label).toBe('Drop these 70 entities and their relations');
    expect(entityChoiceOptions(row('', 7, 'infer')).own.map((option) => option.value)).toEqual(['infer']);
  });

  it('shows the reader’s choice until one is made, then that one', () => {
    const ally = reading.relations[1]!;
    expect(relationChoiceOf(NO_TYPE_CHOICES, ally)).toBe('allied-with');
    expect(relationChoiceOf(withRelationChoice(NO_TYPE_CHOICES, 'ally', 'drop'), ally)).toBe('drop');
    const untyped = reading.entities[1]!;
    expect(entityChoiceOf(NO_TYPE_CHOICES, untyped)).toBe('infer');
    expect(entityChoiceOf(withEntityChoice(NO_TYPE_CHOICES, '', 'person'), untyped)).toBe('person');
  });

  it('names and counts in words', () => {
    expect(rowName(reading.relations[0]!, 'relation')).toBe('supplies drones to');
    expect(rowName(reading.relations[2]!, 'relation')).toBe('Edges with no type');
    expect(rowName(reading.entities[1]!, 'entity')).toBe('Nodes with no type');
    expect(rowCount(reading.relations[0]!, 'relation')).toBe('3 relations');
    expect(rowCount(row('x', 1, 'keep'), 'relation')).toBe('1 relation');
    expect(rowCount(row('x', 1, 'keep'), 'entity')).toBe('1 entity');
    expect(rowCount(row('x', 1200, 'keep'), 'entity')).toBe('1,200 entities');
  });
});

describe('the entity type attribute', () => {
  it('lists the attribute read, the other candidates once each, then none', () => {
    expect(entityTypeAttributeOptions(reading)).toEqual([
      { value: 'category', label: 'category' },
      { value: 'group', label: 'group' },
      { value: null, label: 'None: infer from names' },
    ]);
    expect(entityTypeAttributeOptions({ ...reading, entityTypeAttribute: undefined, entityTypeAttributes: [] })).toEqual([{ value: null, label: 'None: infer from names' }]);
  });

  it('shows what the reader used until another is chosen; none is null', () => {
    expect(entityTypeAttributeOf(NO_TYPE_CHOICES, reading)).toBe('category');
    expect(entityTypeAttributeOf(withEntityTypeAttribute(NO_TYPE_CHOICES, 'group'), reading)).toBe('group');
    expect(entityTypeAttributeOf(withEntityTypeAttribute(NO_TYPE_CHOICES, null), reading)).toBeNull();
    expect(entityTypeAttributeOf(NO_TYPE_CHOICES, { ...reading, entityTypeAttribute: undefined })).toBeNull();
  });

  it('choosing another attribute forgets the old one’s value choices and keeps the relation choices', () => {
    const choices = withEntityChoice(withRelationChoice(NO_TYPE_CHOICES, 'ally', 'drop'), 'Character', 'person');
    const next = withEntityTypeAttribute(choices, 'group');
    expect(next.entities).toEqual({});
    expect(next.relations).toEqual({ ally: 'drop' });
  });
});

describe('inferenceSummary', () => {
  it('says how many types were inferred from known names and how many entities had none', () => {
    expect(inferenceSummary(reading)).toBe('2 entity types were inferred from names newsgraph knows; 5 entities had none.');
    expect(inferenceSummary({ ...reading, inferred: 1, defaulted: 1 })).toBe('1 entity type was inferred from names newsgraph knows; 1 entity had none.');
    expect(inferenceSummary({ ...reading, inferred: 0, defaulted: 77 })).toBe('0 entity types were inferred from names newsgraph knows; 77 entities had none.');
    expect(inferenceSummary({ ...reading, inferred: 0, defaulted: 0 })).toBeUndefined();
  });
});
