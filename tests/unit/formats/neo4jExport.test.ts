/**
 * `export --format neo4j --out DIR`: the CSV files neo4j-admin database import
 * reads. The headers are checked against a grammar written from the Neo4j
 * Operations Manual ("Import" → "CSV header format"), the rows with a strict
 * RFC 4180 parser (not the project's csvRead, which takes a spreadsheet's
 * formula `'` off), and the relationships against the node files.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../src/cli/command.ts';
import { nodeIO, runCli } from '../../../src/cli/main.ts';
import { chooseArrayDelimiter, csvField } from '../../../src/graph/formats/neo4j/csvText.ts';
import { entityLabels, labelBase, relationshipTypeBase, relationshipTypes } from '../../../src/graph/formats/neo4j/names.ts';
import { importCommand, writeNeo4j, type Neo4jExport } from '../../../src/graph/formats/neo4j/writer.ts';
import { spanText, type Dataset } from '../../../src/model/index.ts';
import { awkwardDataset } from './awkwardDataset.ts';
import { declaredTypesDataset } from './declaredTypesDataset.ts';

const SEED_PATH = new URL('../../../data/seed-dataset.json', import.meta.url);
const seed = (): Dataset => JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Dataset;

// ---- The header grammar, from header-format.adoc -------------------------------------------------

/** "Property data types": the allowed `<field_type>`s (vector, 2025.10+, left out: newsgraph has none). */
const PROPERTY_TYPES = ['int', 'long', 'float', 'double', 'boolean', 'byte', 'short', 'char', 'string', 'point', 'date', 'localtime', 'time', 'localdatetime', 'datetime', 'duration'];

type HeaderField =
  | { kind: 'id' | 'start' | 'end'; name: string; group: string | undefined }
  | { kind: 'label' | 'type' | 'ignore' }
  | { kind: 'property'; name: string; type: string; array: boolean };

/** One header field, or an error naming what the grammar does not allow. */
function parseHeaderField(field: string): HeaderField {
  const special = /^([^:]*):(ID|START_ID|END_ID)(?:\(([^()]+)\))?$/.exec(field);
  if (special) {
    const kind = special[2] === 'ID' ? 'id' : special[2] === 'START_ID' ? 'start' : 'end';
    return { kind, name: special[1]!, group: special[3] };
  }
  if (field === ':LABEL') return { kind: 'label' };
  if (field === ':TYPE') return { kind: 'type' };
  if (field === ':IGNORE') return { kind: 'ignore' };
  const property = /^([^:]+)(?::([a-z]+)(\[\])?)?$/.exec(field);
  if (property) {
    const type = property[2] ?? 'string';
    if (!PROPERTY_TYPES.includes(type)) throw new Error(`header field "${field}": unknown type "${type}"`);
    return { kind: 'property', name: property[1]!, type, array: property[3] !== undefined };
  }
  throw new Error(`header field "${field}" is not <name>:<field_type>, :ID, :START_ID, :END_ID, :LABEL, :TYPE or :IGNORE`);
}

/** A whole header of a node or relationship file, as the manual allows it (single-column START_ID/END_ID form). */
function checkHeader(fields: readonly string[], kind: 'nodes' | 'relationships'): HeaderField[] {
  const parsed = fields.map(parseHeaderField);
  const count = (k: HeaderField['kind']) => parsed.filter((f) => f.kind === k).length;
  const names = parsed.flatMap((f) => (f.kind === 'property' || (f.kind === 'id' && f.name) ? [f.name] : []));
  if (new Set(names).size !== names.length) throw new Error(`duplicate property names in ${fields.join(',')}`);
  if (kind === 'nodes') {
    if (count('label') > 1) throw new Error('a node file has at most one :LABEL field');
    if (count('start') + count('end') + count('type') > 0) throw new Error('a node file has no :START_ID, :END_ID or :TYPE');
  } else {
    if (count('start') !== 1 || count('end') !== 1 || count('type') !== 1) throw new Error('a relationship file needs one :START_ID, :END_ID and :TYPE');
    if (count('id') + count('label') > 0) throw new Error('a relationship file has no :ID or :LABEL');
  }
  return parsed;
}

// ---- A strict RFC 4180 reader ----------------------------------------------------------------------

