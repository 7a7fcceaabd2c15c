import { idFromName } from '../ids.ts';
import { freeId, relationKeyIn } from '../merge.ts';
import type { Edit, Entity, Evidence, Relation, Span } from '../schema.ts';
import { typeCatalog } from '../typeCatalog.ts';
import { claimSentence } from './claims.ts';
import type { Draft } from './draft.ts';
import { namesOf } from './names.ts';

type Refusal = string | undefined;
type EditOf<K extends Edit['kind']> = Extract<Edit, { kind: K }>;

const unknownEntity = (id: string) => `there is no entity "${id}"`;
const spanKey = (s: Span) => `${s.document}\u0000${s.start}\u0000${s.end}`;

function unionSpans<T extends Span>(first: readonly T[], second: readonly T[]): T[] {
  const seen = new Set(first.map(spanKey));
  const out = [...first];
  for (const s of second) if (!seen.has(spanKey(s))) (seen.add(spanKey(s)), out.push(s));
  return out;
}

/** `from` becomes part of `into`: its names, mentions and relations; relations that become one are folded. */
export function mergeEntities(draft: Draft, edit: EditOf<'merge-entities'>): Refusal {
  if (edit.into === edit.from) return 'an entity cannot be merged into itself';
  const into = draft.entity(edit.into);
  const from = draft.entity(edit.from);
  if (!into) return unknownEntity(edit.into);
  if (!from) return unknownEntity(edit.from);
  if (into.wikidata && from.wikidata && into.wikidata !== from.wikidata) return `they are different Wikidata items (${into.wikidata}, ${from.wikidata})`;
  const dataset = draft.dataset;
  const ends = (r: Relation) => new Set([r.source, r.target]);
  for (const r of draft.relations()) {
    const joined = ends(r);
    if (joined.has(into.id) && joined.has(from.id) && r.review?.status !== 'rejected') {
      return `the relation "${claimSentence(dataset, r)}" would join the entity to itself; reject it first`;
    }
  }
  const aliases: string[] = [];
  for (const name of [...into.aliases, from.label, ...from.aliases]) if (name !== into.label && !aliases.includes(name)) aliases.push(name);
  const merged: Entity = { ...into, aliases, mentions: unionSpans(into.mentions, from.mentions) };
  if (merged.wikidata === undefined && from.wikidata !== undefined) merged.wikidata = from.wikidata;
  draft.putEntity(merged);
  draft.dropEntity(from.id);

  const move = (id: string) => (id === from.id ? into.id : id);
  const rewired = new Set<string>();
  for (const r of draft.relations()) {
    const touches = r.source === from.id || r.target === from.id || r.attributedTo === from.id;
    const proposed = r.review?.proposed;
    const proposedTouches = proposed !== undefined && (proposed.source === from.id || proposed.target === from.id || proposed.attributedTo === from.id);
    if (!touches && !proposedTouches) continue;
    const next: Relation = { ...r, source: move(r.source), target: move(r.target) };
    if (r.attributedTo !== undefined) next.attributedTo = move(r.attributedTo);
    if (proposed && proposedTouches) {
      const p = { ...proposed, source: move(proposed.source), target: move(proposed.target) };
      if (proposed.attributedTo !== undefined) p.attributedTo = move(proposed.attributedTo);
      next.review = { ...r.review!, proposed: p };
    }
    draft.putRelation(next);
    if (touches) rewired.add(r.id);
  }
  foldDuplicates(draft, rewired);
  return undefined;
}

/** Relations the merge made into duplicates of another become one: the first's record, with every sentence. */
function foldDuplicates(draft: Draft, rewired: ReadonlySet<string>): void {
  if (rewired.size === 0) return;
  const catalog = typeCatalog(draft.dataset);
  const relations = draft.relations();
  const keys = new Set(relations.filter((r) => rewired.has(r.id)).map((r) => relationKeyIn(r, catalog)));
  const first = new Map<string, string>();
  for (const r of relations) {
    const key = relationKeyIn(r, catalog);
    if (!keys.has(key)) continue;
    const keptId = first.get(key);
    if (keptId === undefined) {
      first.set(key, r.id);
      continue;
    }
    const kept = draft.relation(keptId)!;
    draft.putRelation({ ...kept, evidence: unionSpans<Evidence>(kept.evidence, r.evidence) });
    draft.dropRelation(r.id);
  }
}

