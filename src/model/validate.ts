/**
 * Dataset validation
 * ==================
 *
 * `validateDataset` checks an unknown value against the schema and then the
 * rules a schema cannot express: unique ids, references that resolve, offsets
 * inside the text and on whole characters, mentions on the quoted names,
 * evidence on sentence boundaries that names both ends of its relation.
 *
 * It reports every problem at once (up to `maxProblems`), each with its JSON
 * path, the bad value and a fix, and it never throws. Structure is checked
 * record by record, so one broken entity does not hide the dangling
 * references and shifted offsets of the other ninety-nine: cross-reference
 * checks run on every field that is itself well formed. Where a broken record
 * makes a check unanswerable (an entity without a usable id: is a reference to
 * it dangling?), the check is skipped rather than guessed, so one mistake
 * does not cascade into hundreds of false problems.
 *
 * Speed matters too (a 50,000-relation dataset validates and becomes a graph
 * in well under half a second, issue #6): well-formed records take a
 * hand-written fast path (`wellFormed.ts`) that returns exactly what zod
 * would; zod parses, and explains, everything else.
 */

import { z } from 'zod';
import { ENTITY_TYPE_IDS } from './entityTypes.ts';
import { DatasetValidationError, quoteText, quoteValue, type Problem } from './errors.ts';
import { DEFAULT_LIMITS, formatCount, LIMIT_DESCRIPTIONS, limitExceeded, resolveLimits, type DatasetLimits } from './limits.ts';
import { nestsDeeperThan } from './nesting.ts';
import { RELATION_TYPE_IDS } from './relationTypes.ts';
import { isReservedId, reservedIdProblem } from './reservedIds.ts';
import {
  DATASET_VERSION,
  DocumentSchema,
  EntitySchema,
  EvidenceSchema,
  RelationSchema,
  SpanSchema,
  type Dataset,
  type Entity,
  type Evidence,
  type NewsDocument,
  type Relation,
  type Span,
} from './schema.ts';
import { characterSplitAt, isSentenceEnd, isSentenceStart, spanText } from './spans.ts';
import { createSuggester, nearestWord } from './suggest.ts';
import { wellFormedDocument, wellFormedEntity, wellFormedRelation, wellFormedTopLevel } from './wellFormed.ts';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export interface ValidateOptions {
  /** Override limits for this call (tests lower them; a server might raise them). */
  limits?: Partial<DatasetLimits>;
}

export function validateDataset(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const limits = resolveLimits(options.limits);
  const report = new Report(limits.maxProblems);
  let dataset: Dataset | undefined;
  try {
    dataset = checkDataset(input, report, limits);
  } catch (error) {
    if (error !== STOP) {
      // Only reachable with non-JSON values (a getter that throws, a revoked Proxy): JSON.parse output never gets here.
      report.problems.push({
        code: 'unreadable-value',
        path: '',
        message: `validateDataset: the input could not be read as plain data (${error instanceof Error ? error.message : String(error)})`,
        fix: 'pass the result of JSON.parse, or a plain object of arrays, strings, numbers and booleans',
      });
    }
  }
  if (report.problems.length === 0 && dataset) return { ok: true, dataset };
  return { ok: false, problems: report.problems };
}

/** Like `validateDataset`, but throws a `DatasetValidationError` naming `file`. */
export function assertValidDataset(input: unknown, file?: string, options?: ValidateOptions): Dataset {
  const result = validateDataset(input, options);
  if (!result.ok) throw new DatasetValidationError(result.problems, file);
  return result.dataset;
}

/** `relations[12].evidence[0].end` from `['relations', 12, 'evidence', 0, 'end']`; odd keys are quoted: `attributes["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${quoteText(String(key), 60)}]`;
  }
  return out;
}

// ─── Problem collection ──────────────────────────────────────────────────────

const STOP = Symbol('too many problems');

class Report {
  readonly problems: Problem[] = [];
  constructor(private readonly max: number) {}

  add(problem: Problem): void {
    if (this.problems.length >= this.max) {
      this.problems.push({
        code: 'too-many-problems',
        path: '',
        message: `stopped after ${formatCount(this.max)} problems (the limit maxProblems)`,
        fix: `${LIMIT_DESCRIPTIONS.maxProblems.split}; one systematic mistake (shifted offsets, a renamed field) often causes most of them`,
      });
      throw STOP;
    }
    this.problems.push(problem);
  }
}

// ─── Schema issues → problems ────────────────────────────────────────────────

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * The bad value as a problem carries it: as is, unless it nests past the
 * default depth limit — problems travel from the import worker by structured
 * clone, which recurses, and are printed — then as its short preview.
 */
