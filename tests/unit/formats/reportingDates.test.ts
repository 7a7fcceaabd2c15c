/**
 * When each relation was reported, through every format (issue #14, part 5).
 *
 * GEXF export writes the reporting days (published days of the evidence
 * articles merged with the declared `reported`) as Gephi timeline spells in a
 * dynamic graph, plus plain columns (first/last reported, articles, outlets,
 * event date); GEXF and GraphML with date markup or date columns import back
 * as `reported`. "A GEXF with spells re-imported": newsgraph's own file, and
 * the same file with its header stripped (read as another tool's), give the
 * same reporting index.
 */

import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexfWithGraphology } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { readAny, readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../../src/graph/formats/index.ts';
import {
  assertValidDataset,
  buildReportingIndex,
  buildSourceIndex,
  DatasetValidationError,
  spellsAsReported,
  type Dataset,
  type Spell,
} from '../../../src/model/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');

/** A document whose text is the sentences given, with offsets found by searching. */
function at(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in "${text}"`);
  return { start, end: start + phrase.length };
}

const A = 'Russia accused Ukraine on 2 January 2023 of shelling the border town overnight.';
const B = 'In a statement from Moscow, Russia accused Ukraine once more, citing fresh drone attacks.';
const C = 'Officials said Russia accused Ukraine in 2022 as well, a charge Kyiv has always rejected.';
const D = 'Turkey met with Ukraine in Istanbul. Russia allied with Belarus long before the war.';
const E = 'Turkey met with Ukraine again, this time in Ankara, to talk about grain.';
const TEXTS: Record<string, string> = { a: A, b: B, c: C, d: D, e: E };

/** Every place the name is written, in every article. */
function mentionsOf(name: string) {
  return Object.entries(TEXTS).flatMap(([document, text]) => [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ document, start: m.index, end: m.index + name.length })));
}

/**
 * Five articles: four dated (three outlets), one undated. r1 is reported in
 * three dated ones (two neighbouring days merge); r2 in the undated one and
 * a dated one, and declares days of its own; r3 is undated.
 */
const DATED: Dataset = assertValidDataset(
  {
    version: 1,
    title: 'Dated',
    documents: [
      { id: 'a', title: 'Shelling', text: A, source: 'Reuters', published: '2023-01-03' },
      { id: 'b', title: 'Drones', text: B, source: 'AP', published: '2023-01-04T22:30:00-05:00' },
      { id: 'c', title: 'Old charge', text: C, source: 'Reuters', published: '2023-02-01T08:00:00Z' },
      { id: 'd', title: 'Undated', text: D },
      { id: 'e', title: 'Grain', text: E, source: 'Anadolu', published: '2023-01-20' },
    ],
    entities: [
      { id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: mentionsOf('Russia') },
      { id: 'ukraine', label: 'Ukraine', type: 'country', aliases: [], mentions: mentionsOf('Ukraine') },
      { id: 'turkey', label: 'Turkey', type: 'country', aliases: [], mentions: mentionsOf('Turkey') },
      { id: 'belarus', label: 'Belarus', type: 'country', aliases: [], mentions: mentionsOf('Belarus') },
    ],
    relations: [
      {
        id: 'r1',
        type: 'accused',
        source: 'russia',
        target: 'ukraine',
        evidence: [
          { document: 'a', start: 0, end: A.length, event: { date: '2023-01-02', ...at(A, '2 January 2023') } },
          { document: 'b', start: 0, end: B.length },
          { document: 'c', start: 0, end: C.length, event: { date: '2022', ...at(C, '2022') } },
        ],
      },
      {
        id: 'r2',
        type: 'met-with',
        source: 'turkey',
        target: 'ukraine',
        evidence: [
          { document: 'd', ...at(D, 'Turkey met with Ukraine in Istanbul.') },
          { document: 'e', start: 0, end: E.length },
        ],
        reported: [{ from: '2023-01-10', to: '2023-01-12' }],
      },
      { id: 'r3', type: 'allied-with', source: 'russia', target: 'belarus', evidence: [{ document: 'd', ...at(D, 'Russia allied with Belarus long before the war.') }] },
    ],
  },
  'dated',
);

/** The reporting spells of each relation, as days. */
function reportingDays(dataset: Dataset): Record<string, Spell[]> {
  const index = buildReportingIndex(dataset);
  return Object.fromEntries(dataset.relations.map((r) => [r.id, spellsAsReported(index.times.get(r.id)?.spells ?? [])]));
}

const R1_DAYS = [
  { from: '2023-01-03', to: '2023-01-04' },
  { from: '2023-02-01', to: '2023-02-01' },
];
const R2_DECLARED = [{ from: '2023-01-10', to: '2023-01-12' }];
const R2_DAYS = [...R2_DECLARED, { from: '2023-01-20', to: '2023-01-20' }];

/** `<spell>`s of each `<node>` or `<edge>` in a GEXF text, by id. */
function gexfSpells(text: string, tag: 'node' | 'edge'): Record<string, Spell[]> {
  const out: Record<string, Spell[]> = {};
  for (const match of text.matchAll(new RegExp(`<${tag} id="([^"]*)"[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g'))) {
    out[match[1]!] = [...(match[2] ?? '').matchAll(/<spell start="([^"]*)" end="([^"]*)"\/>/g)].map((s) => ({ from: s[1]!, to: s[2]! }));
  }
  return out;
}

