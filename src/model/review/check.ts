import type { Dataset, Entity, Relation } from '../schema.ts';
import { validateDataset } from '../validate.ts';

/**
 * Validates just what an edit changed, so an edit costs no whole-dataset
 * validation: the changed records, every relation touching a changed entity,
 * the entities those relations name, their documents and the type
 * declarations. Returns the first problem's message, or undefined when valid.
 */
export function problemWithChanges(dataset: Dataset, entityIds: readonly string[], relationIds: readonly string[]): string | undefined {
  const changedEntities = new Set(entityIds);
  const relationSet = new Set(relationIds);
  const relations: Relation[] = dataset.relations.filter(
    (r) =>
      relationSet.has(r.id) ||
      changedEntities.has(r.source) ||
      changedEntities.has(r.target) ||
      (r.attributedTo !== undefined && changedEntities.has(r.attributedTo)),
  );
  const wanted = new Set(changedEntities);
  for (const r of relations) {
    wanted.add(r.source);
    wanted.add(r.target);
    if (r.attributedTo !== undefined) wanted.add(r.attributedTo);
  }
  const entities: Entity[] = dataset.entities.filter((e) => wanted.has(e.id));
  const documentIds = new Set<string>();
  for (const e of entities) for (const m of e.mentions) documentIds.add(m.document);
  for (const r of relations) for (const ev of r.evidence) documentIds.add(ev.document);
  const small: Dataset = {
    version: dataset.version,
    ...(dataset.relationTypes !== undefined ? { relationTypes: dataset.relationTypes } : {}),
    ...(dataset.entityTypes !== undefined ? { entityTypes: dataset.entityTypes } : {}),
    documents: dataset.documents.filter((d) => documentIds.has(d.id)),
    entities,
    relations,
  };
  const result = validateDataset(small);
  return result.ok ? undefined : result.problems[0]!.message;
}
