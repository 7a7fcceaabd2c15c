/**
 * Writing edited records back
 * ===========================
 *
 * An edit (corpusEdits.ts) ends as record changes: each entity or relation
 * before (as loaded, records.ts) and after (null: absent). This writes them
 * into the corpus's tables, inside the caller's transaction:
 *
 *  - entities first (inserted or updated: names, external ids, identity),
 *    then relations (deleted, then inserted or updated), then the entities
 *    removed, so no row ever points nowhere;
 *  - mentions and evidence by difference (before → after, by document and
 *    offsets), so records loaded with part of their mentions lose nothing;
 *    a new sentence is stored (and indexed for search) once, a sentence no
 *    relation cites any more is removed;
 *  - counters recomputed for what was touched: `entities.degree`,
 *    `relations.sentence_count`, `documents.relation_count`; reporting days
 *    added for new sentences' articles (days of removed sentences are kept:
 *    they cannot be told from declared spells);
 *  - an entity's identity key (identity.ts) follows a new label or type, so a
 *    later ingest of that name joins it; a key another entity holds gets
 *    the entity's id appended (two entities, one name).
 *
 * What the corpus refuses — a relation that would duplicate a held one, an
 * id taken by a record the edit did not load, an end that does not exist —
 * throws `EditRefusedError` with one sentence; the caller rolls back.
 */

import type { Entity, Evidence, Relation } from '../../model/schema.ts';
import type { TypeCatalog } from '../../model/typeCatalog.ts';
import { dayNumber } from '../../model/days.ts';
import { externalIds, identityKey, normaliseName } from '../identity.ts';
import type { LoadedRecords } from '../shared/records.ts';
import { reviewToColumns } from '../shared/reviewColumns.ts';
import type { StatementCache } from './statements.ts';
import { EditRefusedError, type StoredChange } from '../shared/editHistory.ts';


const json = (value: unknown) => JSON.stringify(value);
const spanKey = (s: { document: string; start: number; end: number }) => `${s.document}\u0000${s.start}\u0000${s.end}`;
const attributesJson = (attributes: Entity['attributes']) => (attributes === undefined || Object.keys(attributes).length === 0 ? null : json(attributes));
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);

export class RecordWriter {
  private readonly entityPk: Map<string, number>;
  private readonly documentPk: Map<string, number>;
  private readonly touchedEntities = new Set<number>();
  private readonly touchedDocuments = new Set<number>();
  private readonly touchedSentences = new Set<number>();

  constructor(
    private readonly statements: StatementCache,
    private readonly catalog: TypeCatalog,
    loaded: LoadedRecords,
  ) {
    this.entityPk = new Map(loaded.entityPk);
    this.documentPk = new Map(loaded.documentPk);
  }

  write(changes: readonly StoredChange[]): void {
    const entities = changes.filter((c): c is Extract<StoredChange, { kind: 'entity' }> => c.kind === 'entity');
    const relations = changes.filter((c): c is Extract<StoredChange, { kind: 'relation' }> => c.kind === 'relation');
    for (const c of entities) if (c.after !== null) this.putEntity(c.before, c.after);
    for (const c of relations) if (c.after === null && c.before !== null) this.deleteRelation(c.before);
    for (const c of relations) if (c.after !== null) this.putRelation(c.before, c.after);
    for (const c of entities) if (c.after === null && c.before !== null) this.deleteEntity(c.before);
    this.recount();
  }

  private run(sql: string, ...params: unknown[]) {
    return this.statements.get(sql).run(...params);
  }

  private entity(id: string): number {
    let pk = this.entityPk.get(id);
    if (pk === undefined) {
      pk = (this.statements.get<{ pk: number }>('SELECT pk FROM entities WHERE id = ?').get(id) as { pk: number } | undefined)?.pk;
      if (pk === undefined) throw new EditRefusedError(`the corpus holds no entity ${quote(id)}.`);
      this.entityPk.set(id, pk);
    }
    return pk;
  }

  private document(id: string): number {
    let pk = this.documentPk.get(id);
    if (pk === undefined) {
      pk = (this.statements.get<{ pk: number }>('SELECT pk FROM documents WHERE id = ?').get(id) as { pk: number } | undefined)?.pk;
      if (pk === undefined) throw new EditRefusedError(`the corpus holds no article ${quote(id)}.`);
      this.documentPk.set(id, pk);
    }
    return pk;
  }

  /** The identity key for this entity, made unique with its id when another entity holds it. */
  private identity(entity: Entity, pk: number | undefined): string {
    const key = identityKey(entity);
    const holder = this.statements.get<{ pk: number }>('SELECT pk FROM entities WHERE identity = ?').get(key) as { pk: number } | undefined;
    return holder === undefined || holder.pk === pk ? key : `${key}|id:${entity.id}`;
  }

