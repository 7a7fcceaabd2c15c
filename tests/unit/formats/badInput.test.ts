import { describe, expect, it } from 'vitest';
import { FormatWriteError } from '../../../src/graph/formats/errors.ts';
import { detectFormat, readAny, UnknownTypeError, writeFormat, writtenText } from '../../../src/graph/formats/index.ts';
import { DatasetParseError, DatasetValidationError, type Dataset } from '../../../src/model/index.ts';

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  return error;
}

const GEXF_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="directed">\n';

describe('broken XML', () => {
  it('names the file, line and column of a tag that is never closed', async () => {
    const text = `${GEXF_HEAD}<nodes>\n<node id="a" label="A">\n</nodes>\n</graph>\n</gexf>\n`;
    const error = await failure(readAny('broken.gexf', text));
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error.message).toMatch(/^broken\.gexf: line 6, column \d+: not well-formed XML: .+ Fix: repair the markup/);
    expect((error as DatasetParseError).problems[0]).toMatchObject({ line: 6, fix: expect.stringContaining('every tag closed') });
  });

  it('locates an unescaped ampersand exactly', async () => {
    const text = `${GEXF_HEAD}<nodes>\n<node id="a" label="Tom & Jerry"/>\n</nodes>\n</graph>\n</gexf>\n`;
    const error = await failure(readAny('amp.gexf', text));
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error.message).toContain('amp.gexf: line 5, column 25: not well-formed XML: a bare "&"');
  });

  it('says which format it expected when the root element is another', async () => {
    const error = await failure(readAny('wrong.gexf', '<?xml version="1.0"?><graphml><graph/></graphml>'));
    expect(error.message).toBe(
      'wrong.gexf: the root element is <graphml>, not <gexf>, so this is not a GEXF file. Fix: choose the right format (--from), or export the graph as GEXF from the tool that made it',
    );
  });
});