function carriedValue(value: unknown): unknown {
  return nestsDeeperThan(value, DEFAULT_LIMITS.maxNestingDepth) ? quoteValue(value) : value;
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

/** What a well-formed value of each field looks like, for "add the field" and "make it a …" fixes. */
const FIELD_EXAMPLES: Record<string, string> = {
  version: '1',
  title: 'a string, e.g. "Lavrov jokes about Russia’s isolation"',
  documents: 'a list of documents: [{ "id": "seed", "title": "…", "text": "…" }]',
  entities: 'a list of entities: [{ "id": "…", "label": "…", "type": "country", "aliases": [], "mentions": [] }]',
  relations: 'a list of relations: [{ "id": "…", "type": "accused", "source": "…", "target": "…", "evidence": [] }]',
  id: 'a non-empty string, unique among its kind, e.g. "vladimir-putin"',
  label: 'the name as it should be displayed, e.g. "Vladimir Putin"',
  text: 'the full article text as one string',
  source: 'the id of an entity (for a document: where the text came from)',
  target: 'the id of an entity',
  attributedTo: 'the id of the entity whose claim this is',
  aliases: 'a list of other names as written in the text, e.g. ["Putin"] (or [])',
  mentions: 'a list of spans: [{ "document": "seed", "start": 10, "end": 16 }] (or [])',
  evidence: 'a list of sentences: [{ "document": "seed", "start": 0, "end": 120 }]',
  document: 'the id of one of the documents, e.g. "seed"',
  start: 'a whole number: the offset of the first character, counted in UTF-16 code units',
  end: 'a whole number: the offset just past the last character, counted in UTF-16 code units',
  note: 'a non-empty string saying how the sentence refers to an end it does not name (e.g. "\\"he\\" is Putin")',
  hedged: 'true or false',
  negated: 'true or false',
  attributes: 'an object of string, number, true/false or null values',
};

/** The keys a record of each kind may have, by the name of the list holding it. */
const FIELDS_BY_CONTAINER: Record<string, readonly string[]> = {
  '': ['version', 'title', 'documents', 'entities', 'relations'],
  documents: Object.keys(DocumentSchema.shape),
  entities: Object.keys(EntitySchema.shape),
  relations: Object.keys(RelationSchema.shape),
  mentions: Object.keys(SpanSchema.shape),
  evidence: Object.keys(EvidenceSchema.shape),
};

/** Name of the nearest list in the path ("mentions" for `entities[3].mentions[0]`), which decides the allowed fields. */
function containerOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return path[i] as string;
  }
  return '';
}

function problemsFromIssue(issue: z.core.$ZodIssue, root: unknown, prefix: readonly PropertyKey[]): Problem[] {
  const full = [...prefix, ...issue.path];
  const path = formatPath(full);
  const last = full[full.length - 1];
  const field = typeof last === 'string' ? last : containerOf(full.slice(0, -1));
  const value = carriedValue(valueAt(root, issue.path));
  const example = FIELD_EXAMPLES[field];
  switch (issue.code) {
    case 'invalid_type': {
      const present = issue.path.length === 0 ? true : hasPath(root, issue.path);
      if (!present) {
        return [{ code: 'missing-field', path, message: `missing the required field "${String(last)}"`, fix: `add "${String(last)}": ${example ?? 'a value'}` }];
      }
      if (issue.expected === 'int' || ((field === 'start' || field === 'end') && typeof value === 'number')) {
        return [{ code: 'invalid-offset', path, message: 'an offset must be a whole number', fix: `use ${example ?? 'a whole number'}`, value }];
      }
      if (typeof last === 'number' && field === 'aliases') {
        return [{ code: 'wrong-type', path, message: `each alias must be a string, not ${jsonKind(value)}`, fix: 'write each alias as a non-empty string, the name as it appears in the text', value }];
      }
      if (typeof last === 'number') {
        const kind = field === 'evidence' ? 'evidence span' : field === 'mentions' ? 'mention span' : field.replace(/s$/, '').replace(/ie$/, 'y');
        return [{ code: 'wrong-type', path, message: `each ${kind} must be an object, not ${jsonKind(value)}`, fix: `write it as ${objectExample(field)}`, value }];
      }
      return [
        {
          code: 'wrong-type',
          path,
          message: `must be ${issue.expected === 'array' ? 'a list (JSON array)' : issue.expected === 'record' ? 'an object' : `a ${issue.expected}`}, not ${jsonKind(value)}`,
          fix: `make it ${example ?? `a ${issue.expected}`}`,
          value,
        },
      ];
    }
    case 'invalid_value': {
      if (field === 'type') {
        const isRelation = full[0] === 'relations';
        const allowed: readonly string[] = isRelation ? RELATION_TYPE_IDS : ENTITY_TYPE_IDS;
        const kind = isRelation ? 'relation' : 'entity';
        const guess = typeof value === 'string' ? nearestWord(value, allowed) : undefined;
        return [
          {
            code: `unknown-${kind}-type`,
            path,
            message: `unknown ${kind} type${guess ? `; did you mean "${guess}"?` : ''}`,
            fix: `${guess ? `write "${guess}", or use` : 'use'} one of the ${kind} types: ${allowed.join(', ')} (to add a type, extend src/model/${isRelation ? 'relationTypes' : 'entityTypes'}.ts)`,
            value,
          },
        ];
      }
      if (field === 'version') {
        return [
          {
            code: 'wrong-version',
            path,
            message: `this newsgraph reads dataset format version ${DATASET_VERSION} only`,
            fix: `set "version": ${DATASET_VERSION} if the file follows the format in the README, or convert it with the newsgraph release that wrote it`,
            value,
          },
        ];
      }
      return [{ code: 'invalid-value', path, message: issue.message, fix: `use ${example ?? 'an allowed value'}`, value }];
    }
    case 'unrecognized_keys': {
      const allowed = FIELDS_BY_CONTAINER[containerOf(full)] ?? [];
      const hasAttributes = allowed.includes('attributes');
      return issue.keys.map((key) => {
        const guess = nearestWord(key, allowed);
        return {
          code: 'unknown-field',
          path: formatPath([...full, key]),
          message: `unknown field${guess ? `; did you mean "${guess}"?` : ''}`,
          fix: guess
            ? `rename "${key}" to "${guess}"`
            : `remove "${key}"${hasAttributes ? ', or move its value into "attributes"' : ''} (allowed fields here: ${allowed.join(', ')})`,
          value: carriedValue(valueAt(root, [...issue.path, key])),
        };
      });
    }
    case 'too_small': {
      if (issue.origin === 'number') {
        return [{ code: 'invalid-offset', path, message: 'an offset must be 0 or more', fix: `use ${example ?? 'a whole number from 0'}`, value }];
      }
      if (typeof last === 'number') return [{ code: 'empty-value', path, message: 'must not be empty', fix: `remove the empty item from "${field}", or write the name in it`, value }];
      return [{ code: 'empty-value', path, message: 'must not be empty', fix: example ? `make it ${example}` : 'give it a value, or remove the field if it is optional', value }];
    }
    case 'invalid_union':
      return [
        {
          code: 'wrong-type',
          path,
          message: `an attribute value must be a string, a number, true/false or null, not ${jsonKind(value)}`,
          fix: 'flatten it into a string, or split it into several attributes',
          value,
        },
      ];
    default:
      return [{ code: 'invalid-value', path, message: issue.message, fix: `use ${example ?? 'a value the dataset format allows (see the README)'}`, value }];
  }
}

