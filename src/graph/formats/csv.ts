/**
 * CSV of triples
 * ==============
 *
 * One row per supporting sentence (a relation with three sentences is three
 * rows; one with none is one row with empty evidence):
 *
 *   source, type, target, hedged, negated, document, evidence,
 *   source_type, target_type, source_id, target_id, relation_id,
 *   document_title, document_source, document_url, document_published,
 *   event_date, event_start, event_end, reported,
 *   source_wikidata, target_wikidata
 *
 * The first seven are what a spreadsheet user reads; the next five let the
 * file come back as the same entities and relations; the next four say which
 * article each sentence is from (title, outlet, address, date), repeated on
 * every row of that article and empty on a row without a sentence. Then
 * when: `event_date` is when the sentence says the event happened (YYYY,
 * YYYY-MM or YYYY-MM-DD) and `event_start`/`event_end` where the date phrase
 * is, as offsets into the row's `evidence` sentence as written (UTF-16 code
 * units, end exclusive: `evidence.slice(event_start, event_end)`); all three
 * are empty when the sentence has no date. `reported` is the days the
 * relation itself declares it was reported (beyond its articles' dates),
 * repeated on each of its rows: "2023-01-03/2023-01-05;2023-02-01" — ISO 8601
 * day intervals, inclusive, separated by ";", a single day written once
 * (spellText.ts). The last two are the ends' Wikidata items ("Q159"),
 * empty when unknown. What CSV
 * cannot hold: the documents' full text (only the quoted sentences), aliases,
 * mentions outside evidence, `attributedTo`, kept `attributes`, evidence
 * notes, entities in no relation, and documents no sentence is quoted from.
 *
 * Reading needs a header with at least source, type and target (common
 * synonyms accepted: subject/predicate/object …). Evidence sentences become a
 * document per `document` value, made of those sentences one per line, so
 * every relation still leads to its quoted sentence; the entities' names are
 * found in it as mentions, and a sentence that does not name one of them as
 * written gets an evidence note saying so. The document columns fill in
 * that document's title (else its id), outlet, url and date: the first
 * non-empty value of each wins, a different one later is a warning, and a
 * date that is not ISO 8601 is a problem naming the line.
 *
 * Cells are data exactly as written (RFC 4180 keeps white space): names, ids
 * and document ids are never trimmed, so `x` and `x ` are two entities and
 * `r` and `r ` two relations. What trimming would have hidden is a warning
 * instead: a name or id with white space at either end, and two that differ
 * only in white space. Compared without surrounding white space (and case):
 * header names, type names and the true/false flags, which name things
 * rather than hold them; an evidence sentence loses surrounding white space
 * (a sentence has none, and its offsets must land on it), and so does a
 * date.
 *
 * Written cells that a spreadsheet would run as a formula get a leading `'`,
 * taken off again on reading (see `csvCodec.ts`). The text is returned in
 * parts of ROWS_PER_PART rows, never as one string.
 *
 * Bounds: at most 2 × maxRelations data rows (a relation may have several
 * sentences), checked with a count of line ends before any row is built; at
 * most maxProblems problems are listed.
 */

import {
  DatasetValidationError,
  ENTITY_TYPE_IDS,
  EVENT_DATE_FORMAT,
  formatCount,
  isEventDate,
  isPublished,
  LIMIT_DESCRIPTIONS,
  publishedFault,
  resolveLimits,
  RELATION_TYPE_IDS,
  spanText,
  isWikidataId,
  WIKIDATA_ID_FORMAT,
  validateDataset,
  type Dataset,
  type Entity,
  type EntityTypeId,
  type Evidence,
  type NewsDocument,
  type Problem,
  type Relation,
  type RelationTypeId,
  type Span,
} from '../../model/index.ts';
import { countCsvRows, countLineEnds, parseCsv, sniffDelimiter, writeCsv, type CsvRow } from './csvCodec.ts';
import { stripBom } from './jsonText.ts';
import { parseFailure } from './errors.ts';
import { relocateProblems } from './fromGraph.ts';
import { selectTypes } from './select.ts';
import { formatSpellList, parseSpellList, SPELL_LIST_FORMAT } from './spellText.ts';
import { lookUpUserMap, matchEntityType, matchRelationType, normalizeTypeName } from './typeMapping.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';

