/**
 * CSV of triples
 * ==============
 *
 * One row per supporting sentence (a relation with three sentences is three
 * rows; one with none is one row with empty evidence):
 *
 *   source, type, target, hedged, negated, document, evidence,
 *   source_type, target_type, source_id, target_id, relation_id
 *
 * The first seven are what a spreadsheet user reads; the last five let the
 * file come back as the same entities and relations. What CSV cannot hold:
 * the documents' full text (only the quoted sentences), aliases, mentions
 * outside evidence, `attributedTo`, kept `attributes`, evidence notes, and
 * entities in no relation.
 *
 * Reading needs a header with at least source, type and target (common
 * synonyms accepted: subject/predicate/object …). Evidence sentences become a
 * document per `document` value, made of those sentences one per line, so
 * every relation still leads to its quoted sentence; the entities' names are
 * found in it as mentions, and a sentence that does not name one of them as
 * written gets an evidence note saying so.
 */

import {
  DatasetValidationError,
  ENTITY_TYPE_IDS,
  RELATION_TYPE_IDS,
  spanText,
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
import { parseCsv, writeCsv, type CsvRow } from './csvCodec.ts';
import { parseFailure } from './errors.ts';
import { relocateProblems } from './fromGraph.ts';
import { selectTypes } from './select.ts';
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
] as const;

type Column = (typeof CSV_COLUMNS)[number];

const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value));

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  const entities = new Map(selected.entities.map((e) => [e.id, e]));
  const texts = new Map(selected.documents.map((d) => [d.id, d.text]));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const relation of selected.relations) {
    const source = entities.get(relation.source)!;
    const target = entities.get(relation.target)!;
    const row = (evidence: Evidence | undefined): string[] => [
      source.label,
      relation.type,
      target.label,
      flag(relation.hedged),
      flag(relation.negated),
      evidence?.document ?? '',
      evidence ? spanText(texts.get(evidence.document) ?? '', evidence) : '',
      source.type,
      target.type,
      source.id,
      target.id,
      relation.id,
    ];
    if (relation.evidence.length === 0) rows.push(row(undefined));
    else for (const evidence of relation.evidence) rows.push(row(evidence));
  }
  const content = (options.bom ? '\uFEFF' : '') + writeCsv(rows);
  return { content, mimeType: 'text/csv', extension: 'csv' };
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
};

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** First occurrence of `name` in `sentence` as a whole word: exact case first, then any case. */
function findName(sentence: string, name: string): { index: number; asWritten: string } | undefined {
  const pattern = `(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`;
  for (const flags of ['u', 'iu']) {
    const match = new RegExp(pattern, flags).exec(sentence);
    if (match) return { index: match.index, asWritten: match[0] };
  }
  return undefined;
}

