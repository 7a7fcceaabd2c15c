/**
 * Stored records as a dataset
 * ===========================
 *
 * Reads chosen relations and entities back as the dataset records they were
 * added as (schema.ts), with nothing of the corpus's own added (no
 * `corpus…` attributes, no reporting days): what an edit works on
 * (corpusEdits.ts), and, over everything, the full export.
 *
 *  - a relation carries all its evidence (in sentence order) and its review;
 *  - an entity carries its mentions in `mentionDocuments` only (all of them
 *    for the entities in `fullMentions`): an edit sees the articles it works
 *    on, not every article a hub is named in. Writes compare before and
 *    after mention by mention (recordWriter.ts), so a partial list loses
 *    nothing;
 *  - the documents every loaded mention and sentence cites, whole;
 *  - every entity a loaded relation names (ends, attribution);
 *  - the corpus's declared types.
 *
 * Written once for both stores as query steps (querySteps.ts): each store's
 * `RecordReader` runs them on its connection.
 */
import { isWikidataId } from '../../model/wikidata.ts';
import type { CorpusTypes } from '../../model/corpusApi.ts';
import type { Dataset, Entity, Evidence, NewsDocument, Relation } from '../../model/schema.ts';
import { normaliseName } from '../identity.ts';
import { RELATION_COLUMNS, type RelationRecord } from './answer.ts';
import { query, type Dialect, type Steps } from './querySteps.ts';
import { reviewFromColumns } from './reviewColumns.ts';
import { parseAttributes, parseStringList, parseStringRecord } from './rows.ts';

export interface RecordScope {
  relations: Iterable<number>;
  entities: Iterable<number>;
  /** Documents whose mentions the entities carry (the loaded relations' sentences' documents are added). */
  mentionDocuments: Iterable<number>;
  /** Entities that carry every mention they have. */
  fullMentions?: Iterable<number>;
}

/** A dataset of stored records and the pks behind its ids. */
export interface LoadedRecords {
  dataset: Dataset;
  entityPk: Map<string, number>;
  relationPk: Map<string, number>;
  documentPk: Map<string, number>;
}

export interface EntityRow {
  pk: number;
  id: string;
  label: string;
  type: string;
  aliases: string;
  external_ids: string;
  attributes: string | null;
}

interface EvidenceRow {
  relation: number;
  document: number;
  start: number;
  end: number;
  note: string | null;
  event_date: string | null;
  event_start: number | null;
  event_end: number | null;
}

interface DocumentRow {
  pk: number;
  id: string;
  title: string;
  text: string;
  url: string | null;
  source: string | null;
  published: string | null;
}

export function entityRecord(row: EntityRow, mentions: Entity['mentions']): Entity {
  const entity: Entity = { id: row.id, label: row.label, type: row.type, aliases: parseStringList(row.aliases), mentions };
  const wikidata = parseStringRecord(row.external_ids).get('wikidata');
  if (isWikidataId(wikidata)) entity.wikidata = wikidata;
  const attributes = parseAttributes(row.attributes);
  if (attributes !== undefined && Object.keys(attributes).length > 0) entity.attributes = attributes;
  return entity;
}

export function relationRecord(r: RelationRecord, entityId: ReadonlyMap<number, string>, evidence: Evidence[]): Relation {
  const relation: Relation = { id: r.id, type: r.type, source: entityId.get(r.source)!, target: entityId.get(r.target)!, evidence };
  if (r.hedged !== null) relation.hedged = r.hedged === 1;
  if (r.negated === 1) relation.negated = true;
  if (r.attributed_to !== null) relation.attributedTo = entityId.get(r.attributed_to)!;
  const attributes = parseAttributes(r.attributes);
  if (attributes !== undefined && Object.keys(attributes).length > 0) relation.attributes = attributes;
  const review = reviewFromColumns(r);
  if (review !== undefined) relation.review = review;
  return relation;
}

/** The reads behind a `RecordReader`, in one backend's dialect. */
export class RecordQueries {
  constructor(private readonly d: Dialect) {}

  /** Pks of these ids in `table` (ids not held are left out). */
  *pks(table: 'entities' | 'relations' | 'documents', ids: Iterable<string>): Steps<Map<string, number>> {
    const rows = yield* query<{ id: string; pk: number }>(`SELECT id, pk FROM ${table} WHERE id ${this.d.ids}`, this.d.list(ids));
    return new Map(rows.map((row) => [row.id, row.pk]));
  }

  /**
   * Ids in `table` that are `base` or `base-N`: an edit that makes a new
   * record picks its id free of these (merge.ts freeId), so they must be
   * among the records it loads, or two records would get one id.
   */
  *idsLike(table: 'entities' | 'relations', base: string): Steps<string[]> {
    const pattern = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
    return (yield* query<{ id: string }>(`SELECT id FROM ${table} WHERE id = ? OR id LIKE ? ESCAPE '\\'`, base, pattern)).map((row) => row.id);
  }

  /** Ids of the entities one of whose names is `name` as compared by identity.ts (case, accents, punctuation aside): a rename must see a name another entity has. */
  *idsNamed(name: string): Steps<string[]> {
    return (yield* query<{ id: string }>('SELECT DISTINCT e.id FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE n.name = ?', normaliseName(name))).map((row) => row.id);
  }

