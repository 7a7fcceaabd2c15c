/**
 * What CSV keeps of a type: its name. A CSV cell holds the type's id as a
 * name; reading it back, newsgraph makes the type's id from that name: the
 * same id when the name already is one its id function keeps ("trades-with"),
 * else a made one ("company & <co>" → "company-co") with the name kept as
 * the declared type's label. Either way each original type must come back
 * as one type of its own, and a built-in type as itself.
 */

import { expect } from 'vitest';
import { isBuiltInEntityTypeId, isBuiltInRelationTypeId, typeCatalog, type Dataset } from '../../../src/model/index.ts';

/** The relation types (by relation, in order) and entity types (by entity id) of `back` are `before`'s, up to names made into ids. */
export function expectTypeNamesKept(before: Dataset, back: Dataset): void {
  const catalog = typeCatalog(back);
  const relationTypes = new Map<string, string>();
  back.relations.forEach((relation, i) => {
    const original = before.relations[i]!.type;
    const kept = relation.type === original || (!isBuiltInRelationTypeId(original) && catalog.relation(relation.type).label === original);
    expect(kept, `relations[${i}]: type ${JSON.stringify(relation.type)} for ${JSON.stringify(original)}`).toBe(true);
    expect(relationTypes.get(original) ?? relation.type, `relation type ${JSON.stringify(original)} read back as one type`).toBe(relation.type);
    relationTypes.set(original, relation.type);
  });
  expect(new Set(relationTypes.values()).size, 'two relation types read back as one').toBe(relationTypes.size);

  const originalEntity = new Map(before.entities.map((e) => [e.id, e.type]));
  const entityTypes = new Map<string, string>();
  for (const entity of back.entities) {
    const original = originalEntity.get(entity.id)!;
    const kept = entity.type === original || (!isBuiltInEntityTypeId(original) && catalog.entity(entity.type).label === original);
    expect(kept, `entity ${JSON.stringify(entity.id)}: type ${JSON.stringify(entity.type)} for ${JSON.stringify(original)}`).toBe(true);
    expect(entityTypes.get(original) ?? entity.type, `entity type ${JSON.stringify(original)} read back as one type`).toBe(entity.type);
    entityTypes.set(original, entity.type);
  }
  expect(new Set(entityTypes.values()).size, 'two entity types read back as one').toBe(entityTypes.size);
}