export function read(content: string, file: string, options: ReadOptions = {}): ReadResult {
  const rows = parseCsv(content, file);
  const header = rows[0];
  if (!header) {
    throw parseFailure(file, { code: 'empty-file', path: '', message: 'the CSV file is empty', fix: 'give it a header row (source,type,target,…) and one row per relation' });
  }
  const index = new Map<string, number>();
  for (const [column, synonyms] of Object.entries(COLUMN_SYNONYMS)) {
    const at = header.fields.findIndex((name) => synonyms.includes(headerKey(name)));
    if (at >= 0) index.set(column, at);
  }
  const missing = (['source', 'type', 'target'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw parseFailure(file, {
      code: 'missing-field',
      path: '',
      line: header.line,
      column: 1,
      message: `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column (found: ${header.fields.map((f) => JSON.stringify(f)).join(', ')})`,
      fix: 'make the first row name the columns, at least source,type,target; optional: hedged, negated, document, evidence, source_type, target_type, source_id, target_id, relation_id',
    });
  }

  const problems: Problem[] = [];
  const warnings = new Map<string, Problem & { count: number }>();
  const warn = (key: string, problem: Problem) => {
    const seen = warnings.get(key);
    if (seen) seen.count++;
    else warnings.set(key, { ...problem, count: 1 });
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
    const name = cell(row, end).trim();
    const givenId = cell(row, `${end}_id`).trim();
    if (!name && !givenId) {
      problems.push({ code: 'missing-field', path: `line ${row.line}`, message: `the ${end} is empty`, fix: `name the ${end} entity in that row` });
      return undefined;
    }
    const key = givenId ? `id:${givenId}` : `name:${name}`;
    const known = entityByKey.get(key);
    if (known) return known;
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
    if (!match) {
      warn(typeName ? `type:${normalizeTypeName(typeName)}` : 'type:missing', {
        code: typeName ? 'unknown-entity-type' : 'missing-field',
        path: `line ${row.line}`,
        message: typeName
          ? `entity type ${JSON.stringify(typeName)} is not in the registry; imported as "${defaultEntityType}", the original kept in attributes.originalType`
          : `no ${end}_type for ${JSON.stringify(entity.label)}; imported as "${defaultEntityType}"`,
        fix: `use one of ${ENTITY_TYPE_IDS.join(', ')} in the ${end}_type column`,
      });
    }
    entities.push(entity);
    entityOrigins.push(`line ${row.line} (${end} ${JSON.stringify(entity.label)})`);
    entityByKey.set(key, entity);
    return entity;
  };

  // Documents built from the quoted sentences, one per line.
  const documents = new Map<string, { document: NewsDocument; sentences: Map<string, number> }>();
  const defaultDocument = slug(file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) || 'csv';
  const sentenceSpan = (documentId: string, sentence: string): Span => {
    let entry = documents.get(documentId);
    if (!entry) {
      entry = { document: { id: documentId, title: documentId, text: '' }, sentences: new Map() };
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
  const mention = (entity: Entity, span: Span, sentence: string): boolean => {
    const names = [entity.label, ...entity.aliases];
    for (const name of names) {
      const found = findName(sentence, name);
      if (!found) continue;
      if (found.asWritten !== entity.label && !entity.aliases.includes(found.asWritten)) entity.aliases.push(found.asWritten);
      const start = span.start + found.index;
      const end = start + found.asWritten.length;
      if (!entity.mentions.some((m) => m.document === span.document && m.start === start && m.end === end)) entity.mentions.push({ document: span.document, start, end });
      return true;
    }
    return false;
  };

  // Relations: rows with one relation_id (or, without ids, one source-type-target-negated) are one relation.
  const relations: Relation[] = [];
  const relationOrigins: string[] = [];
  const relationByKey = new Map<string, Relation>();
  const relationIds = new Set<string>();
  const unknownTypes = new Map<string, { count: number; line: number }>();
  for (const row of rows.slice(1)) {
    if (row.fields.length > header.fields.length && row.fields.slice(header.fields.length).some((f) => f.trim())) {
      problems.push({
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
    const givenId = cell(row, 'relation_id').trim();
    const key = givenId ? `id:${givenId}` : `triple:${source.id}\u0000${type}\u0000${target.id}\u0000${negated === true}`;
    let relation = relationByKey.get(key);
    if (!relation) {
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
    const sentence = cell(row, 'evidence').trim();
    if (sentence) {
      const documentId = cell(row, 'document').trim() || defaultDocument;
      const span = sentenceSpan(documentId, sentence);
      if (relation.evidence.some((e) => e.document === span.document && e.start === span.start)) continue;
      const missingNames = [source, target].filter((entity) => !mention(entity, span, sentence));
      const evidence: Evidence = { ...span };
      if (missingNames.length > 0) {
        evidence.note = `imported from CSV; the sentence does not name ${missingNames.map((e) => JSON.stringify(e.label)).join(' or ')} as written`;
      }
      relation.evidence.push(evidence);
    }
  }
  for (const [name, { count, line }] of unknownTypes) {
    problems.push({
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
  if (problems.length > 0) throw new DatasetValidationError(problems, file);

  const dataset: Dataset = { version: 1, documents: [...documents.values()].map((d) => d.document), entities, relations };
  const result = validateDataset(dataset);
  if (!result.ok) throw new DatasetValidationError(relocateProblems(result.problems, entityOrigins, relationOrigins, file), file);
  return { dataset: result.dataset, warnings: [...warnings.values()].map(({ count, ...p }) => (count > 1 ? { ...p, message: `${p.message} (and ${count - 1} more like it)` } : p)) };
}
