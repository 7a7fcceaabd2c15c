/**
 * The dataset check
 * =================
 *
 * The rules a schema cannot express, in stages that each return what the
 * next one needs: the top level (the three lists, within their limits), the
 * documents (ids and texts), the entities (numbers and recorded mentions),
 * the relations (references and evidence). Structure is checked record by
 * record, so one broken entity does not hide the problems of the other
 * ninety-nine; where a broken record makes a check unanswerable (is a
 * reference to an entity without a usable id dangling?), the check is
 * skipped rather than guessed.
 */

import { z } from 'zod';
import { quoteText, type Problem } from '../errors.ts';
import { limitExceeded, type DatasetLimits } from '../limits.ts';
import { isReservedId, reservedIdProblem } from '../reservedIds.ts';
import {
  DATASET_VERSION,
  DocumentSchema,
  EntitySchema,
  EntityTypeDeclarationSchema,
  RelationTypeDeclarationSchema,
  EvidenceSchema,
  HistorySchema,
  RelationSchema,
  type History,
  SpanSchema,
  type Dataset,
  type Entity,
  type Evidence,
  type NewsDocument,
  type Relation,
  type EntityTypeDeclaration,
  type RelationTypeDeclaration,
} from '../schema.ts';
import { BUILT_IN_ENTITY_TYPE_IDS, isBuiltInEntityTypeId } from '../entityTypes.ts';
import { BUILT_IN_RELATION_TYPE_IDS, isBuiltInRelationTypeId } from '../relationTypes.ts';
import { nearestWord } from '../suggest.ts';
import { spanText } from '../spans.ts';
import { lazySuggester } from '../suggest.ts';
import { wellFormedDocument, wellFormedEntity, wellFormedRelation, wellFormedTopLevel } from '../wellFormed.ts';
import { MentionIndex } from './mentionIndex.ts';
import type { Report } from './report.ts';
import { checkEventInEvidence, checkEvidenceIsSentence, checkMentionIsName, checkReportedSpells, quotesOneOf, readSpells, SpanChecker } from './spanChecks.ts';
import { isRecord, nonEmptyString, parseRecord, salvageSpans, tryFast, type JsonRecord } from './records.ts';
import { carriedValue, jsonKind, problemsFromIssue } from './zodProblems.ts';

export function checkDataset(input: unknown, report: Report, limits: DatasetLimits): Dataset | undefined {
  const top = checkTopLevel(input, report, limits);
  if (top === undefined) return undefined;
  const types = checkDeclaredTypes(top.lists, report);
  const documents = checkDocuments(top.lists.documents, report, limits);
  const spans = new SpanChecker(report, documents.ids, documents.texts, documents.resolvable);
  const entities = checkEntities(top.lists.entities, report, spans, types);
  const relations = checkRelations(top.lists.relations, report, spans, entities, types);
  const history = checkHistory(input, report);
  if (!top.ok || report.problems.length > 0) return undefined;
  return {
    version: DATASET_VERSION,
    ...(top.title !== undefined ? { title: top.title } : {}),
    ...(top.lists.relationTypes !== undefined ? { relationTypes: types.relationDeclarations } : {}),
    ...(top.lists.entityTypes !== undefined ? { entityTypes: types.entityDeclarations } : {}),
    documents: documents.records,
    entities: entities.records,
    relations,
    ...(history !== undefined ? { history } : {}),
  };
}

// ─── The edit history ────────────────────────────────────────────────────────

/**
 * The analyst's edits (review/history.ts), parsed whole by zod: they are few,
 * and an undo checks each snapshot against the data before it applies it, so
 * a history edited by hand cannot corrupt the dataset, only refuse to undo.
 */
function checkHistory(input: unknown, report: Report): History | undefined {
  if (!isRecord(input) || input.history === undefined) return undefined;
  const parsed = HistorySchema.safeParse(input.history);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) for (const problem of problemsFromIssue(issue, input.history, ['history'])) report.add(problem);
  return undefined;
}

// ─── The top level ───────────────────────────────────────────────────────────

/** The top level, with the three lists left for record-by-record checks. */
const TopLevelSchema = z.strictObject({
  version: z.literal(DATASET_VERSION),
  title: z.string().optional(),
  relationTypes: z.array(z.unknown()).optional(),
  entityTypes: z.array(z.unknown()).optional(),
  documents: z.array(z.unknown()),
  entities: z.array(z.unknown()),
  relations: z.array(z.unknown()),
  history: z.unknown().optional(),
});

