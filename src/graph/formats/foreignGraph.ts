/**
 * Reading a graph another tool wrote
 * ==================================
 *
 * Gephi, networkx, yEd, Cytoscape, graphology: entities from nodes,
 * relations from edges, no documents or evidence. The label is the first of
 * the usual label attributes; the types are what typeResolution.ts makes of
 * the file's names (nothing is refused for an unknown name: it is kept as the
 * dataset's own type); every attribute newsgraph has no field for is kept in
 * `attributes`, so nothing is lost. When an edge was reported comes from the
 * format's time markup (GEXF spells, `context.edgeTimes`), else from date
 * columns (edgeDates.ts), as the relation's `reported` spells.
 */

import { isWikidataId, type Attributes, type Dataset, type Entity, type Problem, type Relation } from '../../model/index.ts';
import { aliasesFrom, keepRemaining, textAttribute, toBoolean } from './attributeValues.ts';
import { datesFromAttributes } from './edgeDates.ts';
import type { AnyGraph, GraphReadContext } from './graphReadContext.ts';
import { finishImport, typeReading, withDeclaredTypes } from './importCore.ts';
import { importWarnings } from './importWarnings.ts';
import { NODE_TYPE_KEYS, typeAttributeTally } from './typeAttributes.ts';
import { typeResolver } from './typeResolution.ts';
import type { ReadResult } from './types.ts';

const NODE_LABEL_KEYS = ['label', 'Label', 'name', 'Name', 'title'];
/** Edge attributes that may name the relation, in order of preference (`interaction`: Cytoscape's). */
const EDGE_TYPE_KEYS = ['relationType', 'relation_type', 'relation', 'Relation', 'type', 'Type', 'predicate', 'interaction', 'kind', 'label', 'Label'];
/** Node attributes never offered as the entity type: names, ids, and drawing (GEXF viz, sigma). */
const NOT_TYPES: ReadonlySet<string> = new Set([...NODE_LABEL_KEYS, 'id', 'aliases', 'wikidata', 'color', 'shape', 'image', 'url']);

export function readForeignGraph(graph: AnyGraph, context: GraphReadContext): ReadResult {
  const { options } = context;
  const problems: Problem[] = [];
  const warnings = importWarnings();
  const types = typeResolver(options);
  const dataset: Dataset = { version: 1, documents: [], entities: [], relations: [] };
  const title = graph.getAttribute('title') ?? graph.getAttribute('description') ?? graph.getAttribute('name');
  if (typeof title === 'string' && title.trim()) dataset.title = title.trim();

  // Which attribute holds the entity type: the one chosen, else the first usual one some node has.
  const tally = typeAttributeTally(NOT_TYPES);
  graph.forEachNode((_key, attrs) => tally.add(attrs));
  const typeAttribute = options.entityTypeAttribute ?? NODE_TYPE_KEYS.find((name) => tally.has(name));
  if (options.entityTypeAttribute !== undefined && !tally.has(options.entityTypeAttribute)) {
    warnings.add('type-attribute', () => ({
      code: 'missing-field',
      path: '',
      message: `no node has a text attribute ${JSON.stringify(options.entityTypeAttribute)} to read as its entity type; types inferred from the names`,
      fix: 'choose an attribute the nodes have (the import dialog lists them), or none',
    }));
  }

  const entityOrigins: string[] = [];
  const dropped = new Set<string>();
  graph.forEachNode((key, attrs) => {
    const where = context.describeNode(key);
    const consumed = new Set<string>();
    const extra: Attributes = {};
    let label = key;
    for (const name of NODE_LABEL_KEYS) {
      const value = textAttribute(attrs, name);
      if (value === undefined) continue;
      label = value.trim();
      consumed.add(name);
      break;
    }
    let aliases: string[] = [];
    if (Object.hasOwn(attrs, 'aliases')) {
      consumed.add('aliases');
      aliases = aliasesFrom(attrs.aliases).filter((alias) => alias !== label);
    }
    const typeValue = typeAttribute === undefined ? undefined : textAttribute(attrs, typeAttribute);
    const typing = types.entity(typeValue, label, aliases, where);
    if (!typing) {
      dropped.add(key);
      return;
    }
    if (typing.consumed && typeAttribute !== undefined) consumed.add(typeAttribute);
    const entity: Entity = { id: key, label, type: typing.type, aliases, mentions: [] };
    // A Wikidata item is taken when it is one ("Q159"); anything else stays an attribute.
    const wikidata: unknown = typeof attrs.wikidata === 'string' ? attrs.wikidata.trim() : Object.hasOwn(attrs, 'wikidata') ? attrs.wikidata : undefined;
    if (isWikidataId(wikidata)) {
      entity.wikidata = wikidata;
      consumed.add('wikidata');
    }
    keepRemaining(extra, attrs, consumed, () => false, where, problems);
    if (typing.originalType !== undefined && !Object.hasOwn(extra, 'originalType')) extra.originalType = typing.originalType;
    if (Object.keys(extra).length > 0) entity.attributes = extra;
    entityOrigins.push(where);
    dataset.entities.push(entity);
  });

  const relationOrigins: string[] = [];
  const edgeTimes = context.edgeTimes?.();
  for (const warning of edgeTimes?.warnings ?? []) warnings.add(`time:${warning.message}`, () => warning);
  graph.forEachEdge((key, attrs, source, target) => {
    if (dropped.has(source) || dropped.has(target)) {
      types.edgeOfDroppedNode();
      return;
    }
    const where = context.describeEdge(key);
    const consumed = new Set<string>();
    const extra: Attributes = {};
    const candidates = EDGE_TYPE_KEYS.filter((name) => textAttribute(attrs, name) !== undefined);
    const typing = types.relation(
      candidates.map((name) => attrs[name] as string),
      graph.isDirected(key),
    );
    if (!typing) return;
    if (typing.used !== undefined) consumed.add(candidates[typing.used]!);

    const relation: Relation = { id: key, type: typing.type, source, target, evidence: [] };
    for (const name of ['hedged', 'negated'] as const) {
      const flag = Object.hasOwn(attrs, name) ? toBoolean(attrs[name]) : undefined;
      if (flag === undefined) continue;
      relation[name] = flag;
      consumed.add(name);
    }
    if (typing.negated) relation.negated = true;
    const attributedTo = attrs.attributedTo;
    if (typeof attributedTo === 'string' && graph.hasNode(attributedTo) && !dropped.has(attributedTo)) {
      relation.attributedTo = attributedTo;
      consumed.add('attributedTo');
    }
    // When it was reported: the format's time markup, else date columns.
    let dates = edgeTimes?.readings.get(key);
    if (dates === undefined || dates.kind === 'none') dates = datesFromAttributes(attrs, where);
    if (dates.kind === 'invalid') problems.push(dates.problem);
    else if (dates.kind === 'spells') {
      relation.reported = dates.spells;
      for (const name of dates.consumed) consumed.add(name);
    }
    keepRemaining(extra, attrs, consumed, () => false, where, problems);
    if (typing.originalType !== undefined && !Object.hasOwn(extra, 'originalType')) extra.originalType = typing.originalType;
    if (Object.keys(extra).length > 0) relation.attributes = extra;
    relationOrigins.push(where);
    dataset.relations.push(relation);
  });

  const finished = types.finish();
  problems.push(...finished.problems);
  withDeclaredTypes(dataset, finished);
  const reading = typeReading(finished, typeAttribute, tally.candidates(graph.order));
  return finishImport(dataset, context.file, problems, [...warnings.list(), ...finished.warnings], { entityOrigins, relationOrigins, header: context.describeHeader }, reading);
}
