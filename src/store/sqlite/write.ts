/**
 * Adding datasets to the SQLite corpus
 * ====================================
 *
 * The write path behind `addDataset` and `addDatasets`. The rules are
 * corpusStore.ts's and merge.ts's, kept by SQL lookups instead of in memory:
 *
 *  - a document whose exact text is held (SHA-256) is skipped with its
 *    mentions and evidence; a new one keeps its id when free, else `id-2` …;
 *  - an entity joins the stored one with its identity key (identity.ts), its
 *    names and attributes folded in (the stored label and values win); a new
 *    one gets a slug of its label (`-2` … on a clash; never a reserved id);
 *  - a relation joins the stored one with its key (type, ends — ordered for
 *    symmetric types, as the dataset's type catalog says — and negation); it
 *    stays hedged only if every statement of it was; its sentences become
 *    evidence rows;
 *  - a relation's review (migration 4) is kept: a reviewed status wins over
 *    none, and when the held relation and the incoming one both carry a
 *    review, the later ingest's wins (the analyst's latest word); within one
 *    dataset, the last of its relations with that key that carries one. The
 *    proposed claim's ends become the corpus's ids of those entities. A
 *    dataset's `history` is not stored: its snapshots name the dataset's
 *    ids, not the corpus's;
 *  - the types the dataset declares are stored first
 *    (typeDeclarationWriter.ts): the first declaration of an id wins; a type
 *    whose id the corpus holds with the other direction (or as the other
 *    kind) goes in under an id of its own, with a note.
 *
 * Version 2 (migrations.ts): each new document gets its MinHash signature
 * and joins its wire-copy group (wireIndex.ts); each relation's reporting
 * days go into `relation_days` (its new sentences' publication days and
 * the `reported` spells it declares, capped: reportingDays.ts); a
 * sentence's event date is kept on its evidence row.
 *
 * What a held document alone supported adds nothing: a relation whose every
 * sentence is in skipped documents is not added, nor an entity named only
 * there. Each dataset is validated first, so every offset is exact:
 * `sentences.text` is `documents.text.slice(start, end)`.
 *
 * Transactions: `write` runs its datasets in one IMMEDIATE transaction, each
 * in a savepoint: a dataset that fails (invalid, or a database error) leaves
 * nothing behind and is reported; the others are kept. Within a transaction
 * the writer remembers entities it has seen (most articles name the same
 * few actors) and sums degree changes, written once before the commit;
 * what a failed dataset changed in that memory is undone with it.
 */

import { createHash } from 'node:crypto';
import { kebabId, relationId } from '../../extract/ids.ts';
import { setOwn, type Attributes, type AttributeValue } from '../../model/attributeRecords.ts';
import { DatasetValidationError } from '../../model/errors.ts';
import { freeId } from '../../model/merge.ts';
import { publishedDay } from '../../model/published.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import { typeCatalog } from '../../model/typeCatalog.ts';
import { dayNumber } from '../../model/days.ts';
import { isReservedId } from '../../model/reservedIds.ts';
import type { Dataset, Entity, EventDate, Relation, Review, Spell } from '../../model/schema.ts';
import { validateDataset } from '../../model/validate.ts';
import type { AddReport } from '../corpusStore.ts';
import { externalIds, identityKey, normaliseName } from '../identity.ts';
import type { Connection } from './connection.ts';
import { MAX_SPELL_DAYS, spellDays } from './reportingDays.ts';
import { reviewToColumns } from './reviewColumns.ts';
import { parseAttributes, parseStringList, parseStringRecord } from './rows.ts';
import { TypeDeclarationWriter } from './typeDeclarationWriter.ts';
import { signatureBlob, textSignature, WireCopyIndex } from './wireIndex.ts';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Attributes folded as merge.ts does: keys already held keep their value. Own properties only (a key may be `__proto__`). */
export function foldAttributes(held: Attributes | undefined, added: Attributes | undefined): Attributes | undefined {
  if (added === undefined) return held;
  const result: Attributes = {};
  for (const key of Object.keys(added)) setOwn<AttributeValue>(result, key, added[key]!);
  if (held !== undefined) for (const key of Object.keys(held)) setOwn<AttributeValue>(result, key, held[key]!);
  return result;
}