function hasPath(root: unknown, path: readonly PropertyKey[]): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!);
}

function objectExample(container: string): string {
  switch (container) {
    case 'documents':
      return '{ "id": "…", "title": "…", "text": "…" }';
    case 'entities':
      return '{ "id": "…", "label": "…", "type": "person", "aliases": [], "mentions": [] }';
    case 'relations':
      return '{ "id": "…", "type": "accused", "source": "…", "target": "…", "evidence": [] }';
    default:
      return '{ "document": "…", "start": 0, "end": 10 }';
  }
}

/**
 * The fast path's answer for a well-formed value, or undefined: then zod
 * decides. A throw (a hostile getter) also means "ask zod", which meets the
 * same throw and reports it as before.
 */
function tryFast<T>(fast: (raw: unknown) => T | undefined, raw: unknown): T | undefined {
  try {
    return fast(raw);
  } catch {
    return undefined;
  }
}

/** Parses one record (the hand-written fast path first, zod for the rest); its schema issues go to the report with the record's path. */
function parseRecord<T>(fast: (raw: unknown) => T | undefined, schema: z.ZodType<T>, raw: unknown, list: string, index: number, report: Report): T | undefined {
  const quick = tryFast(fast, raw);
  if (quick !== undefined) return quick;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) for (const problem of problemsFromIssue(issue, raw, [list, index])) report.add(problem);
  return undefined;
}

// ─── The checks ──────────────────────────────────────────────────────────────

/** The top level, with the three lists left for record-by-record checks. */
const TopLevelSchema = z.strictObject({
  version: z.literal(DATASET_VERSION),
  title: z.string().optional(),
  documents: z.array(z.unknown()),
  entities: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The well-formed spans of a possibly broken list, at their original indices
 * (so paths stay right); `undefined` where an item is malformed.
 */
function salvageSpans<S extends Span>(list: unknown, schema: z.ZodType<S>): { spans: Array<S | undefined>; complete: boolean } {
  if (!Array.isArray(list)) return { spans: [], complete: false };
  let complete = true;
  const spans = list.map((item) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) complete = false;
    return parsed.success ? parsed.data : undefined;
  });
  return { spans, complete };
}

/**
 * The entities that references resolve to (the first record with each id),
 * by number: the id map holds small integers and the per-entity facts sit in
 * flat arrays, so checking the 100,000 ends of 50,000 relations reads no
 * per-entity object.
 */
class EntityViews {
  readonly numbers = new Map<string, number>();
  readonly mentions: Span[][] = [];
  /** False when some mentions were malformed or unreadable: then "no mention in this sentence" cannot be concluded. */
  readonly complete: boolean[] = [];

