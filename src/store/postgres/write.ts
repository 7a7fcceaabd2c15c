/**
 * Adding datasets to the PostgreSQL corpus
 * ========================================
 *
 * The same decisions as sqlite/write.ts, made by the same code
 * (shared/datasetPlan.ts, shared/writeRules.ts: documents by content hash,
 * entities by identity key, relations by their key, reviews, reporting
 * days), with the lookups and inserts here over `Sql`, and what
 * concurrent writers need — several `ingest` processes on one database must
 * give the corpus one process would:
 *
 *  - each dataset is one transaction (`addDatasets` commits each on its own:
 *    a savepoint would hold locks across datasets for no gain here);
 *  - rows that two writers could both add are guarded by a UNIQUE key
 *    (`documents.content_hash`, `entities.identity`, the relation key): a
 *    writer that loses the race gets a unique violation and its whole
 *    transaction is run again (sql.ts), reading the winner's row then;
 *  - an id clash (`ON CONFLICT (id) DO NOTHING` returns no row) takes the
 *    next free `id-N`, as in SQLite;
 *  - counters only ever grow by `x = x + n` (degree, sentence_count,
 *    relation_count), so two writers' increments both land; degrees are
 *    written in pk order, so two writers never wait on each other in a
 *    circle;
 *  - wire copies take an advisory lock (wireIndex.ts).
 *
 * What can differ from one process: the ids and pks given to records whose
 * base id clashes (which writer got `x` and which `x-2`), and so the order of
 * a symmetric relation's ends (ordered by pk). Contents are the same.
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
import { attributesJson, contentHash, emptyReport, entityFold, knownFromRow, knownNew, newEntityValues, type EntityRow, type KnownEntity } from '../shared/writeRules.ts';
import { signatureBlob, textSignature } from '../shared/signatures.ts';
import type { Sql } from './sql.ts';
import { PgTypeDeclarationWriter } from './typeDeclarationWriter.ts';
import { PgWireCopyIndex } from './wireIndex.ts';

/** One dataset's write, in the caller's transaction: made anew for every try. */
export class PgDatasetWriter {
  private readonly entities = new Map<string, KnownEntity>();
  private readonly degrees = new Map<number, number>();
  private readonly wire: PgWireCopyIndex;
  private readonly types: PgTypeDeclarationWriter;

  constructor(
    private readonly sql: Sql,
    corpus: string,
  ) {
    this.wire = new PgWireCopyIndex(sql);
    this.types = new PgTypeDeclarationWriter(sql, corpus);
  }

  private async freeId(table: 'documents' | 'entities' | 'relations', id: string): Promise<string> {
    const rows = await this.sql.rows<{ id: string }>(`SELECT id FROM ${table} WHERE id = ? OR (id >= ? AND id < ?)`, id, `${id}-`, `${id}.`);
    const taken = new Set(rows.map((row) => row.id));
    if (isReservedId(id)) taken.add(id);
    return freeId(id, taken);
  }

  /** Inserts with `id` when free, else the first free `id-N`; `insert` returns the pk, or undefined when the id was taken. */
  private async insertWithFreeId(table: 'documents' | 'entities' | 'relations', id: string, insert: (id: string) => Promise<number | undefined>): Promise<{ pk: number; id: string }> {
    if (!isReservedId(id)) {
      const pk = await insert(id);
      if (pk !== undefined) return { pk, id };
    }
    for (;;) {
      const free = await this.freeId(table, id);
      const pk = await insert(free);
      if (pk !== undefined) return { pk, id: free };
    }
  }

  async add(input: Dataset, ingestedAt: string): Promise<AddReport> {
    const checked = validateDataset(input);
    if (!checked.ok) throw new DatasetValidationError(checked.problems);
    refuseNulCharacters(checked.dataset);
    const report = emptyReport();
    const { dataset, notes } = await this.types.write(checked.dataset);
    if (notes.length > 0) report.notes = notes;
    const catalog = typeCatalog(dataset);

    const documents = new Map<string, StoredDocument>();
    for (const doc of dataset.documents) {
      const hash = doc.text === '' ? undefined : contentHash(doc.text);
      if (hash !== undefined && (await this.sql.row('SELECT 1 FROM documents WHERE content_hash = ?', hash)) !== undefined) {
        report.documentsSkipped++;
        continue;
      }
      const published = doc.published ?? null;
      const day = published === null ? null : publishedDay(published);
      const signature = textSignature(doc.text);
      const { pk } = await this.insertWithFreeId('documents', doc.id, async (id) =>
        (
          await this.sql.row<{ pk: number }>(
            `INSERT INTO documents (id, title, text, text_json_bytes, url, source, published, published_day, ingested_at, content_hash, signature)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING pk`,
            id, doc.title, doc.text, Buffer.byteLength(JSON.stringify(doc.text)), doc.url ?? null, doc.source ?? null, published, day, ingestedAt,
            hash ?? `empty:${id}`, signature === undefined ? null : signatureBlob(signature),
          )
        )?.pk,
      );
      if ((await this.wire.add(pk, doc.text, signature, day)) !== undefined) report.wireCopies++;
      documents.set(doc.id, { pk, text: doc.text, day: day === null ? null : dayNumber(day) });
      report.documentsAdded++;
    }
    const { relations, entities: toAdd } = whatToAdd(dataset, documents);
    const entities = new Map<string, KnownEntity>();
    const mentions: Array<[number, number, number, number]> = [];
    const mentioned = new Set<string>();
    for (const entity of toAdd) {
      const stored = await this.addEntity(entity, report);
      entities.set(entity.id, stored);
      mentions.push(...mentionRows(entity, stored, documents, mentioned));
    }
    if (mentions.length > 0)
      await this.sql.run(
        'INSERT INTO mentions (document, start, "end", entity) SELECT * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::bigint[]) ON CONFLICT DO NOTHING',
        mentions.map((m) => m[0]), mentions.map((m) => m[1]), mentions.map((m) => m[2]), mentions.map((m) => m[3]),
      );

    const sentences = new Map<string, number>();
    const written: Array<{ document: number; relation: number }> = [];
    for (const group of relationGroups(relations, entities, documents, catalog).values()) {
      const pk = await this.writeRelation(group, report);
      const days = relationDays(group, report);
      if (days.size > 0) await this.sql.run('INSERT INTO relation_days (relation, day) SELECT ?, unnest(?::int[]) ON CONFLICT DO NOTHING', pk, [...days]);
      for (const [key, e] of group.evidence) {
        let sentence = sentences.get(key);
        if (sentence === undefined) {
          const text = e.document.text.slice(e.start, e.end);
          sentence = (await this.sql.row<{ pk: number }>('INSERT INTO sentences (document, start, "end", text) VALUES (?, ?, ?, ?) RETURNING pk', e.document.pk, e.start, e.end, text))!.pk;
          sentences.set(key, sentence);
          report.sentencesAdded++;
        }
        await this.sql.run('INSERT INTO evidence (relation, sentence, note, event_date, event_start, event_end) VALUES (?, ?, ?, ?, ?, ?)', pk, sentence, e.note, e.event?.date ?? null, e.event?.start ?? null, e.event?.end ?? null);
        written.push({ document: e.document.pk, relation: pk });
      }
    }
    for (const [pk, n] of relationsPerDocument(written)) await this.sql.run('UPDATE documents SET relation_count = relation_count + ? WHERE pk = ?', n, pk);
    // In pk order: two writers updating the same hubs lock them in the same order.
    for (const pk of [...this.degrees.keys()].sort((a, b) => a - b)) await this.sql.run('UPDATE entities SET degree = degree + ? WHERE pk = ?', this.degrees.get(pk)!, pk);
    return report;
  }

