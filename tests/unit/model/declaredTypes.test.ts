import { describe, expect, it } from 'vitest';
import { BUILT_IN_RELATION_TYPE_IDS, typeCatalog, validateDataset, type Dataset } from '../../../src/model/index.ts';
import { mergeDatasets } from '../../../src/model/merge.ts';

/** Two countries and a relation of a type the file brought, no evidence (as from another tool). */
function withOwnTypes(): Dataset {
  return {
    version: 1,
    relationTypes: [
      { id: 'supplies-drones-to', label: 'supplies drones to', directed: true },
      { id: 'trades-with', label: 'trades with', directed: false, description: 'Bilateral trade.' },
    ],
    entityTypes: [{ id: 'militia', label: 'Militia' }],
    documents: [],
    entities: [
      { id: 'iran', label: 'Iran', type: 'country', aliases: [], mentions: [] },
      { id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: [] },
      { id: 'wagner', label: 'Wagner', type: 'militia', aliases: [], mentions: [] },
    ],
    relations: [
      { id: 'r1', type: 'supplies-drones-to', source: 'iran', target: 'russia', evidence: [] },
      { id: 'r2', type: 'trades-with', source: 'russia', target: 'iran', evidence: [] },
      { id: 'r3', type: 'allied-with', source: 'wagner', target: 'russia', evidence: [] },
    ],
  };
}

const problems = (input: unknown) => {
  const result = validateDataset(input);
  return result.ok ? [] : result.problems.map((p) => [p.code, p.path]);
};

describe('a dataset’s own relation and entity types', () => {
  it('validate, and the catalog lists them after the built-in ones with their labels, direction and phrases', () => {
    const result = validateDataset(withOwnTypes());
    expect(result.ok).toBe(true);
    const catalog = typeCatalog(withOwnTypes());
    expect(catalog.relationTypeIds.slice(0, BUILT_IN_RELATION_TYPE_IDS.length)).toEqual([...BUILT_IN_RELATION_TYPE_IDS]);
    expect(catalog.relationTypeIds.slice(BUILT_IN_RELATION_TYPE_IDS.length)).toEqual(['supplies-drones-to', 'trades-with']);
    expect(catalog.relation('trades-with')).toMatchObject({ builtIn: false, label: 'trades with', directed: false, description: 'Bilateral trade.' });
    expect(catalog.relationPhrase('supplies-drones-to', true)).toBe('not: supplies drones to');
    expect(catalog.entity('militia')).toMatchObject({ builtIn: false, label: 'Militia' });
    expect(catalog.relation('sanctioned').builtIn).toBe(true);
  });

  it('a type that is neither built in nor declared is refused, with the declaration to add', () => {
    const d = withOwnTypes();
    d.relations[0]!.type = 'supplies-drones';
    d.entities[2]!.type = 'militias';
    const result = validateDataset(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const relation = result.problems.find((p) => p.path === 'relations[0].type');
    expect(relation?.message).toContain('did you mean "supplies-drones-to"?');
    expect(relation?.fix).toContain('"relationTypes"');
    expect(result.problems.find((p) => p.path === 'entities[2].type')?.code).toBe('unknown-entity-type');
  });

  it('a declaration may not redefine a built-in type of either kind, repeat an id, or use a reserved name', () => {
    const d = withOwnTypes() as Dataset & { relationTypes: unknown[] };
    d.relationTypes.push({ id: 'sanctioned', label: 'sanctioned', directed: true });
    d.relationTypes.push({ id: 'person', label: 'person', directed: true });
    d.relationTypes.push({ id: 'trades-with', label: 'again', directed: true });
    d.relationTypes.push({ id: '__proto__', label: 'proto', directed: true });
    expect(problems(d)).toEqual([
      ['duplicate-id', 'relationTypes[2].id'],
      ['duplicate-id', 'relationTypes[3].id'],
      ['duplicate-id', 'relationTypes[4].id'],
      ['reserved-id', 'relationTypes[5].id'],
    ]);
  });

  it('a declaration’s fields are checked: a colour must be #rrggbb, direction must be said', () => {
    const d = withOwnTypes() as unknown as { relationTypes: Record<string, unknown>[] };
    d.relationTypes[0]!.color = 'red';
    delete d.relationTypes[1]!.directed;
    // The relations naming these types are not also called unknown: one mistake, one problem each.
    expect(problems(d).map(([, path]) => path)).toEqual(['relationTypes[0].color', 'relationTypes[1].directed']);
  });

  it('merging two datasets keeps the union of their declarations, the first’s definition winning', () => {
    const first = withOwnTypes();
    const second: Dataset = {
      version: 1,
      relationTypes: [
        { id: 'trades-with', label: 'trades with (second)', directed: false },
        { id: 'funds', label: 'funds', directed: true },
      ],
      documents: [],
      entities: [{ id: 'iran', label: 'Iran', type: 'country', aliases: [], mentions: [] }],
      relations: [{ id: 'x', type: 'funds', source: 'iran', target: 'iran', evidence: [] }],
    };
    const merged = mergeDatasets(first, second);
    expect(merged.relationTypes?.map((t) => [t.id, t.label])).toEqual([
      ['supplies-drones-to', 'supplies drones to'],
      ['trades-with', 'trades with'],
      ['funds', 'funds'],
    ]);
    expect(validateDataset(merged).ok).toBe(true);
  });
});
