/**
 * Graph → dataset
 * ===============
 *
 * The one reader behind GEXF, GraphML and graphology JSON: each format parses
 * its file into a graphology graph, and this turns any such graph into a
 * validated dataset.
 *
 * Two cases:
 *  - newsgraph's own file (the graph carries the `newsgraph` header): every
 *    field is read back exactly — documents, mentions, evidence, flags — and
 *    the derived columns (colours, sizes, counts, quoted sentences) are
 *    ignored, since they are recomputed from the registries.
 *  - a graph from another tool (Gephi, networkx, yEd, Cytoscape): entities
 *    from nodes, relations from edges, no documents or evidence. Types are
 *    read through the synonym table (typeMapping.ts); every attribute
 *    newsgraph has no field for is kept in `attributes`, so nothing is lost.
 *    When an edge was reported comes from the format's time markup (GEXF
 *    spells, `context.edgeTimes`), else from date columns (edgeDates.ts),
 *    as the relation's `reported` spells.
 *
 * Unknown relation types are not guessed: they are reported, all at once,
 * with the fix (a mapping). Unknown entity types only colour a node, so they
 * default to `organisation` with the original kept in
 * `attributes.originalType` and a warning.
 *
 * Attribute names are other tools' and kept exactly, `__proto__` included
 * (written as own properties, never by assignment); a value nested past
 * `maxNestingDepth` is refused rather than walked (model/limits.ts).
 */

import type { AbstractGraph, Attributes as GraphAttributes } from 'graphology-types';
import { z } from 'zod';
import {
  DatasetValidationError,
  DocumentSchema,
  EvidenceSchema,
  AttributesSchema,
  SpanSchema,
  SpellSchema,
  RELATION_TYPE_IDS,
  ENTITY_TYPE_IDS,
  validateDataset,
  DEFAULT_LIMITS,
  nestedTooDeep,
  nestsDeeperThan,
  setOwn,
  isWikidataId,
  WIKIDATA_ID_FORMAT,
  type Attributes,
  type Dataset,
  type Entity,
  type EntityTypeId,
  type Problem,
  type Relation,
  type RelationTypeId,
} from '../../model/index.ts';
import { datesFromAttributes } from './edgeDates.ts';
import { DERIVED_EDGE_KEYS, DERIVED_NODE_KEYS, HEADER_ATTRIBUTE, HEADER_FORMAT } from './exchangeGraph.ts';
import type { EdgeTimes } from './gexfTime.ts';
import { lookUpUserMap, matchEntityType, matchRelationType, normalizeTypeName } from './typeMapping.ts';
import type { ReadOptions, ReadResult } from './types.ts';

export type AnyGraph = AbstractGraph<GraphAttributes, GraphAttributes, GraphAttributes>;

export interface GraphReadContext {
  file: string;
  options: ReadOptions;
  /** Where a node is in the source file, for messages: `<node id="x"> (line 12)`. */
  describeNode: (key: string) => string;
  describeEdge: (key: string) => string;
  /** Where the dataset header is: `<meta><newsgraph>`. */
  describeHeader: string;
  /** Another tool's file only: each edge's days from the format's own time markup (GEXF spells), read on first use. */
  edgeTimes?: () => EdgeTimes;
}

const HeaderSchema = z.object({
  format: z.literal(HEADER_FORMAT),
  version: z.literal(1),
  title: z.string().optional(),
  documents: z.array(DocumentSchema),
});

const NODE_LABEL_KEYS = ['label', 'Label', 'name', 'Name', 'title'];
const NODE_TYPE_KEYS = ['entityType', 'entity_type', 'type', 'Type', 'kind', 'category', 'Category'];
const EDGE_TYPE_KEYS = ['relationType', 'relation_type', 'relation', 'Relation', 'type', 'Type', 'predicate', 'kind', 'label', 'Label'];

/** A JSON-carrying column: a string in XML formats, the value itself in graphology JSON. */
function decodeJsonValue(value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** An attribute value other tools wrote, as one the dataset can hold (lists and objects as JSON text). */
function toAttributeValue(value: unknown): string | number | boolean | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Keeps another tool's attribute in `extra` under its own name (`__proto__`
 * included, as an own property); a value nested past the limit — JSON.stringify
 * would overflow the stack on it — is a problem instead.
 */
function keepAttribute(extra: Attributes, name: string, value: unknown, where: string, problems: Problem[]): void {
  if (typeof value === 'object' && value !== null && nestsDeeperThan(value, DEFAULT_LIMITS.maxNestingDepth)) {
    problems.push(nestedTooDeep(`${where} › ${name}`, DEFAULT_LIMITS.maxNestingDepth));
    return;
  }
  const kept = toAttributeValue(value);
  if (kept !== undefined) setOwn(extra, name, kept);
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(key)) return true;
    if (['false', 'no', '0'].includes(key)) return false;
  }
  return undefined;
}