/** merge.ts's rule: hedged only if every statement was; unknown while no statement says. */
export function foldHedged(held: boolean | undefined, added: boolean | undefined): boolean | undefined {
  return held === undefined && added === undefined ? undefined : held === true && added === true;
}

const json = (value: unknown) => JSON.stringify(value);
export const attributesJson = (attributes: Attributes | undefined) => (attributes === undefined || Object.keys(attributes).length === 0 ? null : json(attributes));
export const emptyReport = (): AddReport => ({ documentsAdded: 0, documentsSkipped: 0, entitiesAdded: 0, relationsAdded: 0, sentencesAdded: 0, wireCopies: 0 });

export function addReports(total: AddReport, report: AddReport): void {
  total.documentsAdded += report.documentsAdded;
  total.documentsSkipped += report.documentsSkipped;
  total.entitiesAdded += report.entitiesAdded;
  total.relationsAdded += report.relationsAdded;
  total.sentencesAdded += report.sentencesAdded;
  total.wireCopies += report.wireCopies;
  if (report.notes !== undefined) (total.notes ??= []).push(...report.notes);
}

/** A stored entity as the writer remembers it within a transaction. */
export interface KnownEntity {
  pk: number;
  id: string;
  label: string;
  aliases: readonly string[];
  /** Label and aliases, as written: a name in here has its `entity_names` row. */
  names: ReadonlySet<string>;
  externalIds: ReadonlyMap<string, string>;
  attributes: string | null;
}

interface StoredDocument {
  pk: number;
  text: string;
  /** Publication day number; null when undated. */
  day: number | null;
}

/** One relation of the corpus as this dataset states it: the dataset relations with that key, folded. */
interface RelationGroup {
  type: RelationTypeId;
  source: KnownEntity;
  target: KnownEntity;
  negated: 0 | 1;
  hedged: boolean | undefined;
  attributedTo: number | null;
  attributes: Attributes | undefined;
  /** Sentences in added documents, each once. */
  evidence: Map<string, { document: StoredDocument; start: number; end: number; note: string | null; event: EventDate | undefined }>;
  /** Spells the dataset declares (`relation.reported`). */
  reported: Spell[];
  /** The dataset's review of it, proposed ends as stored ids; the last one given wins. */
  review: Review | undefined;
}

/** What the writer remembers during one transaction, with an undo log for the dataset under way. */
class Session {
  readonly entities = new Map<string, KnownEntity>();
  readonly degrees = new Map<number, number>();
  private undoEntities = new Map<string, KnownEntity | undefined>();
  private datasetDegrees = new Map<number, number>();

  rememberEntity(identity: string, entity: KnownEntity): void {
    if (!this.undoEntities.has(identity)) this.undoEntities.set(identity, this.entities.get(identity));
    this.entities.set(identity, entity);
  }

  addDegree(pk: number): void {
    this.datasetDegrees.set(pk, (this.datasetDegrees.get(pk) ?? 0) + 1);
  }

  /** The dataset is in: keep what it taught. */
  commitDataset(): void {
    for (const [pk, n] of this.datasetDegrees) this.degrees.set(pk, (this.degrees.get(pk) ?? 0) + n);
    this.datasetDegrees = new Map();
    this.undoEntities = new Map();
  }

  /** The dataset was rolled back: forget what it taught. */
  rollbackDataset(): void {
    for (const [identity, previous] of this.undoEntities) {
      if (previous === undefined) this.entities.delete(identity);
      else this.entities.set(identity, previous);
    }
    this.datasetDegrees = new Map();
    this.undoEntities = new Map();
  }
}

export interface WriteResult extends AddReport {
  /** Datasets that were not added (by position), with why. */
  failed: Array<{ index: number; error: unknown }>;
}

/** Prepared statements and the write path, made once per connection. */
export class CorpusWriter {
  private readonly s;
  private readonly wire: WireCopyIndex;
  private readonly types: TypeDeclarationWriter;

