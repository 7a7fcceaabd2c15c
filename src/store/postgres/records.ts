/**
 * Stored records as a dataset (PostgreSQL)
 * ========================================
 *
 * sqlite/records.ts's `RecordReader` over `Sql` (read its header): chosen
 * relations and entities read back as the dataset records they were added
 * as, for edits and the full export. Lists of keys go in as one array
 * parameter (`= ANY(?)`), as SQLite's go in as one JSON array.
 */

import type { Dataset, Entity, Evidence, NewsDocument } from '../../model/schema.ts';
import { normaliseName } from '../identity.ts';
import { RELATION_COLUMNS, type RelationRecord } from '../sqlite/assemble.ts';
import { entityRecord, relationRecord, type EntityRow, type LoadedRecords, type RecordScope } from '../sqlite/records.ts';
import { currentTypes } from './declaredTypes.ts';
import type { Sql } from './sql.ts';

const list = (pks: Iterable<number>) => [...new Set(pks)];

export class PgRecordReader {
  constructor(private readonly sql: Sql) {}

  async pks(table: 'entities' | 'relations' | 'documents', ids: Iterable<string>): Promise<Map<string, number>> {
    const rows = await this.sql.rows<{ id: string; pk: number }>(`SELECT id, pk FROM ${table} WHERE id = ANY(?::text[])`, [...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, row.pk]));
  }

  async idsLike(table: 'entities' | 'relations', base: string): Promise<string[]> {
    const pattern = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
    return (await this.sql.rows<{ id: string }>(`SELECT id FROM ${table} WHERE id = ? OR id LIKE ? ESCAPE '\\'`, base, pattern)).map((row) => row.id);
  }

  async idsNamed(name: string): Promise<string[]> {
    return (await this.sql.rows<{ id: string }>('SELECT DISTINCT e.id FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE n.name = ?', normaliseName(name))).map((row) => row.id);
  }

  async relationsTouching(entities: Iterable<number>, both = false): Promise<number[]> {
    const ids = list(entities);
    const sql = both
      ? 'SELECT pk FROM relations WHERE source = ANY(?::bigint[]) AND target = ANY(?::bigint[]) ORDER BY pk'
      : 'SELECT pk FROM relations WHERE source = ANY(?::bigint[]) OR target = ANY(?::bigint[]) OR attributed_to = ANY(?::bigint[]) ORDER BY pk';
    return (await this.sql.rows<{ pk: number }>(sql, ...(both ? [ids, ids] : [ids, ids, ids]))).map((row) => row.pk);
  }

  async relationEnds(relations: Iterable<number>): Promise<number[]> {
    const rows = await this.sql.rows<{ source: number; target: number; attributed_to: number | null }>('SELECT source, target, attributed_to FROM relations WHERE pk = ANY(?::bigint[])', list(relations));
    return rows.flatMap((r) => (r.attributed_to === null ? [r.source, r.target] : [r.source, r.target, r.attributed_to]));
  }

  async load(scope: RecordScope): Promise<LoadedRecords> {
    const relationRows = await this.sql.rows<RelationRecord>(`SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.pk = ANY(?::bigint[]) ORDER BY r.pk`, list(scope.relations));
    const evidenceRows = await this.sql.rows<{ relation: number; document: number; start: number; end: number; note: string | null; event_date: string | null; event_start: number | null; event_end: number | null }>(
      `SELECT e.relation, s.document, s.start, s."end", e.note, e.event_date, e.event_start, e.event_end FROM evidence e JOIN sentences s ON s.pk = e.sentence
       WHERE e.relation = ANY(?::bigint[]) ORDER BY e.relation, e.sentence`,
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
    const mentionRows = await this.sql.rows<{ entity: number; document: number; start: number; end: number }>(
      `SELECT entity, document, start, "end" FROM mentions WHERE entity = ANY(?::bigint[]) AND (document = ANY(?::bigint[]) OR entity = ANY(?::bigint[]))
       ORDER BY entity, document, start, "end"`,
      list(entityPks), list(mentionDocuments), full,
    );
    const documentPks = new Set(mentionDocuments);
    for (const m of mentionRows) documentPks.add(m.document);
    const documentRows = await this.sql.rows<{ pk: number; id: string; title: string; text: string; url: string | null; source: string | null; published: string | null }>(
      'SELECT pk, id, title, text, url, source, published FROM documents WHERE pk = ANY(?::bigint[]) ORDER BY pk',
      list(documentPks),
    );
    const entityRows = await this.sql.rows<EntityRow>('SELECT pk, id, label, type, aliases, external_ids, attributes FROM entities WHERE pk = ANY(?::bigint[]) ORDER BY pk', list(entityPks));

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
    const { relationTypes, entityTypes } = (await currentTypes(this.sql)).declared;
    const dataset: Dataset = { version: 1, documents, entities, relations };
    if (relationTypes.length > 0) dataset.relationTypes = relationTypes;
    if (entityTypes.length > 0) dataset.entityTypes = entityTypes;
    return {
      dataset,
      entityPk: new Map(entityRows.map((e) => [e.id, e.pk])),
      relationPk: new Map(relationRows.map((r) => [r.id, r.pk])),
      documentPk: new Map(documentRows.map((d) => [d.id, d.pk])),
    };
  }
}
