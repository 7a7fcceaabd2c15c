/**
 * Exports every client reads
 * ==========================
 *
 * Every export of every test dataset, read by the clients people open it
 * with: networkx 3 (read_gexf with the file's version, read_graphml: a real
 * Python process, see networkxClient.ts), Gephi Lite's reader
 * (graphology-gexf's parser), graphology's Graph.from, and newsgraph itself.
 * Each must see one node per entity and one edge per relation, symmetric
 * relations, self-loops and parallel relations included; newsgraph must read
 * each lossless export back equal to the dataset.
 *
 * networkx is required: when it cannot be found the test fails with how to
 * install it (findNetworkxPython), it is never skipped.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Graph from 'graphology';
import { parse as parseGexfWithGraphology } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../memoryIo.ts';
import { runCli } from '../../../src/cli/main.ts';
import { HEADER_ATTRIBUTE, HEADER_ENTITY_TYPES, HEADER_RELATION_TYPES } from '../../../src/graph/formats/exchangeGraph.ts';
import { readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../../src/graph/formats/index.ts';
import { assertValidDataset, typeCatalog, type Dataset } from '../../../src/model/index.ts';
import { awkwardDataset } from './awkwardDataset.ts';
import { expectTypeNamesKept } from './csvTypeNames.ts';
import { declaredTypesDataset, declaredTypesVariant } from './declaredTypesDataset.ts';
import { datasetArbitrary } from './datasetArbitrary.ts';
import { findNetworkxPython, readWithNetworkx } from './networkxClient.ts';

const seed = assertValidDataset(JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8')), 'seed');

const DATASETS: Array<[string, () => Dataset]> = [
  ['seed dataset', () => seed],
  ['declared-types dataset (a symmetric declared type, self-loops, parallel relations)', declaredTypesDataset],
  ['symmetric relations only', () => declaredTypesVariant((_r, directed) => !directed)],
  ['directed relations only', () => declaredTypesVariant((_r, directed) => directed)],
  ['no relations', () => declaredTypesVariant(() => false)],
  ['awkward-strings dataset', awkwardDataset],
];

let directory: string;
let written = 0;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'newsgraph-export-clients-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function exportTo(dataset: Dataset, format: FormatId): Promise<{ path: string; text: string; extension: string }> {
  const file = await writeFormat(dataset, format);
  const text = writtenText(file);
  const path = join(directory, `export-${written++}.${file.extension}`);
  writeFileSync(path, text, 'utf8');
  return { path, text, extension: file.extension };
}

const symmetric = (dataset: Dataset) => {
  const catalog = typeCatalog(dataset);
  return new Set(dataset.relations.filter((r) => !catalog.relation(r.type).directed).map((r) => r.id));
};

describe('networkx is there to ask', () => {
  it('finds a python with networkx 3 or newer (else: fails with how to install it)', () => {
    expect(findNetworkxPython()).toBeTruthy();
  });
});

// networkx runs in a Python process per file: allow for a slow start on a busy machine.
describe.each(DATASETS)('every client reads the exports of the %s', { timeout: 60_000 }, (_name, make) => {
  it('GEXF: networkx (read_gexf, version 1.3), graphology-gexf and newsgraph see every entity and relation', async () => {
    const dataset = make();
    const { path, text, extension } = await exportTo(dataset, 'gexf');
    expect(text).toContain('<gexf version="1.3"');

    const networkx = readWithNetworkx(path);
    expect({ nodes: networkx.nodes, edges: networkx.edges }).toEqual({ nodes: dataset.entities.length, edges: dataset.relations.length });

    const gephiLite = parseGexfWithGraphology(Graph, text);
    expect({ nodes: gephiLite.order, edges: gephiLite.size }).toEqual({ nodes: dataset.entities.length, edges: dataset.relations.length });
    expect(gephiLite.nodes().sort()).toEqual(dataset.entities.map((e) => e.id).sort());
    expect(gephiLite.edges().sort()).toEqual(dataset.relations.map((r) => r.id).sort());

    const { dataset: back, warnings } = await readAnyWithWarnings(`exported.${extension}`, text);
    expect(back).toStrictEqual(dataset);
    expect(warnings).toEqual([]);
  });

  it('GraphML: networkx (read_graphml) and newsgraph see every entity and relation', async () => {
    const dataset = make();
    const { path, text, extension } = await exportTo(dataset, 'graphml');
    const networkx = readWithNetworkx(path);
    expect({ nodes: networkx.nodes, edges: networkx.edges }).toEqual({ nodes: dataset.entities.length, edges: dataset.relations.length });
    const { dataset: back, warnings } = await readAnyWithWarnings(`exported.${extension}`, text);
    expect(back).toStrictEqual(dataset);
    expect(warnings).toEqual([]);
  });

  it('graphology JSON: Graph.from keeps symmetric relations undirected; newsgraph reads it back equal', async () => {
    const dataset = make();
    const { text, extension } = await exportTo(dataset, 'json');
    const graph = Graph.from(JSON.parse(text));
    expect({ nodes: graph.order, edges: graph.size }).toEqual({ nodes: dataset.entities.length, edges: dataset.relations.length });
    expect(graph.filterEdges((edge) => graph.isUndirected(edge)).sort()).toEqual([...symmetric(dataset)].sort());
    const { dataset: back, warnings } = await readAnyWithWarnings(`exported.${extension}`, text);
    expect(back).toStrictEqual(dataset);
    expect(warnings).toEqual([]);
  });

  it('dataset JSON: newsgraph reads it back equal', async () => {
    const dataset = make();
    const { text, extension } = await exportTo(dataset, 'dataset');
    const { dataset: back, warnings } = await readAnyWithWarnings(`exported.${extension}`, text);
    expect(back).toStrictEqual(dataset);
    expect(warnings).toEqual([]);
  });

  it('CSV: newsgraph reads back one relation per row, with its id, ends and type name, and every connected entity', async () => {
    const dataset = make();
    const { text, extension } = await exportTo(dataset, 'csv');
    const { dataset: back } = await readAnyWithWarnings(`exported.${extension}`, text);
    expect(back.relations.map((r) => [r.id, r.source, r.target])).toEqual(dataset.relations.map((r) => [r.id, r.source, r.target]));
    const connected = new Set(dataset.relations.flatMap((r) => [r.source, r.target]));
    expect(back.entities.map((e) => e.id).sort()).toEqual(dataset.entities.filter((e) => connected.has(e.id)).map((e) => e.id).sort());
    expectTypeNamesKept(dataset, back);
  });
});

describe('arbitrary datasets (declared types, awkward ids and labels, self-loops, parallel relations)', { timeout: 120_000 }, () => {
  // A fixed sample: one Python process per file, so a handful, not hundreds.
  const samples = fc.sample(datasetArbitrary, { numRuns: 8, seed: 16 });

  it('the sample holds what makes a writer stumble', () => {
    expect(samples.some((d) => (d.relationTypes ?? []).some((t) => !t.directed))).toBe(true);
    expect(samples.some((d) => d.relations.some((r) => r.source === r.target))).toBe(true);
    expect(samples.some((d) => symmetric(d).size > 0 && symmetric(d).size < d.relations.length)).toBe(true);
  });

  it.each(['gexf', 'graphml'] as const)('%s: networkx reads one node per entity and one edge per relation', async (format) => {
    for (const dataset of samples) {
      const { path, text } = await exportTo(dataset, format);
      const networkx = readWithNetworkx(path);
      expect({ nodes: networkx.nodes, edges: networkx.edges }).toEqual({ nodes: dataset.entities.length, edges: dataset.relations.length });
      if (format === 'gexf') {
        const gephiLite = parseGexfWithGraphology(Graph, text);
        expect({ nodes: gephiLite.order, edges: gephiLite.size }).toEqual({ nodes: dataset.entities.length, edges: dataset.relations.length });
      }
    }
  });
});

describe('how a symmetric relation is written', { timeout: 60_000 }, () => {
  it('a GEXF or GraphML of symmetric relations only is an undirected graph, for networkx and graphology-gexf alike', async () => {
    const dataset = declaredTypesVariant((_r, directed) => !directed);
    expect(dataset.relations.length).toBeGreaterThan(2);
    const gexf = await exportTo(dataset, 'gexf');
    expect(gexf.text).toContain('<graph defaultedgetype="undirected"');
    expect(readWithNetworkx(gexf.path).directed).toBe(false);
    const gephiLite = parseGexfWithGraphology(Graph, gexf.text);
    expect(gephiLite.undirectedSize).toBe(dataset.relations.length);

    const graphml = await exportTo(dataset, 'graphml');
    expect(graphml.text).toContain('<graph id="G" edgedefault="undirected">');
    expect(readWithNetworkx(graphml.path).directed).toBe(false);
  });

  it('in a graph that mixes both, every edge is directed (no per-edge type) and a column "directed" says which relations are symmetric', async () => {
    const dataset = declaredTypesDataset();
    const gexf = await exportTo(dataset, 'gexf');
    expect(gexf.text).toContain('<graph defaultedgetype="directed"');
    expect(gexf.text).not.toMatch(/<edge [^>]*\btype=/);
    const networkx = readWithNetworkx(gexf.path);
    expect(networkx.directed).toBe(true);
    expect(networkx.multigraph).toBe(true);
    expect(networkx.edgeAttributeKeys).toEqual(expect.arrayContaining(['directed', 'relationType', 'label']));
    const gephiLite = parseGexfWithGraphology(Graph, gexf.text);
    expect(gephiLite.filterEdges((_e, a) => a.directed === false).sort()).toEqual([...symmetric(dataset)].sort());
    expect(gephiLite.filterEdges((_e, a) => a.directed === true).length).toBe(dataset.relations.length - symmetric(dataset).size);

    const graphml = await exportTo(dataset, 'graphml');
    expect(graphml.text).toContain('<graph id="G" edgedefault="directed">');
    expect(graphml.text).toContain('<key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>');
    expect(graphml.text).not.toMatch(/<edge [^>]*\bdirected=/);
    expect(readWithNetworkx(graphml.path).edgeAttributeKeys).toContain('directed');
  });

  it('the seed (allied-with and met-with beside directed relations) opens in networkx, which refused it before', async () => {
    const { path } = await exportTo(seed, 'gexf');
    const networkx = readWithNetworkx(path);
    expect(networkx).toMatchObject({ directed: true, nodes: seed.entities.length, edges: seed.relations.length });
  });
});

describe('declared types in every writer', () => {
  const dataset = declaredTypesDataset();
  const catalog = typeCatalog(dataset);

  it('the header of GEXF, GraphML and graphology JSON carries relationTypes and entityTypes exactly', async () => {
    const gexf = parseGexfWithGraphology(Graph, (await exportTo(dataset, 'gexf')).text);
    const fromGexf = JSON.parse(gexf.getAttribute(HEADER_ATTRIBUTE) as string);
    const graphmlText = (await exportTo(dataset, 'graphml')).text;
    const headerData = /<data key="g_newsgraph">([^<]*)<\/data>/.exec(graphmlText)![1]!;
    const fromGraphml = JSON.parse(headerData.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    const fromJson = JSON.parse((await exportTo(dataset, 'json')).text).attributes[HEADER_ATTRIBUTE];
    for (const header of [fromGexf, fromGraphml, fromJson]) {
      expect(header[HEADER_RELATION_TYPES]).toStrictEqual(dataset.relationTypes);
      expect(header[HEADER_ENTITY_TYPES]).toStrictEqual(dataset.entityTypes);
    }
  });

  it('a dataset that declares nothing writes no declaration, and an empty list stays an empty list', async () => {
    const none = JSON.parse((await exportTo(seed, 'json')).text).attributes[HEADER_ATTRIBUTE];
    expect(Object.hasOwn(none, HEADER_RELATION_TYPES) || Object.hasOwn(none, HEADER_ENTITY_TYPES)).toBe(false);
    const empty = JSON.parse((await exportTo({ ...seed, relationTypes: [], entityTypes: [] }, 'json')).text).attributes[HEADER_ATTRIBUTE];
    expect([empty[HEADER_RELATION_TYPES], empty[HEADER_ENTITY_TYPES]]).toEqual([[], []]);
  });

  it("colours and labels Gephi shows come from the dataset's catalog: declared colour, palette colour, declared phrase", async () => {
    const gexf = parseGexfWithGraphology(Graph, (await exportTo(dataset, 'gexf')).text);
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    for (const relation of dataset.relations) {
      const definition = catalog.relation(relation.type);
      expect(gexf.getEdgeAttribute(relation.id, 'color')).toBe(rgb(definition.color));
      expect(gexf.getEdgeAttribute(relation.id, 'label')).toBe(relation.negated ? definition.negatedLabel : definition.label);
      expect(gexf.getEdgeAttribute(relation.id, 'relationType')).toBe(relation.type);
    }
    for (const entity of dataset.entities) {
      expect(gexf.getNodeAttribute(entity.id, 'color')).toBe(rgb(catalog.entity(entity.type).color));
      expect(gexf.getNodeAttribute(entity.id, 'entityType')).toBe(entity.type);
    }
    expect(gexf.getEdgeAttribute('r1', 'color')).toBe('rgb(18,52,86)');
    expect(gexf.getEdgeAttribute('r2', 'label')).toBe('trades with "freely" & <openly>');
    expect(gexf.getEdgeAttribute('r4', 'label')).toBe('does not supply drones to');
  });

  it('a declared type id XML cannot carry is refused for GEXF and GraphML with the field named', async () => {
    const bad: Dataset = { ...dataset, relationTypes: [...dataset.relationTypes!, { id: 'bell\u0007', label: 'bell', directed: true }] };
    bad.relations = [...dataset.relations, { id: 'r-bell', type: 'bell\u0007', source: 'russia', target: 'kestrel', evidence: [] }];
    for (const format of ['gexf', 'graphml'] as const) {
      await expect(writeFormat(bad, format)).rejects.toThrow(/relations\[9\]\.type/);
    }
  });
});

describe('newsgraph export --types with declared types', () => {
  async function run(argv: string[]) {
    const { io, out, err } = memoryIo({ 'declared.json': JSON.stringify(declaredTypesDataset()) });
    const code = await runCli(argv, io);
    return { code, out: out(), err: err() };
  }

  it('keeps the relations of a declared relation type and the entities of a declared entity type', async () => {
    const byRelation = await run(['export', 'declared.json', '--format', 'dataset', '--types', 'trades-with']);
    expect(byRelation.err).toBe('');
    expect(byRelation.code).toBe(0);
    const kept = JSON.parse(byRelation.out) as Dataset;
    expect(kept.relations.map((r) => r.id)).toEqual(['r2', 'r3', 'r8 self-loop']);
    expect(kept.relationTypes).toStrictEqual(declaredTypesDataset().relationTypes);

    const byEntity = await run(['export', 'declared.json', '--format', 'dataset', '--types', 'armed-group']);
    expect(byEntity.code).toBe(0);
    expect((JSON.parse(byEntity.out) as Dataset).relations.map((r) => r.id)).toEqual(['r5 self-loop']);
  });

  it('refuses a name that is neither built in nor declared, naming what the dataset declares', async () => {
    const { code, out, err } = await run(['export', 'declared.json', '--format', 'dataset', '--types', 'trades-with,sells-to']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--types: unknown type "sells-to"');
    expect(err).toContain('this dataset also declares supplies-drones-to,trades-with,armed-group,company & <co>');
  });
});
