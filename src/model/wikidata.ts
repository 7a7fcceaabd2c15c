/**
 * Wikidata item ids
 * =================
 *
 * An entity may carry the id of its Wikidata item ("Q159", Russia): the one
 * identity that survives spelling, translation and datasets made apart. Only
 * the id is kept, never fetched: the app links to it and requests nothing.
 */

export const WIKIDATA_ID_FORMAT = 'must be a Wikidata item id: Q followed by digits, e.g. "Q159"';

/** "Q" and a positive number without leading zeros, as Wikidata writes item ids. */
export function isWikidataId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 12 && /^Q[1-9][0-9]*$/.test(value);
}

/** Where the item can be read. */
export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}