/** Names that belong to another actor become a new entity, with the mentions that quote them and the relations only they support. */
export function splitEntity(draft: Draft, edit: EditOf<'split-entity'>): Refusal {
  const entity = draft.entity(edit.entity);
  if (!entity) return unknownEntity(edit.entity);
  const all = namesOf(entity);
  const names = [...new Set(edit.names)];
  const stranger = names.find((n) => !all.includes(n));
  if (stranger !== undefined) return `"${stranger}" is not a name of ${entity.label}`;
  const dataset = draft.dataset;
  const texts = new Map(dataset.documents.map((d) => [d.id, d.text]));
  const quoted = (m: Span) => (texts.get(m.document) ?? '').slice(m.start, m.end);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const quotesSplitName = (m: Span) => lower.has(quoted(m).toLowerCase());
  const moved = entity.mentions.filter(quotesSplitName);
  const kept = entity.mentions.filter((m) => !quotesSplitName(m));
  // A mention that writes a split name in another case ("the Kremlin" for "The Kremlin") moves too, and its spelling with it.
  const spellings = [...new Set(moved.map(quoted))].filter((n) => !names.includes(n));
  const remaining = all.filter((n) => !names.includes(n) && !spellings.includes(n));
  if (remaining.length === 0) return `at least one name must stay with ${entity.label}`;

  const taken = new Set(dataset.entities.map((e) => e.id));
  const id = freeId(idFromName(names[0]!, 'entity'), taken);
  const split: Entity = { id, label: names[0]!, type: entity.type, aliases: [...names.slice(1), ...spellings], mentions: moved };
  const label = remaining.includes(entity.label) ? entity.label : remaining[0]!;
  draft.putEntity({ ...entity, label, aliases: remaining.filter((n) => n !== label), mentions: kept });
  draft.putEntity(split);

  const inside = (mentions: readonly Span[], sentence: Evidence) => mentions.some((m) => m.document === sentence.document && m.start >= sentence.start && m.end <= sentence.end);
  for (const r of draft.relations()) {
    if (r.source !== entity.id && r.target !== entity.id) continue;
    const onlySplitNames = r.evidence.every((sentence) => inside(moved, sentence) && !inside(kept, sentence));
    if (!onlySplitNames) continue;
    const next: Relation = { ...r, source: r.source === entity.id ? id : r.source, target: r.target === entity.id ? id : r.target };
    draft.putRelation(next);
  }
  return undefined;
}

export function renameEntity(draft: Draft, edit: EditOf<'rename-entity'>): Refusal {
  const entity = draft.entity(edit.entity);
  if (!entity) return unknownEntity(edit.entity);
  const label = edit.label.trim();
  if (label === '') return 'the new name is empty';
  if (label === entity.label) return `${entity.label} already has that name`;
  const other = draft.dataset.entities.find((e) => e.id !== entity.id && e.type === entity.type && e.label.toLowerCase() === label.toLowerCase());
  if (other) return `"${label}" is already the name of ${other.label} (${other.id}); merge them instead`;
  // The old label stays an alias, so the sentences that wrote it still name the entity.
  const aliases = entity.aliases.filter((a) => a !== label);
  if (!aliases.includes(entity.label)) aliases.push(entity.label);
  draft.putEntity({ ...entity, label, aliases });
  return undefined;
}

export function retypeEntity(draft: Draft, edit: EditOf<'retype-entity'>): Refusal {
  const entity = draft.entity(edit.entity);
  if (!entity) return unknownEntity(edit.entity);
  const catalog = typeCatalog(draft.dataset);
  if (!catalog.hasEntity(edit.type)) return `"${edit.type}" is not a known entity type`;
  if (edit.type === entity.type) return `${entity.label} is already of type ${catalog.entity(edit.type).label}`;
  draft.putEntity({ ...entity, type: edit.type });
  return undefined;
}

export function addAlias(draft: Draft, edit: EditOf<'add-alias'>): Refusal {
  const entity = draft.entity(edit.entity);
  if (!entity) return unknownEntity(edit.entity);
  const alias = edit.alias.trim();
  if (alias === '') return 'the alias is empty';
  if (namesOf(entity).includes(alias)) return `"${alias}" is already a name of ${entity.label}`;
  draft.putEntity({ ...entity, aliases: [...entity.aliases, alias] });
  return undefined;
}