/** The file as another tool would have it: newsgraph's header (documents, the marker of its own files) removed. */
const STRIP_HEADER: Record<'gexf' | 'graphml' | 'json', (text: string) => string> = {
  gexf: (text) => text.replace(/<newsgraph>[\s\S]*?<\/newsgraph>\n?/, ''),
  graphml: (text) => text.replace(/<data key="g_newsgraph">[\s\S]*?<\/data>\n?/, ''),
  json: (text) => {
    const graph = JSON.parse(text) as { attributes: Record<string, unknown> };
    delete graph.attributes.newsgraph;
    return JSON.stringify(graph);
  },
};

describe('GEXF export: the reporting days as Gephi timeline spells', async () => {
  const text = writtenText(await writeFormat(DATED, 'gexf'));

  it('is a dynamic graph with dates as its time format', () => {
    expect(text).toMatch(/<graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">/);
  });

  it('gives each dated edge its reporting days as spells (published days and declared days), none to the undated one', () => {
    expect(gexfSpells(text, 'edge')).toEqual({ r1: R1_DAYS, r2: R2_DAYS, r3: [] });
    expect(reportingDays(DATED)).toEqual({ r1: R1_DAYS, r2: R2_DAYS, r3: [] });
  });

  it('gives each node the union of its relations’ spells, and none (always shown) to a node with an undated relation', () => {
    expect(gexfSpells(text, 'node')).toEqual({
      ukraine: [R1_DAYS[0], ...R2_DAYS, R1_DAYS[1]],
      turkey: R2_DAYS,
      russia: [],
      belarus: [],
    });
  });

  it('adds first/last reported, article and outlet counts and the earliest event date as columns Gephi reads (graphology-gexf’s parser too)', () => {
    const graph = parseGexfWithGraphology(Graph, text);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(3);
    const sources = buildSourceIndex(DATED).byRelation;
    expect([sources.get('r1')!.articleCount, sources.get('r1')!.outletCount]).toEqual([3, 2]);
    expect(graph.getEdgeAttributes('r1')).toMatchObject({ first_reported: '2023-01-03', last_reported: '2023-02-01', articles: 3, outlets: 2, event_date: '2022' });
    expect(graph.getEdgeAttributes('r2')).toMatchObject({ first_reported: '2023-01-10', last_reported: '2023-01-20', articles: 2, outlets: 2 });
    expect(graph.getEdgeAttributes('r2').event_date).toBeUndefined();
    expect(graph.getEdgeAttributes('r3').first_reported).toBeUndefined();
  });

  it('writes the same static file as before for a dataset with no dates', async () => {
    const undated: Dataset = { ...DATED, documents: DATED.documents.map(({ published: _p, ...d }) => d), relations: DATED.relations.map(({ reported: _r, ...r }) => r) };
    const plain = writtenText(await writeFormat(undated, 'gexf'));
    expect(plain).toContain('<graph defaultedgetype="directed">');
    expect(plain).not.toContain('<spell');
    expect(plain).not.toContain('first_reported');
  });
});

describe('a GEXF with spells re-imported', () => {
  it.each(['gexf', 'graphml', 'json'] as const)('%s: newsgraph’s own file comes back exactly, the same days per relation', async (format: FormatId) => {
    const written = await writeFormat(DATED, format);
    const { dataset, warnings } = await readAnyWithWarnings(`back.${written.extension}`, writtenText(written));
    expect(dataset).toStrictEqual(DATED);
    expect(warnings).toEqual([]);
    expect(reportingDays(dataset)).toEqual(reportingDays(DATED));
  });

  it.each(['gexf', 'graphml', 'json'] as const)('%s: read as another tool’s file (header stripped), each relation declares the same days', async (format) => {
    const written = await writeFormat(DATED, format);
    const foreign = STRIP_HEADER[format](writtenText(written));
    const { dataset } = await readAnyWithWarnings(`foreign.${written.extension}`, foreign, { format });
    expect(dataset.documents).toEqual([]);
    expect(reportingDays(dataset)).toEqual(reportingDays(DATED));
    // Every reporting day becomes declared (the articles are gone), the days the relation declared itself among them.
    expect(dataset.relations.find((r) => r.id === 'r1')!.reported).toEqual(R1_DAYS);
    expect(dataset.relations.find((r) => r.id === 'r2')!.reported).toEqual(R2_DAYS);
    expect(dataset.relations.find((r) => r.id === 'r3')!.reported).toBeUndefined();
  });
});

describe('a dynamic GEXF as Gephi writes it (edge <spells>, timeformat="date")', () => {
  it('reads each edge’s spells as its reporting days, overlapping spells merged; an edge without spells is undated', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('grain.gexf', fixture('gephi-dynamic-spells.gexf'));
    expect(warnings).toEqual([]);
    expect(dataset.relations.map((r) => [r.id, r.type, r.reported])).toEqual([
      [
        '0',
        'met-with',
        [
          { from: '2022-07-13', to: '2022-07-13' },
          { from: '2022-07-22', to: '2022-07-28' },
          { from: '2022-08-19', to: '2022-08-19' },
        ],
      ],
      ['1', 'accused', [{ from: '2022-07-30', to: '2022-07-30' }]],
      ['2', 'allied-with', undefined],
    ]);
    const index = buildReportingIndex(dataset);
    expect(index.undated).toBe(1);
    expect(spellsAsReported([[index.span!.first, index.span!.last]])).toEqual([{ from: '2022-07-13', to: '2022-08-19' }]);
  });
});