  private putEntity(before: Entity | null, after: Entity): void {
    const ids = json(Object.fromEntries(externalIds(after.attributes, after.wikidata)));
    let pk: number;
    if (before === null) {
      if (this.statements.get('SELECT 1 FROM entities WHERE id = ?').get(after.id) !== undefined) throw new EditRefusedError(`the corpus already holds another entity with the id ${quote(after.id)}.`);
      pk = Number(
        this.run('INSERT INTO entities (id, identity, label, type, aliases, external_ids, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)', after.id, this.identity(after, undefined), after.label, after.type, json(after.aliases), ids, attributesJson(after.attributes))
          .lastInsertRowid,
      );
      this.entityPk.set(after.id, pk);
    } else {
      pk = this.entity(before.id);
      // The identity follows the name and type only: a held key (an external id, a folded alias) stays otherwise.
      if (before.label !== after.label || before.type !== after.type) this.run('UPDATE entities SET identity = ? WHERE pk = ?', this.identity(after, pk), pk);
      this.run('UPDATE entities SET label = ?, type = ?, aliases = ?, external_ids = ?, attributes = ? WHERE pk = ?', after.label, after.type, json(after.aliases), ids, attributesJson(after.attributes), pk);
      this.run('DELETE FROM entity_names WHERE entity = ?', pk);
    }
    for (const name of new Set([after.label, ...after.aliases])) this.run('INSERT OR IGNORE INTO entity_names (name, entity) VALUES (?, ?)', normaliseName(name), pk);
    const held = new Set((before?.mentions ?? []).map(spanKey));
    const kept = new Set(after.mentions.map(spanKey));
    for (const m of before?.mentions ?? []) if (!kept.has(spanKey(m))) this.run('DELETE FROM mentions WHERE document = ? AND start = ? AND "end" = ? AND entity = ?', this.document(m.document), m.start, m.end, pk);
    for (const m of after.mentions) if (!held.has(spanKey(m))) this.run('INSERT OR IGNORE INTO mentions (document, start, "end", entity) VALUES (?, ?, ?, ?)', this.document(m.document), m.start, m.end, pk);
    this.touchedEntities.add(pk);
  }

  private deleteEntity(before: Entity): void {
    const pk = this.entity(before.id);
    this.run('DELETE FROM mentions WHERE entity = ?', pk);
    this.run('DELETE FROM entity_names WHERE entity = ?', pk);
    try {
      this.run('DELETE FROM entities WHERE pk = ?', pk);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new EditRefusedError(`the entity ${quote(before.id)} still has relations in the corpus that the edit did not move.`);
      throw error;
    }
    this.touchedEntities.delete(pk);
  }

  private relationPk(id: string): number | undefined {
    return (this.statements.get<{ pk: number }>('SELECT pk FROM relations WHERE id = ?').get(id) as { pk: number } | undefined)?.pk;
  }

  private deleteRelation(before: Relation): void {
    const pk = this.relationPk(before.id);
    if (pk === undefined) return;
    const ends = this.statements.get<{ source: number; target: number }>('SELECT source, target FROM relations WHERE pk = ?').get(pk) as { source: number; target: number };
    this.touchedEntities.add(ends.source).add(ends.target);
    for (const row of this.statements.get<{ sentence: number; document: number }>('SELECT e.sentence, s.document FROM evidence e JOIN sentences s ON s.pk = e.sentence WHERE e.relation = ?').all(pk) as Array<{ sentence: number; document: number }>) {
      this.touchedSentences.add(row.sentence);
      this.touchedDocuments.add(row.document);
    }
    this.run('DELETE FROM evidence WHERE relation = ?', pk);
    this.run('DELETE FROM relation_days WHERE relation = ?', pk);
    this.run('DELETE FROM relations WHERE pk = ?', pk);
  }

