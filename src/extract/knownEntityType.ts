/**
 * What newsgraph already knows a name to be
 * =========================================
 *
 * A graph made elsewhere often says nothing about what its nodes are. When a
 * node's whole label (or an alias) is a name the extractor's gazetteer knows,
 * its type is known too: Russia → country, ICC / International Criminal Court
 * → organisation, Putin / Vladimir Putin → person. The importers take this
 * function as `ReadOptions.entityTypeOf` (the graph layer may not import the
 * extractor).
 *
 * Exact names only, never a near spelling: a wrong type would show something
 * the file does not say. Compared without accents, case or repeated spaces,
 * except names written all in capitals (UN, ICC, AU), which match only in
 * capitals ("Un", "au" are not those; "RUSSIA" is Russia). Only what names an entity itself is
 * used: not demonyms ("Russians") or metonyms ("Moscow" is a city in most
 * graphs, not a state), nor the names the gazetteer marks ambiguous
 * ("Jordan", "Georgia": also given names). A name two entries of different
 * types share is not used either.
 *
 * People: the office-holders of the Wikidata person table, by full name in
 * any spelling the person name key folds ("Volodymyr Zelenskyy"), or by the
 * last word of a full name alone ("Putin", "Biden") when it has four letters
 * or more and is no gazetteer name.
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import { foldName, personNameKey } from '../model/nameVariants.ts';
import { gazetteerEntries } from './gazetteer/index.ts';
import { PERSON_WIKIDATA_TABLE } from './gazetteer/wikidata.ts';

interface Index {
  /** Names in capitals, as written (spaces collapsed). */
  capitals: Map<string, BuiltInEntityTypeId | null>;
  /** Every other name, folded. `null`: two entries of different types share it. */
  folded: Map<string, BuiltInEntityTypeId | null>;
  /** People by name key: full names and surnames. */
  people: Set<string>;
}

const collapse = (text: string) => text.trim().replace(/\s+/gu, ' ');
const fold = (text: string) => foldName(collapse(text));
const inCapitals = (text: string) => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);

function add(map: Map<string, BuiltInEntityTypeId | null>, key: string, type: BuiltInEntityTypeId): void {
  if (!key) return;
  const known = map.get(key);
  if (known === undefined) map.set(key, type);
  else if (known !== type) map.set(key, null);
}

let index: Index | undefined;

function build(): Index {
  const built: Index = { capitals: new Map(), folded: new Map(), people: new Set() };
  for (const entry of gazetteerEntries()) {
    for (const name of entry.names) {
      if (name.kind !== 'name' || name.ambiguous) continue;
      if (inCapitals(name.text)) add(built.capitals, collapse(name.text), entry.type);
      else add(built.folded, fold(name.text), entry.type);
    }
  }
  for (const line of PERSON_WIKIDATA_TABLE.split('\n')) {
    const names = (line.split('|')[0] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    for (const name of names) {
      built.people.add(personNameKey(name));
      const words = collapse(name).split(' ');
      const surname = words[words.length - 1]!;
      if (words.length > 1 && [...surname].length >= 4 && !built.folded.has(fold(surname))) built.people.add(personNameKey(surname));
    }
  }
  return built;
}

/** The built-in entity type of the entity this name names, when newsgraph knows it exactly; undefined otherwise. */
export function knownEntityType(label: string): BuiltInEntityTypeId | undefined {
  const text = collapse(label);
  if (!text) return undefined;
  index ??= build();
  // A label in capitals may be an acronym (UN) or a name shouted (RUSSIA); any other never matches an acronym.
  const type = (inCapitals(text) ? index.capitals.get(text) : undefined) ?? index.folded.get(fold(text));
  if (type !== undefined) return type ?? undefined;
  const key = personNameKey(text);
  return key && index.people.has(key) ? 'person' : undefined;
}
