/**
 * Entity identity in the corpus
 * =============================
 *
 * Which stored entity an incoming one is, decided by one key so that the
 * same actor named in a thousand articles is one row, and two actors who
 * share a name are not:
 *
 *  1. an external id among its attributes (`wikidata: "Q7747"`, also
 *     `wikidataId`, a Wikidata URL, `geonames`): the id names the actor;
 *  2. else the gazetteer entry its label or an alias names ("Russian
 *     Federation" and "Russia" are one country), when the types agree;
 *  3. else its type and normalised label (`normaliseName`: "Al-Shabaab" and
 *     "al Shabaab", "Zelenskyy" and "ZELENSKYY").
 *
 * The type is part of every key: Georgia the country and Georgia the person
 * never merge, whatever else they share.
 */

import { gazetteerEntries } from '../extract/gazetteer/index.ts';
import type { Attributes } from '../model/attributeRecords.ts';
import type { EntityTypeId } from '../model/entityTypes.ts';
import type { Entity } from '../model/schema.ts';

/**
 * A name compared without its form: NFKC, case-folded (ß as ss), accents
 * dropped, dashes and white space as one space, other punctuation and
 * symbols removed: "U.S." → "us", "Al-Shabaab" → "al shabaab",
 * "Côte d’Ivoire" → "cote divoire".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{Pd}\s_]+/gu, ' ')
    .replace(/[\p{P}\p{S}\p{C}]/gu, '')
    .replace(/ +/g, ' ')
    .trim();
}

/** External id schemes recognised in attributes: the scheme, the attribute keys that hold it, and the id's form. */
const EXTERNAL_IDS: ReadonlyArray<{ scheme: string; keys: RegExp; value: RegExp }> = [
  { scheme: 'wikidata', keys: /^(wikidata([ _-]?(id|qid))?|qid)$/i, value: /(?:^|\/)(Q[1-9]\d*)$/ },
  { scheme: 'geonames', keys: /^geonames([ _-]?id)?$/i, value: /(?:^|\/)([1-9]\d*)\/?$/ },
];

/** The external ids an entity's attributes carry, by scheme (`{ wikidata: "Q7747" }`); its `wikidata` field, when given, comes first. */
export function externalIds(attributes: Attributes | undefined, wikidata?: string): Map<string, string> {
  const ids = new Map<string, string>();
  if (wikidata !== undefined) ids.set('wikidata', wikidata);
  if (attributes === undefined) return ids;
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
    if (text === undefined) continue;
    for (const { scheme, keys, value: form } of EXTERNAL_IDS) {
      if (ids.has(scheme) || !keys.test(key)) continue;
      const match = form.exec(text);
      if (match) ids.set(scheme, match[1]!);
    }
  }
  return ids;
}

let gazetteerIndex: Map<string, string | null> | undefined;

/** type + normalised name → gazetteer entry id (null when two entries of that type share the name). Names proper only: not demonyms or capitals. */
function gazetteerByName(): Map<string, string | null> {
  if (gazetteerIndex) return gazetteerIndex;
  const index = new Map<string, string | null>();
  for (const entry of gazetteerEntries()) {
    for (const name of entry.names) {
      if (name.kind !== 'name') continue;
      const key = `${entry.type}\u0000${normaliseName(name.text)}`;
      const held = index.get(key);
      index.set(key, held === undefined || held === entry.id ? entry.id : null);
    }
  }
  gazetteerIndex = index;
  return index;
}

/** The gazetteer entry (its id) that one of these names names as an entity of this type, the label tried first. */
export function gazetteerEntryFor(type: EntityTypeId, names: readonly string[]): string | undefined {
  const index = gazetteerByName();
  for (const name of names) {
    const id = index.get(`${type}\u0000${normaliseName(name)}`);
    if (id) return id;
  }
  return undefined;
}

/** The identity key of an entity (see the header): `country|wikidata:Q230`, `country|gazetteer:georgia`, `person|name:georgia`. */
export function identityKey(entity: Pick<Entity, 'label' | 'type' | 'aliases' | 'attributes' | 'wikidata'>): string {
  const external = externalIds(entity.attributes);
  for (const { scheme } of EXTERNAL_IDS) {
    const id = external.get(scheme);
    if (id !== undefined) return `${entity.type}|${scheme}:${id}`;
  }
  const entry = gazetteerEntryFor(entity.type, [entity.label, ...entity.aliases]);
  if (entry !== undefined) return `${entity.type}|gazetteer:${entry}`;
  // The `wikidata` field after the gazetteer: the extractor sets it on gazetteer entities, whose stored key stays the gazetteer one.
  if (entity.wikidata !== undefined) return `${entity.type}|wikidata:${entity.wikidata}`;
  const name = normaliseName(entity.label);
  // A label of punctuation only ("…") keeps its own text, so it still names one thing.
  return `${entity.type}|name:${name || entity.label}`;
}
