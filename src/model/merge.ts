/**
 * Merging datasets into a corpus
 * ==============================
 *
 * `mergeDatasets(corpus, addition)` folds a second dataset (another article,
 * or the extractor's output for one) into a first, keeping every sentence of
 * evidence with its own document:
 *
 *  - Documents: one with the same id and the same text is the same document
 *    (merging an article twice adds nothing); a document whose text equals
 *    one already there is that one; any other clash of ids is renamed
 *    `id-2`, `id-3` … (the first free), deterministically.
 *  - Entities are the same actor when, in this order, they have the same
 *    Wikidata id; or the same type and the same id; or the same type and
 *    person names that are spellings of one name ("Volodymyr Zelensky" and
 *    "Volodymyr Zelenskyy", nameVariants.ts); or the same type and a name in
 *    common — label or alias, compared case-insensitively ("Putin" and
 *    "Vladimir Putin" with alias "Putin"). The type must agree so that
 *    Georgia the country and Georgia the US state stay apart; two different
 *    Wikidata ids never merge. The first dataset's id, label, type and
 *    Wikidata id win (the addition's fills a gap); aliases and mentions are
 *    the union. An addition entity whose id is taken by a different actor is
 *    renamed like a document.
 *  - Relations with the same source, type, target and negation (either
 *    direction for symmetric types) are one relation with all the evidence.
 *    It stays `hedged` only if both were: a plain statement anywhere makes it
 *    more than a claim. The days it was reported on (`reported`) are the
 *    union of both, as sorted spells; a sentence in both keeps the first's
 *    record, with the event date the second found if the first had none.
 *    Other relations keep their id, renamed on a clash.
 *  - Declared relation and entity types (a file's own types) are the union,
 *    by id: a type both declare is one type, with the first's definition.
 *    Relation and entity types share one id space, so an addition's type
 *    whose id the first declares for the other kind is renamed `id-2` …
 *
 *  - Review: a relation keeps its review; the ends of a corrected relation's
 *    proposed claim are remapped like its own ends. The edit history of
 *    either input is NOT kept: the merged dataset has none (its records no
 *    longer match either history's snapshots), so a merge starts a new one.
 *
 * Pure: the inputs are not modified. The first dataset's order comes first.
 */

import { dayNumber } from './days.ts';
import { mergeSpells, spellsAsReported } from './reporting.ts';
import { personNameKey, sameNameVariant } from './nameVariants.ts';
import type { Attributes, Dataset, Entity, Evidence, NewsDocument, Relation, Span, Spell } from './schema.ts';
import { typeCatalog, type TypeCatalog } from './typeCatalog.ts';

/** Why two entities were taken for one: the same Wikidata item, id, spelling of a person's name, or a shared name. */
export type EntityMergeReason = 'wikidata' | 'id' | 'name-variant' | 'name';

export interface MergeReport {
  /** Addition entities folded into an existing one, why, and under which names ("Zelenskyy" into "Zelensky"). */
  mergedEntities: Array<{ from: string; into: string; by: EntityMergeReason; fromLabel: string; intoLabel: string }>;
  renamedEntities: Array<{ from: string; to: string }>;
  /** Addition documents found to be already present (same text). */
  sharedDocuments: Array<{ from: string; into: string }>;
  renamedDocuments: Array<{ from: string; to: string }>;
  mergedRelations: Array<{ from: string; into: string }>;
  renamedRelations: Array<{ from: string; to: string }>;
  /** Addition type declarations renamed because the first declares that id for the other kind. */
  renamedTypes: Array<{ kind: 'relation' | 'entity'; from: string; to: string }>;
}

export interface MergeResult {
  dataset: Dataset;
  report: MergeReport;
}

/** `id`, else `id-2`, `id-3` … the first not in `taken`. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const nameKey = (type: string, name: string) => `${type}\u0000${name.toLocaleLowerCase('en-US')}`;
/** A person's full name as a spelling-variant key (nameVariants.ts); none for other types or one-word names, which are too weak to join on. */
function variantKey(entity: Entity): string | undefined {
  if (entity.type !== 'person' || !/\s/.test(entity.label.trim())) return undefined;
  const key = personNameKey(entity.label);
  return key ? key : undefined;
}

const spanKey = (span: Span) => `${span.document}\u0000${span.start}\u0000${span.end}`;

function pushUnique<T>(list: T[], items: readonly T[], key: (item: T) => string): void {
  const seen = new Set(list.map(key));
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      list.push(item);
    }
  }
}

function mergeAttributes(first: Attributes | undefined, second: Attributes | undefined): Attributes | undefined {
  if (first === undefined) return second === undefined ? undefined : { ...second };
  if (second === undefined) return { ...first };
  return { ...second, ...first };
}