  /** `corpus`: the corpus's name, for messages. */
  constructor(
    private readonly db: Connection,
    corpus: string,
  ) {
    this.wire = new WireCopyIndex(db);
    this.types = new TypeDeclarationWriter(db, corpus);
    const idsLike = (table: 'documents' | 'entities' | 'relations') => db.prepare<[string, string, string], { id: string }>(`SELECT id FROM ${table} WHERE id = ? OR (id >= ? AND id < ?)`);
    this.s = {
      idsLike: { documents: idsLike('documents'), entities: idsLike('entities'), relations: idsLike('relations') },
      documentByHash: db.prepare<[string], { pk: number }>('SELECT pk FROM documents WHERE content_hash = ?'),
      insertDocument: db.prepare(
        'INSERT INTO documents (id, title, text, text_json_bytes, url, source, published, published_day, ingested_at, content_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      setDocumentRelations: db.prepare('UPDATE documents SET relation_count = relation_count + ? WHERE pk = ?'),
      entityByIdentity: db.prepare<[string], { pk: number; id: string; label: string; aliases: string; external_ids: string; attributes: string | null }>(
        'SELECT pk, id, label, aliases, external_ids, attributes FROM entities WHERE identity = ?',
      ),
      insertEntity: db.prepare('INSERT INTO entities (id, identity, label, type, aliases, external_ids, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      updateEntity: db.prepare('UPDATE entities SET aliases = ?, external_ids = ?, attributes = ? WHERE pk = ?'),
      addDegree: db.prepare('UPDATE entities SET degree = degree + ? WHERE pk = ?'),
      insertName: db.prepare('INSERT OR IGNORE INTO entity_names (name, entity) VALUES (?, ?)'),
      insertMention: db.prepare('INSERT OR IGNORE INTO mentions (document, start, "end", entity) VALUES (?, ?, ?, ?)'),
      relationByKey: db.prepare<[number, number, string, number], { pk: number; hedged: number | null; attributed_to: number | null; attributes: string | null }>(
        'SELECT pk, hedged, attributed_to, attributes FROM relations WHERE source = ? AND target = ? AND type = ? AND negated = ?',
      ),
      insertRelation: db.prepare(
        'INSERT INTO relations (id, type, source, target, negated, hedged, attributed_to, attributes, sentence_count, review_status, review_reason, review_proposed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updateRelation: db.prepare('UPDATE relations SET hedged = ?, attributed_to = ?, attributes = ?, sentence_count = sentence_count + ? WHERE pk = ?'),
      setReview: db.prepare('UPDATE relations SET review_status = ?, review_reason = ?, review_proposed = ? WHERE pk = ?'),
      insertSentence: db.prepare('INSERT INTO sentences (document, start, "end", text) VALUES (?, ?, ?, ?)'),
      indexSentence: db.prepare('INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)'),
      insertEvidence: db.prepare('INSERT INTO evidence (relation, sentence, note, event_date, event_start, event_end) VALUES (?, ?, ?, ?, ?, ?)'),
      insertDay: db.prepare('INSERT OR IGNORE INTO relation_days (relation, day) VALUES (?, ?)'),
    };
  }

  /**
   * Adds the datasets in one transaction, each all or nothing (see the
   * header). `stopOnError`: the first failure rolls back everything and is
   * thrown (`addDataset`'s contract for one dataset).
   */
  write(datasets: Iterable<Dataset>, ingestedAt: string, stopOnError: boolean): WriteResult {
    const run = this.db.transaction((): WriteResult => {
      const session = new Session();
      const result: WriteResult = { ...emptyReport(), failed: [] };
      const inSavepoint = this.db.transaction((dataset: Dataset) => this.add(dataset, ingestedAt, session));
      let index = 0;
      for (const dataset of datasets) {
        try {
          addReports(result, inSavepoint(dataset));
          session.commitDataset();
        } catch (error) {
          session.rollbackDataset();
          if (stopOnError) throw error;
          result.failed.push({ index, error });
        }
        index++;
      }
      for (const [pk, n] of session.degrees) this.s.addDegree.run(n, pk);
      return result;
    });
    return run.immediate();
  }

  /** `id`, else `id-2`, `id-3` … the first free in `table` (a reserved id counts as taken). */
  private freeId(table: 'documents' | 'entities' | 'relations', id: string): string {
    const taken = new Set(this.s.idsLike[table].all(id, `${id}-`, `${id}.`).map((row) => row.id));
    if (isReservedId(id)) taken.add(id);
    return freeId(id, taken);
  }

  private add(input: Dataset, ingestedAt: string, session: Session): AddReport {
    const checked = validateDataset(input);
    if (!checked.ok) throw new DatasetValidationError(checked.problems);
    const report = emptyReport();
    const { dataset, notes } = this.types.write(checked.dataset);
    if (notes.length > 0) report.notes = notes;
    const catalog = typeCatalog(dataset);

    // Documents: dataset id → the stored document, absent when skipped.
    const documents = new Map<string, StoredDocument>();
    for (const doc of dataset.documents) {
      // An empty text names nothing (a graph imported without articles): it is never "the same text".
      const hash = doc.text === '' ? undefined : contentHash(doc.text);
      if (hash !== undefined && this.s.documentByHash.get(hash) !== undefined) {
        report.documentsSkipped++;
        continue;
      }
      const id = this.freeId('documents', doc.id);
      const published = doc.published ?? null;
      const day = published === null ? null : publishedDay(published);
      const signature = textSignature(doc.text);
      const pk = Number(
        this.s.insertDocument.run(
          id,
          doc.title,
          doc.text,
          Buffer.byteLength(JSON.stringify(doc.text)),
          doc.url ?? null,
          doc.source ?? null,
          published,
          day,
          ingestedAt,
          hash ?? `empty:${id}`,
          signature === undefined ? null : signatureBlob(signature),
        ).lastInsertRowid,
      );
      if (this.wire.add(pk, doc.text, signature, day) !== undefined) report.wireCopies++;
      documents.set(doc.id, { pk, text: doc.text, day: day === null ? null : dayNumber(day) });
      report.documentsAdded++;
    }
    const added = (document: string) => documents.has(document);

    // What only skipped documents supported is not added.
    const relations = dataset.relations.filter((r) => r.evidence.length === 0 || r.evidence.some((e) => added(e.document)));
    const referenced = new Set<string>();
    for (const r of relations) {
      referenced.add(r.source).add(r.target);
      if (r.attributedTo !== undefined) referenced.add(r.attributedTo);
    }
    const entities = new Map<string, KnownEntity>();
    const mentioned = new Set<string>();
    for (const entity of dataset.entities) {
      if (!referenced.has(entity.id) && entity.mentions.length > 0 && !entity.mentions.some((m) => added(m.document))) continue;
      const stored = this.addEntity(entity, session, report);
      entities.set(entity.id, stored);
      for (const mention of entity.mentions) {
        const doc = documents.get(mention.document);
        if (!doc) continue;
        const key = `${doc.pk}:${mention.start}:${mention.end}:${stored.pk}`;
        if (mentioned.has(key)) continue;
        mentioned.add(key);
        this.s.insertMention.run(doc.pk, mention.start, mention.end, stored.pk);
      }
    }

    // Relations, grouped by the corpus's relation key first: each corpus relation is written once per dataset.
    const groups = new Map<string, RelationGroup>();
    for (const relation of relations) {
      let source = entities.get(relation.source)!;
      let target = entities.get(relation.target)!;
      if (!catalog.relation(relation.type).directed && target.pk < source.pk) [source, target] = [target, source];
      const negated = relation.negated === true ? 1 : 0;
      const key = `${source.pk}:${target.pk}:${relation.type}:${negated}`;
      let group = groups.get(key);
      if (!group) {
        group = { type: relation.type, source, target, negated, hedged: relation.hedged, attributedTo: null, attributes: undefined, evidence: new Map(), reported: [], review: undefined };
        groups.set(key, group);
      } else group.hedged = foldHedged(group.hedged, relation.hedged);
      if (group.attributedTo === null && relation.attributedTo !== undefined) group.attributedTo = entities.get(relation.attributedTo)!.pk;
      group.attributes = foldAttributes(group.attributes, relation.attributes);
      if (relation.reported !== undefined) group.reported.push(...relation.reported);
      if (relation.review !== undefined) group.review = storedReview(relation.review, entities);
      this.collectEvidence(group, relation, documents);
    }

    const sentences = new Map<string, number>();
    const documentRelations = new Map<number, Set<number>>();
    for (const group of groups.values()) {
      const pk = this.writeRelation(group, session, report);
      this.writeDays(pk, group, report);
      for (const [key, e] of group.evidence) {
        let sentence = sentences.get(key);
        if (sentence === undefined) {
          const text = e.document.text.slice(e.start, e.end);
          sentence = Number(this.s.insertSentence.run(e.document.pk, e.start, e.end, text).lastInsertRowid);
          this.s.indexSentence.run(sentence, text);
          sentences.set(key, sentence);
          report.sentencesAdded++;
        }
        this.s.insertEvidence.run(pk, sentence, e.note, e.event?.date ?? null, e.event?.start ?? null, e.event?.end ?? null);
        let set = documentRelations.get(e.document.pk);
        if (!set) documentRelations.set(e.document.pk, (set = new Set()));
        set.add(pk);
      }
    }
    for (const [pk, set] of documentRelations) this.s.setDocumentRelations.run(set.size, pk);
    return report;
  }

  private collectEvidence(group: RelationGroup, relation: Relation, documents: ReadonlyMap<string, StoredDocument>): void {
    for (const evidence of relation.evidence) {
      const document = documents.get(evidence.document);
      if (!document) continue;
      const key = `${document.pk}:${evidence.start}:${evidence.end}`;
      const held = group.evidence.get(key);
      if (!held) group.evidence.set(key, { document, start: evidence.start, end: evidence.end, note: evidence.note ?? null, event: evidence.event });
      else if (held.event === undefined && evidence.event !== undefined) held.event = evidence.event;
    }
  }

  /** The relation's reporting days this dataset adds: its new sentences' publication days and its declared spells (capped). */
  private writeDays(relation: number, group: RelationGroup, report: AddReport): void {
    const days = new Set<number>();
    for (const e of group.evidence.values()) if (e.document.day !== null) days.add(e.document.day);
    for (const spell of group.reported) {
      const { from, to, cut } = spellDays(spell);
      for (let day = from; day <= to; day++) days.add(day);
      if (cut > 0)
        (report.notes ??= []).push(
          `relation ${group.type} ${group.source.label} → ${group.target.label}: its reported spell ${spell.from} to ${spell.to} is longer than ${MAX_SPELL_DAYS.toLocaleString('en-US')} days; only its first ${MAX_SPELL_DAYS.toLocaleString('en-US')} are kept`,
        );
    }
    for (const day of days) this.s.insertDay.run(relation, day);
  }

  private addEntity(entity: Entity, session: Session, report: AddReport): KnownEntity {
    const identity = identityKey(entity);
    const names = [entity.label, ...entity.aliases];
    const held = session.entities.get(identity) ?? this.readEntity(identity, session);
    if (held) {
      const newNames = names.filter((name, i) => !held.names.has(name) && names.indexOf(name) === i);
      const ids = new Map(held.externalIds);
      for (const [scheme, id] of externalIds(entity.attributes, entity.wikidata)) if (!ids.has(scheme)) ids.set(scheme, id);
      const attributes = entity.attributes === undefined ? held.attributes : attributesJson(foldAttributes(parseAttributes(held.attributes), entity.attributes));
      if (newNames.length === 0 && ids.size === held.externalIds.size && attributes === held.attributes) return held;
      const aliases = [...held.aliases, ...newNames];
      this.s.updateEntity.run(json(aliases), json(Object.fromEntries(ids)), attributes, held.pk);
      for (const name of newNames) this.s.insertName.run(normaliseName(name), held.pk);
      const updated: KnownEntity = { ...held, aliases, names: new Set([...held.names, ...newNames]), externalIds: ids, attributes };
      session.rememberEntity(identity, updated);
      return updated;
    }
    const id = this.insertWithFreeId('entities', kebabId(entity.label), (candidate) =>
      this.s.insertEntity.run(candidate, identity, entity.label, entity.type, json(aliasesOf(entity)), json(Object.fromEntries(externalIds(entity.attributes, entity.wikidata))), attributesJson(entity.attributes)),
    );
    const aliases = aliasesOf(entity);
    for (const name of new Set(names)) this.s.insertName.run(normaliseName(name), id.pk);
    report.entitiesAdded++;
    const known: KnownEntity = {
      pk: id.pk,
      id: id.id,
      label: entity.label,
      aliases,
      names: new Set(names),
      externalIds: externalIds(entity.attributes, entity.wikidata),
      attributes: attributesJson(entity.attributes),
    };
    session.rememberEntity(identity, known);
    return known;
  }

  private readEntity(identity: string, session: Session): KnownEntity | undefined {
    const row = this.s.entityByIdentity.get(identity);
    if (!row) return undefined;
    const aliases = parseStringList(row.aliases);
    const known: KnownEntity = { pk: row.pk, id: row.id, label: row.label, aliases, names: new Set([row.label, ...aliases]), externalIds: parseStringRecord(row.external_ids), attributes: row.attributes };
    session.rememberEntity(identity, known);
    return known;
  }

  private writeRelation(group: RelationGroup, session: Session, report: AddReport): number {
    const { source, target, type, negated } = group;
    const held = this.s.relationByKey.get(source.pk, target.pk, type, negated);
    if (held) {
      const hedged = foldHedged(held.hedged === null ? undefined : held.hedged === 1, group.hedged);
      const attributes = group.attributes === undefined ? held.attributes : attributesJson(foldAttributes(parseAttributes(held.attributes), group.attributes));
      this.s.updateRelation.run(hedged === undefined ? null : hedged ? 1 : 0, held.attributed_to ?? group.attributedTo, attributes, group.evidence.size, held.pk);
      // A review given wins over the held one (none, or an earlier ingest's): the later ingest has the last word.
      if (group.review !== undefined) this.s.setReview.run(...reviewToColumns(group.review), held.pk);
      return held.pk;
    }
    const hedged = group.hedged === undefined ? null : group.hedged ? 1 : 0;
    const { pk } = this.insertWithFreeId('relations', relationId(source.id, type, target.id), (id) =>
      this.s.insertRelation.run(id, type, source.pk, target.pk, negated, hedged, group.attributedTo, attributesJson(group.attributes), group.evidence.size, ...reviewToColumns(group.review)),
    );
    session.addDegree(source.pk);
    if (target.pk !== source.pk) session.addDegree(target.pk);
    report.relationsAdded++;
    return pk;
  }

  /**
   * Inserts with `id` when it is free — the common case, one statement — and
   * else with the first free `id-N` (the unique index on `id` refuses the
   * first try; the row's other unique keys were looked up before).
   */
  private insertWithFreeId(table: 'entities' | 'relations', id: string, insert: (id: string) => { lastInsertRowid: number | bigint }): { pk: number; id: string } {
    if (!isReservedId(id)) {
      try {
        return { pk: Number(insert(id).lastInsertRowid), id };
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      }
    }
    const free = this.freeId(table, id);
    return { pk: Number(insert(free).lastInsertRowid), id: free };
  }
}

/** The review with its proposed claim's ends (and attribution) as the corpus's entity ids where the dataset holds them; others are kept as given. */
export function storedReview(review: Review, entities: ReadonlyMap<string, KnownEntity>): Review {
  if (review.proposed === undefined) return review;
  const id = (entity: string) => entities.get(entity)?.id ?? entity;
  const proposed = { ...review.proposed, source: id(review.proposed.source), target: id(review.proposed.target) };
  if (review.proposed.attributedTo !== undefined) proposed.attributedTo = id(review.proposed.attributedTo);
  return { ...review, proposed };
}

export function aliasesOf(entity: Entity): string[] {
  return [...new Set(entity.aliases)].filter((alias) => alias !== entity.label);
}
