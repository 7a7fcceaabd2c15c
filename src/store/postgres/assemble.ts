/**
 * Answers as datasets (PostgreSQL)
 * ================================
 *
 * sqlite/assemble.ts's `Assembler` over `Sql`, step for step (read its
 * header: sentences per relation, whole articles, mentions inside the sent
 * sentences, corpus attributes, reporting days, reviews, declarations, the
 * byte budget). Lists of keys go in as arrays (`= ANY(?)`).
 */

import { CORPUS_ATTRIBUTES, CORPUS_LIMITS, type SubgraphResponse } from '../../model/corpusApi.ts';
import type { EntityTypeId } from '../../model/entityTypes.ts';
import { setOwn, type Attributes, type AttributeValue } from '../../model/attributeRecords.ts';
import type { Dataset, Entity, Evidence, NewsDocument, Relation } from '../../model/schema.ts';
import { reviewFromColumns } from '../sqlite/reviewColumns.ts';
import { parseAttributes, parseStringList, parseStringRecord } from '../sqlite/rows.ts';
import { isWikidataId } from '../../model/wikidata.ts';
import type { RelationRecord, SentenceFilter } from '../sqlite/assemble.ts';
import { currentTypes, forAnswer } from './declaredTypes.ts';
import { reportedSpells } from './reportingDays.ts';
import { sourceCounts } from './sourceCounts.ts';
import type { Sql } from './sql.ts';

export interface AssembleOptions {
  title: string;
  evidencePerRelation: number;
  filter?: SentenceFilter | undefined;
  /** Entities sent even when no relation names them (a neighbourhood's centre, the overview's top entities, an article's names). */
  entities?: readonly number[];
  /** An article view: every mention in this document, not only those inside the sent sentences. */
  allMentionsIn?: number;
  /** The caller already cut the relations: what to say. */
  truncatedNote?: string | undefined;
  budgetBytes?: number;
}

interface EvidenceRecord {
  relation: number;
  sentence: number;
  note: string | null;
  event_date: string | null;
  event_start: number | null;
  event_end: number | null;
  document: number;
  start: number;
  end: number;
}

interface MentionRecord {
  document: number;
  start: number;
  end: number;
  entity: number;
}

interface DocumentRecord {
  pk: number;
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
  text_json_bytes: number;
}

interface EntityRecord {
  pk: number;
  id: string;
  label: string;
  type: EntityTypeId;
  aliases: string;
  external_ids: string;
  attributes: string | null;
  degree: number;
}

/** Sentences considered per relation when choosing the few to send: enough to find one in an article already sent. */
const CANDIDATES_PER_RELATION = 10;
/** Room for what the estimate does not count (the envelope, JSON punctuation). */
const DEFAULT_BUDGET = Math.floor(CORPUS_LIMITS.responseBytesMax * 0.9);

const jsonBytes = (text: string) => Buffer.byteLength(text) + 8;

export class PgAssembler {
  constructor(private readonly sql: Sql) {}

  /**
   * Each relation's first `perRelation` sentences (that pass the filter), in
   * one statement: a statement per relation costs ten times more on a
   * two-thousand-relation answer.
   */
  private async candidateEvidence(relations: readonly number[], perRelation: number, filter: SentenceFilter | undefined): Promise<Map<number, EvidenceRecord[]>> {
    const rows = await this.sql.rows<EvidenceRecord>(
        `SELECT relation, sentence, note, event_date, event_start, event_end, document, start, "end" FROM (
           SELECT e.relation, e.sentence, e.note, e.event_date, e.event_start, e.event_end, s.document, s.start, s."end", row_number() OVER (PARTITION BY e.relation ORDER BY e.sentence) AS rank
           FROM evidence e JOIN sentences s ON s.pk = e.sentence ${filter ? 'JOIN documents d ON d.pk = s.document' : ''}
           WHERE e.relation = ANY(?::bigint[]) ${filter ? `AND (${filter.sql})` : ''}
         ) ranked WHERE rank <= ?`,
      relations,
      ...(filter?.params ?? []),
      perRelation,
    );
    const byRelation = new Map<number, EvidenceRecord[]>();
    for (const row of rows) {
      let list = byRelation.get(row.relation);
      if (!list) byRelation.set(row.relation, (list = []));
      list.push(row);
    }
    for (const list of byRelation.values()) list.sort((a, b) => a.sentence - b.sentence);
    return byRelation;
  }

  private async byPk<T extends { pk: number }>(sql: string, pks: Iterable<number>): Promise<Map<number, T>> {
    const rows = await this.sql.rows<T>(sql, [...pks]);
    return new Map(rows.map((row) => [row.pk, row]));
  }