interface TopLevel {
  /** False when the top level itself has a problem: then no dataset is returned, whatever the records say. */
  ok: boolean;
  title: string | undefined;
  /** The lists that are arrays within their limits; the others are not checked record by record. */
  lists: Partial<Record<'relationTypes' | 'entityTypes' | 'documents' | 'entities' | 'relations', unknown[]>>;
}

/** Undefined when the input is not a dataset at all: then one problem says so, rather than one per missing field. */
function checkTopLevel(input: unknown, report: Report, limits: DatasetLimits): TopLevel | undefined {
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
  let ok = true;
  let title: string | undefined;
  const quickTop = tryFast((raw) => wellFormedTopLevel(raw, DATASET_VERSION), input);
  if (quickTop) title = quickTop.title;
  else {
    const parsed = TopLevelSchema.safeParse(input);
    if (parsed.success) title = parsed.data.title;
    else {
      ok = false;
      for (const issue of parsed.error.issues) for (const problem of problemsFromIssue(issue, input, [])) report.add(problem);
    }
  }

  const lists: TopLevel['lists'] = {};
  const maxima = { documents: 'maxDocuments', entities: 'maxEntities', relations: 'maxRelations' } as const;
  for (const name of ['documents', 'entities', 'relations'] as const) {
    const list = input[name];
    if (!Array.isArray(list)) continue;
    const limit = maxima[name];
    if (list.length > limits[limit]) {
      report.add(limitExceeded(name, limit, limits[limit], list.length));
      ok = false;
      continue;
    }
    lists[name] = list;
  }
  for (const name of ['relationTypes', 'entityTypes'] as const) {
    const list = input[name];
    if (Array.isArray(list)) lists[name] = list;
  }
  return { ok, title, lists };
}

// ─── Declared types ──────────────────────────────────────────────────────────

interface CheckedTypes {
  relationDeclarations: RelationTypeDeclaration[];
  entityDeclarations: EntityTypeDeclaration[];
  /** Every relation type id a relation may use: built in or declared. */
  relationIds: ReadonlySet<string>;
  entityIds: ReadonlySet<string>;
  /** False when some declaration is broken: then an unknown type may be that one's, and is not reported. */
  resolvable: boolean;
}

/**
 * The dataset's own relation and entity types. An id may be declared once,
 * may not be a built-in type id of either kind (`--types` lists mix the two,
 * and a file cannot redefine "sanctioned"), and may not be a reserved name.
 */
function checkDeclaredTypes(lists: TopLevel['lists'], report: Report): CheckedTypes {
  const builtIn = new Set<string>([...BUILT_IN_RELATION_TYPE_IDS, ...BUILT_IN_ENTITY_TYPE_IDS]);
  const declared = new Set<string>();
  let resolvable = true;
  const declare = <T extends { id: string }>(field: 'relationTypes' | 'entityTypes', schema: z.ZodType<T>): T[] => {
    const out: T[] = [];
    lists[field]?.forEach((raw, i) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        // A broken declaration may be the one a relation names: do not call that relation's type unknown.
        resolvable = false;
        for (const issue of parsed.error.issues) for (const problem of problemsFromIssue(issue, raw, [field, i])) report.add(problem);
        return;
      }
      const path = `${field}[${i}].id`;
      if (isReservedId(parsed.data.id)) report.add(reservedIdProblem(path, parsed.data.id, 'type id'));
      else if (builtIn.has(parsed.data.id)) {
        report.add({
          code: 'duplicate-id',
          path,
          message: `${quoteText(parsed.data.id)} is a built-in ${isBuiltInRelationTypeId(parsed.data.id) ? 'relation' : 'entity'} type, which a dataset cannot redeclare`,
          fix: `remove this declaration to use the built-in type, or give the dataset's own type another id (e.g. ${quoteText(`${parsed.data.id}-2`)}) and use that id`,
          value: parsed.data.id,
        });
      } else if (declared.has(parsed.data.id)) report.add(duplicateId(path, parsed.data.id, 'declared type'));
      else {
        declared.add(parsed.data.id);
        out.push(parsed.data);
      }
    });
    return out;
  };
  const relationDeclarations = declare('relationTypes', RelationTypeDeclarationSchema);
  const entityDeclarations = declare('entityTypes', EntityTypeDeclarationSchema);
  return {
    relationDeclarations,
    entityDeclarations,
    relationIds: new Set<string>([...BUILT_IN_RELATION_TYPE_IDS, ...relationDeclarations.map((d) => d.id)]),
    entityIds: new Set<string>([...BUILT_IN_ENTITY_TYPE_IDS, ...entityDeclarations.map((d) => d.id)]),
    resolvable,
  };
}