describe('a GEXF 1.2 with edge start/end (timeformat="dateTime") and dynamic attvalues', () => {
  it('takes the day part; a spell with no end runs to the graph’s end; attvalue times count when the edge has none', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('sanctions.gexf', fixture('gexf-1.2-edge-start-end.gexf'));
    expect(warnings).toEqual([]);
    expect(Object.fromEntries(dataset.relations.map((r) => [r.id, r.reported]))).toEqual({
      '0': [{ from: '2022-02-23', to: '2022-03-15' }],
      '1': [{ from: '2022-06-03', to: '2022-12-31' }],
      '2': [
        { from: '2022-02-24', to: '2022-02-28' },
        { from: '2022-04-01', to: '2022-04-02' },
      ],
      '3': undefined,
    });
    // The dynamic column itself is kept, as any other tool's column is.
    expect(dataset.relations.find((r) => r.id === '2')!.attributes).toMatchObject({ intensity: 0.9 });
  });

  it('without <graph start end>, an open spell runs to the last day the file names', async () => {
    const text = fixture('gexf-1.2-edge-start-end.gexf').replace(' start="2022-02-01T00:00:00" end="2022-12-31T00:00:00"', '');
    const dataset = await readAny('sanctions.gexf', text);
    expect(dataset.relations.find((r) => r.id === '1')!.reported).toEqual([{ from: '2022-06-03', to: '2022-06-03' }]);
    const opened = text.replace('<edge id="1" source="eu" target="belarus" start="2022-06-03T00:00:00">', '<edge id="1" source="eu" target="belarus" end="2022-03-01">');
    expect((await readAny('sanctions.gexf', opened)).relations.find((r) => r.id === '1')!.reported).toEqual([{ from: '2022-02-23', to: '2022-03-01' }]);
  });
});