  add(id: string, mentions: Span[], complete: boolean): number {
    const number = this.mentions.length;
    this.numbers.set(id, number);
    this.mentions.push(mentions);
    this.complete.push(complete);
    return number;
  }

  mentionsOf(id: string): Span[] {
    const number = this.numbers.get(id);
    return number === undefined ? [] : this.mentions[number]!;
  }
}

/** `names.includes(text.slice(span.start, span.end))`, without building the slice for each of a large dataset's mentions. */
function quotesOneOf(text: string, span: Span, names: readonly string[]): boolean {
  const length = span.end - span.start;
  for (const name of names) if (name.length === length && text.startsWith(name, span.start)) return true;
  return false;
}

function checkDataset(input: unknown, report: Report, limits: DatasetLimits): Dataset | undefined {
  if (!isRecord(input)) {
    report.add({
      code: 'wrong-top-level',
      path: '',
      message: `a newsgraph dataset is one JSON object, but this is ${jsonKind(input)}`,
      fix: 'wrap the data as { "version": 1, "documents": [...], "entities": [...], "relations": [...] }',
      value: carriedValue(input),
    });
    return undefined;
  }
  const keys = Object.keys(input);
  if (!Object.hasOwn(input, 'documents') && !Object.hasOwn(input, 'entities') && !Object.hasOwn(input, 'relations') && keys.length > 0) {
    // None of the dataset's fields: listing each missing and unknown field would bury the one useful fact.
    report.add({
      code: 'wrong-top-level',
      path: '',
      message: `this JSON object is not a newsgraph dataset: it has none of "documents", "entities", "relations" (its fields: ${keys.slice(0, 6).map((k) => quoteText(k, 30)).join(', ')}${keys.length > 6 ? ', …' : ''})`,
      fix: 'give the path of a dataset file; a graph in another format (graphology JSON with "nodes" and "edges", GEXF, GraphML, CSV) must be imported, not validated',
    });
    return undefined;
  }
  let topOk = true;
  let title: string | undefined;
  const quickTop = tryFast((raw) => wellFormedTopLevel(raw, DATASET_VERSION), input);
  if (quickTop) title = quickTop.title;
  else {
    const top = TopLevelSchema.safeParse(input);
    if (top.success) title = top.data.title;
    else {
      topOk = false;
      for (const issue of top.error.issues) for (const problem of problemsFromIssue(issue, input, [])) report.add(problem);
    }
  }

  const lists: Partial<Record<'documents' | 'entities' | 'relations', unknown[]>> = {};
  const maxima = { documents: 'maxDocuments', entities: 'maxEntities', relations: 'maxRelations' } as const;
  for (const name of ['documents', 'entities', 'relations'] as const) {
    const list = input[name];
    if (!Array.isArray(list)) continue;
    const limit = maxima[name];
    if (list.length > limits[limit]) {
      report.add(limitExceeded(name, limit, limits[limit], list.length));
      topOk = false;
      continue;
    }
    lists[name] = list;
  }

  // Documents: ids and texts, usable for offsets only when well formed and within limits.
  const documentIds = new Set<string>();
  const documentViews = new Map<string, DocumentView>();
  let documentsResolvable = lists.documents !== undefined;
  const documents: NewsDocument[] = [];
  lists.documents?.forEach((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    let text = typeof record.text === 'string' ? record.text : undefined;
    let withinLimit = true;
    if (text !== undefined && text.length > limits.maxDocumentLength) {
      report.add(limitExceeded(`documents[${i}].text`, 'maxDocumentLength', limits.maxDocumentLength, text.length));
      text = undefined;
      withinLimit = false;
    }
    const parsed = parseRecord(wellFormedDocument, DocumentSchema, raw, 'documents', i, report);
    if (parsed && withinLimit) documents.push(parsed);
    const id = nonEmptyString(record.id);
    if (id === undefined) {
      documentsResolvable = false;
      return;
    }
    if (isReservedId(id)) report.add(reservedIdProblem(`documents[${i}].id`, id, 'document id'));
    if (documentIds.has(id)) {
      report.add(duplicateId(`documents[${i}].id`, id, 'document'));
      return;
    }
    documentIds.add(id);
    if (text !== undefined) documentViews.set(id, new DocumentView(text));
  });

  const spanChecker = new SpanChecker(report, documentIds, documentViews, documentsResolvable);

  // Entities: schema, ids, mentions on names.
  const entityViews = new EntityViews();
  let entitiesResolvable = lists.entities !== undefined;
  const entities: Entity[] = [];
  lists.entities?.forEach((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    const parsed = parseRecord(wellFormedEntity, EntitySchema, raw, 'entities', i, report);
    if (parsed) entities.push(parsed);
    const id = nonEmptyString(record.id);
    // A parsed record is a copy with exactly the schema's shape: the checks read it directly.
    const { spans, complete } = parsed ? { spans: parsed.mentions, complete: true } : salvageSpans(record.mentions, SpanSchema);
    let view: number | undefined;
    if (id !== undefined && isReservedId(id)) report.add(reservedIdProblem(`entities[${i}].id`, id, 'entity id'));
    if (id === undefined) entitiesResolvable = false;
    else if (entityViews.numbers.has(id)) report.add(duplicateId(`entities[${i}].id`, id, 'entity'));
    else view = entityViews.add(id, complete ? (spans as Span[]) : spans.filter((s) => s !== undefined), complete);

    // Judge "is this a name?" only against a complete list of names: a broken alias list would make right mentions look wrong.
    let names: string[];
    if (parsed) names = [parsed.label, ...parsed.aliases];
    else {
      const label = nonEmptyString(record.label);
      const aliases = Array.isArray(record.aliases) && record.aliases.every((a) => nonEmptyString(a) !== undefined) ? (record.aliases as string[]) : undefined;
      names = label === undefined || aliases === undefined ? [] : [label, ...aliases];
    }
    for (let j = 0; j < spans.length; j++) {
      const span = spans[j];
      if (span === undefined) continue;
      const document = spanChecker.check(span, 'entities', i, 'mentions', j);
      // A mention that points nowhere cannot vouch for evidence either: stop judging this entity's evidence, do not cascade.
      if (document === undefined) {
        if (view !== undefined) entityViews.complete[view] = false;
        continue;
      }
      if (view !== undefined) document.addMention(span.start, span.end, view);
      if (names.length === 0 || quotesOneOf(document.text, span, names)) continue;
      checkMentionIsName(report, document.text, span, spanText(document.text, span), i, j, id ?? `#${i}`, names);
    }
  });

  // Relations: schema, ids, references, evidence.
  const relationIds = new Set<string>();
  const mentionIndex = new MentionIndex(entityViews);
  const relations: Relation[] = [];
  const suggestEntity = lazySuggester(() => [...entityViews.numbers.keys()]);
  /** The entity `ref` names (looked up once per relation end, as it serves every evidence span); a dangling reference is reported. */
  const resolveReference = (i: number, field: 'source' | 'target' | 'attributedTo', ref: string | undefined): number | undefined => {
    if (ref === undefined) return undefined;
    const view = entityViews.numbers.get(ref);
    if (view !== undefined || !entitiesResolvable) return view;
    const guess = suggestEntity(ref);
    report.add({
      code: 'dangling-reference',
      path: `relations[${i}].${field}`,
      message: `no entity has this id${guess ? `; did you mean "${guess}"?` : ''}`,
      fix: guess ? `write "${guess}", or add an entity with id ${quoteText(ref)}` : `add an entity with id ${quoteText(ref)}, or point ${field} at an existing entity`,
      value: ref,
    });
    return undefined;
  };
  const checkMentioned = (i: number, j: number, document: DocumentView, span: Evidence, field: 'source' | 'target', entityId: string, view: number | undefined): void => {
    if (view === undefined || !entityViews.complete[view]) return;
    // The document's own index answers unless the sentence is crowded with mentions; then the entity's index does.
    if (document.hasMention(view, span.start, span.end) ?? mentionIndex.hasMentionWithin(entityId, span)) return;
    report.add({
      code: 'evidence-missing-mention',
      path: `relations[${i}].evidence[${j}]`,
      message: `the sentence ${quoteText(spanText(document.text, span), 60)} has no recorded mention of the ${field} ${quoteText(entityId, 60)}`,
      fix: `add the name's position in this sentence to that entity's "mentions", or add a "note" saying how the sentence refers to it (e.g. a pronoun)`,
    });
  };
  lists.relations?.forEach((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    const parsed = parseRecord(wellFormedRelation, RelationSchema, raw, 'relations', i, report);
    if (parsed) relations.push(parsed);
    const id = nonEmptyString(record.id);
    if (id !== undefined) {
      if (isReservedId(id)) report.add(reservedIdProblem(`relations[${i}].id`, id, 'relation id'));
      if (relationIds.has(id)) report.add(duplicateId(`relations[${i}].id`, id, 'relation'));
      relationIds.add(id);
    }
    const source = nonEmptyString(record.source);
    const target = nonEmptyString(record.target);
    const sourceView = resolveReference(i, 'source', source);
    const targetView = resolveReference(i, 'target', target);
    resolveReference(i, 'attributedTo', nonEmptyString(record.attributedTo));
    const spans = parsed ? parsed.evidence : salvageSpans(record.evidence, EvidenceSchema).spans;
    for (let j = 0; j < spans.length; j++) {
      const span = spans[j];
      if (span === undefined) continue;
      const document = spanChecker.check(span, 'relations', i, 'evidence', j);
      if (document === undefined) continue;
      checkEvidenceIsSentence(report, document.text, span, i, j);
      if (span.note !== undefined) continue;
      if (source !== undefined) checkMentioned(i, j, document, span, 'source', source, sourceView);
      if (target !== undefined && target !== source) checkMentioned(i, j, document, span, 'target', target, targetView);
    }
  });

  if (!topOk || report.problems.length > 0) return undefined;
  return {
    version: DATASET_VERSION,
    ...(title !== undefined ? { title } : {}),
    documents,
    entities,
    relations,
  };
}