/** A relation's or entity's type that is neither built in nor declared. */
function checkTypeKnown(report: Report, types: CheckedTypes, kind: 'relation' | 'entity', path: string, type: unknown): void {
  if (typeof type !== 'string' || type.length === 0 || !types.resolvable) return;
  const known = kind === 'relation' ? types.relationIds : types.entityIds;
  if (known.has(type)) return;
  const builtInOther = kind === 'relation' ? isBuiltInEntityTypeId(type) : isBuiltInRelationTypeId(type);
  const guess = nearestWord(type, [...known]);
  const field = kind === 'relation' ? 'relationTypes' : 'entityTypes';
  report.add({
    code: `unknown-${kind}-type`,
    path,
    message: `unknown ${kind} type${builtInOther ? ` (${quoteText(type)} is an ${kind === 'relation' ? 'entity' : 'relation'} type)` : ''}${guess ? `; did you mean "${guess}"?` : ''}`,
    fix: guess
      ? `write "${guess}", or declare ${JSON.stringify(type)} in the dataset's "${field}" to keep it as a type of its own`
      : `declare it in the dataset's "${field}" (e.g. { "id": ${JSON.stringify(type)}, "label": ${JSON.stringify(type.replace(/-/g, ' '))}${kind === 'relation' ? ', "directed": true' : ''} }), or use one of the built-in ${kind} types: ${(kind === 'relation' ? BUILT_IN_RELATION_TYPE_IDS : BUILT_IN_ENTITY_TYPE_IDS).join(', ')}`,
    value: type,
  });
}

// ─── Documents ───────────────────────────────────────────────────────────────

interface CheckedDocuments {
  records: NewsDocument[];
  ids: Set<string>;
  /** The texts spans can be checked against: well formed and within the length limit. */
  texts: Map<string, string>;
  /** False when some document has no usable id: then an unknown document id in a span may not be dangling. */
  resolvable: boolean;
}

function checkDocuments(list: unknown[] | undefined, report: Report, limits: DatasetLimits): CheckedDocuments {
  const checked: CheckedDocuments = { records: [], ids: new Set(), texts: new Map(), resolvable: list !== undefined };
  list?.forEach((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    let text = typeof record.text === 'string' ? record.text : undefined;
    let withinLimit = true;
    if (text !== undefined && text.length > limits.maxDocumentLength) {
      report.add(limitExceeded(`documents[${i}].text`, 'maxDocumentLength', limits.maxDocumentLength, text.length));
      text = undefined;
      withinLimit = false;
    }
    const parsed = parseRecord(wellFormedDocument, DocumentSchema, raw, 'documents', i, report);
    if (parsed && withinLimit) checked.records.push(parsed);
    const id = nonEmptyString(record.id);
    if (id === undefined) {
      checked.resolvable = false;
      return;
    }
    if (isReservedId(id)) report.add(reservedIdProblem(`documents[${i}].id`, id, 'document id'));
    if (checked.ids.has(id)) {
      report.add(duplicateId(`documents[${i}].id`, id, 'document'));
      return;
    }
    checked.ids.add(id);
    if (text !== undefined) checked.texts.set(id, text);
  });
  return checked;
}

// ─── Entities ────────────────────────────────────────────────────────────────

interface CheckedEntities {
  records: Entity[];
  /** The number of the entity each id resolves to: the first record with that id. */
  numbers: Map<string, number>;
  /** False when some entity has no usable id: then an unknown entity id in a relation may not be dangling. */
  resolvable: boolean;
  mentions: MentionIndex;
}