describe('a GraphML with a date column on its edges (as networkx writes it)', () => {
  it('reads the column (any case) as one reporting day, the day part of a date-time, and consumes it', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('scraped.graphml', fixture('networkx-dated.graphml'));
    expect(warnings).toEqual([]);
    expect(dataset.relations.map((r) => [r.id, r.type, r.reported, r.attributes])).toEqual([
      ['e0', 'accused', [{ from: '2023-10-09', to: '2023-10-09' }], { source_url: 'https://example.org/a' }],
      ['e1', 'met-with', [{ from: '2023-11-21', to: '2023-11-21' }], undefined],
      ['e2', 'met-with', undefined, undefined],
    ]);
  });

  it.each([
    ['first_reported / last_reported', ['first_reported', 'last_reported'], ['2023-10-09', '2023-10-20'], [{ from: '2023-10-09', to: '2023-10-20' }]],
    ['Start / End', ['Start', 'End'], ['2023-10-09T10:00:00Z', '2023-10-11'], [{ from: '2023-10-09', to: '2023-10-11' }]],
    ['timestamp', ['timestamp'], ['2023-10-09T23:59:59+14:00'], [{ from: '2023-10-09', to: '2023-10-09' }]],
    ['published', ['published'], ['2023-10-09'], [{ from: '2023-10-09', to: '2023-10-09' }]],
    ['reported (a spell list)', ['reported'], ['2023-10-20/2023-10-21;2023-10-01..2023-10-03'], [{ from: '2023-10-01', to: '2023-10-03' }, { from: '2023-10-20', to: '2023-10-21' }]],
  ])('reads %s', async (_name, names, values, expected) => {
    const keys = names.map((name, i) => `  <key id="t${i}" for="edge" attr.name="${name}" attr.type="string"/>`).join('\n');
    const data = values.map((value, i) => `<data key="t${i}">${value}</data>`).join('');
    const text = `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n  <key id="r" for="edge" attr.name="relation" attr.type="string"/>\n${keys}\n  <graph edgedefault="directed">\n    <node id="a"/><node id="b"/>\n    <edge id="x" source="a" target="b"><data key="r">accused</data>${data}</edge>\n  </graph>\n</graphml>\n`;
    const [relation] = (await readAny('dates.graphml', text, { defaultEntityType: 'country' })).relations;
    expect(relation!.reported).toEqual(expected);
    expect(relation!.attributes).toBeUndefined();
  });
});

describe('an invalid date is one problem naming the edge and the fix', () => {
  async function problemOf(file: string, text: string) {
    const error = await readAny(file, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).problems).toHaveLength(1);
    return { problem: (error as DatasetValidationError).problems[0]!, message: (error as Error).message };
  }

  it('in a GEXF spell', async () => {
    const text = fixture('gephi-dynamic-spells.gexf').replace('<spell start="2022-07-30" end="2022-07-30">', '<spell start="2022-02-30" end="2022-07-30">');
    const { problem, message } = await problemOf('grain.gexf', text);
    expect(problem.path).toMatch(/^<edge id="1"> \(line \d+\) › <spell> start$/);
    expect(problem.message).toBe('"2022-02-30" is not a date: not a real date: February 2022 has 28 days');
    expect(problem.fix).toContain('timeformat="date"');
    expect(message).toContain('grain.gexf');
  });

  it('in a GEXF edge’s start attribute, and a spell that ends before it starts', async () => {
    const text = fixture('gexf-1.2-edge-start-end.gexf').replace('start="2022-06-03T00:00:00"', 'start="03/06/2022"');
    const { problem } = await problemOf('sanctions.gexf', text);
    expect(problem.path).toMatch(/^<edge id="1"> \(line \d+\) › <edge> start$/);
    expect(problem.message).toContain('"03/06/2022" is not a date');

    const backwards = fixture('gexf-1.2-edge-start-end.gexf').replace('end="2022-03-15T18:00:00"', 'end="2022-01-15"');
    const second = await problemOf('sanctions.gexf', backwards);
    expect(second.problem.path).toMatch(/^<edge id="0"> \(line \d+\) › <edge> end$/);
    expect(second.problem.message).toBe('the spell ends (2022-01-15) before it starts');
  });

  it('in a GraphML date column', async () => {
    const text = fixture('networkx-dated.graphml').replace('2023-10-09', '9 October 2023');
    const { problem } = await problemOf('scraped.graphml', text);
    expect(problem.path).toMatch(/^<edge> \(line \d+\) › Date$/);
    expect(problem.message).toContain('"9 October 2023" is not a date');
    expect(problem.fix).toContain('YYYY-MM-DD');
  });

  it('numbers as times (timeformat="double") are not days: a warning, and the edges stay undated', async () => {
    const text = fixture('gephi-dynamic-spells.gexf')
      .replace('timeformat="date"', 'timeformat="double"')
      .replace(/"2022-0(\d)-(\d\d)"/g, '"$1$2.0"');
    const { dataset, warnings } = await readAnyWithWarnings('numbers.gexf', text);
    expect(dataset.relations.every((r) => r.reported === undefined)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('not calendar days');
    expect(warnings[0]!.message).toContain('and 1 more edges like it');
  });
});

