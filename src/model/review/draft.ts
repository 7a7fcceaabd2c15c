import type { Dataset, Entity, RecordChange, Relation } from '../schema.ts';

/**
 * A working copy of a dataset's entities and relations for one edit: records
 * are replaced, removed or appended by id, the input is never touched, and
 * `finish` returns the new lists with the record changes that lead there.
 *
 * The changes apply one after another, each `index` counted in the list as
 * it stands at that step: replacements first (original indices), then
 * removals from the back, then appended records. Undo applies them in reverse
 * with before and after swapped, which makes each step the exact inverse.
 */
export class Draft {
  private readonly entityById = new Map<string, Entity | null>();
  private readonly relationById = new Map<string, Relation | null>();
  private readonly newEntityIds: string[] = [];
  private readonly newRelationIds: string[] = [];
  private readonly originalEntities = new Map<string, { record: Entity; index: number }>();
  private readonly originalRelations = new Map<string, { record: Relation; index: number }>();

  constructor(readonly dataset: Dataset) {
    dataset.entities.forEach((record, index) => {
      if (!this.originalEntities.has(record.id)) this.originalEntities.set(record.id, { record, index });
    });
    dataset.relations.forEach((record, index) => {
      if (!this.originalRelations.has(record.id)) this.originalRelations.set(record.id, { record, index });
    });
  }

  entity(id: string): Entity | undefined {
    const changed = this.entityById.get(id);
    if (changed !== undefined) return changed ?? undefined;
    return this.originalEntities.get(id)?.record;
  }

  relation(id: string): Relation | undefined {
    const changed = this.relationById.get(id);
    if (changed !== undefined) return changed ?? undefined;
    return this.originalRelations.get(id)?.record;
  }

  /** The relations as they now stand, in list order (appended ones last). */
  relations(): Relation[] {
    const out: Relation[] = [];
    for (const r of this.dataset.relations) {
      const now = this.relation(r.id);
      if (now && this.originalRelations.get(r.id)?.record === r) out.push(now);
    }
    for (const id of this.newRelationIds) {
      const now = this.relationById.get(id);
      if (now) out.push(now);
    }
    return out;
  }

  hasEntityId(id: string): boolean {
    return this.entity(id) !== undefined || this.originalEntities.has(id) || this.entityById.has(id);
  }
  hasRelationId(id: string): boolean {
    return this.relation(id) !== undefined || this.originalRelations.has(id) || this.relationById.has(id);
  }

  putEntity(entity: Entity): void {
    if (!this.originalEntities.has(entity.id) && !this.entityById.has(entity.id)) this.newEntityIds.push(entity.id);
    this.entityById.set(entity.id, entity);
  }
  putRelation(relation: Relation): void {
    if (!this.originalRelations.has(relation.id) && !this.relationById.has(relation.id)) this.newRelationIds.push(relation.id);
    this.relationById.set(relation.id, relation);
  }
  dropEntity(id: string): void {
    this.entityById.set(id, null);
  }
  dropRelation(id: string): void {
    this.relationById.set(id, null);
  }

  /** Ids of entities changed, added or removed; of relations likewise. */
  changedEntityIds(): string[] {
    return [...this.entityById.keys()];
  }
  changedRelationIds(): string[] {
    return [...this.relationById.keys()];
  }

  finish(): { entities: Entity[]; relations: Relation[]; changes: RecordChange[] } {
    const entities = apply('entity', this.dataset.entities, this.originalEntities, this.entityById, this.newEntityIds);
    const relations = apply('relation', this.dataset.relations, this.originalRelations, this.relationById, this.newRelationIds);
    return { entities: entities.list, relations: relations.list, changes: [...entities.changes, ...relations.changes] as RecordChange[] };
  }
}

function apply<K extends 'entity' | 'relation', T extends { id: string }>(
  kind: K,
  list: readonly T[],
  original: Map<string, { record: T; index: number }>,
  changed: Map<string, T | null>,
  added: readonly string[],
): { list: T[]; changes: Array<{ kind: K; id: string; index: number; before: T | null; after: T | null }> } {
  const changes: Array<{ kind: K; id: string; index: number; before: T | null; after: T | null }> = [];
  const out = [...list];
  const removed: number[] = [];
  for (const [id, after] of changed) {
    const was = original.get(id);
    if (!was) continue;
    if (after === null) removed.push(was.index);
    else if (after !== was.record) {
      changes.push({ kind, id, index: was.index, before: was.record, after });
      out[was.index] = after;
    }
  }
  removed.sort((a, b) => b - a);
  for (const index of removed) {
    const before = out[index]!;
    changes.push({ kind, id: before.id, index, before: list[index]!, after: null });
    out.splice(index, 1);
  }
  for (const id of added) {
    const after = changed.get(id);
    if (!after) continue;
    changes.push({ kind, id, index: out.length, before: null, after });
    out.push(after);
  }
  return { list: out, changes };
}