function checkEntities(list: unknown[] | undefined, report: Report, spanChecker: SpanChecker, types: CheckedTypes): CheckedEntities {
  const checked: CheckedEntities = { records: [], numbers: new Map(), resolvable: list !== undefined, mentions: new MentionIndex() };
  list?.forEach((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    checkTypeKnown(report, types, 'entity', `entities[${i}].type`, record.type);
    const parsed = parseRecord(wellFormedEntity, EntitySchema, raw, 'entities', i, report);
    if (parsed) checked.records.push(parsed);
    const id = nonEmptyString(record.id);
    // A parsed record is a copy with exactly the schema's shape: the checks read it directly.
    const { spans, complete } = parsed ? { spans: parsed.mentions, complete: true } : salvageSpans(record.mentions, SpanSchema);
    let entityNumber: number | undefined;
    if (id !== undefined && isReservedId(id)) report.add(reservedIdProblem(`entities[${i}].id`, id, 'entity id'));
    if (id === undefined) checked.resolvable = false;
    else if (checked.numbers.has(id)) report.add(duplicateId(`entities[${i}].id`, id, 'entity'));
    else {
      entityNumber = checked.mentions.addEntity(complete);
      checked.numbers.set(id, entityNumber);
    }

    const names = namesOf(parsed, record);
    for (let j = 0; j < spans.length; j++) {
      const span = spans[j];
      if (span === undefined) continue;
      const text = spanChecker.check(span, 'entities', i, 'mentions', j);
      // A mention that points nowhere cannot vouch for evidence either: stop judging this entity's evidence, do not cascade.
      if (text === undefined) {
        if (entityNumber !== undefined) checked.mentions.markIncomplete(entityNumber);
        continue;
      }
      if (entityNumber !== undefined) checked.mentions.addMention(entityNumber, span.document, span.start, span.end);
      if (names.length === 0 || quotesOneOf(text, span, names)) continue;
      checkMentionIsName(report, text, span, spanText(text, span), i, j, id ?? `#${i}`, names);
    }
  });
  return checked;
}

/** The entity's label and aliases; none unless the list is complete, as a broken alias list would make right mentions look wrong. */
function namesOf(parsed: Entity | undefined, record: JsonRecord): string[] {
  if (parsed) return [parsed.label, ...parsed.aliases];
  const label = nonEmptyString(record.label);
  const aliases = Array.isArray(record.aliases) && record.aliases.every((a) => nonEmptyString(a) !== undefined) ? (record.aliases as string[]) : undefined;
  return label === undefined || aliases === undefined ? [] : [label, ...aliases];
}

// ─── Relations ───────────────────────────────────────────────────────────────

function checkRelations(list: unknown[] | undefined, report: Report, spanChecker: SpanChecker, entities: CheckedEntities, types: CheckedTypes): Relation[] {
  const relationIds = new Set<string>();
  const relations: Relation[] = [];
  const { numbers, mentions } = entities;
  const suggestEntity = lazySuggester(() => [...numbers.keys()]);
  /** The number of the entity `ref` names (looked up once per relation end, as it serves every evidence span); a dangling reference is reported. */
  const resolveReference = (i: number, field: 'source' | 'target' | 'attributedTo', ref: string | undefined): number | undefined => {
    if (ref === undefined) return undefined;
    const entityNumber = numbers.get(ref);
    if (entityNumber !== undefined || !entities.resolvable) return entityNumber;
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
  const checkMentioned = (i: number, j: number, text: string, span: Evidence, field: 'source' | 'target', entityId: string, entityNumber: number | undefined): void => {
    if (entityNumber === undefined || !mentions.isComplete(entityNumber)) return;
    if (mentions.hasMentionWithin(entityNumber, span)) return;
    report.add({
      code: 'evidence-missing-mention',
      path: `relations[${i}].evidence[${j}]`,
      message: `the sentence ${quoteText(spanText(text, span), 60)} has no recorded mention of the ${field} ${quoteText(entityId, 60)}`,
      fix: `add the name's position in this sentence to that entity's "mentions", or add a "note" saying how the sentence refers to it (e.g. a pronoun)`,
    });
  };
  list?.forEach((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    checkTypeKnown(report, types, 'relation', `relations[${i}].type`, record.type);
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
    const sourceNumber = resolveReference(i, 'source', source);
    const targetNumber = resolveReference(i, 'target', target);
    resolveReference(i, 'attributedTo', nonEmptyString(record.attributedTo));
    // review.proposed is not a reference: it records the claim as proposed, whose ends may since have been merged away.
    checkReportedSpells(report, parsed ? (parsed.reported ?? []) : readSpells(record.reported), i);
    const spans = parsed ? parsed.evidence : salvageSpans(record.evidence, EvidenceSchema).spans;
    for (let j = 0; j < spans.length; j++) {
      const span = spans[j];
      if (span === undefined) continue;
      const text = spanChecker.check(span, 'relations', i, 'evidence', j);
      if (text === undefined) continue;
      checkEvidenceIsSentence(report, text, span, i, j);
      checkEventInEvidence(report, text, span, i, j);
      if (span.note !== undefined) continue;
      if (source !== undefined) checkMentioned(i, j, text, span, 'source', source, sourceNumber);
      if (target !== undefined && target !== source) checkMentioned(i, j, text, span, 'target', target, targetNumber);
    }
  });
  return relations;
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