export const CSV_COLUMNS = [
  'source',
  'type',
  'target',
  'hedged',
  'negated',
  'document',
  'evidence',
  'source_type',
  'target_type',
  'source_id',
  'target_id',
  'relation_id',
  'document_title',
  'document_source',
  'document_url',
  'document_published',
  'event_date',
  'event_start',
  'event_end',
  'reported',
  'source_wikidata',
  'target_wikidata',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value));

/** Rows per written part: a few hundred kilobytes of text each, and no single string the size of the file. */
export const ROWS_PER_PART = 1000;

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  const entities = new Map(selected.entities.map((e) => [e.id, e]));
  const documents = new Map(selected.documents.map((d) => [d.id, d]));
  const parts: string[] = [];
  let rows: string[][] = [[...CSV_COLUMNS]];
  const flush = () => {
    if (rows.length === 0) return;
    const text = writeCsv(rows);
    parts.push(parts.length === 0 && options.bom ? `\uFEFF${text}` : text);
    rows = [];
  };
  for (const relation of selected.relations) {
    const source = entities.get(relation.source)!;
    const target = entities.get(relation.target)!;
    const row = (evidence: Evidence | undefined): string[] => {
      const document = evidence ? documents.get(evidence.document) : undefined;
      return [
        source.label,
        relation.type,
        target.label,
        flag(relation.hedged),
        flag(relation.negated),
        evidence?.document ?? '',
        evidence ? spanText(document?.text ?? '', evidence) : '',
        source.type,
        target.type,
        source.id,
        target.id,
        relation.id,
        document?.title ?? '',
        document?.source ?? '',
        document?.url ?? '',
        document?.published ?? '',
        evidence?.event?.date ?? '',
        evidence?.event ? String(evidence.event.start - evidence.start) : '',
        evidence?.event ? String(evidence.event.end - evidence.start) : '',
        relation.reported ? formatSpellList(relation.reported) : '',
        source.wikidata ?? '',
        target.wikidata ?? '',
      ];
    };
    if (relation.evidence.length === 0) rows.push(row(undefined));
    else for (const evidence of relation.evidence) rows.push(row(evidence));
    if (rows.length >= ROWS_PER_PART) flush();
  }
  flush();
  return { parts, mimeType: 'text/csv', extension: 'csv' };
}

/** Header names other tools use for our columns. */
const COLUMN_SYNONYMS: Record<Column, readonly string[]> = {
  source: ['source', 'subject', 'from', 'head', 'source_label', 'source_name', 'entity1', 'actor'],
  type: ['type', 'relation', 'relationship', 'predicate', 'relation_type', 'edge_type', 'label', 'verb'],
  target: ['target', 'object', 'to', 'tail', 'target_label', 'target_name', 'entity2'],
  hedged: ['hedged', 'hedge', 'claimed', 'alleged'],
  negated: ['negated', 'negation', 'negative', 'denied'],
  document: ['document', 'doc', 'document_id', 'doc_id', 'article', 'article_id'],
  evidence: ['evidence', 'sentence', 'evidence_sentence', 'evidence_text', 'quote', 'text', 'context'],
  source_type: ['source_type', 'subject_type', 'source_entity_type', 'head_type'],
  target_type: ['target_type', 'object_type', 'target_entity_type', 'tail_type'],
  source_id: ['source_id', 'subject_id', 'head_id'],
  target_id: ['target_id', 'object_id', 'tail_id'],
  relation_id: ['relation_id', 'id', 'edge_id', 'triple_id'],
  document_title: ['document_title', 'article_title', 'headline'],
  document_source: ['document_source', 'outlet', 'publisher', 'news_source'],
  document_url: ['document_url', 'article_url', 'url', 'link'],
  document_published: ['document_published', 'published', 'published_at', 'publication_date', 'date_published', 'pub_date'],
  event_date: ['event_date', 'event_day', 'happened_on'],
  event_start: ['event_start'],
  event_end: ['event_end'],
  reported: ['reported', 'reported_on', 'spells'],
  source_wikidata: ['source_wikidata', 'subject_wikidata', 'source_qid', 'subject_qid'],
  target_wikidata: ['target_wikidata', 'object_wikidata', 'target_qid', 'object_qid'],
};

/** The document fields the document_* columns fill, by column. */
const DOCUMENT_COLUMNS = [
  ['document_title', 'title'],
  ['document_source', 'source'],
  ['document_url', 'url'],
  ['document_published', 'published'],
] as const;

const headerKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

function toFlag(value: string): boolean | undefined {
  const key = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'x'].includes(key)) return true;
  if (['false', 'no', 'n', '0'].includes(key)) return false;
  return undefined;
}

function slug(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'entity';
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `index` / starting at `index` is a letter or digit. */
function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(start)!));
}
function wordAt(text: string, index: number): boolean {
  return index < text.length && WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(index)!));
}

function findWhole(haystack: string, needle: string, original: string): number {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!wordBefore(original, at) && !wordAt(original, at + needle.length)) return at;
  }
  return -1;
}

/**
 * First occurrence of `name` in `sentence` as a whole word: exact case first, then any case.
 * A string search, not a regular expression built per call (compiling a Unicode
 * regular expression for every row cost milliseconds a row).
 */
function findName(sentence: string, name: string): { index: number; asWritten: string } | undefined {
  if (!name) return undefined;
  const exact = findWhole(sentence, name, sentence);
  if (exact >= 0) return { index: exact, asWritten: name };
  const lowerSentence = sentence.toLowerCase();
  const lowerName = name.toLowerCase();
  // Lower-casing that changes a length (İ → i̇) would shift offsets: such names match only as written.
  if (lowerSentence.length !== sentence.length || lowerName.length !== name.length) return undefined;
  const any = findWhole(lowerSentence, lowerName, sentence);
  return any >= 0 ? { index: any, asWritten: sentence.slice(any, any + name.length) } : undefined;
}

