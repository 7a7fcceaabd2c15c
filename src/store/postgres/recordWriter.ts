/**
 * Writing edited records back (PostgreSQL)
 * ========================================
 *
 * sqlite/recordWriter.ts's write of an edit's record changes, step for step
 * (read its header: entities, then relations, then removed entities;
 * mentions and evidence by difference; counters recounted for what was
 * touched; identity keys following a new label or type; refusals as
 * `EditRefusedError`), over `Sql` inside the editor's transaction. The
 * full-text index needs no writing here: `sentences.words` is computed by
 * the database.
 */

import { dayNumber } from '../../model/days.ts';
import type { Entity, Evidence, Relation } from '../../model/schema.ts';
import type { TypeCatalog } from '../../model/typeCatalog.ts';
import { externalIds, identityKey, normaliseName } from '../identity.ts';
import type { LoadedRecords } from '../shared/records.ts';
import { EditRefusedError } from '../shared/editHistory.ts';
import { type StoredChange } from '../shared/editHistory.ts';
import { reviewToColumns } from '../shared/reviewColumns.ts';
import type { Sql } from './sql.ts';

const json = (value: unknown) => JSON.stringify(value);
const spanKey = (s: { document: string; start: number; end: number }) => `${s.document}\u0000${s.start}\u0000${s.end}`;
const attributesJson = (attributes: Entity['attributes']) => (attributes === undefined || Object.keys(attributes).length === 0 ? null : json(attributes));
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);
const code = (error: unknown) => (error as { code?: unknown }).code;

export class PgRecordWriter {
  private readonly entityPk: Map<string, number>;
  private readonly documentPk: Map<string, number>;
  private readonly touchedEntities = new Set<number>();
  private readonly touchedDocuments = new Set<number>();
  private readonly touchedSentences = new Set<number>();

  constructor(
    private readonly sql: Sql,
    private readonly catalog: TypeCatalog,
    loaded: LoadedRecords,
  ) {
    this.entityPk = new Map(loaded.entityPk);
    this.documentPk = new Map(loaded.documentPk);
  }

  async write(changes: readonly StoredChange[]): Promise<void> {
    const entities = changes.filter((c): c is Extract<StoredChange, { kind: 'entity' }> => c.kind === 'entity');
    const relations = changes.filter((c): c is Extract<StoredChange, { kind: 'relation' }> => c.kind === 'relation');
    for (const c of entities) if (c.after !== null) await this.putEntity(c.before, c.after);
    for (const c of relations) if (c.after === null && c.before !== null) await this.deleteRelation(c.before);
    for (const c of relations) if (c.after !== null) await this.putRelation(c.before, c.after);
    for (const c of entities) if (c.after === null && c.before !== null) await this.deleteEntity(c.before);
    await this.recount();
  }

  private async entity(id: string): Promise<number> {
    let pk = this.entityPk.get(id);
    if (pk === undefined) {
      pk = (await this.sql.row<{ pk: number }>('SELECT pk FROM entities WHERE id = ?', id))?.pk;
      if (pk === undefined) throw new EditRefusedError(`the corpus holds no entity ${quote(id)}.`);
      this.entityPk.set(id, pk);
    }
    return pk;
  }

  private async document(id: string): Promise<number> {
    let pk = this.documentPk.get(id);
    if (pk === undefined) {
      pk = (await this.sql.row<{ pk: number }>('SELECT pk FROM documents WHERE id = ?', id))?.pk;
      if (pk === undefined) throw new EditRefusedError(`the corpus holds no article ${quote(id)}.`);
      this.documentPk.set(id, pk);
    }
    return pk;
  }

  private async identity(entity: Entity, pk: number | undefined): Promise<string> {
    const key = identityKey(entity);
    const holder = await this.sql.row<{ pk: number }>('SELECT pk FROM entities WHERE identity = ?', key);
    return holder === undefined || holder.pk === pk ? key : `${key}|id:${entity.id}`;
  }

