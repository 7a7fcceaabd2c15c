import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTypeList, selectTypes, UnknownTypeError } from '../../../src/graph/formats/select.ts';
import { validateDataset, type Dataset } from '../../../src/model/index.ts';

const seed = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8')) as Dataset;
const typeOf = new Map(seed.entities.map((e) => [e.id, e.type]));

describe('selecting types for export', () => {
  it('sorts names into relation types, entity types and unknown ones', () => {
    expect(parseTypeList(['accused', ' person ', 'friends', ''])).toEqual({ relationTypes: ['accused'], entityTypes: ['person'], unknown: ['friends'] });
  });

  it('keeps the named relation types and only the entities they connect or cite', () => {
    const subset = selectTypes(seed, ['issued-warrant', 'accused']);
    expect(validateDataset(subset).ok).toBe(true);
    expect(subset.relations.every((r) => r.type === 'issued-warrant' || r.type === 'accused')).toBe(true);
    const needed = new Set(subset.relations.flatMap((r) => [r.source, r.target, ...(r.attributedTo ? [r.attributedTo] : [])]));
    expect(new Set(subset.entities.map((e) => e.id))).toEqual(needed);
    expect(subset.documents).toEqual(seed.documents);
  });

  it('keeps the named entity types and the relations between them', () => {
    const subset = selectTypes(seed, ['country']);
    expect(validateDataset(subset).ok).toBe(true);
    expect(subset.relations.length).toBeGreaterThan(0);
    for (const r of subset.relations) expect([typeOf.get(r.source), typeOf.get(r.target)]).toEqual(['country', 'country']);
    expect(subset.entities.filter((e) => e.type === 'country')).toHaveLength(seed.entities.filter((e) => e.type === 'country').length);
  });

  it('combines both kinds: these relations, between entities of these types (an induced subgraph)', () => {
    const subset = selectTypes(seed, ['attended', 'person', 'event']);
    expect(subset.relations.length).toBeGreaterThan(0);
    for (const r of subset.relations) expect([r.type, typeOf.get(r.source), typeOf.get(r.target)]).toEqual(['attended', 'person', 'event']);
    // Both ends must be of a named type: people alone attended nothing.
    expect(selectTypes(seed, ['attended', 'person']).relations).toEqual([]);
  });

  it('returns the dataset itself for no types, and refuses unknown ones', () => {
    expect(selectTypes(seed, [])).toBe(seed);
    expect(() => selectTypes(seed, ['allied'])).toThrow(UnknownTypeError);
  });

  it('knows the types a dataset declares, and still keeps relation and entity types apart', () => {
    const dataset: Dataset = {
      version: 1,
      relationTypes: [{ id: 'trades-with', label: 'trades with', directed: false }],
      entityTypes: [{ id: 'company', label: 'Company' }],
      documents: [],
      entities: [
        { id: 'a', label: 'Acme', type: 'company', aliases: [], mentions: [] },
        { id: 'b', label: 'Russia', type: 'country', aliases: [], mentions: [] },
        { id: 'c', label: 'Belarus', type: 'country', aliases: [], mentions: [] },
      ],
      relations: [
        { id: 'r1', type: 'trades-with', source: 'a', target: 'b', evidence: [] },
        { id: 'r2', type: 'allied-with', source: 'b', target: 'c', evidence: [] },
      ],
    };
    expect(parseTypeList(['trades-with', 'company'])).toEqual({ relationTypes: [], entityTypes: [], unknown: ['trades-with', 'company'] });
    expect(selectTypes(dataset, ['trades-with']).relations.map((r) => r.id)).toEqual(['r1']);
    const companies = selectTypes(dataset, ['company']);
    expect(companies.entities.map((e) => e.id)).toEqual(['a']);
    expect(validateDataset(companies).ok).toBe(true);
    expect(() => selectTypes(dataset, ['trade'])).toThrow(UnknownTypeError);
  });
});
