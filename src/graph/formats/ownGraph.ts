/**
 * Reading newsgraph's own graph files
 * ===================================
 *
 * A GEXF, GraphML or graphology JSON file newsgraph wrote carries its
 * dataset header (exchangeGraph.ts: title, documents, declared types), and
 * every field is read back exactly — mentions, evidence, flags, reporting
 * days, kept attributes. Types are the file's own ids, never mapped: an id
 * that is neither built in nor declared in the header is a problem, as in a
 * dataset file; a node with no type at all (a hand-edited file) gets the
 * declared type `unknown`, with a warning. The derived columns (colours,
 * sizes, counts, quoted sentences) are ignored: they are recomputed from
 * the catalog.
 */

import { z } from 'zod';
import {
  AttributesSchema,
  DocumentSchema,
  EvidenceSchema,
  isWikidataId,
  setOwn,
  SpanSchema,
  SpellSchema,
  WIKIDATA_ID_FORMAT,
  DatasetValidationError,
  type Attributes,
  type Dataset,
  type Entity,
  type Problem,
  type Relation,
} from '../../model/index.ts';
import { decodeJsonValue, keepRemaining, toBoolean } from './attributeValues.ts';
import { DERIVED_EDGE_KEYS, DERIVED_NODE_KEYS, HEADER_ENTITY_TYPES, HEADER_FORMAT, HEADER_RELATION_TYPES } from './exchangeGraph.ts';
import type { AnyGraph, GraphReadContext } from './graphReadContext.ts';
import { finishImport } from './importCore.ts';
import { importWarnings } from './importWarnings.ts';
import { UNTYPED_ENTITY } from './typeResolution.ts';
import type { ReadResult } from './types.ts';

/** The header; the declared types are checked with the dataset (validateDataset), so their problems name the field. */
const HeaderSchema = z.object({
  format: z.literal(HEADER_FORMAT),
  version: z.literal(1),
  title: z.string().optional(),
  [HEADER_RELATION_TYPES]: z.array(z.unknown()).optional(),
  [HEADER_ENTITY_TYPES]: z.array(z.unknown()).optional(),
  documents: z.array(DocumentSchema),
});

const FIX = 're-export the file from newsgraph';

/** A JSON-carrying attribute read against `schema`; a problem (and undefined) when it does not fit. */
function decoded<T>(attrs: Readonly<Record<string, unknown>>, name: string, schema: z.ZodType<T>, where: string, problems: Problem[]): T | undefined {
  const value = decodeJsonValue(attrs[name]);
  const parsed = value.ok ? schema.safeParse(value.value) : undefined;
  if (parsed?.success) return parsed.data;
  problems.push({
    code: 'invalid-value',
    path: `${where} › ${name}`,
    message: value.ok ? `not a valid ${name} value (${parsed?.error.issues[0]?.message ?? ''})` : `not valid JSON (${value.reason})`,
    fix: `${FIX}, or remove the "${name}" attribute`,
    value: attrs[name],
  });
  return undefined;
}

/** A type attribute, exactly, or undefined when it is missing. */
function typeOf(attrs: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = Object.hasOwn(attrs, name) ? attrs[name] : undefined;
  return typeof value === 'string' && value ? value : undefined;
}

