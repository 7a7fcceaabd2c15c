/**
 * Opening any graph (issue #16): nothing is refused for its type names.
 * Unknown relation names and node types are kept as the dataset's own
 * types, edges without a type become `related-to`, untyped nodes are typed
 * by what newsgraph knows of their names, and the reader's choices map,
 * keep, infer or drop them. Each test builds its file inline so what it
 * proves is visible here.
 */

import { describe, expect, it } from 'vitest';
import { knownEntityType } from '../../../src/extract/knownEntityType.ts';
import { kebabId } from '../../../src/extract/ids.ts';
import { buildGraph } from '../../../src/graph/buildGraph.ts';
import { readAny, readAnyWithWarnings, writeFormat, writtenText, type ReadOptions } from '../../../src/graph/formats/index.ts';
import { DatasetValidationError, typeCatalog, validateDataset, type Dataset } from '../../../src/model/index.ts';
import { idFromName } from '../../../src/model/ids.ts';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** A graphology JSON file: nodes as [key, attributes], edges as [source, target, attributes, undirected?]. */
function graphJson(nodes: Array<[string, Record<string, unknown>?]>, edges: Array<[string, string, Record<string, unknown>?, boolean?]>): string {
  return JSON.stringify({
    nodes: nodes.map(([key, attributes]) => ({ key, ...(attributes ? { attributes } : {}) })),
    edges: edges.map(([source, target, attributes, undirected]) => ({ source, target, ...(attributes ? { attributes } : {}), ...(undirected ? { undirected } : {}) })),
  });
}

const types = (d: Dataset) => d.relations.map((r) => r.type);
const entityTypes = (d: Dataset) => d.entities.map((e) => [e.label, e.type]);