/**
 * "Did you mean" for ids, bounded: the candidates are prepared only when a
 * reference dangles, only the first few dozen dangling references get a
 * suggestion (a file where thousands dangle has one systematic mistake, and
 * comparing each with 100,000 ids would freeze the validator), and huge id
 * lists get none.
 */
function lazySuggester(candidates: () => string[], budget = 50, maxCandidates = 10_000): (input: string) => string | undefined {
  let suggest: ((input: string) => string | undefined) | undefined;
  let left = budget;
  return (input) => {
    if (left <= 0) return undefined;
    left--;
    if (!suggest) {
      const list = candidates();
      suggest = list.length <= maxCandidates ? createSuggester(list) : () => undefined;
    }
    return suggest(input);
  };
}

function duplicateId(path: string, id: string, kind: string): Problem {
  return {
    code: 'duplicate-id',
    path,
    message: `another ${kind} earlier in the list already has this id`,
    fix: `give each ${kind} a unique id (if both records mean the same ${kind}, merge them into one)`,
    value: id,
  };
}

/** Checks a span's document and offsets; returns the document text when the span can be read. */
class SpanChecker {
  private readonly idList: string[];
  private readonly suggest: (input: string) => string | undefined;
  constructor(
    private readonly report: Report,
    private readonly ids: Set<string>,
    private readonly texts: Map<string, DocumentView>,
    private readonly resolvable: boolean,
  ) {
    this.idList = [...ids];
    this.suggest = lazySuggester(() => this.idList);
  }