export function readOwnGraph(graph: AnyGraph, rawHeader: unknown, context: GraphReadContext): ReadResult {
  const header = decodeJsonValue(rawHeader);
  const parsed = header.ok ? HeaderSchema.safeParse(header.value) : undefined;
  if (!parsed?.success) {
    const issue = parsed?.error.issues[0];
    throw new DatasetValidationError(
      [
        {
          code: 'invalid-value',
          path: context.describeHeader,
          message: header.ok ? `the newsgraph header is damaged (${issue?.message ?? 'wrong shape'} at ${issue?.path.join('.') ?? ''})` : `the newsgraph header is not valid JSON (${header.reason})`,
          fix: `${FIX}, or delete the header element to import the graph without its documents`,
        },
      ],
      context.file,
    );
  }
  const dataset: Dataset = { version: 1, documents: parsed.data.documents, entities: [], relations: [] };
  if (parsed.data.title !== undefined) dataset.title = parsed.data.title;
  // Checked by validateDataset with the rest; their problems are placed at the header.
  if (parsed.data.relationTypes !== undefined) dataset.relationTypes = parsed.data.relationTypes as Dataset['relationTypes'];
  if (parsed.data.entityTypes !== undefined) dataset.entityTypes = parsed.data.entityTypes as Dataset['entityTypes'];

  const problems: Problem[] = [];
  const warnings = importWarnings();
  /** A node that lost its type (a hand-edited file): the declared type `unknown`, declared when first needed. */
  const untyped = (where: string): string => {
    const declared = (dataset.entityTypes ??= []);
    if (!declared.some((d) => d.id === UNTYPED_ENTITY.id)) declared.push({ id: UNTYPED_ENTITY.id, label: UNTYPED_ENTITY.label });
    warnings.add('entity-type:missing', () => ({
      code: 'missing-field',
      path: where,
      message: `node has no "entityType" attribute; imported as "${UNTYPED_ENTITY.label}"`,
      fix: `${FIX}, or add the "entityType" attribute`,
    }));
    return UNTYPED_ENTITY.id;
  };
  const entityOrigins: string[] = [];
  graph.forEachNode((key, attrs) => {
    const where = context.describeNode(key);
    entityOrigins.push(where);
    const consumed = new Set(['label', 'entityType']);
    const extra: Attributes = {};
    const label = typeof attrs.label === 'string' && attrs.label.trim() ? attrs.label : key;
    const entity: Entity = { id: key, label, type: typeOf(attrs, 'entityType') ?? untyped(where), aliases: [], mentions: [] };
    if (Object.hasOwn(attrs, 'aliases')) entity.aliases = decoded(attrs, 'aliases', z.array(z.string()), where, problems) ?? [];
    if (Object.hasOwn(attrs, 'mentions')) entity.mentions = decoded(attrs, 'mentions', z.array(SpanSchema), where, problems) ?? [];
    if (Object.hasOwn(attrs, 'attributes')) {
      for (const [name, value] of Object.entries(decoded(attrs, 'attributes', AttributesSchema, where, problems) ?? {})) setOwn(extra, name, value);
    }
    if (Object.hasOwn(attrs, 'wikidata')) {
      const value: unknown = typeof attrs.wikidata === 'string' ? attrs.wikidata.trim() : attrs.wikidata;
      if (isWikidataId(value)) entity.wikidata = value;
      else problems.push({ code: 'invalid-value', path: `${where} › wikidata`, message: `not a Wikidata item id (${WIKIDATA_ID_FORMAT})`, fix: `${FIX}, or remove the "wikidata" attribute`, value: attrs.wikidata });
    }
    for (const name of ['aliases', 'mentions', 'attributes', 'wikidata']) consumed.add(name);
    keepRemaining(extra, attrs, consumed, (name) => DERIVED_NODE_KEYS.has(name), where, problems);
    if (Object.keys(extra).length > 0 || Object.hasOwn(attrs, 'attributes')) entity.attributes = extra;
    dataset.entities.push(entity);
  });

  const relationOrigins: string[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    const where = context.describeEdge(key);
    relationOrigins.push(where);
    const consumed = new Set(['relationType', 'evidence', 'reported', 'attributes']);
    const extra: Attributes = {};
    const type = typeOf(attrs, 'relationType');
    if (type === undefined) problems.push({ code: 'missing-field', path: where, message: 'edge has no "relationType" attribute', fix: `${FIX}, or add the "relationType" attribute` });
    const relation: Relation = { id: key, type: type ?? '', source, target, evidence: [] };
    for (const name of ['hedged', 'negated'] as const) {
      const flag = Object.hasOwn(attrs, name) ? toBoolean(attrs[name]) : undefined;
      if (flag === undefined) continue;
      relation[name] = flag;
      consumed.add(name);
    }
    if (typeof attrs.attributedTo === 'string') {
      relation.attributedTo = attrs.attributedTo;
      consumed.add('attributedTo');
    }
    if (Object.hasOwn(attrs, 'evidence')) relation.evidence = decoded(attrs, 'evidence', z.array(EvidenceSchema), where, problems) ?? [];
    if (Object.hasOwn(attrs, 'reported')) {
      const reported = decoded(attrs, 'reported', z.array(SpellSchema), where, problems);
      if (reported) relation.reported = reported;
    }
    if (Object.hasOwn(attrs, 'attributes')) {
      for (const [name, value] of Object.entries(decoded(attrs, 'attributes', AttributesSchema, where, problems) ?? {})) setOwn(extra, name, value);
    }
    keepRemaining(extra, attrs, consumed, (name) => DERIVED_EDGE_KEYS.has(name), where, problems);
    if (Object.keys(extra).length > 0 || Object.hasOwn(attrs, 'attributes')) relation.attributes = extra;
    dataset.relations.push(relation);
  });

  return finishImport(dataset, context.file, problems, warnings.list(), { entityOrigins, relationOrigins, header: context.describeHeader });
}
