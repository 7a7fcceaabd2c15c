/**
 * The gazetteer as entries
 * ========================
 *
 * Parses the tables (countries, organisations, places, groups) into one list
 * of entries: an entity (id, label, type) and every surface form that names
 * it, each marked with how it names it. The matcher (`../mentions.ts`)
 * indexes these in a token trie.
 */

import type { BuiltInEntityTypeId } from '../../model/entityTypes.ts';
import { kebabId } from '../ids.ts';
import { COUNTRY_TABLE } from './countries.ts';
import { ORGANISATION_TABLE } from './organisations.ts';
import { GROUP_TABLE, PLACE_TABLE } from './places.ts';
import { personNameKey } from '../../model/nameVariants.ts';
import { PERSON_WIKIDATA_TABLE, WIKIDATA_TABLE } from './wikidata.ts';

/**
 * How a surface form names its entity:
 *  - `name`: the name itself ("Russia", "ICC");
 *  - `adjective`: a demonym used as an adjective ("Russian diplomacy") — the
 *    country acts only when an agent noun follows ("Russian forces");
 *  - `people`: a plural demonym ("Russians"), which acts for the country;
 *  - `metonym`: a capital or seat of government ("Moscow", "the Kremlin").
 */
export type NameKind = 'name' | 'adjective' | 'people' | 'metonym';

export interface GazetteerName {
  text: string;
  kind: NameKind;
  /** Matched regardless of case (group phrases such as "western nations"). */
  caseless: boolean;
  /** Also a common given name or word: not taken before another capitalised word. */
  ambiguous: boolean;
}

export interface GazetteerEntry {
  id: string;
  label: string;
  type: BuiltInEntityTypeId;
  names: GazetteerName[];
  /** Parent organisation id (a UN event or body). */
  parent?: string;
  /** The Wikidata item, where a source confirmed it (wikidata.ts). */
  wikidata?: string;
}

function cells(line: string): string[] {
  return line.split('|').map((cell) => cell.trim());
}

function list(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function name(raw: string, kind: NameKind, caseless = false): GazetteerName {
  const ambiguous = raw.startsWith('~');
  const exact = raw.startsWith('=');
  const text = raw.replace(/^[~=]/, '');
  return { text, kind, caseless: caseless && !exact, ambiguous };
}

/** A demonym ending in a plain -s names the people ("Russians"); otherwise it is an adjective ("Swiss", "Chinese"). */
function demonymKind(demonym: string): NameKind {
  return /[^s]s$/.test(demonym) ? 'people' : 'adjective';
}

function parseTable(table: string, defaultType: BuiltInEntityTypeId, caseless = false): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const line of table.split('\n')) {
    if (!line.trim()) continue;
    const [rawLabel = '', others, demonyms, metonyms, type, parent] = cells(line);
    const label = name(rawLabel, 'name', caseless);
    const entry: GazetteerEntry = {
      id: kebabId(label.text),
      label: label.text,
      type: (type || defaultType) as BuiltInEntityTypeId,
      names: [
        label,
        ...list(others).map((n) => name(n, 'name', caseless)),
        ...list(demonyms).map((n) => name(n, demonymKind(n.replace(/^[~=]/, '')))),
        ...list(metonyms).map((n) => name(n, 'metonym')),
      ],
    };
    if (parent) entry.parent = parent;
    entries.push(entry);
  }
  return entries;
}

/** label → Q-id, from one of wikidata.ts's tables. */
function wikidataByLabel(table = WIKIDATA_TABLE): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const line of table.split('\n')) {
    const [label = '', id = ''] = cells(line);
    if (label && id) byLabel.set(label, id);
  }
  return byLabel;
}

let people: Map<string, { id: string; wikidata: string }> | undefined;

/** Office-holders by name key: every name on a line of PERSON_WIKIDATA_TABLE → the first name's id and the item. */
function officeHolders(): Map<string, { id: string; wikidata: string }> {
  if (people) return people;
  people = new Map();
  for (const line of PERSON_WIKIDATA_TABLE.split('\n')) {
    const [names = '', wikidata = ''] = cells(line);
    const all = list(names);
    if (all.length === 0 || !wikidata) continue;
    for (const name of all) people.set(personNameKey(name), { id: kebabId(all[0]!), wikidata });
  }
  return people;
}

/** The Wikidata item of a well-known office-holder, by full name in any spelling the name key folds. */
export function personWikidata(label: string): string | undefined {
  return /\s/.test(label.trim()) ? officeHolders().get(personNameKey(label))?.wikidata : undefined;
}

/** A well-known office-holder's id, whatever spelling names him ("Volodymyr Zelenskyy" → `volodymyr-zelensky`). */
export function officeHolderId(label: string): string | undefined {
  return /\s/.test(label.trim()) ? officeHolders().get(personNameKey(label))?.id : undefined;
}

let cached: GazetteerEntry[] | undefined;
let byId: Map<string, GazetteerEntry> | undefined;

/** Every gazetteer entry; parsed once. */
export function gazetteerEntries(): GazetteerEntry[] {
  if (cached) return cached;
  const entries = [
    ...parseTable(COUNTRY_TABLE, 'country'),
    ...parseTable(ORGANISATION_TABLE, 'organisation'),
    ...parseTable(PLACE_TABLE, 'place'),
    ...parseTable(GROUP_TABLE, 'group', true),
  ];
  const ids = wikidataByLabel();
  for (const entry of entries) {
    const id = ids.get(entry.label);
    if (id) entry.wikidata = id;
  }
  cached = entries;
  return cached;
}

/** The Wikidata item of the gazetteer entry with this entity id and type, if it has one. */
export function gazetteerWikidata(id: string, type: BuiltInEntityTypeId): string | undefined {
  byId ??= new Map(gazetteerEntries().map((entry) => [entry.id, entry]));
  const entry = byId.get(id);
  return entry && entry.type === type ? entry.wikidata : undefined;
}