  /** The answer for these relations, best first; see the header. */
  async assemble(relations: readonly RelationRecord[], options: AssembleOptions): Promise<SubgraphResponse> {
    const budget = options.budgetBytes ?? DEFAULT_BUDGET;
    const relationPks = relations.map((r) => r.pk);
    const reported = await reportedSpells(this.sql, relationPks);
    const candidates = await this.candidateEvidence(
      relationPks,
      Math.max(options.evidencePerRelation, CANDIDATES_PER_RELATION),
      options.filter,
    );

    // Choose each relation's sentences, preferring articles already chosen.
    const chosenDocuments = new Set<number>();
    const picks = new Map<number, EvidenceRecord[]>();
    for (const relation of relations) {
      const list = candidates.get(relation.pk) ?? [];
      const picked = list.filter((e) => chosenDocuments.has(e.document)).slice(0, options.evidencePerRelation);
      for (const e of list) {
        if (picked.length >= options.evidencePerRelation) break;
        if (!picked.includes(e)) picked.push(e);
      }
      picked.sort((a, b) => a.sentence - b.sentence);
      for (const e of picked) chosenDocuments.add(e.document);
      picks.set(relation.pk, picked);
    }

    const documentRows = await this.byPk<DocumentRecord>(
      'SELECT pk, id, title, url, source, published, text_json_bytes FROM documents WHERE pk = ANY(?::bigint[])',
      options.allMentionsIn === undefined ? chosenDocuments : [...chosenDocuments, options.allMentionsIn],
    );
    const entityPks = new Set<number>(options.entities ?? []);
    for (const r of relations) {
      entityPks.add(r.source).add(r.target);
      if (r.attributed_to !== null) entityPks.add(r.attributed_to);
    }
    const entityRows = await this.byPk<EntityRecord>('SELECT pk, id, label, type, aliases, external_ids, attributes, degree FROM entities WHERE pk = ANY(?::bigint[])', entityPks);

    // Walk the relations best first until the byte budget is spent.
    const documentCost = (row: DocumentRecord) => row.text_json_bytes + jsonBytes(row.id) + jsonBytes(row.title) + (row.url?.length ?? 0) + (row.source?.length ?? 0) + 120;
    const entityCost = (row: EntityRecord) => jsonBytes(row.id) + jsonBytes(row.label) + row.aliases.length + (row.attributes?.length ?? 0) + 140;
    let bytes = 200;
    const sentDocuments = new Set<number>();
    const sentEntities = new Set<number>();
    const addEntity = (pk: number) => {
      if (sentEntities.has(pk)) return;
      sentEntities.add(pk);
      const row = entityRows.get(pk);
      if (row) bytes += entityCost(row);
    };
    for (const pk of options.entities ?? []) addEntity(pk);
    if (options.allMentionsIn !== undefined && documentRows.has(options.allMentionsIn)) {
      sentDocuments.add(options.allMentionsIn);
      bytes += documentCost(documentRows.get(options.allMentionsIn)!);
    }
    const sent: RelationRecord[] = [];
    let cutByBudget = false;
    for (const relation of relations) {
      const evidence = picks.get(relation.pk)!;
      let cost = jsonBytes(relation.id) + 260 + (relation.attributes?.length ?? 0) + evidence.length * 140 + (reported.get(relation.pk)?.length ?? 0) * 40;
      const newDocuments = [...new Set(evidence.map((e) => e.document))].filter((pk) => !sentDocuments.has(pk));
      for (const pk of newDocuments) cost += documentCost(documentRows.get(pk)!);
      if (bytes + cost > budget && sent.length > 0) {
        cutByBudget = true;
        break;
      }
      bytes += cost;
      sent.push(relation);
      for (const pk of newDocuments) sentDocuments.add(pk);
      addEntity(relation.source);
      addEntity(relation.target);
      if (relation.attributed_to !== null) addEntity(relation.attributed_to);
    }

    const texts = await this.byPk<{ pk: number; text: string }>('SELECT pk, text FROM documents WHERE pk = ANY(?::bigint[])', sentDocuments);
    const mentions = await this.mentions(
      sent.flatMap((r) => picks.get(r.pk)!),
      options.allMentionsIn,
      sentEntities,
    );

    const documentOrder = [...sentDocuments];
    const documentId = (pk: number) => documentRows.get(pk)!.id;
    const entityId = (pk: number) => entityRows.get(pk)!.id;
    const documents: NewsDocument[] = documentOrder.map((pk) => {
      const row = documentRows.get(pk)!;
      const doc: NewsDocument = { id: row.id, title: row.title, text: texts.get(pk)!.text };
      if (row.source !== null) doc.source = row.source;
      if (row.url !== null) doc.url = row.url;
      if (row.published !== null) doc.published = row.published;
      return doc;
    });
    const entities: Entity[] = [...sentEntities]
      .filter((pk) => entityRows.has(pk))
      .map((pk) => {
        const row = entityRows.get(pk)!;
        const attributes: Attributes = parseAttributes(row.attributes) ?? {};
        setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.degree, row.degree);
        const entity: Entity = {
          id: row.id,
          label: row.label,
          type: row.type,
          aliases: parseStringList(row.aliases),
          mentions: (mentions.get(pk) ?? []).map((m) => ({ document: documentId(m.document), start: m.start, end: m.end })),
          attributes,
        };
        // The Wikidata item kept among the external ids (identity.ts).
        const wikidata = parseStringRecord(row.external_ids).get('wikidata');
        if (isWikidataId(wikidata)) entity.wikidata = wikidata;
        return entity;
      });
    const sources = await sourceCounts(
      this.sql,
      sent.map((r) => r.pk),
    );
    const datasetRelations: Relation[] = sent.map((r) => {
      const attributes: Attributes = parseAttributes(r.attributes) ?? {};
      setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.evidenceTotal, r.sentence_count);
      setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.articles, sources.get(r.pk)?.articles ?? 0);
      setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.outlets, sources.get(r.pk)?.outlets ?? 0);
      const relation: Relation = {
        id: r.id,
        type: r.type,
        source: entityId(r.source),
        target: entityId(r.target),
        evidence: picks.get(r.pk)!.map((e) => {
          const evidence: Evidence = { document: documentId(e.document), start: e.start, end: e.end };
          if (e.note !== null) evidence.note = e.note;
          if (e.event_date !== null && e.event_start !== null && e.event_end !== null) evidence.event = { date: e.event_date, start: e.event_start, end: e.event_end };
          return evidence;
        }),
        attributes,
      };
      const days = reported.get(r.pk);
      if (days !== undefined) relation.reported = days;
      if (r.hedged === 1) relation.hedged = true;
      if (r.negated === 1) relation.negated = true;
      if (r.attributed_to !== null) relation.attributedTo = entityId(r.attributed_to);
      const review = reviewFromColumns(r);
      if (review !== undefined) relation.review = review;
      return relation;
    });

    const dataset: Dataset = {
      version: 1,
      title: options.title,
      ...forAnswer(
        await currentTypes(this.sql),
        datasetRelations.map((r) => r.type),
        entities.map((e) => e.type),
      ),
      documents,
      entities,
      relations: datasetRelations,
    };
    const notes: string[] = [];
    if (options.truncatedNote !== undefined) notes.push(options.truncatedNote);
    if (cutByBudget)
      notes.push(`cut at ${sent.length.toLocaleString('en-US')} of ${relations.length.toLocaleString('en-US')} relations to stay under ${budget >= 1_000_000 ? `${Math.round(budget / 1_000_000)} MB` : `${Math.ceil(budget / 1000)} kB`} (their articles are long); narrow the question`);
    const response: SubgraphResponse = { dataset, truncated: notes.length > 0 };
    if (notes.length > 0) response.note = notes.join('; ');
    return response;
  }

  /** Mentions of the sent entities inside the sent sentences (and, for an article view, anywhere in that article), by entity. */
  private async mentions(evidence: readonly EvidenceRecord[], wholeDocument: number | undefined, entities: ReadonlySet<number>): Promise<Map<number, MentionRecord[]>> {
    type Row = MentionRecord;
    const rows: Row[] = [];
    const sentences = new Set<number>();
    for (const e of evidence) if (e.document !== wholeDocument) sentences.add(e.sentence);
    if (sentences.size > 0) {
      rows.push(
        ...(await this.sql.rows<Row>(
          `SELECT m.document, m.start, m."end", m.entity FROM sentences s
           JOIN mentions m ON m.document = s.document AND m.start >= s.start AND m.start < s."end"
           WHERE s.pk = ANY(?::bigint[]) AND m."end" <= s."end"`,
          [...sentences],
        )),
      );
    }
    if (wholeDocument !== undefined) rows.push(...(await this.sql.rows<Row>('SELECT document, start, "end", entity FROM mentions WHERE document = ?', wholeDocument)));
    const byEntity = new Map<number, Row[]>();
    const seen = new Set<string>();
    for (const row of rows) {
      if (!entities.has(row.entity)) continue;
      const key = `${row.document}:${row.start}:${row.end}:${row.entity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let list = byEntity.get(row.entity);
      if (!list) byEntity.set(row.entity, (list = []));
      list.push(row);
    }
    for (const list of byEntity.values()) list.sort((a, b) => a.document - b.document || a.start - b.start || a.end - b.end);
    return byEntity;
  }
}
