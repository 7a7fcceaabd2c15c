/**
 * Reading a CSV of triples
 * ========================
 *
 * The columns and what they hold are described at the top of csv.ts. The
 * header needs at least source, type and target (or their synonyms,
 * csvColumns.ts). Types go through the import core (typeResolution.ts) as a
 * graph's do: a free-text relation name ("supplies drones to") is kept as the
 * dataset's own type, labelled by the `type_label` column when there is one;
 * entities take their type from the source_type/target_type columns, or the
 * pair `entityTypeAttribute` names (`category` → subject_category and
 * object_category), else what `entityTypeOf` knows of their names. A row
 * says nothing of direction, so a kept relation type is directed.
 *
 * Bounds: at most 2 × maxRelations data rows (a relation may have several
 * sentences), checked with a count of line ends before any row is built; at
 * most maxProblems problems are listed.
 */

import {
  EVENT_DATE_FORMAT,
  formatCount,
  isEventDate,
  isPublished,
  isReservedId,
  isWikidataId,
  LIMIT_DESCRIPTIONS,
  publishedFault,
  resolveLimits,
  WIKIDATA_ID_FORMAT,
  type Dataset,
  type Entity,
  type Evidence,
  type NewsDocument,
  type Problem,
  type Relation,
  type Span,
} from '../../model/index.ts';
import { idFromName, uniqueId } from '../../model/ids.ts';
import { countCsvRows, countLineEnds, parseCsv, sniffDelimiter, type CsvRow } from './csvCodec.ts';
import { COLUMN_SYNONYMS, CSV_COLUMNS, END_PREFIXES, headerKey } from './csvColumns.ts';
import { parseFailure } from './errors.ts';
import { finishImport, typeReading, withDeclaredTypes } from './importCore.ts';
import { importWarnings } from './importWarnings.ts';
import { stripBom } from './jsonText.ts';
import { findName } from './nameInSentence.ts';
import { formatSpellList, parseSpellList, SPELL_LIST_FORMAT } from './spellText.ts';
import { NODE_TYPE_KEYS, typeAttributeTally } from './typeAttributes.ts';
import { typeResolver } from './typeResolution.ts';
import type { ReadOptions, ReadResult } from './types.ts';

/** The document fields the document_* columns fill, by column. */
const DOCUMENT_COLUMNS = [
  ['document_title', 'title'],
  ['document_source', 'source'],
  ['document_url', 'url'],
  ['document_published', 'published'],
] as const;

function toFlag(value: string): boolean | undefined {
  const key = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'x'].includes(key)) return true;
  if (['false', 'no', 'n', '0'].includes(key)) return false;
  return undefined;
}

/** Two names or ids that differ only in white space look alike: the key they share. */
const whiteSpaceKey = (text: string) => text.replace(/\s+/gu, ' ').trim();
const padded = (text: string) => /^\s|\s$/u.test(text);

/** Column-name endings that say which entity, not what kind: never offered as the entity type. */
const NOT_TYPE_SUFFIXES: ReadonlySet<string> = new Set(['id', 'wikidata', 'qid', 'label', 'name']);
const NOT_TYPES: ReadonlySet<string> = new Set();

interface TypeColumns {
  /** The name the columns go by (`type`, `category`): TypeReading.entityTypeAttribute. */
  name: string;
  found: boolean;
  source?: number;
  target?: number;
  /** Every pair that could hold the entity type, by name: the columns of either end. */
  candidates: Map<string, number[]>;
}

/**
 * The columns holding each end's entity type: source_type/target_type (or
 * their synonyms) unless `chosen` names another pair (`category`, or one of
 * its columns, `subject_category`); without either, the first usual type name
 * the header has as a pair (`subject_kind`).
 */