  private async addEntity(entity: Entity, report: AddReport): Promise<KnownEntity> {
    const identity = identityKey(entity);
    const held = this.entities.get(identity) ?? (await this.readEntity(identity));
    if (held) {
      const fold = entityFold(held, entity);
      if (fold === undefined) return held;
      await this.sql.run('UPDATE entities SET aliases = ?, external_ids = ?, attributes = ? WHERE pk = ?', ...fold.values, held.pk);
      for (const name of fold.newNames) await this.sql.run('INSERT INTO entity_names (name, entity) VALUES (?, ?) ON CONFLICT DO NOTHING', normaliseName(name), held.pk);
      this.entities.set(identity, fold.known);
      return fold.known;
    }
    // A concurrent writer adding the same identity first makes this INSERT fail (unique identity): the transaction is run again and finds it.
    const id = await this.insertWithFreeId('entities', kebabId(entity.label), async (candidate) =>
      (
        await this.sql.row<{ pk: number }>(
          'INSERT INTO entities (id, identity, label, type, aliases, external_ids, attributes) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING pk',
          candidate, identity, ...newEntityValues(entity),
        )
      )?.pk,
    );
    for (const name of new Set([entity.label, ...entity.aliases])) await this.sql.run('INSERT INTO entity_names (name, entity) VALUES (?, ?) ON CONFLICT DO NOTHING', normaliseName(name), id.pk);
    report.entitiesAdded++;
    const known = knownNew(id.pk, id.id, entity);
    this.entities.set(identity, known);
    return known;
  }

  private async readEntity(identity: string): Promise<KnownEntity | undefined> {
    // FOR UPDATE: a concurrent writer folding names into the same entity waits, then reads ours (no lost alias).
    const row = await this.sql.row<EntityRow>('SELECT pk, id, label, aliases, external_ids, attributes FROM entities WHERE identity = ? FOR UPDATE', identity);
    if (!row) return undefined;
    const known = knownFromRow(row);
    this.entities.set(identity, known);
    return known;
  }

  private async writeRelation(group: RelationGroup, report: AddReport): Promise<number> {
    const { source, target, type, negated } = group;
    const held = await this.sql.row<HeldRelation>(
      'SELECT pk, hedged, attributed_to, attributes FROM relations WHERE source = ? AND target = ? AND type = ? AND negated = ? FOR UPDATE',
      source.pk, target.pk, type, negated,
    );
    if (held) {
      await this.sql.run('UPDATE relations SET hedged = ?, attributed_to = ?, attributes = ?, sentence_count = sentence_count + ? WHERE pk = ?', ...relationFold(held, group), held.pk);
      if (group.review !== undefined) await this.sql.run('UPDATE relations SET review_status = ?, review_reason = ?, review_proposed = ? WHERE pk = ?', ...reviewToColumns(group.review), held.pk);
      return held.pk;
    }
    const { pk } = await this.insertWithFreeId('relations', relationId(source.id, type, target.id), async (id) =>
      (
        await this.sql.row<{ pk: number }>(
          `INSERT INTO relations (id, type, source, target, negated, hedged, attributed_to, attributes, sentence_count, review_status, review_reason, review_proposed)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING pk`,
          id, type, source.pk, target.pk, negated, hedgedColumn(group.hedged), group.attributedTo, attributesJson(group.attributes), group.evidence.size, ...reviewToColumns(group.review),
        )
      )?.pk,
    );
    this.degrees.set(source.pk, (this.degrees.get(source.pk) ?? 0) + 1);
    if (target.pk !== source.pk) this.degrees.set(target.pk, (this.degrees.get(target.pk) ?? 0) + 1);
    report.relationsAdded++;
    return pk;
  }
}