/** Two names or ids that differ only in white space look alike: the key they share. */
const whiteSpaceKey = (text: string) => text.replace(/\s+/gu, ' ').trim();
const padded = (text: string) => /^\s|\s$/u.test(text);

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
  const warnings = new Map<string, Problem & { count: number }>();
  /** One warning per key, counted; the problem is built only the first time (a file may repeat it on every row). */
  const warn = (key: string, problem: () => Problem) => {
    const seen = warnings.get(key);
    if (seen) seen.count++;
    else warnings.set(key, { ...problem(), count: 1 });
  };
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
  const defaultEntityType = options.defaultEntityType ?? 'organisation';
  const cell = (row: CsvRow, column: string): string => {
    const at = index.get(column);
    return at === undefined ? '' : (row.fields[at] ?? '');
  };

  // Entities, keyed by id when the file gives one, else by name.
  const entities: Entity[] = [];
  const entityOrigins: string[] = [];
  const entityByKey = new Map<string, Entity>();
  const usedIds = new Set<string>();
  const entityFor = (row: CsvRow, end: 'source' | 'target'): Entity | undefined => {
    const name = cell(row, end);
    const givenId = cell(row, `${end}_id`);
    if (!name && !givenId) {
      addProblem({ code: 'missing-field', path: `line ${row.line}`, message: `the ${end} is empty`, fix: `name the ${end} entity in that row` });
      return undefined;
    }
    const key = givenId ? `id:${givenId}` : `name:${name}`;
    const known = entityByKey.get(key);
    if (known) return known;
    if (givenId) checkWhiteSpace('entity id', givenId, row.line);
    if (name) checkWhiteSpace('entity name', name, row.line);
    let id = givenId;
    if (!id) {
      const base = slug(name);
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    }
    usedIds.add(id);
    const typeName = cell(row, `${end}_type`).trim();
    const match = typeName ? matchEntityType(typeName) : undefined;
    const type: EntityTypeId = match?.type ?? defaultEntityType;
    const entity: Entity = { id, label: name || id, type, aliases: [], mentions: [] };
    if (typeName && (!match || !match.exact)) entity.attributes = { originalType: typeName };
    const wikidata = cell(row, `${end}_wikidata`).trim();
    if (isWikidataId(wikidata)) entity.wikidata = wikidata;
    else if (wikidata) addProblem({ code: 'invalid-value', path: `line ${row.line}`, message: `${end}_wikidata ${JSON.stringify(wikidata)} is not a Wikidata item id (${WIKIDATA_ID_FORMAT})`, fix: `write the item id, e.g. Q159, or leave the cell empty` });
    if (!match) {
      warn(typeName ? `type:${normalizeTypeName(typeName)}` : 'type:missing', () => ({
        code: typeName ? 'unknown-entity-type' : 'missing-field',
        path: `line ${row.line}`,
        message: typeName
          ? `entity type ${JSON.stringify(typeName)} is not in the registry; imported as "${defaultEntityType}", the original kept in attributes.originalType`
          : `no ${end}_type for ${JSON.stringify(entity.label)}; imported as "${defaultEntityType}"`,
        fix: `use one of ${ENTITY_TYPE_IDS.join(', ')} in the ${end}_type column`,
      }));
    }
    entities.push(entity);
    entityOrigins.push(`line ${row.line} (${end} ${JSON.stringify(entity.label)})`);
    entityByKey.set(key, entity);
    return entity;
  };

  // Documents built from the quoted sentences, one per line.
  const documents = new Map<string, { document: NewsDocument; sentences: Map<string, number>; titled: boolean }>();
  const defaultDocument = slug(file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) || 'csv';
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
  const unknownTypes = new Map<string, { count: number; line: number }>();
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
    const source = entityFor(row, 'source');
    const target = entityFor(row, 'target');
    const typeName = cell(row, 'type').trim();
    const match = typeName ? matchRelationType(typeName) : undefined;
    let type: RelationTypeId | undefined = match?.type;
    let originalType = match && !match.exact ? typeName : undefined;
    if (!type) {
      type = lookUpUserMap(options.relationTypeMap, typeName) ?? options.relationTypeMap?.['*'];
      if (type) originalType = typeName || undefined;
    }
    if (!type) {
      const seen = unknownTypes.get(typeName);
      if (seen) seen.count++;
      else unknownTypes.set(typeName, { count: 1, line: row.line });
      continue;
    }
    if (!source || !target) continue;
    const negatedCell = toFlag(cell(row, 'negated'));
    const negated = match?.negated ? true : negatedCell;
    const hedged = toFlag(cell(row, 'hedged'));
    const givenId = cell(row, 'relation_id');
    const key = givenId ? `id:${givenId}` : `triple:${source.id}\u0000${type}\u0000${target.id}\u0000${negated === true}`;
    let relation = relationByKey.get(key);
    if (!relation) {
      if (givenId) checkWhiteSpace('relation id', givenId, row.line);
      let id = givenId;
      if (!id) {
        const base = `r${String(relations.length + 1).padStart(2, '0')}-${source.id}-${type}-${target.id}`;
        id = base;
        for (let n = 2; relationIds.has(id); n++) id = `${base}-${n}`;
      }
      relationIds.add(id);
      relation = { id, type, source: source.id, target: target.id, evidence: [] };
      if (hedged !== undefined) relation.hedged = hedged;
      if (negated !== undefined) relation.negated = negated;
      if (originalType !== undefined) relation.attributes = { originalType };
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
  for (const [name, { count, line }] of unknownTypes) {
    addProblem({
      code: 'unknown-relation-type',
      path: `line ${line}`,
      message: name
        ? `relation type ${JSON.stringify(name)} is not in the registry and has no known synonym${count > 1 ? ` (${count} rows)` : ''}`
        : `the type column is empty${count > 1 ? ` (${count} rows)` : ''}`,
      fix: name
        ? `use one of ${RELATION_TYPE_IDS.join(', ')}, or map it when importing (CLI: --map-type "${name}=met-with"; library: relationTypeMap)`
        : `fill in the type, or give untyped rows one type when importing (CLI: --map-type "*=met-with")`,
    });
  }
  if (unlisted > 0) {
    problems.push({
      code: 'limit-exceeded',
      path: '',
      message: `stopped listing after ${formatCount(limits.maxProblems)} problems (${formatCount(unlisted)} more)`,
      fix: `${LIMIT_DESCRIPTIONS.maxProblems.split}; one systematic mistake (a wrong separator, a missing column) often causes most of them`,
    });
  }
  if (problems.length > 0) throw new DatasetValidationError(problems, file);

  const dataset: Dataset = { version: 1, documents: [...documents.values()].map((d) => d.document), entities, relations };
  const result = validateDataset(dataset);
  if (!result.ok) throw new DatasetValidationError(relocateProblems(result.problems, entityOrigins, relationOrigins, file), file);
  return { dataset: result.dataset, warnings: [...warnings.values()].map(({ count, ...p }) => (count > 1 ? { ...p, message: `${p.message} (and ${count - 1} more like it)` } : p)) };
}