function aliasesFrom(value: unknown): string[] {
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    let parsed: unknown;
    if (trimmed.startsWith('[')) {
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        parsed = undefined;
      }
    }
    list = Array.isArray(parsed) ? parsed : trimmed.split('|');
  } else return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const alias = item.trim();
    if (alias && !out.includes(alias)) out.push(alias);
  }
  return out;
}

interface Warnings {
  add: (key: string, make: () => Problem) => void;
  list: () => Problem[];
}

/** Warnings grouped by kind and value: a 10,000-node graph with no types gives one warning, not 10,000. */
function warningCollector(): Warnings {
  const byKey = new Map<string, { problem: Problem; count: number }>();
  return {
    add(key, make) {
      const entry = byKey.get(key);
      if (entry) entry.count++;
      else byKey.set(key, { problem: make(), count: 1 });
    },
    list: () =>
      [...byKey.values()].map(({ problem, count }) =>
        count > 1 ? { ...problem, message: `${problem.message} (and ${count - 1} more like it)` } : problem,
      ),
  };
}

export function graphToDataset(graph: AnyGraph, context: GraphReadContext): ReadResult {
  const problems: Problem[] = [];
  const warnings = warningCollector();
  const { options } = context;
  const defaultEntityType = options.defaultEntityType ?? 'organisation';

  // The header: present only in newsgraph's own files.
  const rawHeader = graph.getAttribute(HEADER_ATTRIBUTE);
  let own = false;
  let dataset: Dataset = { version: 1, documents: [], entities: [], relations: [] };
  if (rawHeader !== undefined) {
    const decoded = decodeJsonValue(rawHeader);
    const parsed = decoded.ok ? HeaderSchema.safeParse(decoded.value) : undefined;
    if (parsed?.success) {
      own = true;
      dataset = { version: 1, documents: parsed.data.documents, entities: [], relations: [] };
      if (parsed.data.title !== undefined) dataset.title = parsed.data.title;
    } else {
      problems.push({
        code: 'invalid-value',
        path: context.describeHeader,
        message: decoded.ok
          ? `the newsgraph header is damaged (${parsed?.error.issues[0]?.message ?? 'wrong shape'} at ${parsed?.error.issues[0]?.path.join('.') ?? ''})`
          : `the newsgraph header is not valid JSON (${decoded.reason})`,
        fix: 're-export the file from newsgraph, or delete the header element to import the graph without its documents',
      });
    }
  } else {
    const title = graph.getAttribute('title') ?? graph.getAttribute('description') ?? graph.getAttribute('name');
    if (typeof title === 'string' && title.trim()) dataset.title = title.trim();
  }

  const entityOrigins: string[] = [];
  graph.forEachNode((key, attrs) => {
    const where = context.describeNode(key);
    entityOrigins.push(where);
    const consumed = new Set<string>();
    const extra: Attributes = {};

    // Label.
    let label = key;
    for (const name of own ? ['label'] : NODE_LABEL_KEYS) {
      const value = attrs[name];
      if (typeof value === 'string' && value.trim()) {
        label = own ? value : value.trim();
        consumed.add(name);
        break;
      }
    }

    // Type: the first candidate attribute the registry or its synonyms know.
    let type: EntityTypeId | undefined;
    let originalType: string | undefined;
    const candidates = (own ? ['entityType'] : NODE_TYPE_KEYS).filter((name) => typeof attrs[name] === 'string' && attrs[name].trim());
    for (const name of candidates) {
      const match = matchEntityType(attrs[name]);
      if (match) {
        type = match.type;
        if (!match.exact) originalType = attrs[name];
        consumed.add(name);
        break;
      }
    }
    if (!type) {
      type = defaultEntityType;
      const first = candidates[0];
      if (first !== undefined) {
        const value: string = attrs[first];
        originalType = value;
        consumed.add(first);
        warnings.add(`entity-type:${normalizeTypeName(value)}`, () => ({
          code: 'unknown-entity-type',
          path: where,
          message: `entity type ${JSON.stringify(value)} is not in the registry; imported as "${defaultEntityType}", the original kept in attributes.originalType`,
          fix: `rename it to one of ${ENTITY_TYPE_IDS.join(', ')} in the source file, or change the type in newsgraph`,
        }));
      } else {
        warnings.add('entity-type:missing', () => ({
          code: 'missing-field',
          path: where,
          message: `node has no type attribute (looked for ${NODE_TYPE_KEYS.join(', ')}); imported as "${defaultEntityType}"`,
          fix: `add a "type" attribute with one of ${ENTITY_TYPE_IDS.join(', ')} to the nodes`,
        }));
      }
    }

    // Aliases, mentions, kept attributes.
    let aliases: string[] = [];
    let mentions: Entity['mentions'] = [];
    if (own) {
      for (const [name, schema] of [
        ['aliases', z.array(z.string())],
        ['mentions', z.array(SpanSchema)],
        ['attributes', AttributesSchema],
      ] as const) {
        if (!(name in attrs)) continue;
        consumed.add(name);
        const decoded = decodeJsonValue(attrs[name]);
        const parsed = decoded.ok ? schema.safeParse(decoded.value) : undefined;
        if (!parsed?.success) {
          problems.push({
            code: 'invalid-value',
            path: `${where} › ${name}`,
            message: decoded.ok ? `not a valid ${name} list (${parsed?.error.issues[0]?.message ?? ''})` : `not valid JSON (${decoded.reason})`,
            fix: `re-export the file from newsgraph, or remove the "${name}" attribute`,
            value: attrs[name],
          });
          continue;
        }
        if (name === 'aliases') aliases = parsed.data as string[];
        else if (name === 'mentions') mentions = parsed.data as Entity['mentions'];
        else for (const [key, value] of Object.entries(parsed.data as Attributes)) setOwn(extra, key, value);
      }
    } else if ('aliases' in attrs) {
      consumed.add('aliases');
      aliases = aliasesFrom(attrs.aliases).filter((a) => a !== label);
    }
    // Wikidata item: taken when it is one ("Q159"); in another tool's file anything else stays an attribute.
    let wikidata: string | undefined;
    if ('wikidata' in attrs) {
      const value: unknown = typeof attrs.wikidata === 'string' ? attrs.wikidata.trim() : attrs.wikidata;
      if (isWikidataId(value)) {
        wikidata = value;
        consumed.add('wikidata');
      } else if (own) {
        consumed.add('wikidata');
        problems.push({ code: 'invalid-value', path: `${where} › wikidata`, message: `not a Wikidata item id (${WIKIDATA_ID_FORMAT})`, fix: 're-export the file from newsgraph, or remove the "wikidata" attribute', value: attrs.wikidata });
      }
    }
    for (const [name, value] of Object.entries(attrs)) {
      if (consumed.has(name) || (own && DERIVED_NODE_KEYS.has(name)) || Object.hasOwn(extra, name)) continue;
      keepAttribute(extra, name, value, where, problems);
    }
    if (originalType !== undefined && !Object.hasOwn(extra, 'originalType')) extra.originalType = originalType;

    const entity: Entity = { id: key, label, type, aliases, mentions };
    if (wikidata !== undefined) entity.wikidata = wikidata;
    if (Object.keys(extra).length > 0 || (own && 'attributes' in attrs)) entity.attributes = extra;
    dataset.entities.push(entity);
  });

  const relationOrigins: string[] = [];
  const unknownRelationTypes = new Map<string, { count: number; first: string }>();
  const edgeTimes = own ? undefined : context.edgeTimes?.();
  for (const warning of edgeTimes?.warnings ?? []) warnings.add(`time:${warning.message}`, () => warning);
  graph.forEachEdge((key, attrs, source, target) => {
    const where = context.describeEdge(key);
    relationOrigins.push(where);
    const consumed = new Set<string>();
    const extra: Attributes = {};
    let negatedByName = false;

    // Type: the first candidate attribute the registry or its synonyms know,
    // then the user's map, then the user's catch-all.
    let type: RelationTypeId | undefined;
    let originalType: string | undefined;
    const candidates = (own ? ['relationType'] : EDGE_TYPE_KEYS).filter((name) => typeof attrs[name] === 'string' && attrs[name].trim());
    for (const name of candidates) {
      const match = matchRelationType(attrs[name]);
      if (match) {
        type = match.type;
        negatedByName = match.negated;
        if (!match.exact) originalType = attrs[name];
        consumed.add(name);
        break;
      }
    }
    if (!type) {
      for (const name of candidates) {
        const mapped = lookUpUserMap(options.relationTypeMap, attrs[name]);
        if (mapped) {
          type = mapped;
          originalType = attrs[name];
          consumed.add(name);
          break;
        }
      }
    }
    if (!type && options.relationTypeMap?.['*']) {
      type = options.relationTypeMap['*'];
      const first = candidates[0];
      if (first !== undefined) {
        originalType = attrs[first];
        consumed.add(first);
      }
    }
    if (!type) {
      const first = candidates[0];
      const name = first === undefined ? '' : String(attrs[first]);
      const entry = unknownRelationTypes.get(name);
      if (entry) entry.count++;
      else unknownRelationTypes.set(name, { count: 1, first: where });
      return;
    }

    const relation: Relation = { id: key, type, source, target, evidence: [] };
    for (const name of ['hedged', 'negated'] as const) {
      if (!(name in attrs)) continue;
      const flag = toBoolean(attrs[name]);
      if (flag === undefined) continue;
      relation[name] = flag;
      consumed.add(name);
    }
    if (negatedByName) relation.negated = true;
    const attributedTo = attrs.attributedTo;
    if (typeof attributedTo === 'string' && (own || graph.hasNode(attributedTo))) {
      relation.attributedTo = attributedTo;
      consumed.add('attributedTo');
    }
    if (own) {
      for (const [name, schema] of [
        ['evidence', z.array(EvidenceSchema)],
        ['reported', z.array(SpellSchema)],
        ['attributes', AttributesSchema],
      ] as const) {
        if (!(name in attrs)) continue;
        consumed.add(name);
        const decoded = decodeJsonValue(attrs[name]);
        const parsed = decoded.ok ? schema.safeParse(decoded.value) : undefined;
        if (!parsed?.success) {
          problems.push({
            code: 'invalid-value',
            path: `${where} › ${name}`,
            message: decoded.ok ? `not a valid ${name} value (${parsed?.error.issues[0]?.message ?? ''})` : `not valid JSON (${decoded.reason})`,
            fix: `re-export the file from newsgraph, or remove the "${name}" attribute`,
            value: attrs[name],
          });
          continue;
        }
        if (name === 'evidence') relation.evidence = parsed.data as Relation['evidence'];
        else if (name === 'reported') relation.reported = parsed.data as Relation['reported'];
        else for (const [key, value] of Object.entries(parsed.data as Attributes)) setOwn(extra, key, value);
      }
    } else {
      // When it was reported: the format's time markup, else date columns.
      let dates = edgeTimes?.readings.get(key);
      if (dates === undefined || dates.kind === 'none') dates = datesFromAttributes(attrs, where);
      if (dates.kind === 'invalid') problems.push(dates.problem);
      else if (dates.kind === 'spells') {
        relation.reported = dates.spells;
        for (const name of dates.consumed) consumed.add(name);
      }
    }
    for (const [name, value] of Object.entries(attrs)) {
      if (consumed.has(name) || (own && DERIVED_EDGE_KEYS.has(name)) || Object.hasOwn(extra, name)) continue;
      keepAttribute(extra, name, value, where, problems);
    }
    if (originalType !== undefined && !Object.hasOwn(extra, 'originalType')) extra.originalType = originalType;
    if (Object.keys(extra).length > 0 || (own && 'attributes' in attrs)) relation.attributes = extra;
    dataset.relations.push(relation);
  });

  for (const [name, { count, first }] of unknownRelationTypes) {
    const many = count > 1 ? ` (${count} edges, the first ${first})` : '';
    problems.push({
      code: 'unknown-relation-type',
      path: first,
      message: name
        ? `relation type ${JSON.stringify(name)} is not in the registry and has no known synonym${many}`
        : `edge has no relation type (looked for attributes ${EDGE_TYPE_KEYS.join(', ')})${many}`,
      fix: name
        ? `rename it in the file to one of ${RELATION_TYPE_IDS.join(', ')}, or map it when importing (CLI: --map-type "${name}=met-with"; library: relationTypeMap)`
        : `add a "type" attribute to the edges, or give every untyped edge one type when importing (CLI: --map-type "*=met-with"; library: relationTypeMap {"*": …})`,
    });
  }
  if (problems.length > 0) throw new DatasetValidationError(problems, context.file);

  const result = validateDataset(dataset);
  if (!result.ok) throw new DatasetValidationError(relocateProblems(result.problems, entityOrigins, relationOrigins, context.describeHeader), context.file);
  return { dataset: result.dataset, warnings: warnings.list() };
}

/** `entities[3].mentions[0].end` → `<node id="x"> (line 12) › mentions[0].end`: the user edits the file, not our dataset. */
export function relocateProblems(problems: Problem[], entityOrigins: string[], relationOrigins: string[], header: string): Problem[] {
  return problems.map((problem) => {
    const match = /^(entities|relations|documents)\[(\d+)\](.*)$/.exec(problem.path);
    if (!match) return problem;
    const [, kind, index, rest] = match;
    const origins = kind === 'entities' ? entityOrigins : kind === 'relations' ? relationOrigins : undefined;
    const origin = origins?.[Number(index)];
    const tail = rest?.replace(/^\./, '') ?? '';
    if (origin === undefined) return { ...problem, path: `${header} › ${problem.path}` };
    return { ...problem, path: tail ? `${origin} › ${tail}` : origin };
  });
}