  // Consecutive spans mostly quote the same document: remember the last one found.
  private lastId: string | undefined;
  private lastView: DocumentView | undefined;

  /** The path (`entities[3].mentions[0]`) is built only when there is a problem to report: most spans have none. */
  check(span: Span, list: string, i: number, field: string, j: number): DocumentView | undefined {
    const view = span.document === this.lastId ? this.lastView : this.texts.get(span.document);
    if (view === undefined) {
      // A known document without a usable text was reported where it is defined.
      if (this.ids.has(span.document) || !this.resolvable) return undefined;
      const guess = this.suggest(span.document);
      this.report.add({
        code: 'dangling-reference',
        path: `${spanPath(list, i, field, j)}.document`,
        message: `no document has this id${guess ? `; did you mean "${guess}"?` : ''}`,
        fix: `use the id of one of the documents (${this.idList.slice(0, 5).map((id) => quoteText(id, 40)).join(', ') || 'none is defined: add one to "documents"'}${this.idList.length > 5 ? ', …' : ''})`,
        value: span.document,
      });
      return undefined;
    }
    this.lastId = span.document;
    this.lastView = view;
    const text = view.text;
    const length = text.length;
    if (span.start > length || span.end > length) {
      if (span.start > length) this.report.add(outOfRange(`${spanPath(list, i, field, j)}.start`, span.document, length, span.start));
      if (span.end > length) this.report.add(outOfRange(`${spanPath(list, i, field, j)}.end`, span.document, length, span.end));
      return undefined;
    }
    if (span.start >= span.end) {
      this.report.add({
        code: 'empty-span',
        path: `${spanPath(list, i, field, j)}.start`,
        message: `start must be less than end (${span.end}): the span covers no text`,
        fix: 'make the span cover at least one character: start < end (end is exclusive)',
        value: span.start,
      });
      return undefined;
    }
    const startSplit = characterSplitAt(text, span.start);
    const endSplit = characterSplitAt(text, span.end);
    if (startSplit === undefined && endSplit === undefined) return view;
    if (startSplit !== undefined) this.report.add(splitCharacter(`${spanPath(list, i, field, j)}.start`, text, span.start, 'start', startSplit));
    if (endSplit !== undefined) this.report.add(splitCharacter(`${spanPath(list, i, field, j)}.end`, text, span.end, 'end', endSplit));
    return undefined;
  }
}

function spanPath(list: string, i: number, field: string, j: number): string {
  return `${list}[${i}].${field}[${j}]`;
}

function outOfRange(path: string, document: string, length: number, offset: number): Problem {
  return {
    code: 'offset-out-of-range',
    path,
    message: `offset is past the end of document ${quoteText(document, 40)}, whose text is ${formatCount(length)} UTF-16 code units long`,
    fix: `use an offset from 0 to ${length}, counted in UTF-16 code units as JavaScript strings do (an emoji counts 2)`,
    value: offset,
  };
}