describe('a GEXF like Les Misérables: undirected, weighted, no edge types, no node types', () => {
  const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node"><attribute id="modularity_class" title="Modularity Class" type="integer"/></attributes>
    <nodes>
      <node id="0" label="Myriel"><attvalues><attvalue for="modularity_class" value="1"/></attvalues></node>
      <node id="1" label="Napoleon"><attvalues><attvalue for="modularity_class" value="1"/></attvalues></node>
      <node id="2" label="Valjean"><attvalues><attvalue for="modularity_class" value="2"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="1" target="0"/>
      <edge id="1" source="2" target="0" weight="8.0"/>
    </edges>
  </graph>
</gexf>`;

  it('opens with every edge of the declared type related-to, symmetric, the weight kept', async () => {
    const { dataset, warnings, types: reading } = await readAnyWithWarnings('les-mis.gexf', GEXF);
    expect(validateDataset(dataset).ok).toBe(true);
    expect(types(dataset)).toEqual(['related-to', 'related-to']);
    expect(dataset.relationTypes).toEqual([{ id: 'related-to', label: 'related to', directed: false }]);
    expect(dataset.relations[1]!.attributes).toEqual({ weight: 8 });
    expect(dataset.relations.every((r) => r.evidence.length === 0)).toBe(true);
    // Drawn without arrows: the catalog says the type is symmetric.
    expect(typeCatalog(dataset).relation('related-to')).toMatchObject({ label: 'related to', directed: false, builtIn: false });
    const graph = buildGraph(dataset);
    expect(graph.edges().every((edge) => graph.isUndirected(edge))).toBe(true);
    // No node type: "Unknown type", said once.
    expect(entityTypes(dataset)).toEqual([
      ['Myriel', 'unknown'],
      ['Napoleon', 'unknown'],
      ['Valjean', 'unknown'],
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['3 entities without a type: Unknown type']);
    expect(reading).toMatchObject({ relations: [{ name: '', count: 2, choice: 'keep', type: 'related-to', automatic: false }], inferred: 0, defaulted: 3 });
  });

  it('keeps related-to directed when one of its edges is directed', async () => {
    const dataset = await readAny('g.gexf', GEXF.replace('<edge id="0" source="1" target="0"/>', '<edge id="0" source="1" target="0" type="directed"/>'));
    expect(dataset.relationTypes).toEqual([{ id: 'related-to', label: 'related to', directed: true }]);
  });
});

describe('a CSV of triples with free-text relation names and no type columns', () => {
  const CSV = [
    'source,relation,target',
    'Russia,supplies drones to,Thenardier',
    'Vladimir Putin,praised,Javert',
    'ICC,issued warrant for,Putin',
    'Russia,Supplies Drones To,Javert',
    'Javert,,Thenardier',
  ].join('\n');

  it('opens: the names become declared relation types, entity types inferred from the names newsgraph knows', async () => {
    const { dataset, warnings, types: reading } = await readAnyWithWarnings('triples.csv', CSV, { entityTypeOf: knownEntityType });
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.relationTypes).toEqual([
      { id: 'supplies-drones-to', label: 'supplies drones to', directed: true },
      { id: 'praised', label: 'praised', directed: true },
      { id: 'related-to', label: 'related to', directed: true },
    ]);
    expect(types(dataset)).toEqual(['supplies-drones-to', 'praised', 'issued-warrant', 'supplies-drones-to', 'related-to']);
    // The first spelling is the label; another spelling is kept as written; a synonym keeps what the file said.
    expect(dataset.relations[0]!.attributes).toBeUndefined();
    expect(dataset.relations[3]!.attributes).toEqual({ originalType: 'Supplies Drones To' });
    expect(dataset.relations[2]!.attributes).toEqual({ originalType: 'issued warrant for' });
    expect(entityTypes(dataset)).toEqual([
      ['Russia', 'country'],
      ['Thenardier', 'unknown'],
      ['Vladimir Putin', 'person'],
      ['Javert', 'unknown'],
      ['ICC', 'organisation'],
      ['Putin', 'person'],
    ]);
    expect(dataset.entityTypes).toEqual([{ id: 'unknown', label: 'Unknown type', color: '#A0A0A0' }]);
    expect(warnings.map((w) => w.message)).toEqual(['4 entity types inferred from names newsgraph knows, 2 entities without a type: Unknown type']);
    expect(reading).toEqual({
      relations: [
        { name: 'supplies drones to', count: 2, choice: 'keep', type: 'supplies-drones-to', automatic: false },
        { name: 'praised', count: 1, choice: 'keep', type: 'praised', automatic: false },
        { name: 'issued warrant for', count: 1, choice: 'issued-warrant', type: 'issued-warrant', automatic: true },
        { name: '', count: 1, choice: 'keep', type: 'related-to', automatic: false },
      ],
      entities: [{ name: '', count: 6, choice: 'infer', automatic: false }],
      entityTypeAttributes: [],
      inferred: 4,
      defaulted: 2,
    });
  });

  it('counts a relation written on several rows (one per sentence) once', async () => {
    const text = 'source,type,target,evidence\nAcme,supplies drones to,Kestrel,Acme supplies drones to Kestrel.\nAcme,supplies drones to,Kestrel,Acme again supplies drones to Kestrel.\n';
    const { dataset, types: reading } = await readAnyWithWarnings('t.csv', text);
    expect(dataset.relations).toHaveLength(1);
    expect(dataset.relations[0]!.evidence).toHaveLength(2);
    expect(reading?.relations).toEqual([{ name: 'supplies drones to', count: 1, choice: 'keep', type: 'supplies-drones-to', automatic: false }]);
  });

  it('without entityTypeOf, or with a default, types the untyped entities as told', async () => {
    expect(new Set((await readAny('t.csv', CSV)).entities.map((e) => e.type))).toEqual(new Set(['unknown']));
    expect(new Set((await readAny('t.csv', CSV, { defaultEntityType: 'person' })).entities.map((e) => e.type))).toEqual(new Set(['person']));
  });

  it('comes back from its own CSV export with the same ids and labels of its types', async () => {
    const first = await readAny('triples.csv', CSV, { entityTypeOf: knownEntityType });
    const written = writtenText(await writeFormat(first, 'csv'));
    expect(written.split('\r\n')[1]).toContain(',supplies-drones-to,');
    expect(written.split('\r\n')[1]).toContain(',supplies drones to,');
    const second = await readAny('again.csv', written, { entityTypeOf: knownEntityType });
    expect(second.relationTypes).toEqual(first.relationTypes);
    expect(second.entityTypes).toEqual(first.entityTypes);
    expect(second.relations.map((r) => [r.id, r.type, r.source, r.target])).toEqual(first.relations.map((r) => [r.id, r.type, r.source, r.target]));
    expect(entityTypes(second)).toEqual(entityTypes(first));
  });

  it('reads the ends\' types from the pair of columns entityTypeAttribute names, and offers such pairs', async () => {
    // "category" would be read by default (a usual name); "group" only when chosen.
    expect((await readAnyWithWarnings('c.csv', 'source,type,target,source_category,target_category\nA,met,B,person,person\n')).types?.entityTypeAttribute).toBe('category');
    const text = ['subject,predicate,object,subject_group,object_group', 'Russia,sanctioned,Acme,Nation,Company', 'Acme,trades with,Javert,Company,Character', 'Javert,met,Valjean,Character,Character'].join('\n');
    const plain = await readAnyWithWarnings('c.csv', text);
    expect(plain.types?.entityTypeAttributes).toEqual(['group']);
    expect(plain.types?.entityTypeAttribute).toBeUndefined();
    const { dataset, types: reading } = await readAnyWithWarnings('c.csv', text, { entityTypeAttribute: 'group', entityTypeMap: { Character: 'person' } });
    expect(entityTypes(dataset)).toEqual([
      ['Russia', 'country'],
      ['Acme', 'organisation'],
      ['Javert', 'person'],
      ['Valjean', 'person'],
    ]);
    expect(reading?.entityTypeAttribute).toBe('group');
    expect(reading?.entities).toEqual([
      { name: 'Nation', count: 1, choice: 'country', type: 'country', automatic: true },
      { name: 'Company', count: 1, choice: 'organisation', type: 'organisation', automatic: true },
      { name: 'Character', count: 2, choice: 'person', type: 'person', automatic: false },
    ]);
  });
});

describe('the reader\'s choices for relation names', () => {
  const FILE = graphJson(
    [['a', { type: 'person' }], ['b', { type: 'country' }]],
    [
      ['a', 'b', { type: 'trade partner' }],
      ['b', 'a', { type: 'ally' }],
      ['a', 'b', { type: 'met-with' }],
      ['a', 'b', { weight: 2 }],
    ],
  );
  const read = (options: ReadOptions) => readAnyWithWarnings('g.json', FILE, options);

  it('by default: synonyms read as built-in types, other names kept, no type related-to', async () => {
    const { dataset } = await read({});
    expect(types(dataset)).toEqual(['trade-partner', 'allied-with', 'met-with', 'related-to']);
  });

  it('keep, drop or a built-in type by name (case- and separator-insensitively), the rest by "*"', async () => {
    const { dataset, warnings, types: reading } = await read({ relationTypeMap: { 'Trade_Partner': 'seeks-ties-with', ally: 'keep', '*': 'drop' } });
    expect(types(dataset)).toEqual(['seeks-ties-with', 'ally', 'met-with']);
    expect(dataset.relationTypes).toEqual([{ id: 'ally', label: 'ally', directed: true }]);
    expect(warnings.map((w) => w.message)).toEqual(['dropped 1 edge as chosen: 1 with no type']);
    expect(reading?.relations).toEqual([
      { name: 'trade partner', count: 1, choice: 'seeks-ties-with', type: 'seeks-ties-with', automatic: false },
      { name: 'ally', count: 1, choice: 'keep', type: 'ally', automatic: false },
      { name: '', count: 1, choice: 'drop', automatic: false },
    ]);
  });

  it('"*" applies to synonyms and to untyped edges; "" to untyped edges only; built-in ids are never mapped', async () => {
    expect(types((await read({ relationTypeMap: { '*': 'accused' } })).dataset)).toEqual(['accused', 'accused', 'met-with', 'accused']);
    expect(types((await read({ relationTypeMap: { '': 'urged' } })).dataset)).toEqual(['trade-partner', 'allied-with', 'met-with', 'urged']);
    expect(types((await read({ relationTypeMap: { 'met-with': 'drop' } })).dataset)).toEqual(['trade-partner', 'allied-with', 'met-with', 'related-to']);
  });

  it('refuses a choice that is none of the allowed ones, naming it', async () => {
    const error = await read({ relationTypeMap: { ally: 'friends' as never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).problems[0]).toMatchObject({ code: 'invalid-value', path: 'relationTypeMap › "ally"' });
  });
});

describe('the reader\'s choices for node types', () => {
  const FILE = graphJson(
    [
      ['russia', { label: 'Russia', group: 'Nation', note: 'first' }],
      ['javert', { label: 'Javert', group: 'Character', note: 'second' }],
      ['valjean', { label: 'Valjean', group: 'Character', note: 'third' }],
      ['icc', { label: 'ICC', group: 'Court', note: 'fourth' }],
      ['paris', { label: 'Paris', note: 'fifth' }],
    ],
    [
      ['javert', 'valjean', { type: 'met-with' }],
      ['russia', 'icc', { type: 'accused' }],
      ['javert', 'paris', { type: 'attended' }],
    ],
  );

  it('offers the attributes that could hold types, and reads the one chosen (values kept as their own types by default)', async () => {
    const none = await readAnyWithWarnings('g.json', FILE);
    expect(none.types?.entityTypeAttribute).toBeUndefined();
    expect(none.types?.entityTypeAttributes).toEqual(['group']);
    const { dataset, types: reading } = await readAnyWithWarnings('g.json', FILE, { entityTypeAttribute: 'group', entityTypeOf: knownEntityType });
    expect(entityTypes(dataset)).toEqual([
      ['Russia', 'country'],
      ['Javert', 'character'],
      ['Valjean', 'character'],
      ['ICC', 'organisation'],
      ['Paris', 'unknown'],
    ]);
    expect(dataset.entityTypes).toEqual([
      { id: 'character', label: 'Character' },
      { id: 'unknown', label: 'Unknown type', color: '#A0A0A0' },
    ]);
    // The attribute read as the type is consumed; the others kept.
    expect(dataset.entities[1]!.attributes).toEqual({ note: 'second' });
    expect(reading?.entities).toEqual([
      { name: 'Nation', count: 1, choice: 'country', type: 'country', automatic: true },
      { name: 'Character', count: 2, choice: 'keep', type: 'character', automatic: false },
      { name: 'Court', count: 1, choice: 'organisation', type: 'organisation', automatic: true },
      { name: '', count: 1, choice: 'infer', automatic: false },
    ]);
  });

  it('infer reads the name as for an untyped node (the value kept as an attribute); drop leaves out the nodes and their edges; "*" types the rest, untyped ones too', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('g.json', FILE, {
      entityTypeAttribute: 'group',
      entityTypeMap: { nation: 'infer', Character: 'drop', '*': 'event' },
      entityTypeOf: knownEntityType,
    });
    expect(entityTypes(dataset)).toEqual([
      ['Russia', 'country'],
      ['ICC', 'event'],
      ['Paris', 'event'],
    ]);
    expect(dataset.entities[0]!.attributes).toEqual({ group: 'Nation', note: 'first' });
    expect(types(dataset)).toEqual(['accused']);
    expect(warnings.map((w) => w.message)).toContain('dropped 2 nodes as chosen: 2 "Character"; with them 2 edges touching them');
  });

  it('a value "unknown" (what newsgraph writes for no known type) reads as no type', async () => {
    const dataset = await readAny('g.json', graphJson([['a', { label: 'Russia', type: 'Unknown' }], ['b', { label: 'Javert', type: 'unknown' }]], [['a', 'b']]), { entityTypeOf: knownEntityType });
    expect(entityTypes(dataset)).toEqual([
      ['Russia', 'country'],
      ['Javert', 'unknown'],
    ]);
  });
});

describe('ids of the types a file declares', () => {
  it('never equal a built-in relation or entity type id, a reserved name, or each other', async () => {
    const file = graphJson(
      [['a', { type: 'Met With Friends' }], ['b', { type: '__proto__' }], ['c', { type: 'attacked' }]],
      [
        ['a', 'b', { type: 'Person' }],
        ['b', 'c', { type: 'constructor' }],
        ['c', 'a', { type: '__proto__' }],
        ['a', 'c', { type: 'met with friends' }],
      ],
    );
    const { dataset } = await readAnyWithWarnings('g.json', file, { entityTypeMap: { attacked: 'keep' } });
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.entityTypes).toEqual([
      { id: 'met-with-friends', label: 'Met With Friends' },
      { id: 'proto', label: '__proto__' },
      { id: 'attacked-2', label: 'attacked' },
    ]);
    expect(dataset.relationTypes).toEqual([
      { id: 'person-2', label: 'Person', directed: true },
      { id: 'constructor-2', label: 'constructor', directed: true },
      { id: 'proto-2', label: '__proto__', directed: true },
      { id: 'met-with-friends-2', label: 'met with friends', directed: true },
    ]);
    expectPrototypeUntouched();
  });

  it('"__proto__" as a name in a map parsed from JSON is an ordinary own key', async () => {
    const file = graphJson([['a', { type: '__proto__' }], ['b', { type: 'person' }]], [['a', 'b', { type: '__proto__' }], ['b', 'a', { type: 'toString' }]]);
    const relationTypeMap = JSON.parse('{"__proto__": "drop", "toString": "accused"}') as ReadOptions['relationTypeMap'];
    const entityTypeMap = JSON.parse('{"__proto__": "group"}') as ReadOptions['entityTypeMap'];
    const { dataset } = await readAnyWithWarnings('g.json', file, { relationTypeMap, entityTypeMap });
    expect(types(dataset)).toEqual(['accused']);
    expect(entityTypes(dataset)).toEqual([
      ['a', 'group'],
      ['b', 'person'],
    ]);
    expect(dataset.entities[0]!.attributes).toEqual({ originalType: '__proto__' });
    expectPrototypeUntouched();
  });

  it('come from the one id function, which gives "Côte d\'Ivoire" the same id in a CSV as in the extractor', async () => {
    expect(idFromName("Côte d'Ivoire", 'entity')).toBe('cote-divoire');
    expect(kebabId("Côte d'Ivoire")).toBe('cote-divoire');
    const dataset = await readAny('t.csv', "source,type,target\nCôte d'Ivoire,hosted,Côte d’Ivoire summit\n");
    expect(dataset.entities.map((e) => e.id)).toEqual(['cote-divoire', 'cote-divoire-summit']);
    expect(idFromName('→', 'relation-type')).toBe('relation-type');
  });
});

describe('newsgraph\'s own files', () => {
  it('read declared types from the header exactly, and report no type reading', async () => {
    const dataset: Dataset = {
      version: 1,
      relationTypes: [{ id: 'trades-with', label: 'trades with', directed: false, color: '#123456' }],
      entityTypes: [{ id: 'company', label: 'Company' }],
      documents: [],
      entities: [
        { id: 'a', label: 'Acme', type: 'company', aliases: [], mentions: [] },
        { id: 'b', label: 'Russia', type: 'country', aliases: [], mentions: [] },
      ],
      relations: [{ id: 'r', type: 'trades-with', source: 'a', target: 'b', evidence: [] }],
    };
    for (const format of ['gexf', 'graphml', 'json'] as const) {
      const written = await writeFormat(dataset, format);
      const back = await readAnyWithWarnings(`x.${written.extension}`, writtenText(written));
      expect(back.dataset).toStrictEqual(dataset);
      expect(back.types).toBeUndefined();
      expect(back.warnings).toEqual([]);
    }
  });
});