/** Adds `additions` not yet in `list` (same document and offsets); a sentence already there gains the addition's event date if it had none. */
function addEvidence(list: Evidence[], additions: readonly Evidence[]): void {
  const at = new Map(list.map((evidence, k) => [spanKey(evidence), k]));
  for (const item of additions) {
    const key = spanKey(item);
    const k = at.get(key);
    if (k === undefined) {
      at.set(key, list.length);
      list.push(item);
      continue;
    }
    const kept = list[k]!;
    // A copy: the record may be the input's own.
    if (kept.event === undefined && item.event !== undefined) list[k] = { ...kept, event: item.event };
  }
}

/** Both lists' days as one sorted list of spells, overlapping and touching spells joined. */
function unionOfSpells(first: readonly Spell[] = [], second: readonly Spell[] = []): Spell[] {
  return spellsAsReported(mergeSpells([...first, ...second].map((spell) => [dayNumber(spell.from), dayNumber(spell.to)] as const)));
}

export function relationKeyIn(relation: Relation, catalog: TypeCatalog): string {
  const symmetric = !catalog.relation(relation.type).directed;
  const [a, b] = symmetric && relation.target < relation.source ? [relation.target, relation.source] : [relation.source, relation.target];
  return `${a}\u0000${relation.type}\u0000${b}\u0000${relation.negated === true}`;
}

/**
 * The addition with every declared type renamed whose id the first dataset
 * declares for the other kind (an entity type "<x>" beside a relation type
 * "<x>" would make the merged file invalid), and its records retyped.
 */
function withoutTypeClashes(first: Dataset, second: Dataset, renamed: MergeReport['renamedTypes']): Dataset {
  const firstRelationIds = new Set((first.relationTypes ?? []).map((d) => d.id));
  const firstEntityIds = new Set((first.entityTypes ?? []).map((d) => d.id));
  const clashes = (second.relationTypes ?? []).some((d) => firstEntityIds.has(d.id)) || (second.entityTypes ?? []).some((d) => firstRelationIds.has(d.id));
  if (!clashes) return second;
  const taken = new Set([...first.relationTypes ?? [], ...first.entityTypes ?? [], ...second.relationTypes ?? [], ...second.entityTypes ?? []].map((d) => d.id));
  const rename = <T extends { id: string }>(kind: 'relation' | 'entity', list: readonly T[] | undefined, other: ReadonlySet<string>) => {
    const map = new Map<string, string>();
    const out = list?.map((declaration) => {
      if (!other.has(declaration.id)) return declaration;
      const id = freeId(declaration.id, taken);
      taken.add(id);
      map.set(declaration.id, id);
      renamed.push({ kind, from: declaration.id, to: id });
      return { ...declaration, id };
    });
    return { out, map };
  };
  const relationTypes = rename('relation', second.relationTypes, firstEntityIds);
  const entityTypes = rename('entity', second.entityTypes, firstRelationIds);
  const result: Dataset = {
    ...second,
    entities: second.entities.map((e) => (entityTypes.map.has(e.type) ? { ...e, type: entityTypes.map.get(e.type)! } : e)),
    relations: second.relations.map((r) => (relationTypes.map.has(r.type) ? { ...r, type: relationTypes.map.get(r.type)! } : r)),
  };
  if (relationTypes.out) result.relationTypes = relationTypes.out;
  if (entityTypes.out) result.entityTypes = entityTypes.out;
  return result;
}

