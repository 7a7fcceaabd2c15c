/**
 * Adding datasets to the SQLite corpus
 * ====================================
 *
 * The write path behind `addDataset` and `addDatasets`. The rules are
 * corpusStore.ts's and merge.ts's, kept by SQL lookups instead of in memory;
 * what to write is decided by shared/datasetPlan.ts and
 * shared/writeRules.ts (read their headers), the same for PostgreSQL. Here:
 * the lookups and inserts, in SQLite's SQL:
 *
 *  - a document whose exact text is held (SHA-256) is skipped with its
 *    mentions and evidence; a new one keeps its id when free, else `id-2` …,
 *    gets its MinHash signature and joins its wire-copy group (wireIndex.ts);
 *  - an entity joins the stored one with its identity key (identity.ts); a
 *    new one gets a slug of its label (`-2` … on a clash; never a reserved
 *    id);
 *  - the types the dataset declares are stored first
 *    (typeDeclarationWriter.ts);
 *  - every sentence is indexed for full-text search (`sentences_fts`).
 *
 * A dataset's `history` is not stored: its snapshots name the dataset's ids,
 * not the corpus's. Each dataset is validated first, so every offset is
 * exact: `sentences.text` is `documents.text.slice(start, end)`; a NUL
 * character anywhere refuses it (shared/nulText.ts).
 *
 * Transactions: `write` runs its datasets in one IMMEDIATE transaction, each
 * in a savepoint: a dataset that fails (invalid, or a database error) leaves
 * nothing behind and is reported; the others are kept. Within a transaction
 * the writer remembers entities it has seen (most articles name the same
 * few actors) and sums degree changes, written once before the commit;
 * what a failed dataset changed in that memory is undone with it.
 */

import { kebabId, relationId } from '../../extract/ids.ts';
import { DatasetValidationError } from '../../model/errors.ts';
import { freeId } from '../../model/merge.ts';
import { publishedDay } from '../../model/published.ts';
import { typeCatalog } from '../../model/typeCatalog.ts';
import { dayNumber } from '../../model/days.ts';
import { isReservedId } from '../../model/reservedIds.ts';
import type { Dataset, Entity } from '../../model/schema.ts';
import { validateDataset } from '../../model/validate.ts';
import type { AddReport } from '../corpusStore.ts';
import { identityKey, normaliseName } from '../identity.ts';
import { mentionRows, relationDays, relationFold, relationGroups, relationsPerDocument, whatToAdd, hedgedColumn, type HeldRelation, type RelationGroup, type StoredDocument } from '../shared/datasetPlan.ts';
import { refuseNulCharacters } from '../shared/nulText.ts';
import { reviewToColumns } from '../shared/reviewColumns.ts';
import { addReports, attributesJson, contentHash, emptyReport, entityFold, knownFromRow, knownNew, newEntityValues, type EntityRow, type KnownEntity, type WriteResult } from '../shared/writeRules.ts';
import type { Connection } from './connection.ts';
import { TypeDeclarationWriter } from './typeDeclarationWriter.ts';
import { signatureBlob, textSignature } from '../shared/signatures.ts';
import { WireCopyIndex } from './wireIndex.ts';

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
      entityByIdentity: db.prepare<[string], EntityRow>(
        'SELECT pk, id, label, aliases, external_ids, attributes FROM entities WHERE identity = ?',
      ),
      insertEntity: db.prepare('INSERT INTO entities (id, identity, label, type, aliases, external_ids, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      updateEntity: db.prepare('UPDATE entities SET aliases = ?, external_ids = ?, attributes = ? WHERE pk = ?'),
      addDegree: db.prepare('UPDATE entities SET degree = degree + ? WHERE pk = ?'),
      insertName: db.prepare('INSERT OR IGNORE INTO entity_names (name, entity) VALUES (?, ?)'),
      insertMention: db.prepare('INSERT OR IGNORE INTO mentions (document, start, "end", entity) VALUES (?, ?, ?, ?)'),
      relationByKey: db.prepare<[number, number, string, number], HeldRelation>(
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
    refuseNulCharacters(checked.dataset);
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
    const { relations, entities: toAdd } = whatToAdd(dataset, documents);
    const entities = new Map<string, KnownEntity>();
    const mentioned = new Set<string>();
    for (const entity of toAdd) {
      const stored = this.addEntity(entity, session, report);
      entities.set(entity.id, stored);
      for (const row of mentionRows(entity, stored, documents, mentioned)) this.s.insertMention.run(...row);
    }

    const sentences = new Map<string, number>();
    const written: Array<{ document: number; relation: number }> = [];
    for (const group of relationGroups(relations, entities, documents, catalog).values()) {
      const pk = this.writeRelation(group, session, report);
      for (const day of relationDays(group, report)) this.s.insertDay.run(pk, day);
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
        written.push({ document: e.document.pk, relation: pk });
      }
    }
    for (const [pk, n] of relationsPerDocument(written)) this.s.setDocumentRelations.run(n, pk);
    return report;
  }

  private addEntity(entity: Entity, session: Session, report: AddReport): KnownEntity {
    const identity = identityKey(entity);
    const held = session.entities.get(identity) ?? this.readEntity(identity, session);
    if (held) {
      const fold = entityFold(held, entity);
      if (fold === undefined) return held;
      this.s.updateEntity.run(...fold.values, held.pk);
      for (const name of fold.newNames) this.s.insertName.run(normaliseName(name), held.pk);
      session.rememberEntity(identity, fold.known);
      return fold.known;
    }
    const id = this.insertWithFreeId('entities', kebabId(entity.label), (candidate) => this.s.insertEntity.run(candidate, identity, ...newEntityValues(entity)));
    for (const name of new Set([entity.label, ...entity.aliases])) this.s.insertName.run(normaliseName(name), id.pk);
    report.entitiesAdded++;
    const known = knownNew(id.pk, id.id, entity);
    session.rememberEntity(identity, known);
    return known;
  }

  private readEntity(identity: string, session: Session): KnownEntity | undefined {
    const row = this.s.entityByIdentity.get(identity);
    if (!row) return undefined;
    const known = knownFromRow(row);
    session.rememberEntity(identity, known);
    return known;
  }

  private writeRelation(group: RelationGroup, session: Session, report: AddReport): number {
    const { source, target, type, negated } = group;
    const held = this.s.relationByKey.get(source.pk, target.pk, type, negated);
    if (held) {
      this.s.updateRelation.run(...relationFold(held, group), held.pk);
      // A review given wins over the held one (none, or an earlier ingest's): the later ingest has the last word.
      if (group.review !== undefined) this.s.setReview.run(...reviewToColumns(group.review), held.pk);
      return held.pk;
    }
    const { pk } = this.insertWithFreeId('relations', relationId(source.id, type, target.id), (id) =>
      this.s.insertRelation.run(id, type, source.pk, target.pk, negated, hedgedColumn(group.hedged), group.attributedTo, attributesJson(group.attributes), group.evidence.size, ...reviewToColumns(group.review)),
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