describe('CSV carries event dates per sentence and reporting days per relation', () => {
  it('writes event_date, the phrase’s offsets in the sentence, and reported as ISO day intervals', async () => {
    const content = writtenText(await writeFormat(DATED, 'csv'));
    const [header, ...rows] = content.trimEnd().split('\r\n');
    expect(header!.endsWith(',document_published,event_date,event_start,event_end,reported,source_wikidata,target_wikidata')).toBe(true);
    const phrase = at(A, '2 January 2023');
    expect(rows[0]!.endsWith(`,2023-01-03,2023-01-02,${phrase.start},${phrase.end},,,`)).toBe(true);
    expect(rows[1]!.endsWith(',2023-01-04T22:30:00-05:00,,,,,,')).toBe(true);
    expect(rows[3]!.endsWith(',,,,,2023-01-10/2023-01-12,,')).toBe(true);
    expect(rows[4]!.endsWith(',2023-01-20,,,,2023-01-10/2023-01-12,,')).toBe(true);
  });

  it('reads them back: the same days per relation and the same phrase per event', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('dated.csv', writtenText(await writeFormat(DATED, 'csv')));
    expect(warnings).toEqual([]);
    expect(reportingDays(dataset)).toEqual(reportingDays(DATED));
    const r1 = dataset.relations.find((r) => r.id === 'r1')!;
    const text = new Map(dataset.documents.map((d) => [d.id, d.text]));
    expect(r1.evidence.map((e) => e.event && [e.event.date, text.get(e.document)!.slice(e.event.start, e.event.end)])).toEqual([['2023-01-02', '2 January 2023'], undefined, ['2022', '2022']]);
  });

  const csv = (rows: string[]) => ['source,type,target,document,evidence,event_date,event_start,event_end,reported', ...rows].join('\n');

  it('counts event offsets in the sentence as written (before its surrounding spaces are trimmed)', async () => {
    const dataset = await readAny('sheet.csv', csv(['Russia,accused,Ukraine,d1,"  Russia accused Ukraine in 2022.",2022,28,32,']));
    const [evidence] = dataset.relations[0]!.evidence;
    expect(dataset.documents[0]!.text.slice(evidence!.event!.start, evidence!.event!.end)).toBe('2022');
  });

  it.each([
    ['a bad event date', 'Russia,accused,Ukraine,d1,Russia accused Ukraine in 2022.,2022-13,24,28,', 'event_date: "2022-13" is not a year, month or day'],
    ['offsets outside the sentence', 'Russia,accused,Ukraine,d1,Russia accused Ukraine in 2022.,2022,24,99,', 'event_start/event_end ("24", "99") must be whole numbers'],
    ['offsets without a date', 'Russia,accused,Ukraine,d1,Russia accused Ukraine in 2022.,,24,28,', 'event_start/event_end are given but event_date is empty'],
    ['an event date without a sentence', 'Russia,accused,Ukraine,,,2022,,,', 'event_date is given but the row has no evidence sentence'],
    ['bad reporting days', 'Russia,accused,Ukraine,,,,,,2023-01-05/2023-01-03', 'reported: the spell ends (2023-01-03) before it starts (2023-01-05)'],
    ['a reporting day that is no date', 'Russia,accused,Ukraine,,,,,,2023-02-30', 'reported: "2023-02-30" is not a date: not a real date: February 2023 has 28 days'],
  ])('refuses %s, naming the line and the fix', async (_name, row, message) => {
    const error = await readAny('sheet.csv', csv([row])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    const [problem] = (error as DatasetValidationError).problems;
    expect(problem!.path).toBe('line 2');
    expect(problem!.message).toContain(message);
    expect(problem!.fix.length).toBeGreaterThan(20);
  });

  it('keeps the first reported days of a relation written on several rows, warning when a later row differs', async () => {
    const { dataset, warnings } = await readAnyWithWarnings(
      'sheet.csv',
      csv(['Russia,accused,Ukraine,d1,Russia accused Ukraine.,,,,2023-01-03;2023-01-04', 'Russia,accused,Ukraine,d2,Russia accused Ukraine again.,,,,2023-01-05']),
    );
    expect(dataset.relations[0]!.reported).toEqual([
      { from: '2023-01-03', to: '2023-01-03' },
      { from: '2023-01-04', to: '2023-01-04' },
    ]);
    expect(warnings.filter((w) => w.message.includes('reported')).map((w) => [w.path, w.message])).toEqual([
      ['line 3', 'relation "r01-russia-accused-ukraine" has other reported days on an earlier row (2023-01-03;2023-01-04); kept those, not 2023-01-05'],
    ]);
  });
});
