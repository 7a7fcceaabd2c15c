import type { Entity, Span } from '../schema.ts';
import type { Draft } from './draft.ts';

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/** The names of an entity: label first, then aliases. */
export const namesOf = (entity: Entity): string[] => [entity.label, ...entity.aliases];

/**
 * Where one of `names` is written inside text[start, end): case-insensitive,
 * as a whole word; an exact spelling wins over a case variant. Undefined when
 * none is.
 */
export function findName(text: string, names: readonly string[], start: number, end: number): { start: number; end: number; exact: boolean } | undefined {
  let loose: { start: number; end: number; exact: boolean } | undefined;
  // Longest names first, so "Vladimir Putin" is found rather than "Putin" inside it.
  const ordered = [...names].sort((a, b) => b.length - a.length);
  for (const name of ordered) {
    const lower = name.toLowerCase();
    for (let i = start; i + name.length <= end; i++) {
      const slice = text.slice(i, i + name.length);
      if (slice.toLowerCase() !== lower) continue;
      if (isWordChar(text[i - 1]) && isWordChar(name[0])) continue;
      if (isWordChar(text[i + name.length]) && isWordChar(name[name.length - 1])) continue;
      if (slice === name) return { start: i, end: i + name.length, exact: true };
      loose ??= { start: i, end: i + name.length, exact: false };
    }
  }
  return loose;
}

const within = (outer: Span, inner: Span) => outer.document === inner.document && inner.start >= outer.start && inner.end <= outer.end;

/**
 * Makes sure the entity has a recorded mention inside `span`: true when it
 * has one, or when its name is written there (the mention is added, and a
 * case variant of the name becomes an alias, so the mention quotes a name).
 * False when the span does not name it.
 */
export function ensureNamedIn(draft: Draft, entityId: string, span: Span, text: string): boolean {
  const entity = draft.entity(entityId);
  if (!entity) return false;
  if (entity.mentions.some((m) => within(span, m))) return true;
  const found = findName(text, namesOf(entity), span.start, span.end);
  if (!found) return false;
  const quoted = text.slice(found.start, found.end);
  const updated: Entity = { ...entity, mentions: [...entity.mentions, { document: span.document, start: found.start, end: found.end }] };
  if (!found.exact && !namesOf(entity).includes(quoted)) updated.aliases = [...entity.aliases, quoted];
  draft.putEntity(updated);
  return true;
}