function splitCharacter(path: string, text: string, offset: number, field: 'start' | 'end', reason: string): Problem {
  return {
    code: 'split-character',
    path,
    message: `the offset cuts a character in two: ${reason} (text around it: ${quoteText(text.slice(Math.max(0, offset - 8), offset + 8), 40)})`,
    fix: `move ${field} to ${wholeCharacterBoundaries(text, offset).join(' or ')}, the whole-character boundaries either side (offsets count UTF-16 code units, so an emoji counts 2 or more)`,
    value: offset,
  };
}

/** The whole-character boundaries either side of `offset` (looking at most 32 code units: no real character is longer). */
function wholeCharacterBoundaries(text: string, offset: number): [number, number] {
  let before = offset;
  while (before > 0 && offset - before < 32 && characterSplitAt(text, before)) before--;
  let after = offset;
  while (after < text.length && after - offset < 32 && characterSplitAt(text, after)) after++;
  return [before, after];
}

/** Called when a mention's text is not literally a name: accepts it if only the Unicode normalization differs, else reports it with the likeliest fix. */
function checkMentionIsName(
  report: Report,
  text: string,
  span: Span,
  quoted: string,
  entityIndex: number,
  mentionIndex: number,
  entityId: string,
  names: string[],
): void {
  // The same name in another Unicode normalization (é as one code point or as e + ◌́) is the same name.
  const normalized = quoted.normalize('NFC');
  if (names.some((name) => name.normalize('NFC') === normalized)) return;
  let fix = `move the span onto the name as written, or add ${quoteText(quoted, 60)} to entities[${entityIndex}].aliases`;
  const trimmed = quoted.trim();
  if (trimmed !== quoted && names.includes(trimmed)) {
    const start = span.start + quoted.indexOf(trimmed);
    fix = `the span includes white space around the name: use start ${start} and end ${start + trimmed.length}`;
  } else {
    const found = nearestOccurrence(text, names, span.start);
    if (found) {
      fix = `the name ${quoteText(found.name, 60)} appears at start ${found.start}, end ${found.start + found.name.length} (${found.start - span.start > 0 ? '+' : ''}${found.start - span.start} from here): if the offsets were counted differently (bytes, code points, CRLF as one), recount them in UTF-16 code units; otherwise ${fix}`;
    }
  }
  report.add({
    code: 'mention-not-a-name',
    path: `entities[${entityIndex}].mentions[${mentionIndex}]`,
    message: `the text at ${span.start}–${span.end} is neither the label nor an alias of entity ${quoteText(entityId, 60)}`,
    fix,
    value: quoted,
  });
}

/** The occurrence of any of `names` closest to `offset`, looking at most 1,000 code units either way. */
function nearestOccurrence(text: string, names: string[], offset: number): { name: string; start: number } | undefined {
  const from = Math.max(0, offset - 1_000);
  const to = Math.min(text.length, offset + 1_000);
  const window = text.slice(from, to);
  let best: { name: string; start: number } | undefined;
  for (const name of names) {
    for (let at = window.indexOf(name); at >= 0; at = window.indexOf(name, at + 1)) {
      const start = from + at;
      if (!best || Math.abs(start - offset) < Math.abs(best.start - offset)) best = { name, start };
    }
  }
  return best;
}

function checkEvidenceIsSentence(report: Report, text: string, span: Evidence, relationIndex: number, evidenceIndex: number): void {
  if (!isSentenceStart(text, span.start)) {
    const candidate = nearestWhere(span.start, text.length, (k) => isSentenceStart(text, k));
    report.add({
      code: 'evidence-not-sentence',
      path: `relations[${relationIndex}].evidence[${evidenceIndex}].start`,
      message: `evidence must quote whole sentences, but this starts mid-sentence (text from there: ${quoteText(text.slice(span.start, span.start + 30), 40)})`,
      fix: `move start to the first character of the sentence${candidate !== undefined ? ` (probably ${candidate}: ${quoteText(text.slice(candidate, candidate + 30), 40)})` : ''}`,
      value: span.start,
    });
  }
  if (!isSentenceEnd(text, span.end)) {
    const candidate = nearestWhere(span.end, text.length, (k) => isSentenceEnd(text, k));
    report.add({
      code: 'evidence-not-sentence',
      path: `relations[${relationIndex}].evidence[${evidenceIndex}].end`,
      message: `evidence must quote whole sentences, but this ends mid-sentence (text before it: ${quoteText(text.slice(Math.max(0, span.end - 30), span.end), 40)})`,
      fix: `move end just past the sentence's closing punctuation and closing quote mark${candidate !== undefined ? ` (probably ${candidate}: ${quoteText(text.slice(Math.max(0, candidate - 30), candidate), 40)})` : ''}`,
      value: span.end,
    });
  }
}

/** The offset nearest to `from` (within 600, earlier first on a tie) where `test` holds: the likely intended sentence boundary. Bounded, as it runs once per bad span. */
function nearestWhere(from: number, length: number, test: (offset: number) => boolean): number | undefined {
  for (let distance = 1; distance <= 600; distance++) {
    if (from - distance >= 0 && test(from - distance)) return from - distance;
    if (from + distance <= length && test(from + distance)) return from + distance;
    if (from - distance < 0 && from + distance > length) return undefined;
  }
  return undefined;
}