function entityTypeColumns(fields: readonly string[], index: ReadonlyMap<string, number>, chosen: string | undefined): TypeColumns {
  const taken = new Set(index.values());
  const candidates = new Map<string, number[]>();
  const ends = new Map<string, { source?: number; target?: number }>();
  const note = (name: string, end: 'source' | 'target', at: number) => {
    let list = candidates.get(name);
    if (!list) candidates.set(name, (list = []));
    list.push(at);
    let pair = ends.get(name);
    if (!pair) ends.set(name, (pair = {}));
    pair[end] ??= at;
  };
  for (const end of ['source', 'target'] as const) {
    const at = index.get(`${end}_type`);
    if (at !== undefined) note('type', end, at);
  }
  fields.forEach((field, at) => {
    if (taken.has(at)) return;
    const key = headerKey(field);
    for (const end of ['source', 'target'] as const) {
      const prefix = END_PREFIXES[end].find((p) => key.startsWith(`${p}_`) && key.length > p.length + 1);
      if (prefix === undefined) continue;
      const name = key.slice(prefix.length + 1);
      if (!NOT_TYPE_SUFFIXES.has(name)) note(name, end, at);
    }
  });
  let name: string | undefined;
  if (chosen !== undefined) {
    const key = headerKey(chosen);
    const prefix = [...END_PREFIXES.source, ...END_PREFIXES.target].find((p) => key.startsWith(`${p}_`) && ends.has(key.slice(p.length + 1)));
    name = prefix === undefined ? key : key.slice(prefix.length + 1);
  } else {
    name = ['type', ...NODE_TYPE_KEYS.map(headerKey)].find((n) => ends.has(n));
  }
  const pair = name === undefined ? undefined : ends.get(name);
  const columns: TypeColumns = { name: name ?? 'type', found: pair !== undefined, candidates };
  if (pair?.source !== undefined) columns.source = pair.source;
  if (pair?.target !== undefined) columns.target = pair.target;
  return columns;
}