  private putRelation(before: Relation | null, after: Relation): void {
    let source = this.entity(after.source);
    let target = this.entity(after.target);
    // Symmetric types keep their ends in pk order: the relation key ingest joins by (write.ts).
    if (!this.catalog.relation(after.type).directed && target < source) [source, target] = [target, source];
    const attributedTo = after.attributedTo === undefined ? null : this.entity(after.attributedTo);
    const hedged = after.hedged === undefined ? null : after.hedged ? 1 : 0;
    const negated = after.negated === true ? 1 : 0;
    const values = [after.type, source, target, negated, hedged, attributedTo, attributesJson(after.attributes), ...reviewToColumns(after.review)];
    let pk: number;
    try {
      if (before === null) {
        if (this.relationPk(after.id) !== undefined) throw new EditRefusedError(`the corpus already holds another relation with the id ${quote(after.id)}.`);
        pk = Number(
          this.run(
            'INSERT INTO relations (id, type, source, target, negated, hedged, attributed_to, attributes, review_status, review_reason, review_proposed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            after.id,
            ...values,
          ).lastInsertRowid,
        );
      } else {
        pk = this.relationPk(before.id)!;
        const ends = this.statements.get<{ source: number; target: number }>('SELECT source, target FROM relations WHERE pk = ?').get(pk) as { source: number; target: number };
        this.touchedEntities.add(ends.source).add(ends.target);
        this.run('UPDATE relations SET type = ?, source = ?, target = ?, negated = ?, hedged = ?, attributed_to = ?, attributes = ?, review_status = ?, review_reason = ?, review_proposed = ? WHERE pk = ?', ...values, pk);
      }
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new EditRefusedError(`the corpus already holds a relation ${after.type} between ${quote(after.source)} and ${quote(after.target)}${negated ? ' (negated)' : ''}; correct or reject that one instead.`);
      throw error;
    }
    this.touchedEntities.add(source).add(target);
    this.writeEvidence(pk, before?.evidence ?? [], after.evidence);
  }

  private writeEvidence(relation: number, before: readonly Evidence[], after: readonly Evidence[]): void {
    const held = new Map(before.map((e) => [spanKey(e), e]));
    const wanted = new Map(after.map((e) => [spanKey(e), e]));
    const sentenceOf = (e: Evidence) => {
      const document = this.document(e.document);
      this.touchedDocuments.add(document);
      const row = this.statements.get<{ pk: number }>('SELECT pk FROM sentences WHERE document = ? AND start = ? AND "end" = ?').get(document, e.start, e.end) as { pk: number } | undefined;
      return { document, sentence: row?.pk };
    };
    for (const [key, e] of held) {
      if (wanted.has(key)) continue;
      const { sentence } = sentenceOf(e);
      if (sentence === undefined) continue;
      this.run('DELETE FROM evidence WHERE relation = ? AND sentence = ?', relation, sentence);
      this.touchedSentences.add(sentence);
    }
    for (const [key, e] of wanted) {
      const was = held.get(key);
      const event = [e.event?.date ?? null, e.event?.start ?? null, e.event?.end ?? null];
      if (was !== undefined) {
        if (json(was) !== json(e)) this.run('UPDATE evidence SET note = ?, event_date = ?, event_start = ?, event_end = ? WHERE relation = ? AND sentence = ?', e.note ?? null, ...event, relation, sentenceOf(e).sentence);
        continue;
      }
      let { document, sentence } = sentenceOf(e);
      if (sentence === undefined) {
        const text = (this.statements.get<{ text: string }>('SELECT text FROM documents WHERE pk = ?').get(document) as { text: string }).text.slice(e.start, e.end);
        sentence = Number(this.run('INSERT INTO sentences (document, start, "end", text) VALUES (?, ?, ?, ?)', document, e.start, e.end, text).lastInsertRowid);
        this.run('INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)', sentence, text);
      }
      this.run('INSERT OR REPLACE INTO evidence (relation, sentence, note, event_date, event_start, event_end) VALUES (?, ?, ?, ?, ?, ?)', relation, sentence, e.note ?? null, ...event);
      const day = (this.statements.get<{ day: string | null }>('SELECT published_day AS day FROM documents WHERE pk = ?').get(document) as { day: string | null }).day;
      if (day !== null) this.run('INSERT OR IGNORE INTO relation_days (relation, day) VALUES (?, ?)', relation, dayNumber(day));
    }
    this.run('UPDATE relations SET sentence_count = (SELECT count(*) FROM evidence WHERE relation = ?) WHERE pk = ?', relation, relation);
  }

  private recount(): void {
    for (const pk of this.touchedEntities) this.run('UPDATE entities SET degree = (SELECT count(*) FROM relations WHERE source = ? OR target = ?) WHERE pk = ?', pk, pk, pk);
    for (const pk of this.touchedDocuments)
      this.run('UPDATE documents SET relation_count = (SELECT count(DISTINCT e.relation) FROM sentences s JOIN evidence e ON e.sentence = s.pk WHERE s.document = ?) WHERE pk = ?', pk, pk);
    for (const pk of this.touchedSentences) {
      if (this.statements.get('SELECT 1 FROM evidence WHERE sentence = ?').get(pk) !== undefined) continue;
      const row = this.statements.get<{ text: string }>('SELECT text FROM sentences WHERE pk = ?').get(pk) as { text: string } | undefined;
      if (!row) continue;
      // External-content full-text index: a row is removed by giving its old text back.
      this.run("INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)", pk, row.text);
      this.run('DELETE FROM sentences WHERE pk = ?', pk);
    }
  }
}