/** How many mentions a document index scans inside one sentence before handing the question to the per-entity index. */
const CROWDED_SENTENCE = 32;

/**
 * A document's text, and its recorded mentions for "does entity X have a
 * mention inside this sentence?": flat arrays sorted by start (on first use),
 * so the question costs a binary search and a look at the sentence's few
 * mentions, in memory that consecutive evidence spans of the same document
 * share. A sentence crowded with mentions is left to `MentionIndex`, so a
 * pathological one cited by many relations stays cheap.
 */
class DocumentView {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly owners: number[] = [];
  private sorted: { starts: Int32Array; ends: Int32Array; owners: Int32Array } | undefined;
  constructor(readonly text: string) {}

  /** Records a mention that passed its checks, owned by entity view number `owner`. */
  addMention(start: number, end: number, owner: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.owners.push(owner);
    this.sorted = undefined;
  }

  /** Whether `owner` has a mention within [start, end); undefined when the span holds too many mentions to scan. */
  hasMention(owner: number, start: number, end: number): boolean | undefined {
    const { starts, ends, owners } = this.sorted ?? this.sort();
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const stop = Math.min(starts.length, lo + CROWDED_SENTENCE);
    let k = lo;
    for (; k < stop && starts[k]! < end; k++) if (owners[k] === owner && ends[k]! <= end) return true;
    return k === stop && k < starts.length && starts[k]! < end ? undefined : false;
  }

  private sort(): { starts: Int32Array; ends: Int32Array; owners: Int32Array } {
    const n = this.starts.length;
    const order = sortedOrder(this.starts, this.text.length);
    const sorted = { starts: new Int32Array(n), ends: new Int32Array(n), owners: new Int32Array(n) };
    for (let k = 0; k < n; k++) {
      const from = order[k]!;
      sorted.starts[k] = this.starts[from]!;
      sorted.ends[k] = this.ends[from]!;
      sorted.owners[k] = this.owners[from]!;
    }
    this.sorted = sorted;
    return sorted;
  }
}

/** The indices of `values` (whole numbers from 0 to `max`) in ascending order of value. */
function sortedOrder(values: readonly number[], max: number): ArrayLike<number> {
  const n = values.length;
  // Pack value and index into one exact number, so a native numeric sort does the work without a comparator
  // (32-bit integers sort about twice as fast as doubles; doubles hold any realistic document).
  const packed = n * (max + 1) <= 0x7fffffff ? new Int32Array(n) : n * (max + 1) <= Number.MAX_SAFE_INTEGER ? new Float64Array(n) : undefined;
  if (packed === undefined) return Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  for (let k = 0; k < n; k++) packed[k] = values[k]! * n + k;
  packed.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k]! % n;
  return order;
}

/**
 * "Does entity X have a mention inside this sentence?" Entities with many
 * mentions are indexed on first use, per document, as flat [start, end, start, end, …]
 * number arrays sorted by start: hubs with thousands of mentions answer by
 * binary search, and lookups allocate nothing.
 */
class MentionIndex {
  private readonly byEntity = new Map<string, Map<string, number[]>>();
  constructor(private readonly views: EntityViews) {}

  private build(entityId: string): Map<string, number[]> {
    const byDocument = new Map<string, Span[]>();
    for (const mention of this.views.mentionsOf(entityId)) {
      const list = byDocument.get(mention.document);
      if (list) list.push(mention);
      else byDocument.set(mention.document, [mention]);
    }
    const index = new Map<string, number[]>();
    for (const [document, list] of byDocument) {
      // Curated and extracted mentions are almost always in text order already.
      if (list.some((m, k) => k > 0 && m.start < list[k - 1]!.start)) list.sort((a, b) => a.start - b.start);
      const flat = new Array<number>(list.length * 2);
      list.forEach((m, k) => {
        flat[2 * k] = m.start;
        flat[2 * k + 1] = m.end;
      });
      index.set(document, flat);
    }
    this.byEntity.set(entityId, index);
    return index;
  }

  hasMentionWithin(entityId: string, outer: Span): boolean {
    const mentions = this.views.mentionsOf(entityId);
    // Most entities have a handful of mentions: a scan beats building an index.
    if (mentions.length <= 16) {
      for (const m of mentions) if (m.start >= outer.start && m.end <= outer.end && m.document === outer.document) return true;
      return false;
    }
    const flat = (this.byEntity.get(entityId) ?? this.build(entityId)).get(outer.document);
    if (!flat) return false;
    let lo = 0;
    let hi = flat.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flat[2 * mid]! < outer.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 2 * lo; k < flat.length && flat[k]! < outer.end; k += 2) {
      if (flat[k + 1]! <= outer.end) return true;
    }
    return false;
  }
}