export function mergeDatasetsWithReport(first: Dataset, addition: Dataset): MergeResult {
  const report: MergeReport = {
    mergedEntities: [],
    renamedEntities: [],
    sharedDocuments: [],
    renamedDocuments: [],
    mergedRelations: [],
    renamedRelations: [],
    renamedTypes: [],
  };
  const second = withoutTypeClashes(first, addition, report.renamedTypes);

  // Documents.
  const documents: NewsDocument[] = first.documents.map((d) => ({ ...d }));
  // Renamed ids avoid every id of both inputs, so a rename never lands on an id used later.
  const documentIds = new Set([...first.documents, ...second.documents].map((d) => d.id));
  const firstDocumentIds = new Set(first.documents.map((d) => d.id));
  const byText = new Map<string, string>();
  for (const d of documents) if (d.text && !byText.has(d.text)) byText.set(d.text, d.id);
  const documentMap = new Map<string, string>();
  for (const doc of second.documents) {
    const same = documents.find((d) => d.id === doc.id && d.text === doc.text) ?? (doc.text ? documents.find((d) => d.id === byText.get(doc.text)) : undefined);
    if (same) {
      documentMap.set(doc.id, same.id);
      if (same.id !== doc.id) report.sharedDocuments.push({ from: doc.id, into: same.id });
      continue;
    }
    const id = firstDocumentIds.has(doc.id) ? freeId(doc.id, documentIds) : doc.id;
    if (id !== doc.id) report.renamedDocuments.push({ from: doc.id, to: id });
    documentIds.add(id);
    documentMap.set(doc.id, id);
    documents.push({ ...doc, id });
    if (doc.text && !byText.has(doc.text)) byText.set(doc.text, id);
  }
  const moveSpan = <T extends Span>(span: T): T => ({ ...span, document: documentMap.get(span.document) ?? span.document });

  // Entities.
  const entities: Entity[] = first.entities.map((e) => ({ ...e, aliases: [...e.aliases], mentions: [...e.mentions] }));
  // Additions are matched against the first dataset's entities as they were: two
  // entities the addition keeps apart are never merged with each other.
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const entityByWikidata = new Map<string, Entity>();
  const entityByVariant = new Map<string, Entity>();
  const entityByName = new Map<string, Entity>();
  const entityByNameVariant = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity.wikidata !== undefined && !entityByWikidata.has(entity.wikidata)) entityByWikidata.set(entity.wikidata, entity);
    const variant = variantKey(entity);
    if (variant && !entityByVariant.has(variant)) entityByVariant.set(variant, entity);
    for (const name of [entity.label, ...entity.aliases]) {
      const key = nameKey(entity.type, name);
      if (!entityByName.has(key)) entityByName.set(key, entity);
      // A person's names also by spelling variant ("Zelenskyy" finds the entity with alias "Zelensky").
      const spelling = entity.type === 'person' ? personNameKey(name) : '';
      if (spelling && !entityByNameVariant.has(spelling)) entityByNameVariant.set(spelling, entity);
    }
  }
  const entityIds = new Set([...first.entities, ...second.entities].map((e) => e.id));
  const entityMap = new Map<string, string>();
  // Two entities with different Wikidata ids are different actors, whatever their names.
  const compatible = (a: Entity, b: Entity) => a.wikidata === undefined || b.wikidata === undefined || a.wikidata === b.wikidata;
  for (const entity of second.entities) {
    let target: Entity | undefined;
    let by: EntityMergeReason = 'wikidata';
    if (entity.wikidata !== undefined) target = entityByWikidata.get(entity.wikidata);
    if (!target) {
      by = 'id';
      const sameId = entityById.get(entity.id);
      if (sameId && sameId.type === entity.type && compatible(sameId, entity)) target = sameId;
    }
    if (!target) {
      by = 'name-variant';
      const variant = variantKey(entity);
      const found = variant ? entityByVariant.get(variant) : undefined;
      if (found && compatible(found, entity)) target = found;
    }
    if (!target) {
      by = 'name';
      for (const name of [entity.label, ...entity.aliases]) {
        const found = entityByName.get(nameKey(entity.type, name));
        if (found && compatible(found, entity)) {
          target = found;
          break;
        }
      }
    }
    if (!target && entity.type === 'person') {
      by = 'name-variant';
      for (const name of [entity.label, ...entity.aliases]) {
        const spelling = personNameKey(name);
        const found = spelling ? entityByNameVariant.get(spelling) : undefined;
        if (found && compatible(found, entity)) {
          target = found;
          break;
        }
      }
    }
    const mentions = entity.mentions.map(moveSpan);
    if (target) {
      entityMap.set(entity.id, target.id);
      report.mergedEntities.push({ from: entity.id, into: target.id, by, fromLabel: entity.label, intoLabel: target.label });
      if (target.wikidata === undefined && entity.wikidata !== undefined) target.wikidata = entity.wikidata;
      pushUnique(
        target.aliases,
        [entity.label, ...entity.aliases].filter((n) => n !== target.label),
        (n) => n,
      );
      pushUnique(target.mentions, mentions, spanKey);
      const attributes = mergeAttributes(target.attributes, entity.attributes);
      if (attributes !== undefined) target.attributes = attributes;
      continue;
    }
    const id = entityById.has(entity.id) ? freeId(entity.id, entityIds) : entity.id;
    if (id !== entity.id) {
      report.renamedEntities.push({ from: entity.id, to: id });
      entityIds.add(id);
    }
    entities.push({ ...entity, id, aliases: [...entity.aliases], mentions });
    entityMap.set(entity.id, id);
  }

  // Declared types, then relations (whose direction their type decides).
  const relationTypes = unionById(first.relationTypes, second.relationTypes);
  const entityTypes = unionById(first.entityTypes, second.entityTypes);
  const catalog = typeCatalog({ relationTypes, entityTypes });
  const relationKey = (relation: Relation) => relationKeyIn(relation, catalog);
  const relations: Relation[] = first.relations.map((r) => ({ ...r, evidence: [...r.evidence] }));
  const relationIds = new Set([...first.relations, ...second.relations].map((r) => r.id));
  const firstRelationIds = new Set(first.relations.map((r) => r.id));
  const relationByKey = new Map<string, Relation>();
  for (const r of relations) if (!relationByKey.has(relationKey(r))) relationByKey.set(relationKey(r), r);
  for (const relation of second.relations) {
    const moved: Relation = {
      ...relation,
      source: entityMap.get(relation.source) ?? relation.source,
      target: entityMap.get(relation.target) ?? relation.target,
      evidence: relation.evidence.map(moveSpan),
    };
    if (relation.attributedTo !== undefined) moved.attributedTo = entityMap.get(relation.attributedTo) ?? relation.attributedTo;
    if (relation.review?.proposed !== undefined) {
      const proposed = { ...relation.review.proposed };
      proposed.source = entityMap.get(proposed.source) ?? proposed.source;
      proposed.target = entityMap.get(proposed.target) ?? proposed.target;
      if (proposed.attributedTo !== undefined) proposed.attributedTo = entityMap.get(proposed.attributedTo) ?? proposed.attributedTo;
      moved.review = { ...relation.review, proposed };
    }
    const key = relationKey(moved);
    const same = relationByKey.get(key);
    if (same) {
      report.mergedRelations.push({ from: relation.id, into: same.id });
      addEvidence(same.evidence, moved.evidence);
      if (moved.reported !== undefined && moved.reported.length > 0) same.reported = unionOfSpells(same.reported, moved.reported);
      if (same.hedged !== undefined || moved.hedged !== undefined) same.hedged = same.hedged === true && moved.hedged === true;
      if (same.attributedTo === undefined && moved.attributedTo !== undefined) same.attributedTo = moved.attributedTo;
      const attributes = mergeAttributes(same.attributes, moved.attributes);
      if (attributes !== undefined) same.attributes = attributes;
      continue;
    }
    const id = firstRelationIds.has(relation.id) ? freeId(relation.id, relationIds) : relation.id;
    if (id !== relation.id) report.renamedRelations.push({ from: relation.id, to: id });
    relationIds.add(id);
    moved.id = id;
    relations.push(moved);
    relationByKey.set(key, moved);
  }

  const dataset: Dataset = { version: 1, documents, entities, relations };
  const title = first.title ?? second.title;
  if (title !== undefined) dataset.title = title;
  if (relationTypes) dataset.relationTypes = relationTypes;
  if (entityTypes) dataset.entityTypes = entityTypes;
  return { dataset, report };
}