  private async putEntity(before: Entity | null, after: Entity): Promise<void> {
    const ids = json(Object.fromEntries(externalIds(after.attributes, after.wikidata)));
    let pk: number;
    if (before === null) {
      if ((await this.sql.row('SELECT 1 FROM entities WHERE id = ?', after.id)) !== undefined) throw new EditRefusedError(`the corpus already holds another entity with the id ${quote(after.id)}.`);
      pk = (await this.sql.row<{ pk: number }>(
        'INSERT INTO entities (id, identity, label, type, aliases, external_ids, attributes) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING pk',
        after.id, await this.identity(after, undefined), after.label, after.type, json(after.aliases), ids, attributesJson(after.attributes),
      ))!.pk;
      this.entityPk.set(after.id, pk);
    } else {
      pk = await this.entity(before.id);
      if (before.label !== after.label || before.type !== after.type) await this.sql.run('UPDATE entities SET identity = ? WHERE pk = ?', await this.identity(after, pk), pk);
      await this.sql.run('UPDATE entities SET label = ?, type = ?, aliases = ?, external_ids = ?, attributes = ? WHERE pk = ?', after.label, after.type, json(after.aliases), ids, attributesJson(after.attributes), pk);
      await this.sql.run('DELETE FROM entity_names WHERE entity = ?', pk);
    }
    for (const name of new Set([after.label, ...after.aliases])) await this.sql.run('INSERT INTO entity_names (name, entity) VALUES (?, ?) ON CONFLICT DO NOTHING', normaliseName(name), pk);
    const held = new Set((before?.mentions ?? []).map(spanKey));
    const kept = new Set(after.mentions.map(spanKey));
    for (const m of before?.mentions ?? []) if (!kept.has(spanKey(m))) await this.sql.run('DELETE FROM mentions WHERE document = ? AND start = ? AND "end" = ? AND entity = ?', await this.document(m.document), m.start, m.end, pk);
    for (const m of after.mentions) if (!held.has(spanKey(m))) await this.sql.run('INSERT INTO mentions (document, start, "end", entity) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', await this.document(m.document), m.start, m.end, pk);
    this.touchedEntities.add(pk);
  }

  private async deleteEntity(before: Entity): Promise<void> {
    const pk = await this.entity(before.id);
    await this.sql.run('DELETE FROM mentions WHERE entity = ?', pk);
    await this.sql.run('DELETE FROM entity_names WHERE entity = ?', pk);
    try {
      await this.sql.run('DELETE FROM entities WHERE pk = ?', pk);
    } catch (error) {
      // The transaction is lost either way; the refusal rolls it back whole.
      if (code(error) === '23503') throw new EditRefusedError(`the entity ${quote(before.id)} still has relations in the corpus that the edit did not move.`);
      throw error;
    }
    this.touchedEntities.delete(pk);
  }

  private async relationPk(id: string): Promise<number | undefined> {
    return (await this.sql.row<{ pk: number }>('SELECT pk FROM relations WHERE id = ?', id))?.pk;
  }

  private async deleteRelation(before: Relation): Promise<void> {
    const pk = await this.relationPk(before.id);
    if (pk === undefined) return;
    const ends = (await this.sql.row<{ source: number; target: number }>('SELECT source, target FROM relations WHERE pk = ?', pk))!;
    this.touchedEntities.add(ends.source).add(ends.target);
    for (const row of await this.sql.rows<{ sentence: number; document: number }>('SELECT e.sentence, s.document FROM evidence e JOIN sentences s ON s.pk = e.sentence WHERE e.relation = ?', pk)) {
      this.touchedSentences.add(row.sentence);
      this.touchedDocuments.add(row.document);
    }
    await this.sql.run('DELETE FROM evidence WHERE relation = ?', pk);
    await this.sql.run('DELETE FROM relation_days WHERE relation = ?', pk);
    await this.sql.run('DELETE FROM relations WHERE pk = ?', pk);
  }

  private async putRelation(before: Relation | null, after: Relation): Promise<void> {
    let source = await this.entity(after.source);
    let target = await this.entity(after.target);
    if (!this.catalog.relation(after.type).directed && target < source) [source, target] = [target, source];
    const attributedTo = after.attributedTo === undefined ? null : await this.entity(after.attributedTo);
    const hedged = after.hedged === undefined ? null : after.hedged ? 1 : 0;
    const negated = after.negated === true ? 1 : 0;
    const values = [after.type, source, target, negated, hedged, attributedTo, attributesJson(after.attributes), ...reviewToColumns(after.review)];
    let pk: number;
    try {
      if (before === null) {
        if ((await this.relationPk(after.id)) !== undefined) throw new EditRefusedError(`the corpus already holds another relation with the id ${quote(after.id)}.`);
        pk = (await this.sql.row<{ pk: number }>(
          'INSERT INTO relations (id, type, source, target, negated, hedged, attributed_to, attributes, review_status, review_reason, review_proposed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk',
          after.id, ...values,
        ))!.pk;
      } else {
        pk = (await this.relationPk(before.id))!;
        const ends = (await this.sql.row<{ source: number; target: number }>('SELECT source, target FROM relations WHERE pk = ?', pk))!;
        this.touchedEntities.add(ends.source).add(ends.target);
        await this.sql.run('UPDATE relations SET type = ?, source = ?, target = ?, negated = ?, hedged = ?, attributed_to = ?, attributes = ?, review_status = ?, review_reason = ?, review_proposed = ? WHERE pk = ?', ...values, pk);
      }
    } catch (error) {
      if (code(error) === '23505') throw new EditRefusedError(`the corpus already holds a relation ${after.type} between ${quote(after.source)} and ${quote(after.target)}${negated ? ' (negated)' : ''}; correct or reject that one instead.`);
      throw error;
    }
    this.touchedEntities.add(source).add(target);
    await this.writeEvidence(pk, before?.evidence ?? [], after.evidence);
  }