describe('hostile XML', () => {
  it('does not expand entities declared in a DTD (billion laughs) or read external ones', async () => {
    let dtd = '<!ENTITY e0 "lol"><!ENTITY x SYSTEM "file:///etc/passwd">';
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`;
    for (const entity of ['&e9;', '&x;']) {
      const text = `<?xml version="1.0"?><!DOCTYPE gexf [${dtd}]><gexf><graph><nodes><node id="n" label="${entity}"/></nodes></graph></gexf>`;
      const error = await failure(readAny('lol.gexf', text));
      expect(error).toBeInstanceOf(DatasetParseError);
      expect(error.message).toContain('undefined entity');
    }
  });
});

describe('structurally wrong graphs', () => {
  it('reports every edge to a missing node and every duplicate id, each with its line', async () => {
    const text = `${GEXF_HEAD}<nodes>\n<node id="a"/>\n<node id="a"/>\n</nodes>\n<edges>\n<edge id="e1" source="a" target="ghost"/>\n</edges>\n</graph>\n</gexf>\n`;
    const error = await failure(readAny('refs.gexf', text));
    expect(error).toBeInstanceOf(DatasetValidationError);
    const problems = (error as DatasetValidationError).problems;
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['duplicate-id', '<node id="a"> (line 6)'],
      ['dangling-reference', '<edge id="e1"> (line 9)'],
    ]);
    expect(problems[1]!.fix).toBe('add <node id="ghost">, or point target at an existing node');
  });

  it('locates a damaged newsgraph column in its element', async () => {
    const text = `${GEXF_HEAD.replace('<graph', '<meta><newsgraph>{"format":"newsgraph-dataset","version":1,"documents":[]}</newsgraph></meta>\n<graph')}<attributes class="node"><attribute id="mentions" title="mentions" type="string"/></attributes>\n<nodes>\n<node id="a" label="A"><attvalues><attvalue for="mentions" value="[{oops"/></attvalues></node>\n</nodes>\n</graph>\n</gexf>\n`;
    const error = await failure(readAny('damaged.gexf', text));
    const problem = (error as DatasetValidationError).problems[0]!;
    expect(problem.path).toBe('<node id="a"> (line 7) › mentions');
    expect(problem.message).toMatch(/^not valid JSON/);
  });

  it('points a dataset-level problem (a mention past the text) back at the node that holds it', async () => {
    const header = JSON.stringify({ format: 'newsgraph-dataset', version: 1, documents: [{ id: 'd', title: '', text: 'Short.' }] });
    const mentions = JSON.stringify([{ document: 'd', start: 0, end: 99 }]).replace(/"/g, '&quot;');
    const text = `${GEXF_HEAD.replace('<graph', `<meta><newsgraph>${header}</newsgraph></meta>\n<graph`)}<nodes>\n<node id="a" label="A"><attvalues><attvalue for="mentions" value="${mentions}"/></attvalues></node>\n</nodes>\n</graph>\n</gexf>\n`;
    const error = await failure(readAny('offsets.gexf', text));
    const problem = (error as DatasetValidationError).problems[0]!;
    expect(problem.code).toBe('offset-out-of-range');
    expect(problem.path).toBe('<node id="a"> (line 6) › mentions[0].end');
  });

  it('reports a graphology JSON node list of the wrong shape by its JSON path', async () => {
    const error = await failure(readAny('g.json', JSON.stringify({ nodes: [{ key: 'a' }, { attributes: {} }], edges: [] })));
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).problems[0]!.path).toBe('nodes[1].key');
  });

  it('reports broken JSON with its line and column', async () => {
    const error = await failure(readAny('g.json', '{\n  "nodes": [\n    {"key": "a",}\n  ]\n}', { format: 'json' }));
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error.message).toMatch(/^g\.json: line 3, column 17: not valid JSON/);
    expect((error as DatasetParseError).problems[0]!.code).toBe('invalid-json');
  });
});

describe('bad CSV', () => {
  it('names the missing columns and lists the ones found', async () => {
    const error = await failure(readAny('t.csv', 'from,to\nA,B\n'));
    expect(error.message).toContain('t.csv: line 1, column 1: the header has no "type" column (found: "from", "to")');
  });

  it('reports an unclosed quote at the line where the field starts', async () => {
    const error = await failure(readAny('t.csv', 'source,type,target,evidence\nA,met,B,"It never\nends\n'));
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error.message).toContain('t.csv: line 2, column 9: a quoted field is never closed');
  });

  it('reports rows with more fields than the header by line; a relation name it does not know is no problem', async () => {
    const error = await failure(readAny('t.csv', 'source,type,target\nA,met,B,extra\nA,befriended,B\nC,befriended,D\n'));
    const problems = (error as DatasetValidationError).problems;
    expect(problems.map((p) => [p.path, p.code])).toEqual([['line 2', 'invalid-value']]);
    const dataset = await readAny('t.csv', 'source,type,target\nA,befriended,B\nC,befriended,D\n');
    expect(dataset.relations.map((r) => r.type)).toEqual(['befriended', 'befriended']);
  });
});

describe('telling formats apart', () => {
  it.each([
    ['a.gexf', 'anything', 'gexf'],
    ['a.GraphML', 'anything', 'graphml'],
    ['a.tsv', 'anything', 'csv'],
    ['a.xml', '<?xml version="1.0"?>\n<!-- c -->\n<graphml>', 'graphml'],
    ['upload', '\uFEFF<gexf version="1.3">', 'gexf'],
    ['a.json', '{"nodes": [], "edges": []}', 'json'],
    ['a.json', '{"version": 1, "documents": []}', 'dataset'],
    ['a.json', '{ broken', 'dataset'],
    ['a.txt', 'source,type,target\n', 'csv'],
  ])('%s %j is %s', (name, content, format) => {
    expect(detectFormat(name, content)).toBe(format);
  });

  it('says how to name the format when it cannot tell', () => {
    expect(() => detectFormat('notes.txt', 'just some words')).toThrow(/cannot tell the format .*--from gexf\|graphml\|json\|dataset\|csv/);
    expect(() => detectFormat('page.xml', '<html></html>')).toThrow(/root element is <html>/);
  });
});

describe('exports that cannot be written', () => {
  const withLabel = (label: string): Dataset => ({
    version: 1,
    documents: [],
    entities: [{ id: 'a', label, type: 'person', aliases: [], mentions: [] }],
    relations: [],
  });

  it.each(['gexf', 'graphml'] as const)('%s refuses a control character in a label, naming the field', async (format) => {
    const error = await failure(writeFormat(withLabel('bell\u0007'), format));
    expect(error).toBeInstanceOf(FormatWriteError);
    expect(error.message).toMatch(/entities\[0\]\.label: contains U\+0007, a character XML 1\.0 cannot represent\. Fix: .* export as JSON/);
  });

  it.each(['json', 'dataset'] as const)('%s carries the same label', async (format) => {
    const written = await writeFormat(withLabel('bell\u0007'), format);
    expect((await readAny(`x.${written.extension}`, writtenText(written))).entities[0]!.label).toBe('bell\u0007');
  });

  it('refuses types in neither registry', async () => {
    const error = await failure(writeFormat(withLabel('A'), 'csv', { types: ['allied-with', 'friendship'] }));
    expect(error).toBeInstanceOf(UnknownTypeError);
    expect((error as UnknownTypeError).unknown).toEqual(['friendship']);
  });
});
