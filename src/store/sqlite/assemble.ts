/**
 * Answers as datasets
 * ===================
 *
 * Every query of the store ends here: given the relations it chose (best
 * first), this builds the newsgraph dataset the browser, `query` and every
 * exporter read. The dataset is valid by construction (the tests run
 * `validateDataset` on every answer):
 *
 *  - each relation carries at most `evidencePerRelation` sentences, chosen
 *    in ingest order but preferring articles already in the answer (fewer
 *    articles to send for the same sentences);
 *  - every article a sentence cites is sent whole, so offsets stay exact;
 *  - entities: the relations' ends and attributions, plus any the caller
 *    names; their mentions only inside the sent sentences (or, for an
 *    article view, the whole article), which is what the validator needs
 *    and the panels highlight;
 *  - attributes say how much more the corpus holds: `corpusSentences` on a
 *    relation, `corpusRelations` on an entity (CORPUS_ATTRIBUTES), and on
 *    each relation its whole-corpus sources, `corpusArticles` and
 *    `corpusOutlets` (sourceCounts.ts);
 *  - each relation's `reported` is every day the whole corpus reported it
 *    (reportingDays.ts), so a timeline over what is loaded still dates a
 *    relation by the articles that were not sent;
 *  - each relation's review (reviewColumns.ts), whatever the status: the
 *    callers that draw leave rejected relations out before they get here;
 *  - the declarations of the declared relation and entity types the answer
 *    names (declaredTypes.ts), so the explorer shows them with their labels,
 *    directions and colours.
 *
 * Size is bounded before anything large is read: sentences and article sizes
 * (`text_json_bytes`) are known first, and relations past the byte budget
 * are left out with `truncated` and a note.
 */

import { CORPUS_ATTRIBUTES, CORPUS_LIMITS, type SubgraphResponse } from '../../model/corpusApi.ts';
import type { EntityTypeId } from '../../model/entityTypes.ts';
import { setOwn, type Attributes, type AttributeValue } from '../../model/attributeRecords.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import type { Dataset, Entity, Evidence, NewsDocument, Relation } from '../../model/schema.ts';
import type { Connection } from './connection.ts';
import { StoredTypes } from './declaredTypes.ts';
import { reportedSpells } from './reportingDays.ts';
import { REVIEW_COLUMNS, reviewFromColumns } from './reviewColumns.ts';
import { parseAttributes, parseStringList, parseStringRecord } from './rows.ts';
import { isWikidataId } from '../../model/wikidata.ts';
import { sourceCounts } from './sourceCounts.ts';
import { StatementCache } from './statements.ts';

export interface RelationRecord {
  pk: number;
  id: string;
  type: RelationTypeId;
  source: number;
  target: number;
  negated: number;
  hedged: number | null;
  attributed_to: number | null;
  attributes: string | null;
  sentence_count: number;
  review_status: string | null;
  review_reason: string | null;
  review_proposed: string | null;
}

/** The columns of a `RelationRecord`, from `relations AS r`. */
export const RELATION_COLUMNS = `r.pk, r.id, r.type, r.source, r.target, r.negated, r.hedged, r.attributed_to, r.attributes, r.sentence_count, ${REVIEW_COLUMNS}`;

/** A condition on the sentences a relation may be shown with, over `sentences AS s` and `documents AS d`. */
export interface SentenceFilter {
  sql: string;
  params: unknown[];
}

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

export class Assembler {
  private readonly statements: StatementCache;
  private readonly types: StoredTypes;

  /** `types`: the store's own (one cache of the declarations per connection); a new one when not given. */
  constructor(db: Connection, types?: StoredTypes) {
    this.statements = new StatementCache(db);
    this.types = types ?? new StoredTypes(this.statements);
  }

