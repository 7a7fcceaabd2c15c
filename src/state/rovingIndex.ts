/**
 * Roving index — one Tab stop for a list of items, arrows inside it
 * =================================================================
 *
 * The ARIA composite-widget pattern ("roving tabindex"): a group of many
 * focusable items is a single Tab stop; the item at the roving index has
 * tabIndex 0, the rest -1, and the arrow keys, Home and End move the index.
 * The article pane uses it so a keyboard user is not made to Tab through
 * every name in the article. Kept pure so the key handling is unit-tested
 * without a browser.
 */

/**
 * The index that `key` moves to from `current` in a list of `count` items,
 * or null when the key is not a roving key (the caller then lets the browser
 * handle it). Arrows stop at the ends rather than wrapping: in a long
 * article a wrap would jump the reader from the last name back to the top.
 */
export function rovingStep(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  const here = clampIndex(current, count);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(here + 1, count - 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(here - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** `index` kept inside `[0, count)` (0 for an empty list), e.g. after the list got shorter. */
export function clampIndex(index: number, count: number): number {
  if (count <= 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), count - 1);
}

/**
 * Where the roving index goes when `entity` is selected elsewhere (graph,
 * search, table): to its first item — unless the current item already is
 * that entity (the user just clicked its third mention; stay there). Returns
 * `current` when the entity has no item in the list.
 */
export function rovingForEntity(items: readonly string[], current: number, entity: string | null): number {
  if (entity === null) return current;
  if (items[current] === entity) return current;
  const first = items.indexOf(entity);
  return first === -1 ? current : first;
}
