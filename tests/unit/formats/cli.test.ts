/**
 * `newsgraph export`, `import` and `merge` through runCli with an in-memory
 * file system: outputs, exit codes (0 ok, 1 bad input, 2 bad usage) and the
 * messages a user reads.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../memoryIo.ts';
import { readAny } from '../../../src/graph/formats/index.ts';
import { validateDataset, type Dataset } from '../../../src/model/index.ts';

const SEED_TEXT = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8');
const seed = JSON.parse(SEED_TEXT) as Dataset;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');

const run = async (argv: string[], files: Record<string, string> = { 'seed.json': SEED_TEXT }) => {
  const fs = memoryIo(files);
  const code = await runCli(argv, fs.io);
  return { code, ...fs };
};

describe('newsgraph export', () => {
  it.each(['gexf', 'graphml', 'json', 'dataset'])('writes %s to stdout that imports back to the same dataset', async (format) => {
    const { code, out, err } = await run(['export', 'seed.json', '--format', format]);
    expect(code).toBe(0);
    expect(err()).toBe('');
    expect(await readAny(`x.${format === 'dataset' ? 'json' : format === 'json' ? 'graphology.json' : format}`, out())).toStrictEqual(seed);
  });

  it('lays the graph out as the explorer does, unless told not to', async () => {
    const laid = (await run(['export', 'seed.json', '--format', 'gexf'])).out();
    expect(laid.match(/<viz:position /g)).toHaveLength(seed.entities.length);
    // Deterministic: the same file every time.
    expect((await run(['export', 'seed.json', '--format', 'gexf'])).out()).toBe(laid);
    expect((await run(['export', 'seed.json', '--format', 'gexf', '--no-layout'])).out()).not.toContain('<viz:position');
  });

  it('keeps only the named types, and writes to --out with a note on stderr', async () => {
    const { code, files, out, err } = await run(['export', 'seed.json', '--format', 'dataset', '--types', 'allied-with,accused', '--out', 'subset.json']);
    expect(code).toBe(0);
    expect(out()).toBe('');
    expect(err()).toMatch(/^wrote subset\.json \(dataset, \d+ entities, \d+ relations\)\n$/);
    const subset = JSON.parse(files.get('subset.json')!) as Dataset;
    expect(validateDataset(subset).ok).toBe(true);
    expect(new Set(subset.relations.map((r) => r.type))).toEqual(new Set(['allied-with', 'accused']));
    expect(subset.relations).toHaveLength(seed.relations.filter((r) => r.type === 'allied-with' || r.type === 'accused').length);
  });

  it('writes CSV with a BOM only when asked', async () => {
    expect((await run(['export', 'seed.json', '--format', 'csv'])).out().startsWith('source,type,target,')).toBe(true);
    expect((await run(['export', 'seed.json', '--format=csv', '--bom'])).out().startsWith('\uFEFFsource,')).toBe(true);
  });

  it.each([
    [['export', 'seed.json'], 'say which format to write: --format gexf|graphml|json|dataset|csv'],
    [['export', 'seed.json', '--format', 'gefx'], 'unknown format "gefx"; did you mean "gexf"?'],
    [['export', 'seed.json', '--format', 'csv', '--types', 'allies,person'], '--types: unknown type "allies"'],
    [['export', 'seed.json', '--format', 'gexf', '--bom'], '--bom applies to --format csv only'],
    [['export', '--format', 'csv'], 'give the dataset file to export'],
    [['export', 'seed.json', '--format'], 'option --format needs a value'],
    [['export', 'seed.json', '--formt', 'csv'], 'unknown option "--formt"; did you mean "--format"?'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err, out } = await run(argv);
    expect(code).toBe(2);
    expect(out()).toBe('');
    expect(err()).toContain(message);
    expect(err()).toContain('usage: newsgraph export FILE --format');
  });

  it('exits 1 naming the file when the input is missing or invalid', async () => {
    const missing = await run(['export', 'nope.json', '--format', 'csv']);
    expect(missing.code).toBe(1);
    expect(missing.err()).toContain('nope.json: no such file');
    const broken = await run(['export', 'bad.json', '--format', 'gexf'], { 'bad.json': '{"version": 1, "documents": [' });
    expect(broken.code).toBe(1);
    expect(broken.err()).toContain('bad.json');
  });

  it('converts a file of another format directly', async () => {
    const { code, out } = await run(['export', 'actors.graphml', '--format', 'csv'], { 'actors.graphml': fixture('networkx.graphml') });
    expect(code).toBe(0);
    expect(out().split('\r\n')[1]).toBe('International Criminal Court,issued-warrant,Vladimir Putin,,,,,organisation,person,issued an arrest warrant for,ICC,Putin,e0,,,,,,,,,,');
  });
});

describe('newsgraph import', () => {
  it('reads a Gephi file as a dataset on stdout', async () => {
    const { code, out, err } = await run(['import', 'gephi.gexf', '--to', 'dataset'], { 'gephi.gexf': fixture('gephi-0.10.gexf') });
    expect(code).toBe(0);
    expect(err()).toBe('');
    const dataset = JSON.parse(out()) as Dataset;
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.relations.map((r) => r.type)).toEqual(['sanctioned', 'allied-with', 'attended', 'leader-of']);
  });

  it('types an untyped node by what newsgraph knows of its name, and says so on stderr', async () => {
    const { code, err, out } = await run(['import', 'actors.graphml'], { 'actors.graphml': fixture('networkx.graphml') });
    expect(code).toBe(0);
    expect(err()).toBe(
      'actors.graphml: warning: <node id="Armenia"> (line 29): 1 entity type inferred from names newsgraph knows. Fix: give the nodes a type attribute (country, person, organisation, group, place, event, or a name of your own), or choose the attribute that holds their types (CLI: --entity-type-attribute NAME, --default-entity-type TYPE)\n',
    );
    const dataset = JSON.parse(out()) as Dataset;
    expect(dataset.entities.find((e) => e.id === 'Armenia')!.type).toBe('country');
  });

  describe('a relation name the built-in types do not know', () => {
    const files = { 'a.graphml': fixture('networkx.graphml').replace('>attacked<', '>trade partner<') };

    it('is kept as the dataset\'s own type by default, and said on stderr', async () => {
      const { code, err, out } = await run(['import', 'a.graphml'], files);
      expect(code).toBe(0);
      expect(err()).toContain('a.graphml: kept 1 relation name as their own types: "trade partner" (1 edge)\n');
      const dataset = JSON.parse(out()) as Dataset;
      expect(validateDataset(dataset).ok).toBe(true);
      expect(dataset.relations.find((r) => r.id === 'e1')!.type).toBe('trade-partner');
      expect(dataset.relationTypes).toEqual([{ id: 'trade-partner', label: 'trade partner', directed: false }]);
    });

    it('maps to a built-in type with --map-type NAME=TYPE, and --default-entity-type types the nodes newsgraph cannot', async () => {
      const text = files['a.graphml'].replace('<node id="Armenia" />', '<node id="Armenia" /><node id="Javert" />').replace('</graph>', '<edge source="Javert" target="Putin"><data key="d4">met</data></edge></graph>');
      const mapped = await run(['import', 'a.graphml', '--map-type', 'trade partner=seeks-ties-with', '--default-entity-type', 'person'], { 'a.graphml': text });
      expect(mapped.code).toBe(0);
      const dataset = JSON.parse(mapped.out()) as Dataset;
      expect(dataset.relations.find((r) => r.id === 'e1')!.type).toBe('seeks-ties-with');
      expect(dataset.entities.find((e) => e.id === 'Armenia')!.type).toBe('country');
      expect(dataset.entities.find((e) => e.id === 'Javert')!.type).toBe('person');
      expect(mapped.err()).toContain('1 entity type inferred from names newsgraph knows, 1 entity without a type: Person');
    });

    it('drops its edges with --map-type NAME=drop, saying how many', async () => {
      const { code, err, out } = await run(['import', 'a.graphml', '--map-type', 'trade partner=drop'], files);
      expect(code).toBe(0);
      expect(err()).toContain('a.graphml: warning: dropped 1 edge as chosen: 1 "trade partner"');
      const dataset = JSON.parse(out()) as Dataset;
      expect(dataset.relations.map((r) => r.id)).toEqual(['e0', 'e2', 'e3']);
      expect(dataset.relationTypes).toBeUndefined();
    });

    it('gives edges with no type "related to", said on stderr; --map-type "=TYPE" types them', async () => {
      const untyped = { 'a.graphml': fixture('networkx.graphml').replace('<data key="d4">issued_warrant</data>', '') };
      const kept = await run(['import', 'a.graphml'], untyped);
      expect(kept.code).toBe(0);
      expect(kept.err()).toContain('a.graphml: 1 edge without a type: related to\n');
      expect((JSON.parse(kept.out()) as Dataset).relations[0]!.type).toBe('related-to');
      const mapped = await run(['import', 'a.graphml', '--map-type', '=accused'], untyped);
      expect((JSON.parse(mapped.out()) as Dataset).relations[0]!.type).toBe('accused');
    });

    it('--map-type "*=keep" keeps even a synonym, "*=drop" drops every name that is not built in', async () => {
      const withSynonym = { 'a.graphml': files['a.graphml'].replace('>abducted_from<', '>abducted<') };
      const kept = JSON.parse((await run(['import', 'a.graphml', '--map-type', '*=keep'], withSynonym)).out()) as Dataset;
      expect(kept.relations.map((r) => r.type)).toEqual(['issued-warrant', 'trade-partner', 'abducted', 'threatened-arrest']);
      const dropped = JSON.parse((await run(['import', 'a.graphml', '--map-type', '*=drop'], withSynonym)).out()) as Dataset;
      expect(dropped.relations.map((r) => r.type)).toEqual(['issued-warrant', 'threatened-arrest']);
    });
  });

  it('--map-entity-type maps, keeps, infers or drops node types; --entity-type-attribute chooses the attribute', async () => {
    const json = JSON.stringify({
      nodes: [
        { key: 'a', attributes: { label: 'Russia', group: 'Nation', kind: 'Place' } },
        { key: 'b', attributes: { label: 'Javert', group: 'Character', kind: 'Person' } },
        { key: 'c', attributes: { label: 'Valjean', group: 'Character', kind: 'Person' } },
        { key: 'd', attributes: { label: 'Paris', group: 'Town', kind: 'Place' } },
      ],
      edges: [
        { source: 'b', target: 'c', attributes: { type: 'met-with' } },
        { source: 'a', target: 'd', attributes: { type: 'hosted' } },
        { source: 'b', target: 'd', attributes: { type: 'attended' } },
      ],
    });
    const files = { 'g.json': json };
    const read = async (...args: string[]) => {
      const result = await run(['import', 'g.json', ...args], files);
      expect(result.code).toBe(0);
      return JSON.parse(result.out()) as Dataset;
    };
    const types = (d: Dataset) => d.entities.map((e) => [e.id, e.type]);
    // "kind" is one of the usual names; its values are synonyms (Place → place) or built in.
    expect(types(await read())).toEqual([['a', 'place'], ['b', 'person'], ['c', 'person'], ['d', 'place']]);
    const byGroup = await read('--entity-type-attribute', 'group', '--map-entity-type', 'Character=keep', '--map-entity-type', 'Nation=infer');
    expect(types(byGroup)).toEqual([['a', 'country'], ['b', 'character'], ['c', 'character'], ['d', 'place']]);
    expect(byGroup.entityTypes).toEqual([{ id: 'character', label: 'Character' }]);
    const dropped = await read('--entity-type-attribute', 'group', '--map-entity-type', 'Character=drop');
    expect(types(dropped)).toEqual([['a', 'country'], ['d', 'place']]);
    expect(dropped.relations.map((r) => r.type)).toEqual(['hosted']);
    const mapped = await read('--entity-type-attribute', 'group', '--map-entity-type', 'character=person');
    expect(types(mapped)).toEqual([['a', 'country'], ['b', 'person'], ['c', 'person'], ['d', 'place']]);
  });

  it('reads CSV when told with --from, whatever the name', async () => {
    const { code, out } = await run(['import', 'triples.txt', '--from', 'csv'], { 'triples.txt': fixture('spreadsheet-excel.csv') });
    expect(code).toBe(0);
    expect(JSON.parse(out()).relations).toHaveLength(5);
  });

  it('converts to another format with --to', async () => {
    const { code, out } = await run(['import', 'gephi.gexf', '--to', 'graphml'], { 'gephi.gexf': fixture('gephi-0.10.gexf') });
    expect(code).toBe(0);
    expect(out()).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
  });

  it.each([
    [['import', 'x.gexf', '--map-type', 'trade'], '--map-type needs NAME=TYPE'],
    [['import', 'x.gexf', '--map-type', 'trade=friends'], 'unknown relation type in --map-type "friends"'],
    [['import', 'x.gexf', '--map-type', 'trade=kep'], 'did you mean "keep"?'],
    [['import', 'x.gexf', '--map-entity-type', 'Character=infer', '--map-entity-type', 'Town=twon'], 'unknown entity type in --map-entity-type "twon"'],
    [['import', 'x.gexf', '--map-entity-type', 'Character'], '--map-entity-type needs NAME=TYPE'],
    [['import', 'x.gexf', '--entity-type-attribute', ' '], '--entity-type-attribute needs the name'],
    [['import', 'x.gexf', '--entity-type-atribute', 'group'], 'did you mean "--entity-type-attribute"?'],
    [['import', 'x.gexf', '--to', 'pdf'], 'unknown format "pdf"'],
    [['import', 'x.gexf', '--default-entity-type', 'organization'], 'did you mean "organisation"?'],
    [['import'], 'give the file to import'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err } = await run(argv, { 'x.gexf': fixture('gephi-0.10.gexf') });
    expect(code).toBe(2);
    expect(err()).toContain(message);
  });

  it('exits 1 with the line and column of broken XML', async () => {
    const { code, err } = await run(['import', 'broken.gexf'], { 'broken.gexf': fixture('gephi-0.10.gexf').replace('</node>', '') });
    expect(code).toBe(1);
    expect(err()).toMatch(/^broken\.gexf: line \d+, column \d+: not well-formed XML: .*Fix: /);
  });
});

describe('newsgraph merge', () => {
  it('folds several files into one valid corpus on stdout, with a summary on stderr', async () => {
    const { code, out, err } = await run(['merge', 'seed.json', 'triples.csv', 'seed.json'], {
      'seed.json': SEED_TEXT,
      'triples.csv': fixture('spreadsheet-excel.csv'),
    });
    expect(code).toBe(0);
    const corpus = JSON.parse(out()) as Dataset;
    expect(validateDataset(corpus).ok).toBe(true);
    expect(corpus.documents.map((d) => d.id)).toEqual(['seed', 'article-1', 'article-2']);
    expect(err().split('\n')[0]).toBe('merged triples.csv: 5 entities matched, 2 relations pooled');
    // Merging the seed again adds nothing.
    expect(err().split('\n')[1]).toBe('merged seed.json: 21 entities matched, 27 relations pooled');
    expect(corpus.relations).toHaveLength(seed.relations.length + 3);
  });

  it('needs two files (exit 2) and readable ones (exit 1)', async () => {
    expect((await run(['merge', 'seed.json'])).code).toBe(2);
    const missing = await run(['merge', 'seed.json', 'gone.json']);
    expect(missing.code).toBe(1);
    expect(missing.err()).toContain('gone.json: no such file');
  });
});