  /**
   * Each relation's first `perRelation` sentences (that pass the filter), in
   * one statement: a statement per relation costs ten times more on a
   * two-thousand-relation answer.
   */
  private candidateEvidence(relations: readonly number[], perRelation: number, filter: SentenceFilter | undefined): Map<number, EvidenceRecord[]> {
    const rows = this.statements
      .get<EvidenceRecord>(
        `SELECT relation, sentence, note, event_date, event_start, event_end, document, start, "end" FROM (
           SELECT e.relation, e.sentence, e.note, e.event_date, e.event_start, e.event_end, s.document, s.start, s."end", row_number() OVER (PARTITION BY e.relation ORDER BY e.sentence) AS rank
           FROM evidence e JOIN sentences s ON s.pk = e.sentence ${filter ? 'JOIN documents d ON d.pk = s.document' : ''}
           WHERE e.relation IN (SELECT value FROM json_each(?)) ${filter ? `AND (${filter.sql})` : ''}
         ) WHERE rank <= ?`,
      )
      .all(JSON.stringify(relations), ...(filter?.params ?? []), perRelation) as EvidenceRecord[];
    const byRelation = new Map<number, EvidenceRecord[]>();
    for (const row of rows) {
      let list = byRelation.get(row.relation);
      if (!list) byRelation.set(row.relation, (list = []));
      list.push(row);
    }
    for (const list of byRelation.values()) list.sort((a, b) => a.sentence - b.sentence);
    return byRelation;
  }

  private byPk<T extends { pk: number }>(sql: string, pks: Iterable<number>): Map<number, T> {
    const rows = this.statements.get<T>(sql).all(JSON.stringify([...pks])) as T[];
    return new Map(rows.map((row) => [row.pk, row]));
  }

  /** The answer for these relations, best first; see the header. */
  assemble(relations: readonly RelationRecord[], options: AssembleOptions): SubgraphResponse {
    const budget = options.budgetBytes ?? DEFAULT_BUDGET;
    const relationPks = relations.map((r) => r.pk);
    const reported = reportedSpells(this.statements, relationPks);
    const candidates = this.candidateEvidence(
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

    const documentRows = this.byPk<DocumentRecord>(
      'SELECT pk, id, title, url, source, published, text_json_bytes FROM documents WHERE pk IN (SELECT value FROM json_each(?))',
      options.allMentionsIn === undefined ? chosenDocuments : [...chosenDocuments, options.allMentionsIn],
    );
    const entityPks = new Set<number>(options.entities ?? []);
    for (const r of relations) {
      entityPks.add(r.source).add(r.target);
      if (r.attributed_to !== null) entityPks.add(r.attributed_to);
    }
    const entityRows = this.byPk<EntityRecord>('SELECT pk, id, label, type, aliases, external_ids, attributes, degree FROM entities WHERE pk IN (SELECT value FROM json_each(?))', entityPks);

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

    const texts = this.byPk<{ pk: number; text: string }>('SELECT pk, text FROM documents WHERE pk IN (SELECT value FROM json_each(?))', sentDocuments);
    const mentions = this.mentions(
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
    const sources = sourceCounts(
      this.statements,
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
      ...this.types.forAnswer(
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
  private mentions(evidence: readonly EvidenceRecord[], wholeDocument: number | undefined, entities: ReadonlySet<number>): Map<number, MentionRecord[]> {
    type Row = MentionRecord;
    const rows: Row[] = [];
    const sentences = new Set<number>();
    for (const e of evidence) if (e.document !== wholeDocument) sentences.add(e.sentence);
    if (sentences.size > 0) {
      rows.push(
        ...(this.statements
          .get<Row>(
            `SELECT m.document, m.start, m."end", m.entity FROM json_each(?) j JOIN sentences s ON s.pk = j.value
             JOIN mentions m ON m.document = s.document AND m.start >= s.start AND m.start < s."end"
             WHERE m."end" <= s."end"`,
          )
          .all(JSON.stringify([...sentences])) as Row[]),
      );
    }
    if (wholeDocument !== undefined) rows.push(...(this.statements.get<Row>('SELECT document, start, "end", entity FROM mentions WHERE document = ?').all(wholeDocument) as Row[]));
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