  /** Pks of the relations with an end or attribution (or both ends, `both`) among these entities. */
  *relationsTouching(entities: Iterable<number>, both = false): Steps<number[]> {
    const ids = this.d.list(entities);
    const k = this.d.keys;
    const rows = both
      ? yield* query<{ pk: number }>(`SELECT pk FROM relations WHERE source ${k} AND target ${k} ORDER BY pk`, ids, ids)
      : yield* query<{ pk: number }>(`SELECT pk FROM relations WHERE source ${k} OR target ${k} OR attributed_to ${k} ORDER BY pk`, ids, ids, ids);
    return rows.map((row) => row.pk);
  }

  /** The relations' ends and attributions. */
  *relationEnds(relations: Iterable<number>): Steps<number[]> {
    const rows = yield* query<{ source: number; target: number; attributed_to: number | null }>(`SELECT source, target, attributed_to FROM relations WHERE pk ${this.d.keys}`, this.d.list(relations));
    return rows.flatMap((r) => (r.attributed_to === null ? [r.source, r.target] : [r.source, r.target, r.attributed_to]));
  }

  /** The records of the scope (see the header), with the corpus's declared types. */
  *load(scope: RecordScope, declared: CorpusTypes): Steps<LoadedRecords> {
    const { keys: k, list } = this.d;
    const relationRows = yield* query<RelationRecord>(`SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.pk ${k} ORDER BY r.pk`, list(scope.relations));
    const evidenceRows = yield* query<EvidenceRow>(
      `SELECT e.relation, s.document, s.start, s."end", e.note, e.event_date, e.event_start, e.event_end FROM evidence e JOIN sentences s ON s.pk = e.sentence
       WHERE e.relation ${k} ORDER BY e.relation, e.sentence`,
      list(relationRows.map((r) => r.pk)),
    );
    const entityPks = new Set(scope.entities);
    for (const r of relationRows) {
      entityPks.add(r.source).add(r.target);
      if (r.attributed_to !== null) entityPks.add(r.attributed_to);
    }
    const mentionDocuments = new Set(scope.mentionDocuments);
    for (const e of evidenceRows) mentionDocuments.add(e.document);
    const full = [...new Set(scope.fullMentions ?? [])].filter((pk) => entityPks.has(pk));
    const mentionRows = yield* query<{ entity: number; document: number; start: number; end: number }>(
      `SELECT entity, document, start, "end" FROM mentions WHERE entity ${k} AND (document ${k} OR entity ${k})
       ORDER BY entity, document, start, "end"`,
      list(entityPks), list(mentionDocuments), list(full),
    );
    const documentPks = new Set(mentionDocuments);
    for (const m of mentionRows) documentPks.add(m.document);
    const documentRows = yield* query<DocumentRow>(`SELECT pk, id, title, text, url, source, published FROM documents WHERE pk ${k} ORDER BY pk`, list(documentPks));
    const entityRows = yield* query<EntityRow>(`SELECT pk, id, label, type, aliases, external_ids, attributes FROM entities WHERE pk ${k} ORDER BY pk`, list(entityPks));

    const documentId = new Map(documentRows.map((d) => [d.pk, d.id]));
    const entityId = new Map(entityRows.map((e) => [e.pk, e.id]));
    const mentionsOf = new Map<number, Entity['mentions']>();
    for (const m of mentionRows) {
      let held = mentionsOf.get(m.entity);
      if (!held) mentionsOf.set(m.entity, (held = []));
      held.push({ document: documentId.get(m.document)!, start: m.start, end: m.end });
    }
    const evidenceOf = new Map<number, Evidence[]>();
    for (const e of evidenceRows) {
      let held = evidenceOf.get(e.relation);
      if (!held) evidenceOf.set(e.relation, (held = []));
      const evidence: Evidence = { document: documentId.get(e.document)!, start: e.start, end: e.end };
      if (e.note !== null) evidence.note = e.note;
      if (e.event_date !== null && e.event_start !== null && e.event_end !== null) evidence.event = { date: e.event_date, start: e.event_start, end: e.event_end };
      held.push(evidence);
    }

    const documents: NewsDocument[] = documentRows.map((row) => {
      const doc: NewsDocument = { id: row.id, title: row.title, text: row.text };
      if (row.source !== null) doc.source = row.source;
      if (row.url !== null) doc.url = row.url;
      if (row.published !== null) doc.published = row.published;
      return doc;
    });
    const entities = entityRows.map((row) => entityRecord(row, mentionsOf.get(row.pk) ?? []));
    const relations = relationRows.map((r) => relationRecord(r, entityId, evidenceOf.get(r.pk) ?? []));
    const dataset: Dataset = { version: 1, documents, entities, relations };
    if (declared.relationTypes.length > 0) dataset.relationTypes = declared.relationTypes;
    if (declared.entityTypes.length > 0) dataset.entityTypes = declared.entityTypes;
    return {
      dataset,
      entityPk: new Map(entityRows.map((e) => [e.id, e.pk])),
      relationPk: new Map(relationRows.map((r) => [r.id, r.pk])),
      documentPk: new Map(documentRows.map((d) => [d.id, d.pk])),
    };
  }
}
