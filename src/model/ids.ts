/**
 * Ids made from names
 * ===================
 *
 * The one id function of the project: the extractor's entity ids, a CSV's
 * entity and document ids, and the ids of the types an imported file declares
 * all come from here, so one name gives one id whichever way it came in
 * ("Côte d'Ivoire" → `cote-divoire`, "Vladimir Putin" → `vladimir-putin`).
 * Curated datasets were written with these ids, so the algorithm may not
 * change without renaming them.
 */

/**
 * The kebab-case of a name: accents dropped (NFKD, marks removed), lower
 * case, apostrophes removed (so "d'Ivoire" stays one word), every other run
 * of characters that are not letters or digits one hyphen, none at either
 * end. `fallback` when nothing is left ("→", "").
 */
export function idFromName(text: string, fallback: string): string {
  const id = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return id || fallback;
}

/** `base`, or `base-2`, `base-3` … : the first that `taken` says is free. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
