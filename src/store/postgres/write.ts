/**
 * Adding datasets to the PostgreSQL corpus
 * ========================================
 *
 * sqlite/write.ts's rules, one for one (read its header: documents by
 * content hash, entities by identity key, relations by their key, reviews,
 * declared types, wire copies, reporting days), over `Sql`, with what
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
import type { Dataset, Entity, EventDate, Relation, Review, Spell } from '../../model/schema.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import { validateDataset } from '../../model/validate.ts';
import type { AddReport } from '../corpusStore.ts';
import { externalIds, identityKey, normaliseName } from '../identity.ts';
import { MAX_SPELL_DAYS, spellDays } from '../sqlite/reportingDays.ts';
import { reviewToColumns } from '../sqlite/reviewColumns.ts';
import { parseAttributes, parseStringList, parseStringRecord } from '../sqlite/rows.ts';
import { signatureBlob, textSignature } from '../sqlite/wireIndex.ts';
import { aliasesOf, attributesJson, contentHash, emptyReport, foldAttributes, foldHedged, storedReview, type KnownEntity } from '../sqlite/write.ts';
import type { Attributes } from '../../model/attributeRecords.ts';
import type { Sql } from './sql.ts';
import { PgTypeDeclarationWriter } from './typeDeclarationWriter.ts';
import { PgWireCopyIndex } from './wireIndex.ts';

const json = (value: unknown) => JSON.stringify(value);

interface StoredDocument {
  pk: number;
  text: string;
  day: number | null;
}

interface RelationGroup {
  type: RelationTypeId;
  source: KnownEntity;
  target: KnownEntity;
  negated: 0 | 1;
  hedged: boolean | undefined;
  attributedTo: number | null;
  attributes: Attributes | undefined;
  evidence: Map<string, { document: StoredDocument; start: number; end: number; note: string | null; event: EventDate | undefined }>;
  reported: Spell[];
  review: Review | undefined;
}

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
    const added = (document: string) => documents.has(document);

    const relations = dataset.relations.filter((r) => r.evidence.length === 0 || r.evidence.some((e) => added(e.document)));
    const referenced = new Set<string>();
    for (const r of relations) {
      referenced.add(r.source).add(r.target);
      if (r.attributedTo !== undefined) referenced.add(r.attributedTo);
    }
    const entities = new Map<string, KnownEntity>();
    const mentions: Array<[number, number, number, number]> = [];
    const mentioned = new Set<string>();
    for (const entity of dataset.entities) {
      if (!referenced.has(entity.id) && entity.mentions.length > 0 && !entity.mentions.some((m) => added(m.document))) continue;
      const stored = await this.addEntity(entity, report);
      entities.set(entity.id, stored);
      for (const mention of entity.mentions) {
        const doc = documents.get(mention.document);
        if (!doc) continue;
        const key = `${doc.pk}:${mention.start}:${mention.end}:${stored.pk}`;
        if (mentioned.has(key)) continue;
        mentioned.add(key);
        mentions.push([doc.pk, mention.start, mention.end, stored.pk]);
      }
    }
    if (mentions.length > 0)
      await this.sql.run(
        'INSERT INTO mentions (document, start, "end", entity) SELECT * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::bigint[]) ON CONFLICT DO NOTHING',
        mentions.map((m) => m[0]), mentions.map((m) => m[1]), mentions.map((m) => m[2]), mentions.map((m) => m[3]),
      );

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
      collectEvidence(group, relation, documents);
    }

    const sentences = new Map<string, number>();
    const documentRelations = new Map<number, Set<number>>();
    for (const group of groups.values()) {
      const pk = await this.writeRelation(group, report);
      await this.writeDays(pk, group, report);
      for (const [key, e] of group.evidence) {
        let sentence = sentences.get(key);
        if (sentence === undefined) {
          const text = e.document.text.slice(e.start, e.end);
          sentence = (await this.sql.row<{ pk: number }>('INSERT INTO sentences (document, start, "end", text) VALUES (?, ?, ?, ?) RETURNING pk', e.document.pk, e.start, e.end, text))!.pk;
          sentences.set(key, sentence);
          report.sentencesAdded++;
        }
        await this.sql.run('INSERT INTO evidence (relation, sentence, note, event_date, event_start, event_end) VALUES (?, ?, ?, ?, ?, ?)', pk, sentence, e.note, e.event?.date ?? null, e.event?.start ?? null, e.event?.end ?? null);
        let set = documentRelations.get(e.document.pk);
        if (!set) documentRelations.set(e.document.pk, (set = new Set()));
        set.add(pk);
      }
    }
    for (const [pk, set] of documentRelations) await this.sql.run('UPDATE documents SET relation_count = relation_count + ? WHERE pk = ?', set.size, pk);
    // In pk order: two writers updating the same hubs lock them in the same order.
    for (const pk of [...this.degrees.keys()].sort((a, b) => a - b)) await this.sql.run('UPDATE entities SET degree = degree + ? WHERE pk = ?', this.degrees.get(pk)!, pk);
    return report;
  }

  private async writeDays(relation: number, group: RelationGroup, report: AddReport): Promise<void> {
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
    if (days.size > 0) await this.sql.run('INSERT INTO relation_days (relation, day) SELECT ?, unnest(?::int[]) ON CONFLICT DO NOTHING', relation, [...days]);
  }

  private async addEntity(entity: Entity, report: AddReport): Promise<KnownEntity> {
    const identity = identityKey(entity);
    const names = [entity.label, ...entity.aliases];
    const held = this.entities.get(identity) ?? (await this.readEntity(identity));
    if (held) {
      const newNames = names.filter((name, i) => !held.names.has(name) && names.indexOf(name) === i);
      const ids = new Map(held.externalIds);
      for (const [scheme, id] of externalIds(entity.attributes, entity.wikidata)) if (!ids.has(scheme)) ids.set(scheme, id);
      const attributes = entity.attributes === undefined ? held.attributes : attributesJson(foldAttributes(parseAttributes(held.attributes), entity.attributes));
      if (newNames.length === 0 && ids.size === held.externalIds.size && attributes === held.attributes) return held;
      const aliases = [...held.aliases, ...newNames];
      await this.sql.run('UPDATE entities SET aliases = ?, external_ids = ?, attributes = ? WHERE pk = ?', json(aliases), json(Object.fromEntries(ids)), attributes, held.pk);
      for (const name of newNames) await this.sql.run('INSERT INTO entity_names (name, entity) VALUES (?, ?) ON CONFLICT DO NOTHING', normaliseName(name), held.pk);
      const updated: KnownEntity = { ...held, aliases, names: new Set([...held.names, ...newNames]), externalIds: ids, attributes };
      this.entities.set(identity, updated);
      return updated;
    }
    // A concurrent writer adding the same identity first makes this INSERT fail (unique identity): the transaction is run again and finds it.
    const aliases = aliasesOf(entity);
    const id = await this.insertWithFreeId('entities', kebabId(entity.label), async (candidate) =>
      (
        await this.sql.row<{ pk: number }>(
          'INSERT INTO entities (id, identity, label, type, aliases, external_ids, attributes) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING pk',
          candidate, identity, entity.label, entity.type, json(aliases), json(Object.fromEntries(externalIds(entity.attributes, entity.wikidata))), attributesJson(entity.attributes),
        )
      )?.pk,
    );
    for (const name of new Set(names)) await this.sql.run('INSERT INTO entity_names (name, entity) VALUES (?, ?) ON CONFLICT DO NOTHING', normaliseName(name), id.pk);
    report.entitiesAdded++;
    const known: KnownEntity = { pk: id.pk, id: id.id, label: entity.label, aliases, names: new Set(names), externalIds: externalIds(entity.attributes, entity.wikidata), attributes: attributesJson(entity.attributes) };
    this.entities.set(identity, known);
    return known;
  }

  private async readEntity(identity: string): Promise<KnownEntity | undefined> {
    // FOR UPDATE: a concurrent writer folding names into the same entity waits, then reads ours (no lost alias).
    const row = await this.sql.row<{ pk: number; id: string; label: string; aliases: string; external_ids: string; attributes: string | null }>(
      'SELECT pk, id, label, aliases, external_ids, attributes FROM entities WHERE identity = ? FOR UPDATE',
      identity,
    );
    if (!row) return undefined;
    const aliases = parseStringList(row.aliases);
    const known: KnownEntity = { pk: row.pk, id: row.id, label: row.label, aliases, names: new Set([row.label, ...aliases]), externalIds: parseStringRecord(row.external_ids), attributes: row.attributes };
    this.entities.set(identity, known);
    return known;
  }

  private async writeRelation(group: RelationGroup, report: AddReport): Promise<number> {
    const { source, target, type, negated } = group;
    const held = await this.sql.row<{ pk: number; hedged: number | null; attributed_to: number | null; attributes: string | null }>(
      'SELECT pk, hedged, attributed_to, attributes FROM relations WHERE source = ? AND target = ? AND type = ? AND negated = ? FOR UPDATE',
      source.pk, target.pk, type, negated,
    );
    if (held) {
      const hedged = foldHedged(held.hedged === null ? undefined : held.hedged === 1, group.hedged);
      const attributes = group.attributes === undefined ? held.attributes : attributesJson(foldAttributes(parseAttributes(held.attributes), group.attributes));
      await this.sql.run('UPDATE relations SET hedged = ?, attributed_to = ?, attributes = ?, sentence_count = sentence_count + ? WHERE pk = ?', hedged === undefined ? null : hedged ? 1 : 0, held.attributed_to ?? group.attributedTo, attributes, group.evidence.size, held.pk);
      if (group.review !== undefined) await this.sql.run('UPDATE relations SET review_status = ?, review_reason = ?, review_proposed = ? WHERE pk = ?', ...reviewToColumns(group.review), held.pk);
      return held.pk;
    }
    const hedged = group.hedged === undefined ? null : group.hedged ? 1 : 0;
    const { pk } = await this.insertWithFreeId('relations', relationId(source.id, type, target.id), async (id) =>
      (
        await this.sql.row<{ pk: number }>(
          `INSERT INTO relations (id, type, source, target, negated, hedged, attributed_to, attributes, sentence_count, review_status, review_reason, review_proposed)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING pk`,
          id, type, source.pk, target.pk, negated, hedged, group.attributedTo, attributesJson(group.attributes), group.evidence.size, ...reviewToColumns(group.review),
        )
      )?.pk,
    );
    this.degrees.set(source.pk, (this.degrees.get(source.pk) ?? 0) + 1);
    if (target.pk !== source.pk) this.degrees.set(target.pk, (this.degrees.get(target.pk) ?? 0) + 1);
    report.relationsAdded++;
    return pk;
  }
}

function collectEvidence(group: RelationGroup, relation: Relation, documents: ReadonlyMap<string, StoredDocument>): void {
  for (const evidence of relation.evidence) {
    const document = documents.get(evidence.document);
    if (!document) continue;
    const key = `${document.pk}:${evidence.start}:${evidence.end}`;
    const held = group.evidence.get(key);
    if (!held) group.evidence.set(key, { document, start: evidence.start, end: evidence.end, note: evidence.note ?? null, event: evidence.event });
    else if (held.event === undefined && evidence.event !== undefined) held.event = evidence.event;
  }
}
