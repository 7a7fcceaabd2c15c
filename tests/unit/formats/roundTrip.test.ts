import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../../src/graph/formats/index.ts';
import { assertValidDataset, spanText, type Dataset } from '../../../src/model/index.ts';
import { awkwardDataset } from './awkwardDataset.ts';
import { expectTypeNamesKept } from './csvTypeNames.ts';
import { declaredTypesDataset, declaredTypesVariant } from './declaredTypesDataset.ts';

const seed = assertValidDataset(JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8')), 'seed');

const LOSSLESS: FormatId[] = ['gexf', 'graphml', 'json', 'dataset'];
const DATASETS: Array<[string, () => Dataset]> = [
  ['seed dataset', () => seed],
  ['awkward-strings dataset', awkwardDataset],
  ['declared-types dataset', declaredTypesDataset],
  ['dataset of symmetric relations only', () => declaredTypesVariant((_r, directed) => !directed)],
];

async function roundTrip(dataset: Dataset, format: FormatId, positions?: Record<string, { x: number; y: number }>) {
  const written = await writeFormat(dataset, format, positions ? { positions } : {});
  return { written, ...(await readAnyWithWarnings(`exported.${written.extension}`, writtenText(written))) };
}

describe.each(DATASETS)('round trip of the %s', (_name, make) => {
  it.each(LOSSLESS)('through %s keeps every field exactly', async (format) => {
    const dataset = make();
    const { dataset: back, warnings } = await roundTrip(dataset, format);
    expect(back).toStrictEqual(dataset);
    expect(warnings).toEqual([]);
  });

  it.each(LOSSLESS)('through %s twice gives the same file (the writer is deterministic)', async (format) => {
    const dataset = make();
    const first = await roundTrip(dataset, format);
    const second = await roundTrip(first.dataset, format);
    expect(writtenText(second.written)).toBe(writtenText(first.written));
  });

  it.each(['gexf', 'graphml', 'json'] as FormatId[])('through %s ignores layout positions on the way back', async (format) => {
    const dataset = make();
    const positions = Object.fromEntries(dataset.entities.map((e, i) => [e.id, { x: i * 10.5, y: -i }]));
    const { dataset: back } = await roundTrip(dataset, format, positions);
    expect(back).toStrictEqual(dataset);
  });

  it('through CSV keeps the title, outlet, url and date of every article a sentence is quoted from', async () => {
    const dataset = make();
    const { dataset: back } = await roundTrip(dataset, 'csv');
    const cited = new Set(dataset.relations.flatMap((r) => r.evidence.map((e) => e.document)));
    const about = (d: Dataset) =>
      d.documents
        .filter((doc) => cited.has(doc.id))
        .map(({ id, title, source, url, published }) => ({ id, title, source, url, published }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(about(back)).toStrictEqual(about(dataset));
  });

  it('through CSV keeps the triples, flags, names (exactly, white space included), types, ids and the quoted sentences', async () => {
    const dataset = make();
    const { dataset: back } = await roundTrip(dataset, 'csv');
    const texts = (d: Dataset) => new Map(d.documents.map((doc) => [doc.id, doc.text]));
    const original = texts(dataset);
    const imported = texts(back);
    const connected = new Set(dataset.relations.flatMap((r) => [r.source, r.target]));
    expect(back.entities.map((e) => [e.id, e.label]).sort()).toEqual(
      dataset.entities.filter((e) => connected.has(e.id)).map((e) => [e.id, e.label]).sort(),
    );
    expect(back.relations.map((r) => [r.id, r.source, r.target, r.hedged, r.negated])).toEqual(
      dataset.relations.map((r) => [r.id, r.source, r.target, r.hedged, r.negated]),
    );
    // Types by name: a declared type's id comes back as the id made from its name (csvTypeNames.ts).
    expectTypeNamesKept(dataset, back);
    back.relations.forEach((relation, i) => {
      const before = dataset.relations[i]!.evidence.map((e) => [e.document, spanText(original.get(e.document)!, e)]);
      const after = relation.evidence.map((e) => [e.document, spanText(imported.get(e.document)!, e)]);
      expect(after).toEqual(before);
    });
  });
});

describe('what the exported files look like to other tools', () => {
  it('GEXF carries registry colours, sizes, positions and readable columns', async () => {
    const content = writtenText(await writeFormat(seed, 'gexf', { positions: { russia: { x: 12.5, y: -3 } } }));
    expect(content).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(content).toMatch(/<node id="russia" label="Russia">[\s\S]*?<viz:color r="153" g="170" b="238"\/>[\s\S]*?<viz:position x="12.5" y="-3"\/>/);
    expect(content).toContain('<attribute id="entityType" title="entityType" type="string"/>');
    expect(content).toContain('<attvalue for="relationType" value="issued-warrant"/>');
    expect(content).toContain('<attribute id="hedged" title="hedged" type="boolean"/>');
    // The quoted sentence, readable in Gephi's data laboratory.
    expect(content).toContain('value="Putin didn’t attend the BRICS summit');
  });

  it('GraphML declares every column with a <key> before use', async () => {
    const content = writtenText(await writeFormat(seed, 'graphml'));
    const declared = new Set([...content.matchAll(/<key id="([^"]+)" for="(node|edge|graph)" attr.name="[^"]+" attr.type="(string|int|double|boolean)"\/>/g)].map((m) => m[1]));
    const used = new Set([...content.matchAll(/<data key="([^"]+)">/g)].map((m) => m[1]));
    expect([...used].filter((k) => !declared.has(k))).toEqual([]);
    expect(content).toContain('<graph id="G" edgedefault="directed">');
  });

  it('graphology JSON loads with Graph.from and keeps the explorer attributes', async () => {
    const { default: Graph } = await import('graphology');
    const content = writtenText(await writeFormat(seed, 'json'));
    const graph = Graph.from(JSON.parse(content));
    expect(graph.order).toBe(seed.entities.length);
    expect(graph.size).toBe(seed.relations.length);
    expect(graph.getNodeAttribute('russia', 'color')).toBe('#99AAEE');
    expect(graph.getEdgeAttribute('r01-sergei-lavrov-official-of-russia', 'type')).toBe('arrow');
  });

  it('CSV is RFC 4180: CRLF rows, quoted fields with doubled quotes, the seven columns first', async () => {
    const written = await writeFormat(awkwardDataset(), 'csv');
    const { mimeType } = written;
    const content = writtenText(written);
    expect(mimeType).toBe('text/csv');
    expect(content.startsWith('source,type,target,hedged,negated,document,evidence,')).toBe(true);
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content).toContain('"Beta <script>alert(""x"")</script> Corp"');
    expect(content.split('\r\n').length).toBe(1 + awkwardDataset().relations.length + 1);
  });
});