/** Rows of `text`: quoted fields with `""`, LF or CRLF row ends; anything else after a closing quote is an error. */
function strictCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unclosed quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else {
      const end = text.slice(i).search(/[,\r\n]/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (field.includes('"')) throw new Error(`a quote inside an unquoted field: ${field}`);
      i += field.length;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n' || i >= text.length) {
      i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

interface Table {
  header: string[];
  rows: Map<string, string>[];
}

function table(text: string): Table {
  const [header, ...rows] = strictCsv(text);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  // Map: header names such as `id:ID(Entity)` never touch an object's prototype.
  return { header: header!, rows: rows.map((r) => new Map(r.map((v, i) => [header![i]!, v]))) };
}

const tablesOf = (written: Neo4jExport) => new Map(written.files.map((f) => [f.name, table(f.parts.join(''))]));

/** Every check that does not depend on the dataset: grammar, groups, references, labels and types. */
function checkExport(written: Neo4jExport) {
  const tables = tablesOf(written);
  const groups = new Map<string, Set<string>>();
  for (const name of ['entities.csv', 'documents.csv'] as const) {
    const { header, rows } = tables.get(name)!;
    const fields = checkHeader(header, 'nodes');
    // Ours, beyond the grammar: one ID, in an ID space, and labels on every node.
    expect(fields.filter((f) => f.kind === 'id' && f.group !== undefined)).toHaveLength(1);
    expect(fields.filter((f) => f.kind === 'label')).toHaveLength(1);
    const idAt = fields.findIndex((f) => f.kind === 'id');
    const id = fields[idAt] as { group: string };
    const ids = new Set(rows.map((r) => r.get(header[idAt]!)!));
    expect(ids.size).toBe(rows.length); // unique within the group
    groups.set(id.group, ids);
    for (const row of rows) for (const label of row.get(':LABEL')!.split(written.arrayDelimiter)) expect(label).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  }
  for (const name of ['relations.csv', 'mentioned_in.csv'] as const) {
    const { header, rows } = tables.get(name)!;
    const fields = checkHeader(header, 'relationships');
    for (const [k, f] of fields.entries()) {
      if (f.kind !== 'start' && f.kind !== 'end') continue;
      const ids = groups.get(f.group!);
      expect(ids, `${name}: ${header[k]} names a group no node file defines`).toBeDefined();
      for (const row of rows) expect(ids!.has(row.get(header[k]!)!), `${name}: ${row.get(header[k]!)} is not a node of ${f.group}`).toBe(true);
    }
    for (const row of rows) expect(row.get(':TYPE')).toMatch(/^[A-Z][A-Z0-9_]*$/);
  }
  return tables;
}

const array = (value: string | undefined, delimiter: string) => (value ? value.split(delimiter) : []);

describe('the header grammar checker (it must be able to fail)', () => {
  it.each([['name:strin'], ['id:ID('], ['x:ID(a)(b)'], [':LABELS'], ['n:int[][]'], ['a:b:c'], ['n:Int']])('refuses %s', (field) => {
    expect(() => parseHeaderField(field)).toThrow();
  });
  it('accepts the manual’s examples', () => {
    for (const h of ['movieId:ID,title,year:int,:LABEL', 'personId:ID(Actor-ID),name,:LABEL', ':ID,name,joined:date,active:boolean,points:int']) checkHeader(h.split(','), 'nodes');
    checkHeader(':START_ID(Actor-ID),role,:END_ID(Movie-ID),:TYPE'.split(','), 'relationships');
    expect(() => checkHeader(['id:ID', ':TYPE'], 'nodes')).toThrow(/TYPE/);
    expect(() => checkHeader(['id:ID', 'n', 'n:int'], 'nodes')).toThrow(/duplicate/);
    expect(() => checkHeader([':START_ID', ':TYPE'], 'relationships')).toThrow();
  });
});

describe('writeNeo4j', () => {
  it('writes the seed: headers in the grammar, every reference resolves, row counts as in the dataset', () => {
    const dataset = seed();
    const written = writeNeo4j(dataset);
    const tables = checkExport(written);
    expect(written.files.map((f) => f.name)).toEqual(['entities.csv', 'documents.csv', 'relations.csv', 'mentioned_in.csv']);
    expect(tables.get('entities.csv')!.rows).toHaveLength(dataset.entities.length);
    expect(tables.get('documents.csv')!.rows).toHaveLength(dataset.documents.length);
    expect(tables.get('relations.csv')!.rows).toHaveLength(dataset.relations.length);
    const pairs = new Set(dataset.entities.flatMap((e) => e.mentions.map((m) => `${e.id}\u0000${m.document}`)));
    expect(tables.get('mentioned_in.csv')!.rows).toHaveLength(pairs.size);
    expect(written.files.map((f) => f.rows)).toEqual([dataset.entities.length, dataset.documents.length, dataset.relations.length, pairs.size]);
  });

  it('writes the seed as expected: Russia, a relation with three sentences, a symmetric one, the document', () => {
    const dataset = seed();
    const written = writeNeo4j(dataset);
    expect(written.arrayDelimiter).toBe(';');
    expect(written.multiline).toBe(false);
    const tables = tablesOf(written);
    const russia = tables.get('entities.csv')!.rows.find((r) => r.get('id:ID(Entity)') === 'russia')!;
    const entity = dataset.entities.find((e) => e.id === 'russia')!;
    expect(Object.fromEntries(russia)).toEqual({
      'id:ID(Entity)': 'russia',
      name: 'Russia',
      type: 'country',
      'aliases:string[]': entity.aliases.join(';'),
      wikidata: 'Q159',
      'mentions:int': String(entity.mentions.length),
      ':LABEL': 'Entity;Country',
    });
    const text = dataset.documents[0]!.text;
    for (const relation of dataset.relations) {
      const row = tables.get('relations.csv')!.rows.find((r) => r.get('id') === relation.id)!;
      expect(row.get(':START_ID(Entity)')).toBe(relation.source);
      expect(row.get(':END_ID(Entity)')).toBe(relation.target);
      expect(row.get(':TYPE')).toBe(relation.type.toUpperCase().replace(/-/g, '_'));
      expect(row.get('relationType')).toBe(relation.type);
      expect(row.get('symmetric:boolean')).toBe(String(relation.type === 'allied-with' || relation.type === 'met-with'));
      expect(row.get('negated:boolean')).toBe(String(relation.negated === true));
      expect(row.get('hedged:boolean')).toBe(String(relation.hedged === true));
      expect(row.get('attributedTo')).toBe(relation.attributedTo ?? '');
      expect(row.get('review')).toBe('unreviewed');
      expect(row.get('sentences:int')).toBe(String(relation.evidence.length));
      expect(array(row.get('evidence:string[]'), ';')).toEqual(relation.evidence.map((e) => spanText(text, e)));
      expect(array(row.get('documents:string[]'), ';')).toEqual(relation.evidence.length > 0 ? ['seed'] : []);
    }
    expect(tables.get('relations.csv')!.rows.find((r) => r.get('id') === 'r02-sergei-lavrov-attended-un-general-assembly')!.get('sentences:int')).toBe('3');
    expect(Object.fromEntries(tables.get('documents.csv')!.rows[0]!)).toEqual({
      'id:ID(Document)': 'seed',
      title: dataset.documents[0]!.title,
      source: dataset.documents[0]!.source,
      url: '',
      published: '',
      ':LABEL': 'Document',
    });
    expect(importCommand(written, (f) => `out/${f}`)).toBe(
      'neo4j-admin database import full neo4j --nodes=out/entities.csv --nodes=out/documents.csv --relationships=out/relations.csv --relationships=out/mentioned_in.csv',
    );
  });

  it('leaves rejected relations out, and says the review status of the others', () => {
    const dataset = seed();
    dataset.relations[0]!.review = { status: 'rejected', reason: 'wrong' };
    dataset.relations[1]!.review = { status: 'accepted' };
    dataset.relations[2]!.review = { status: 'corrected', proposed: { type: 'accused', source: dataset.relations[2]!.source, target: dataset.relations[2]!.target } };
    const written = writeNeo4j(dataset);
    const rows = checkExport(written).get('relations.csv')!.rows;
    expect(written.rejected).toBe(1);
    expect(rows).toHaveLength(dataset.relations.length - 1);
    expect(rows.some((r) => r.get('id') === dataset.relations[0]!.id)).toBe(false);
    expect(rows.find((r) => r.get('id') === dataset.relations[1]!.id)!.get('review')).toBe('accepted');
    expect(rows.find((r) => r.get('id') === dataset.relations[2]!.id)!.get('review')).toBe('corrected');
  });

  it('round-trips commas, quotes, newlines, backslash-quotes, `;` and non-ASCII exactly, and says which import options that needs', () => {
    const dataset = awkwardDataset();
    // A `;` in a sentence and an alias, and a `\"`: the array delimiter moves off `;` and the command says so.
    dataset.entities[0]!.aliases.push('semi;colon', 'back\\"slash');
    const written = writeNeo4j(dataset);
    const tables = checkExport(written);
    expect(written.arrayDelimiter).not.toBe(';');
    expect(written.multiline).toBe(true);
    expect(written.backslashQuote).toBe(true);
    const command = importCommand(written, (f) => `d/${f}`);
    expect(command).toContain('--multiline-fields=true');
    expect(command).toContain('--legacy-style-quoting=false');
    expect(command).toContain(`--array-delimiter=${written.arrayDelimiter === '|' ? "'|'" : 'U+'}`);
    const texts = new Map(dataset.documents.map((d) => [d.id, d.text]));
    const entities = tables.get('entities.csv')!.rows;
    for (const entity of dataset.entities) {
      const row = entities.find((r) => r.get('id:ID(Entity)') === entity.id)!;
      expect(row.get('name')).toBe(entity.label);
      expect(array(row.get('aliases:string[]'), written.arrayDelimiter)).toEqual(entity.aliases);
    }
    const documents = tables.get('documents.csv')!.rows;
    for (const document of dataset.documents) {
      const row = documents.find((r) => r.get('id:ID(Document)') === document.id)!;
      expect([row.get('title'), row.get('source'), row.get('url'), row.get('published')]).toEqual([document.title, document.source ?? '', document.url ?? '', document.published ?? '']);
    }
    for (const relation of dataset.relations) {
      const row = tables.get('relations.csv')!.rows.find((r) => r.get('id') === relation.id)!;
      expect(array(row.get('evidence:string[]'), written.arrayDelimiter)).toEqual(relation.evidence.map((e) => spanText(texts.get(e.document)!, e)));
    }
    // Not the spreadsheet escape: a leading `=` stays as written.
    expect(csvField('=Outlet & <Co> ]]>')).toBe('=Outlet & <Co> ]]>');
    expect(documents.find((r) => r.get('id:ID(Document)') === 'crlf-doc')!.get('source')).toBe('=Outlet & <Co> ]]>');
    // An empty title is an empty string (""), a missing url no property (empty field).
    expect(written.files[1]!.parts.join('')).toMatch(/\nempty,"",,,,Document\n/);
  });

  it('names declared types as safe labels and relationship types, and keeps the exact ids as properties', () => {
    const dataset = declaredTypesDataset();
    const written = writeNeo4j(dataset);
    const tables = checkExport(written);
    expect(written.labels.get('armed-group')).toBe('ArmedGroup');
    expect(written.labels.get('company & <co>')).toBe('CompanyCo');
    expect(written.relationshipTypes.get('supplies-drones-to')).toBe('SUPPLIES_DRONES_TO');
    for (const row of tables.get('entities.csv')!.rows) expect(row.get(':LABEL')).toBe(`Entity;${written.labels.get(row.get('type')!)}`);
    for (const row of tables.get('relations.csv')!.rows) expect(row.get(':TYPE')).toBe(written.relationshipTypes.get(row.get('relationType')!));
  });
});

describe('names and arrays', () => {
  it('maps ids to identifiers, clash-free and away from the export’s own names', () => {
    expect(labelBase('issued-warrant')).toBe('IssuedWarrant');
    expect(relationshipTypeBase('issued-warrant')).toBe('ISSUED_WARRANT');
    expect(labelBase('Ñandú')).toBe('Nandu');
    expect(labelBase('組織')).toBe('Type');
    expect(labelBase('3d printer')).toBe('T3dPrinter');
    expect(relationshipTypeBase('2 of')).toBe('T_2_OF');
    const labels = entityLabels(['document', 'entity', 'org', 'ORG', 'Org']);
    expect([...labels.values()]).toEqual(['Document2', 'Entity2', 'Org', 'ORG2', 'Org3']);
    expect([...relationshipTypes(['mentioned-in', 'a-b', 'a b']).values()]).toEqual(['MENTIONED_IN_2', 'A_B', 'A_B_2']);
  });

  it('takes `;` for arrays unless an element holds it, then the next free candidate', () => {
    expect(chooseArrayDelimiter(['a', 'b'])).toBe(';');
    expect(chooseArrayDelimiter(['a;b'])).toBe('|');
    expect(chooseArrayDelimiter(['a;b', 'c|d'])).toBe('\u001F');
  });
});

// ---- The command -------------------------------------------------------------------------------------

const temporaries: string[] = [];
afterEach(() => {
  for (const dir of temporaries.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-neo4j-'));
  temporaries.push(dir);
  return dir;
}

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io: CommandIO = { ...nodeIO, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('newsgraph export --format neo4j', () => {
  it('creates the directory, writes the four files atomically and prints the import command', async () => {
    const out = join(workDir(), 'nested', 'neo4j');
    const { code, out: stdout, err } = await run(['export', SEED_PATH.pathname, '--format', 'neo4j', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['documents.csv', 'entities.csv', 'mentioned_in.csv', 'relations.csv']); // no temporary files left
    const files = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const expected = writeNeo4j(seed());
    for (const file of expected.files) expect(files.get(file.name)).toBe(file.parts.join(''));
    expect(err).toContain(`wrote ${out}: entities.csv (21 entities), documents.csv (1 document), relations.csv (27 relationships), mentioned_in.csv (21 relationships)\n`);
    expect(err).toContain(
      `  neo4j-admin database import full neo4j --nodes=${out}/entities.csv --nodes=${out}/documents.csv --relationships=${out}/relations.csv --relationships=${out}/mentioned_in.csv\n`,
    );
  });

  it('prints the command the README shows for the seed', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const shown = /\n(neo4j-admin database import full [^\n]+)\n/.exec(readme.slice(readme.indexOf('### Neo4j')))?.[1];
    expect(shown).toBe(importCommand(writeNeo4j(seed()), (f) => join('neo4j-import', f)));
  });

  it('refuses a directory that is not empty without --force, and with it replaces its files and keeps the rest', async () => {
    const out = workDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'entities.csv'), 'old');
    const refused = await run(['export', SEED_PATH.pathname, '--format', 'neo4j', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')[0]).toBe(`newsgraph export: --out ${out} is not empty (2 entries); give a new or empty directory, or add --force to replace the neo4j files in it`);
    expect(readFileSync(join(out, 'entities.csv'), 'utf8')).toBe('old');
    const forced = await run(['export', SEED_PATH.pathname, '--format', 'neo4j', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'entities.csv'), 'utf8')).toMatch(/^id:ID\(Entity\),name,/);
  });

  it('says how many rejected relations were left out', async () => {
    const dir = workDir();
    const dataset = seed();
    dataset.relations[0]!.review = { status: 'rejected' };
    writeFileSync(join(dir, 'reviewed.json'), JSON.stringify(dataset));
    const { code, err } = await run(['export', join(dir, 'reviewed.json'), '--format', 'neo4j', '--out', join(dir, 'out')]);
    expect(code).toBe(0);
    expect(err).toContain('relations.csv (26 relationships; 1 rejected left out)');
  });

  it('is an empty directory that is fine without --force', async () => {
    const out = workDir();
    expect((await run(['export', SEED_PATH.pathname, '--format', 'neo4j', '--out', out])).code).toBe(0);
  });

  it.each([
    [[], '--format neo4j writes several files: give a directory with --out DIR (created if missing)'],
    [['--out', ''], '--out needs a directory path (got an empty one)'],
    [['--out', 'FILE'], 'is not a directory; --format neo4j writes a directory of CSV files: give a new or empty directory'],
    [['--out', 'FILE/sub'], 'a part of this path is a file, not a directory'],
    [['--out', 'NEW', '--bom'], '--bom does not apply to --format neo4j'],
    [['--out', 'NEW', '--gold'], '--gold does not apply to --format neo4j'],
    [['--out', 'NEW', '--types', 'allies'], '--types: unknown type "allies"'],
    [['--format', 'neo4k'], 'unknown format "neo4k"; did you mean "neo4j"?'],
  ])('usage error %j: exit 2, one line', async (extra, message) => {
    const dir = workDir();
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    const args = extra.map((a) => (a === 'FILE' ? file : a === 'FILE/sub' ? join(file, 'sub') : a === 'NEW' ? join(dir, 'new') : a));
    const format = args.includes('--format') ? [] : ['--format', 'neo4j'];
    const { code, err, out } = await run(['export', SEED_PATH.pathname, ...format, ...args]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toContain(message);
    expect(err.split('\n')[1]).toMatch(/^usage: newsgraph export FILE --format gexf\|graphml\|json\|dataset\|csv\|neo4j /);
    expect(readdirSync(dir)).toEqual(['file.txt']); // nothing created
  });
});
