/**
 * Reading other tools' type names
 * ===============================
 *
 * Graphs made elsewhere name their node and edge kinds freely ("ORG",
 * "Organization", "allies", "did not attend"). This maps such names onto the
 * two registries through a fixed synonym table, never by fuzzy string
 * distance: a relation type is a claim about the world, so a guess like
 * "trade partner" → "allied-with" must be the user's, not ours. Whatever the
 * table does not know is kept as the file's own type (typeResolution.ts).
 */

import {
  BUILT_IN_ENTITY_TYPE_IDS,
  BUILT_IN_RELATION_TYPE_IDS,
  BUILT_IN_RELATION_TYPES,
  type BuiltInEntityTypeId,
  type BuiltInRelationTypeId,
} from '../../model/index.ts';

/** `alliedWith`, `Allied_With`, ` allied  with ` → `allied-with`. */
export function normalizeTypeName(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.:/]+/g, '-')
    .replace(/^-|-$/g, '');
}

const ENTITY_SYNONYMS: Record<BuiltInEntityTypeId, readonly string[]> = {
  country: ['nation', 'state', 'sovereign-state', 'gpe', 'government'],
  person: ['people', 'individual', 'human', 'per', 'politician'],
  organisation: ['organization', 'org', 'company', 'corporation', 'institution', 'agency', 'ngo', 'court', 'party', 'bloc', 'alliance', 'international-organisation', 'international-organization'],
  group: ['norp', 'collective', 'faction'],
  place: ['location', 'loc', 'city', 'region', 'continent', 'fac', 'facility', 'area', 'town', 'geo'],
  event: ['meeting', 'summit', 'conference', 'assembly', 'war', 'election'],
};

const RELATION_SYNONYMS: Record<BuiltInRelationTypeId, readonly string[]> = {
  'allied-with': ['ally', 'allies', 'allied', 'alliance', 'allied-to', 'ally-of', 'allies-with', 'is-ally-of'],
  sanctioned: ['sanction', 'sanctions', 'imposed-sanctions-on'],
  'issued-warrant': ['warrant', 'arrest-warrant', 'issued-arrest-warrant', 'issued-warrant-for', 'issued-an-arrest-warrant-for'],
  accused: ['accuse', 'accuses', 'accusation'],
  attacked: ['attack', 'attacks', 'invaded', 'invade', 'invades', 'invasion', 'war-on', 'waged-war-on', 'bombed', 'struck'],
  'abducted-from': ['abducted', 'abduct', 'abducts', 'abduction', 'deported-from'],
  'threatened-arrest': ['threatens-arrest', 'threatened-to-arrest', 'would-arrest'],
  'leader-of': ['leader', 'leads', 'led', 'head-of', 'heads', 'president-of', 'chair-of', 'chairman-of', 'prime-minister-of', 'secretary-general-of'],
  'official-of': ['official', 'minister-of', 'spokesperson-of', 'ambassador-of', 'envoy-of', 'works-for', 'employee-of', 'represents', 'speaks-for'],
  'member-of': ['member', 'part-of', 'belongs-to', 'membership', 'memberof'],
  'met-with': ['met', 'meet', 'meets', 'meeting', 'meeting-with', 'talks-with', 'held-talks-with'],
  attended: ['attend', 'attends', 'attendance', 'participated-in', 'took-part-in', 'participant-of'],
  hosted: ['host', 'hosts', 'host-of'],
  urged: ['urge', 'urges', 'called-on', 'calls-on'],
  'severed-ties': ['severed-ties-with', 'sever-ties', 'cut-ties', 'cut-ties-with', 'broke-ties-with', 'broke-off-relations-with'],
  'seeks-ties-with': ['seeks-ties', 'seek-ties-with', 'seeks-closer-ties-with', 'courts', 'courted'],
};

export interface EntityTypeMatch {
  type: BuiltInEntityTypeId;
  /** True when the name is the id itself up to case and separators. */
  exact: boolean;
}

export function matchEntityType(name: string): EntityTypeMatch | undefined {
  const key = normalizeTypeName(name);
  for (const id of BUILT_IN_ENTITY_TYPE_IDS) {
    if (key === id) return { type: id, exact: true };
  }
  for (const id of BUILT_IN_ENTITY_TYPE_IDS) {
    if (ENTITY_SYNONYMS[id].includes(key)) return { type: id, exact: false };
  }
  return undefined;
}

export interface RelationTypeMatch {
  type: BuiltInRelationTypeId;
  /** The name was the registry's phrase for a denied relation ("did not attend"). */
  negated: boolean;
  exact: boolean;
}

/** Looks the name up as an id, a synonym, or the registry's own phrase for it (edge labels are often that phrase). */
export function matchRelationType(name: string): RelationTypeMatch | undefined {
  const key = normalizeTypeName(name);
  if (!key) return undefined;
  for (const id of BUILT_IN_RELATION_TYPE_IDS) {
    if (key === id) return { type: id, negated: false, exact: true };
  }
  for (const id of BUILT_IN_RELATION_TYPE_IDS) {
    const definition = BUILT_IN_RELATION_TYPES[id];
    if (normalizeTypeName(definition.label) === key || RELATION_SYNONYMS[id].includes(key)) return { type: id, negated: false, exact: false };
    if (normalizeTypeName(definition.negatedLabel) === key) return { type: id, negated: true, exact: false };
  }
  return undefined;
}

/**
 * Looks a name up in a user-supplied map: as written, then case- and
 * separator-insensitively (own keys only: a name like "constructor" finds
 * nothing the map does not hold). The catch-all `*` is the caller's.
 */
export function lookUpUserMap<T>(map: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  if (!map) return undefined;
  if (Object.hasOwn(map, name)) return map[name];
  const key = normalizeTypeName(name);
  for (const [from, to] of Object.entries(map)) {
    if (from !== '*' && from !== '' && normalizeTypeName(from) === key) return to;
  }
  return undefined;
}

/** The map's own value at `key` (`*`, or `''` for "no type at all"), never an inherited one. */
export function ownChoice<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}