/** Both lists of declarations, the first's first; a second declaration of an id is dropped. */
function unionById<T extends { id: string }>(first: readonly T[] | undefined, second: readonly T[] | undefined): T[] | undefined {
  if (first === undefined && second === undefined) return undefined;
  const out = [...(first ?? [])];
  const ids = new Set(out.map((d) => d.id));
  for (const declaration of second ?? []) if (!ids.has(declaration.id)) out.push(declaration);
  return out;
}

/**
 * "joined Zelensky and Zelenskyy": the names a merge took for one actor
 * because they are one Wikidata item or spellings of one name, for a merge
 * report's text. A shared name ("Putin" as an alias of "Vladimir Putin")
 * is not listed: nothing there needs checking.
 */
export function joinedNames(report: MergeReport): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const merged of report.mergedEntities) {
    // Two spellings of one name ("Zelensky", "Zelenskyy"), whatever matched them first (an id from the gazetteer, say).
    const spellings = merged.by === 'wikidata' || merged.by === 'name-variant' || sameNameVariant(merged.fromLabel, merged.intoLabel);
    if (merged.fromLabel === merged.intoLabel || !spellings) continue;
    const line = `joined ${merged.intoLabel} and ${merged.fromLabel}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

/** `second` folded into `first`; see the header for the rules. */
export function mergeDatasets(first: Dataset, second: Dataset): Dataset {
  return mergeDatasetsWithReport(first, second).dataset;
}

/** Several datasets folded left to right into one corpus. */
export function mergeAll(datasets: readonly Dataset[]): Dataset {
  const [head, ...rest] = datasets;
  if (!head) return { version: 1, documents: [], entities: [], relations: [] };
  return rest.reduce(mergeDatasets, head);
}