export function read(content: string, file: string, options: ReadOptions = {}): ReadResult {
  const limits = resolveLimits();
  const text = stripBom(content);
  const delimiter = sniffDelimiter(text);
  // A header and at most two rows (two sentences) per relation the limit allows; refused before any row is built.
  const maxRows = 2 * limits.maxRelations;
  if (countLineEnds(text) > maxRows) {
    const count = countCsvRows(text, delimiter, maxRows + 1) - 1;
    if (count > maxRows) {
      throw parseFailure(file, {
        code: 'limit-exceeded',
        path: '',
        message: `the CSV has ${count > maxRows + 1 ? 'more than ' : ''}${formatCount(count)} rows; newsgraph reads at most ${formatCount(maxRows)} (two sentences for each of at most ${formatCount(limits.maxRelations)} relations)`,
        fix: LIMIT_DESCRIPTIONS.maxRelations.split,
      });
    }
  }
  const rows = parseCsv(text, file, delimiter);
  const header = rows[0];
  if (!header) {
    throw parseFailure(file, { code: 'empty-file', path: '', message: 'the CSV file is empty', fix: 'give it a header row (source,type,target,…) and one row per relation' });
  }
  const index = new Map<string, number>();
  const headerAt = new Map<string, number>();
  header.fields.forEach((name, at) => {
    const key = headerKey(name);
    if (!headerAt.has(key)) headerAt.set(key, at);
  });
  for (const [column, synonyms] of Object.entries(COLUMN_SYNONYMS)) {
    let at = Infinity;
    for (const synonym of synonyms) at = Math.min(at, headerAt.get(synonym) ?? Infinity);
    if (at !== Infinity) index.set(column, at);
  }
  const missing = (['source', 'type', 'target'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    const SHOWN = 20;
    const found = header.fields.slice(0, SHOWN).map((f) => JSON.stringify(f.length > 40 ? `${f.slice(0, 40)}…` : f));
    throw parseFailure(file, {
      code: 'missing-field',
      path: '',
      line: header.line,
      column: 1,
      message: `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column (found: ${found.join(', ')}${header.fields.length > SHOWN ? `, … ${formatCount(header.fields.length - SHOWN)} more` : ''})`,
      fix: `make the first row name the columns, at least source,type,target; optional: ${CSV_COLUMNS.slice(3).join(', ')}`,
    });
  }

  const problems: Problem[] = [];
  let unlisted = 0;
  const addProblem = (problem: Problem) => {
    if (problems.length < limits.maxProblems) problems.push(problem);
    else unlisted++;
  };
  const warnings = importWarnings();
  const warn = warnings.add;
  /** Names and ids kept exactly; warns when one is padded, or differs from an earlier one only in white space. */
  const alike = new Map<string, Map<string, string>>();
  const checkWhiteSpace = (kind: string, value: string, line: number) => {
    let seen = alike.get(kind);
    if (!seen) alike.set(kind, (seen = new Map()));
    const key = whiteSpaceKey(value);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, value);
    else if (earlier !== value) {
      warn(`alike:${kind}:${key}`, () => ({
        code: 'invalid-value',
        path: `line ${line}`,
        message: `${kind}s ${JSON.stringify(earlier)} and ${JSON.stringify(value)} differ only in white space; kept as two ${kind.startsWith('entity') ? 'entities' : kind.startsWith('relation') ? 'relations' : 'documents'}`,
        fix: `if they are the same, write the ${kind} the same way in every row`,
      }));
    }
    if (padded(value)) {
      warn(`padded:${kind}`, () => ({
        code: 'invalid-value',
        path: `line ${line}`,
        message: `the ${kind} ${JSON.stringify(value)} has white space at its start or end; kept as written`,
        fix: `remove the spaces around the ${kind} in the file if they are not part of it (after a comma, write "a,b", not "a, b")`,
      }));
    }
  };
  const cell = (row: CsvRow, column: string): string => {
    const at = index.get(column);
    return at === undefined ? '' : (row.fields[at] ?? '');
  };
  const types = typeResolver(options);
  const typeColumns = entityTypeColumns(header.fields, index, options.entityTypeAttribute);
  if (options.entityTypeAttribute !== undefined && !typeColumns.found) {
    warn('type-column', () => ({
      code: 'missing-field',
      path: `line ${header.line}`,
      message: `no column holds the ends' ${JSON.stringify(options.entityTypeAttribute)} (looked for source_…/target_… columns); entity types inferred from the names`,
      fix: `name the columns source_${options.entityTypeAttribute} and target_${options.entityTypeAttribute}, or choose another entity type column`,
    }));
  }

  // Entities, keyed by id when the file gives one, else by name.
  const entities: Entity[] = [];
  const entityOrigins: string[] = [];
  // null: an entity whose type was chosen to be dropped; its rows are left out.
  const entityByKey = new Map<string, Entity | null>();
  const usedIds = new Set<string>();
  const entityFor = (row: CsvRow, end: 'source' | 'target'): Entity | null | undefined => {
    const name = cell(row, end);
    const givenId = cell(row, `${end}_id`);
    if (!name && !givenId) {
      addProblem({ code: 'missing-field', path: `line ${row.line}`, message: `the ${end} is empty`, fix: `name the ${end} entity in that row` });
      return undefined;
    }
    const key = givenId ? `id:${givenId}` : `name:${name}`;
    const known = entityByKey.get(key);
    if (known !== undefined) return known;
    if (givenId) checkWhiteSpace('entity id', givenId, row.line);
    if (name) checkWhiteSpace('entity name', name, row.line);
    // A name like "constructor" gets an id graph libraries can hold ("constructor-2").
    const id = givenId || uniqueId(idFromName(name, 'entity'), (candidate) => usedIds.has(candidate) || isReservedId(candidate));
    usedIds.add(id);
    const where = `line ${row.line} (${end} ${JSON.stringify(name || id)})`;
    const typeAt = typeColumns[end];
    const typeName = typeAt === undefined ? '' : (row.fields[typeAt] ?? '');
    const typing = types.entity(typeName.trim() ? typeName : undefined, name || id, [], where);
    if (!typing) {
      entityByKey.set(key, null);
      return null;
    }
    const entity: Entity = { id, label: name || id, type: typing.type, aliases: [], mentions: [] };
    if (typing.originalType !== undefined) entity.attributes = { originalType: typing.originalType.trim() };
    const wikidata = cell(row, `${end}_wikidata`).trim();
    if (isWikidataId(wikidata)) entity.wikidata = wikidata;
    else if (wikidata) addProblem({ code: 'invalid-value', path: `line ${row.line}`, message: `${end}_wikidata ${JSON.stringify(wikidata)} is not a Wikidata item id (${WIKIDATA_ID_FORMAT})`, fix: `write the item id, e.g. Q159, or leave the cell empty` });
    entities.push(entity);
    entityOrigins.push(where);
    entityByKey.set(key, entity);
    return entity;
  };

  // Documents built from the quoted sentences, one per line.
  const documents = new Map<string, { document: NewsDocument; sentences: Map<string, number>; titled: boolean }>();
  const defaultDocument = idFromName(file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), 'csv');
  const sentenceSpan = (documentId: string, sentence: string): Span => {
    let entry = documents.get(documentId);
    if (!entry) {
      entry = { document: { id: documentId, title: documentId, text: '' }, sentences: new Map(), titled: false };
      documents.set(documentId, entry);
    }
    let start = entry.sentences.get(sentence);
    if (start === undefined) {
      if (entry.document.text) entry.document.text += '\n';
      start = entry.document.text.length;
      entry.document.text += sentence;
      entry.sentences.set(sentence, start);
    }
    return { document: documentId, start, end: start + sentence.length };
  };
  /** The document_* cells of a row onto its document: the first value of each field wins, a different later one is a warning. */
  const describeDocument = (row: CsvRow, documentId: string) => {
    const entry = documents.get(documentId)!;
    for (const [column, field] of DOCUMENT_COLUMNS) {
      const written = cell(row, column);
      const value = field === 'published' ? written.trim() : written;
      if (!value) continue;
      if (field === 'published' && !isPublished(value)) {
        addProblem({
          code: 'invalid-value',
          path: `line ${row.line}`,
          message: `${column}: ${publishedFault(value)}`,
          fix: 'write the date as year-month-day (2023-09-21) or an ISO 8601 date-time (2023-09-21T14:05:00Z), or leave the cell empty',
          value,
        });
        continue;
      }
      const known = field === 'title' ? (entry.titled ? entry.document.title : undefined) : entry.document[field];
      if (known === undefined) {
        entry.document[field] = value;
        if (field === 'title') entry.titled = true;
      } else if (known !== value) {
        warn(`document-${field}:${documentId}`, () => ({
          code: 'invalid-value',
          path: `line ${row.line}`,
          message: `document ${JSON.stringify(documentId)} has another ${column} on an earlier row (${JSON.stringify(known)}); kept that one, not ${JSON.stringify(value)}`,
          fix: `write one ${column} for all rows of the document, or give the rows different document ids if they are different articles`,
        }));
      }
    }
  };
  // Sets beside the arrays, so a hub entity or relation with thousands of rows costs no more per row than any other.
  const mentionKeys = new Map<Entity, Set<string>>();
  const aliasSets = new Map<Entity, Set<string>>();
  const mention = (entity: Entity, span: Span, sentence: string): boolean => {
    const names = [entity.label, ...entity.aliases];
    // A padded name (" Ukraine") is kept as written; the sentence names it without the padding.
    const bare = entity.label.trim();
    if (bare && bare !== entity.label) names.push(bare);
    let aliases = aliasSets.get(entity);
    if (!aliases) aliasSets.set(entity, (aliases = new Set(entity.aliases)));
    for (const name of names) {
      const found = findName(sentence, name);
      if (!found) continue;
      if (found.asWritten !== entity.label && !aliases.has(found.asWritten)) {
        aliases.add(found.asWritten);
        entity.aliases.push(found.asWritten);
      }
      const start = span.start + found.index;
      const end = start + found.asWritten.length;
      let keys = mentionKeys.get(entity);
      if (!keys) mentionKeys.set(entity, (keys = new Set()));
      const key = `${span.document}\u0000${start}\u0000${end}`;
      if (!keys.has(key)) {
        keys.add(key);
        entity.mentions.push({ document: span.document, start, end });
      }
      return true;
    }
    return false;
  };
  const evidenceKeys = new Map<Relation, Set<string>>();
  /** The event date of a row's sentence, its offsets moved from the sentence as written to the document; undefined when the cells are empty or wrong (a problem). */
  const eventOf = (row: CsvRow, written: string, sentence: string, span: Span): Evidence['event'] | undefined => {
    const date = cell(row, 'event_date').trim();
    const startCell = cell(row, 'event_start').trim();
    const endCell = cell(row, 'event_end').trim();
    if (!date && !startCell && !endCell) return undefined;
    const fix = 'give the date the sentence names (2022, 2022-03 or 2022-03-05) and where its phrase is in the evidence sentence (event_start, event_end: offsets from 0), or leave the three event cells empty';
    if (!isEventDate(date)) {
      addProblem({ code: 'invalid-value', path: `line ${row.line}`, message: date ? `event_date: ${JSON.stringify(date)} is not ${EVENT_DATE_FORMAT}` : 'event_start/event_end are given but event_date is empty', fix, value: date });
      return undefined;
    }
    // Offsets count in the cell as written; the sentence kept is trimmed.
    const lead = written.length - written.trimStart().length;
    const start = /^\d+$/.test(startCell) ? Number(startCell) - lead : NaN;
    const end = /^\d+$/.test(endCell) ? Number(endCell) - lead : NaN;
    if (!(start >= 0 && start <= end && end <= sentence.length)) {
      addProblem({
        code: 'invalid-value',
        path: `line ${row.line}`,
        message: `event_start/event_end (${JSON.stringify(startCell)}, ${JSON.stringify(endCell)}) must be whole numbers with event_start ≤ event_end, inside the ${formatCount(sentence.length + lead)}-character evidence sentence`,
        fix,
      });
      return undefined;
    }
    return { date, start: span.start + start, end: span.start + end };
  };
  /** Each relation's `reported` as first written, to warn when a later row says otherwise. */
  const reportedText = new Map<Relation, string>();
  const readReported = (row: CsvRow, relation: Relation) => {
    const written = cell(row, 'reported').trim();
    if (!written) return;
    const read = parseSpellList(written);
    if (!read.ok) {
      addProblem({ code: 'invalid-value', path: `line ${row.line}`, message: `reported: ${read.reason}`, fix: `write ${SPELL_LIST_FORMAT} (2023-01-03/2023-01-05;2023-02-01), or leave the cell empty`, value: written });
      return;
    }
    const text = formatSpellList(read.spells);
    const known = reportedText.get(relation);
    if (known === undefined) {
      reportedText.set(relation, text);
      relation.reported = read.spells;
    } else if (known !== text) {
      warn(`reported:${relation.id}`, () => ({
        code: 'invalid-value',
        path: `line ${row.line}`,
        message: `relation ${JSON.stringify(relation.id)} has other reported days on an earlier row (${known}); kept those, not ${text}`,
        fix: 'write the same reported days on every row of a relation',
      }));
    }
  };

  // Relations: rows with one relation_id (or, without ids, one source-type-target-negated) are one relation.
  const relations: Relation[] = [];
  const relationOrigins: string[] = [];
  const relationByKey = new Map<string, Relation>();
  const relationIds = new Set<string>();
  for (const row of rows.slice(1)) {
    if (row.fields.length > header.fields.length && row.fields.slice(header.fields.length).some((f) => f.trim())) {
      addProblem({
        code: 'invalid-value',
        path: `line ${row.line}`,
        message: `the row has ${row.fields.length} fields but the header names ${header.fields.length}`,
        fix: 'quote fields that contain the separator ("a, b"), or add the missing column names to the header',
      });
      continue;
    }
    // The type first: a row whose type is dropped adds no entities either. A CSV says nothing of direction.
    const typeName = cell(row, 'type').trim() || cell(row, 'type_label').trim();
    const typing = types.relation(typeName ? [typeName] : [], true, cell(row, 'type_label'));
    if (!typing) continue;
    const type = typing.type;
    const source = entityFor(row, 'source');
    const target = entityFor(row, 'target');
    if (source === null || target === null) {
      types.edgeOfDroppedNode();
      continue;
    }
    if (!source || !target) continue;
    const negatedCell = toFlag(cell(row, 'negated'));
    const negated = typing.negated ? true : negatedCell;
    const hedged = toFlag(cell(row, 'hedged'));
    const givenId = cell(row, 'relation_id');
    const key = givenId ? `id:${givenId}` : `triple:${source.id}\u0000${type}\u0000${target.id}\u0000${negated === true}`;
    let relation = relationByKey.get(key);
    if (relation) types.sameEdge(typing);
    else {
      if (givenId) checkWhiteSpace('relation id', givenId, row.line);
      const id = givenId || uniqueId(`r${String(relations.length + 1).padStart(2, '0')}-${source.id}-${type}-${target.id}`, (candidate) => relationIds.has(candidate));
      relationIds.add(id);
      relation = { id, type, source: source.id, target: target.id, evidence: [] };
      if (hedged !== undefined) relation.hedged = hedged;
      if (negated !== undefined) relation.negated = negated;
      if (typing.originalType !== undefined) relation.attributes = { originalType: typing.originalType.trim() };
      relations.push(relation);
      relationOrigins.push(`line ${row.line}`);
      relationByKey.set(key, relation);
    }
    readReported(row, relation);
    const written = cell(row, 'evidence');
    const sentence = written.trim();
    if (!sentence && cell(row, 'event_date').trim()) {
      addProblem({ code: 'missing-field', path: `line ${row.line}`, message: 'event_date is given but the row has no evidence sentence', fix: 'add the sentence that names the date, or leave event_date empty' });
    }
    if (sentence) {
      const documentCell = cell(row, 'document');
      if (documentCell) checkWhiteSpace('document id', documentCell, row.line);
      const documentId = documentCell || defaultDocument;
      const span = sentenceSpan(documentId, sentence);
      describeDocument(row, documentId);
      let seen = evidenceKeys.get(relation);
      if (!seen) evidenceKeys.set(relation, (seen = new Set()));
      const evidenceKey = `${span.document}\u0000${span.start}`;
      if (seen.has(evidenceKey)) continue;
      seen.add(evidenceKey);
      const missingNames = [source, target].filter((entity) => !mention(entity, span, sentence));
      const evidence: Evidence = { ...span };
      if (missingNames.length > 0) {
        evidence.note = `imported from CSV; the sentence does not name ${missingNames.map((e) => JSON.stringify(e.label)).join(' or ')} as written`;
      }
      const event = eventOf(row, written, sentence, span);
      if (event) evidence.event = event;
      relation.evidence.push(evidence);
    }
  }
  if (unlisted > 0) {
    problems.push({
      code: 'limit-exceeded',
      path: '',
      message: `stopped listing after ${formatCount(limits.maxProblems)} problems (${formatCount(unlisted)} more)`,
      fix: `${LIMIT_DESCRIPTIONS.maxProblems.split}; one systematic mistake (a wrong separator, a missing column) often causes most of them`,
    });
  }
  const finished = types.finish();
  problems.unshift(...finished.problems);
  const dataset: Dataset = { version: 1, documents: [...documents.values()].map((d) => d.document), entities: entities, relations };
  withDeclaredTypes(dataset, finished);
  // Columns of either end that could hold entity types instead (`subject_category`: "category").
  const tally = typeAttributeTally(NOT_TYPES);
  for (const row of rows.slice(1)) for (const [name, ends] of typeColumns.candidates) for (const at of ends) tally.addValue(name, row.fields[at]);
  const reading = typeReading(finished, typeColumns.found ? typeColumns.name : undefined, tally.candidates(entityByKey.size));
  return finishImport(dataset, file, problems, [...warnings.list(), ...finished.warnings], { entityOrigins, relationOrigins, header: file }, reading);
}