  private async writeEvidence(relation: number, before: readonly Evidence[], after: readonly Evidence[]): Promise<void> {
    const held = new Map(before.map((e) => [spanKey(e), e]));
    const wanted = new Map(after.map((e) => [spanKey(e), e]));
    const sentenceOf = async (e: Evidence) => {
      const document = await this.document(e.document);
      this.touchedDocuments.add(document);
      const row = await this.sql.row<{ pk: number }>('SELECT pk FROM sentences WHERE document = ? AND start = ? AND "end" = ?', document, e.start, e.end);
      return { document, sentence: row?.pk };
    };
    for (const [key, e] of held) {
      if (wanted.has(key)) continue;
      const { sentence } = await sentenceOf(e);
      if (sentence === undefined) continue;
      await this.sql.run('DELETE FROM evidence WHERE relation = ? AND sentence = ?', relation, sentence);
      this.touchedSentences.add(sentence);
    }
    for (const [key, e] of wanted) {
      const was = held.get(key);
      const event = [e.event?.date ?? null, e.event?.start ?? null, e.event?.end ?? null];
      if (was !== undefined) {
        if (json(was) !== json(e)) await this.sql.run('UPDATE evidence SET note = ?, event_date = ?, event_start = ?, event_end = ? WHERE relation = ? AND sentence = ?', e.note ?? null, ...event, relation, (await sentenceOf(e)).sentence);
        continue;
      }
      let { document, sentence } = await sentenceOf(e);
      if (sentence === undefined) {
        const text = (await this.sql.row<{ text: string }>('SELECT text FROM documents WHERE pk = ?', document))!.text.slice(e.start, e.end);
        sentence = (await this.sql.row<{ pk: number }>('INSERT INTO sentences (document, start, "end", text) VALUES (?, ?, ?, ?) RETURNING pk', document, e.start, e.end, text))!.pk;
      }
      await this.sql.run(
        `INSERT INTO evidence (relation, sentence, note, event_date, event_start, event_end) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (relation, sentence) DO UPDATE SET note = excluded.note, event_date = excluded.event_date, event_start = excluded.event_start, event_end = excluded.event_end`,
        relation, sentence, e.note ?? null, ...event,
      );
      const day = (await this.sql.row<{ day: string | null }>('SELECT published_day AS day FROM documents WHERE pk = ?', document))!.day;
      if (day !== null) await this.sql.run('INSERT INTO relation_days (relation, day) VALUES (?, ?) ON CONFLICT DO NOTHING', relation, dayNumber(day));
    }
    await this.sql.run('UPDATE relations SET sentence_count = (SELECT count(*) FROM evidence WHERE relation = ?) WHERE pk = ?', relation, relation);
  }

  private async recount(): Promise<void> {
    for (const pk of this.touchedEntities) await this.sql.run('UPDATE entities SET degree = (SELECT count(*) FROM relations WHERE source = ? OR target = ?) WHERE pk = ?', pk, pk, pk);
    for (const pk of this.touchedDocuments)
      await this.sql.run('UPDATE documents SET relation_count = (SELECT count(DISTINCT e.relation) FROM sentences s JOIN evidence e ON e.sentence = s.pk WHERE s.document = ?) WHERE pk = ?', pk, pk);
    for (const pk of this.touchedSentences) {
      if ((await this.sql.row('SELECT 1 FROM evidence WHERE sentence = ?', pk)) !== undefined) continue;
      await this.sql.run('DELETE FROM sentences WHERE pk = ?', pk);
    }
  }
}
