/**
 * Answers as datasets
 * ===================
 *
 * Every query of either store ends here: given the relations it chose (best
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
 *
 * The steps here are pure, from rows to decisions to the dataset; each
 * store's `Assembler` (sqlite/assemble.ts, postgres/assemble.ts) only reads
 * the rows between them, in its own SQL, synchronously or not.
 */

import { CORPUS_ATTRIBUTES, CORPUS_LIMITS, type SubgraphResponse } from '../../model/corpusApi.ts';
import type { EntityTypeId } from '../../model/entityTypes.ts';
import { setOwn, type Attributes, type AttributeValue } from '../../model/attributeRecords.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import type { Dataset, Entity, Evidence, NewsDocument, Relation } from '../../model/schema.ts';
import { isWikidataId } from '../../model/wikidata.ts';
import type { AnswerDeclarations } from './declaredTypes.ts';
import { REVIEW_COLUMNS, reviewFromColumns } from './reviewColumns.ts';
import { parseAttributes, parseStringList, parseStringRecord } from './rows.ts';

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

export interface EvidenceRecord {
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

export interface MentionRecord {
  document: number;
  start: number;
  end: number;
  entity: number;
}

export interface DocumentRecord {
  pk: number;
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
  text_json_bytes: number;
}

export interface EntityRecord {
  pk: number;
  id: string;
  label: string;
  type: EntityTypeId;
  aliases: string;
  external_ids: string;
  attributes: string | null;
  degree: number;
}

/** The columns read for the answer's articles and entities (`text` is read only for the articles sent). */
export const DOCUMENT_COLUMNS = 'pk, id, title, url, source, published, text_json_bytes';
export const ENTITY_COLUMNS = 'pk, id, label, type, aliases, external_ids, attributes, degree';

/** The evidence candidates' columns, ranked per relation; `relations` and `filter` are the backend's SQL. */
export function candidateEvidenceSql(relationsIn: string, filter: SentenceFilter | undefined): string {
  return `SELECT relation, sentence, note, event_date, event_start, event_end, document, start, "end" FROM (
           SELECT e.relation, e.sentence, e.note, e.event_date, e.event_start, e.event_end, s.document, s.start, s."end", row_number() OVER (PARTITION BY e.relation ORDER BY e.sentence) AS rank
           FROM evidence e JOIN sentences s ON s.pk = e.sentence ${filter ? 'JOIN documents d ON d.pk = s.document' : ''}
           WHERE e.relation ${relationsIn} ${filter ? `AND (${filter.sql})` : ''}
         ) ranked WHERE rank <= ?`;
}

/** Sentences considered per relation when choosing the few to send: enough to find one in an article already sent. */
const CANDIDATES_PER_RELATION = 10;
/** Room for what the estimate does not count (the envelope, JSON punctuation). */
const DEFAULT_BUDGET = Math.floor(CORPUS_LIMITS.responseBytesMax * 0.9);

const jsonBytes = (text: string) => Buffer.byteLength(text) + 8;

/** How many candidate sentences to read per relation. */
export const candidatesPerRelation = (options: AssembleOptions) => Math.max(options.evidencePerRelation, CANDIDATES_PER_RELATION);

/** Candidate rows by relation, each list in sentence order. */
export function evidenceByRelation(rows: readonly EvidenceRecord[]): Map<number, EvidenceRecord[]> {
  const byRelation = new Map<number, EvidenceRecord[]>();
  for (const row of rows) {
    let list = byRelation.get(row.relation);
    if (!list) byRelation.set(row.relation, (list = []));
    list.push(row);
  }
  for (const list of byRelation.values()) list.sort((a, b) => a.sentence - b.sentence);
  return byRelation;
}

export interface Picks {
  /** Each relation's sentences to send, by relation pk. */
  evidence: Map<number, EvidenceRecord[]>;
  /** The articles they cite. */
  documents: Set<number>;
}

/** Chooses each relation's sentences, preferring articles already chosen. */
export function pickEvidence(relations: readonly RelationRecord[], candidates: ReadonlyMap<number, EvidenceRecord[]>, perRelation: number): Picks {
  const documents = new Set<number>();
  const evidence = new Map<number, EvidenceRecord[]>();
  for (const relation of relations) {
    const list = candidates.get(relation.pk) ?? [];
    const picked = list.filter((e) => documents.has(e.document)).slice(0, perRelation);
    for (const e of list) {
      if (picked.length >= perRelation) break;
      if (!picked.includes(e)) picked.push(e);
    }
    picked.sort((a, b) => a.sentence - b.sentence);
    for (const e of picked) documents.add(e.document);
    evidence.set(relation.pk, picked);
  }
  return { evidence, documents };
}

/** The articles whose summaries to read: the chosen ones and, for an article view, that article. */
export const documentsToRead = (picks: Picks, options: AssembleOptions): Iterable<number> =>
  options.allMentionsIn === undefined ? picks.documents : [...picks.documents, options.allMentionsIn];

/** The entities whose rows to read: the relations' ends and attributions, and those the caller names. */
export function entitiesToRead(relations: readonly RelationRecord[], options: AssembleOptions): Set<number> {
  const entityPks = new Set<number>(options.entities ?? []);
  for (const r of relations) {
    entityPks.add(r.source).add(r.target);
    if (r.attributed_to !== null) entityPks.add(r.attributed_to);
  }
  return entityPks;
}

export interface Fitted {
  sent: RelationRecord[];
  documents: Set<number>;
  entities: Set<number>;
  cutByBudget: boolean;
  budget: number;
}

/** Walks the relations best first until the byte budget is spent. */
export function fitBudget(
  relations: readonly RelationRecord[],
  picks: Picks,
  documentRows: ReadonlyMap<number, DocumentRecord>,
  entityRows: ReadonlyMap<number, EntityRecord>,
  reported: ReadonlyMap<number, readonly unknown[]>,
  options: AssembleOptions,
): Fitted {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET;
  const documentCost = (row: DocumentRecord) => row.text_json_bytes + jsonBytes(row.id) + jsonBytes(row.title) + (row.url?.length ?? 0) + (row.source?.length ?? 0) + 120;
  const entityCost = (row: EntityRecord) => jsonBytes(row.id) + jsonBytes(row.label) + row.aliases.length + (row.attributes?.length ?? 0) + 140;
  let bytes = 200;
  const documents = new Set<number>();
  const entities = new Set<number>();
  const addEntity = (pk: number) => {
    if (entities.has(pk)) return;
    entities.add(pk);
    const row = entityRows.get(pk);
    if (row) bytes += entityCost(row);
  };
  for (const pk of options.entities ?? []) addEntity(pk);
  if (options.allMentionsIn !== undefined && documentRows.has(options.allMentionsIn)) {
    documents.add(options.allMentionsIn);
    bytes += documentCost(documentRows.get(options.allMentionsIn)!);
  }
  const sent: RelationRecord[] = [];
  let cutByBudget = false;
  for (const relation of relations) {
    const evidence = picks.evidence.get(relation.pk)!;
    let cost = jsonBytes(relation.id) + 260 + (relation.attributes?.length ?? 0) + evidence.length * 140 + (reported.get(relation.pk)?.length ?? 0) * 40;
    const newDocuments = [...new Set(evidence.map((e) => e.document))].filter((pk) => !documents.has(pk));
    for (const pk of newDocuments) cost += documentCost(documentRows.get(pk)!);
    if (bytes + cost > budget && sent.length > 0) {
      cutByBudget = true;
      break;
    }
    bytes += cost;
    sent.push(relation);
    for (const pk of newDocuments) documents.add(pk);
    addEntity(relation.source);
    addEntity(relation.target);
    if (relation.attributed_to !== null) addEntity(relation.attributed_to);
  }
  return { sent, documents, entities, cutByBudget, budget };
}

/** The sent sentences whose mentions to read (an article view reads its whole article's instead). */
export function mentionSentences(fitted: Fitted, picks: Picks, wholeDocument: number | undefined): Set<number> {
  const sentences = new Set<number>();
  for (const r of fitted.sent) for (const e of picks.evidence.get(r.pk)!) if (e.document !== wholeDocument) sentences.add(e.sentence);
  return sentences;
}

/** Mention rows of the sent entities, each once, by entity, in document order. */
export function mentionsByEntity(rows: readonly MentionRecord[], entities: ReadonlySet<number>): Map<number, MentionRecord[]> {
  const byEntity = new Map<number, MentionRecord[]>();
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

/** Everything read for the answer. */
export interface AnswerRows {
  relations: readonly RelationRecord[];
  picks: Picks;
  fitted: Fitted;
  documentRows: ReadonlyMap<number, DocumentRecord>;
  entityRows: ReadonlyMap<number, EntityRecord>;
  texts: ReadonlyMap<number, { text: string }>;
  mentions: ReadonlyMap<number, MentionRecord[]>;
  reported: ReadonlyMap<number, Relation['reported'] & {}>;
  sources: ReadonlyMap<number, { articles: number; outlets: number }>;
  /** The declarations an answer naming these types carries (declaredTypes.ts `forAnswer`). */
  declarations: (relationTypes: string[], entityTypes: string[]) => AnswerDeclarations;
}

/** The answer dataset, from its rows (see the header). */
export function answerFromRows(rows: AnswerRows, options: AssembleOptions): SubgraphResponse {
  const { picks, fitted, documentRows, entityRows, texts, mentions, reported, sources } = rows;
  const documentId = (pk: number) => documentRows.get(pk)!.id;
  const entityId = (pk: number) => entityRows.get(pk)!.id;
  const documents: NewsDocument[] = [...fitted.documents].map((pk) => {
    const row = documentRows.get(pk)!;
    const doc: NewsDocument = { id: row.id, title: row.title, text: texts.get(pk)!.text };
    if (row.source !== null) doc.source = row.source;
    if (row.url !== null) doc.url = row.url;
    if (row.published !== null) doc.published = row.published;
    return doc;
  });
  const entities: Entity[] = [...fitted.entities]
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
  const datasetRelations: Relation[] = fitted.sent.map((r) => {
    const attributes: Attributes = parseAttributes(r.attributes) ?? {};
    setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.evidenceTotal, r.sentence_count);
    setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.articles, sources.get(r.pk)?.articles ?? 0);
    setOwn<AttributeValue>(attributes, CORPUS_ATTRIBUTES.outlets, sources.get(r.pk)?.outlets ?? 0);
    const relation: Relation = {
      id: r.id,
      type: r.type,
      source: entityId(r.source),
      target: entityId(r.target),
      evidence: picks.evidence.get(r.pk)!.map((e) => {
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
    ...rows.declarations(
      datasetRelations.map((r) => r.type),
      entities.map((e) => e.type),
    ),
    documents,
    entities,
    relations: datasetRelations,
  };
  const { budget, cutByBudget, sent } = fitted;
  const notes: string[] = [];
  if (options.truncatedNote !== undefined) notes.push(options.truncatedNote);
  if (cutByBudget)
    notes.push(`cut at ${sent.length.toLocaleString('en-US')} of ${rows.relations.length.toLocaleString('en-US')} relations to stay under ${budget >= 1_000_000 ? `${Math.round(budget / 1_000_000)} MB` : `${Math.ceil(budget / 1000)} kB`} (their articles are long); narrow the question`);
  const response: SubgraphResponse = { dataset, truncated: notes.length > 0 };
  if (notes.length > 0) response.note = notes.join('; ');
  return response;
}

/** A neighbourhood query's relations, best first, and whether the limit cut it. */
export interface NeighbourhoodResult {
  relations: RelationRecord[];
  /** More relations matched than the limit let through. */
  cut: boolean;
}
