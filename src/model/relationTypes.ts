/**
 * Built-in relation types
 * =======================
 *
 * The relation types newsgraph knows: the ones the extractor produces and the
 * curated datasets use. Each is declared once, as data: how it reads in words,
 * whether it has a direction, its colour, and a definition that curators and
 * the extractor both follow. A dataset may declare more of its own next to
 * these (schema.ts `relationTypes`); typeCatalog.ts joins the two, and the UI
 * (legend, filters, panels) is generated from the catalog.
 *
 * Colours: Okabe–Ito first, then Paul Tol's "muted" scheme; types that share a
 * hue family are never both common in one article, and every colour is paired
 * with a text label in the legend so colour is never the only cue.
 */

export const BUILT_IN_RELATION_TYPE_IDS = [
  'allied-with',
  'sanctioned',
  'issued-warrant',
  'accused',
  'attacked',
  'abducted-from',
  'threatened-arrest',
  'leader-of',
  'official-of',
  'member-of',
  'met-with',
  'attended',
  'hosted',
  'urged',
  'severed-ties',
  'seeks-ties-with',
] as const;

export type BuiltInRelationTypeId = (typeof BUILT_IN_RELATION_TYPE_IDS)[number];

/** Any relation type's id: a built-in one or one a dataset declares. */
export type RelationTypeId = string;

export interface RelationTypeDefinition {
  id: RelationTypeId;
  /** False for a type the dataset declared itself (it came with an imported file). */
  builtIn: boolean;
  /** Verb phrase read between source and target: "ICC → issued an arrest warrant for → Putin". */
  label: string;
  /** The same phrase when the text denies it ("did not attend"). */
  negatedLabel: string;
  description: string;
  /** Symmetric relations (allied-with, met-with) have no direction: drawn without arrows, stored as undirected edges. */
  directed: boolean;
  color: string;
}

export const BUILT_IN_RELATION_TYPES: Record<BuiltInRelationTypeId, RelationTypeDefinition> = {
  'allied-with': {
    id: 'allied-with',
    builtIn: true,
    label: 'allied with',
    negatedLabel: 'not allied with',
    description: 'Source and target are allies: a formal alliance or military bloc, or the text calls one the ally of the other.',
    directed: false,
    color: '#009E73',
  },
  sanctioned: {
    id: 'sanctioned',
    builtIn: true,
    label: 'sanctioned',
    negatedLabel: 'did not sanction',
    description: 'Source imposed sanctions or punitive economic measures on the target.',
    directed: true,
    color: '#E69F00',
  },
  'issued-warrant': {
    id: 'issued-warrant',
    builtIn: true,
    label: 'issued an arrest warrant for',
    negatedLabel: 'issued no arrest warrant for',
    description: 'Source (a court or prosecutor) issued an arrest warrant against the target.',
    directed: true,
    color: '#D55E00',
  },
  accused: {
    id: 'accused',
    builtIn: true,
    label: 'accused',
    negatedLabel: 'did not accuse',
    description: 'Source publicly accused the target of wrongdoing (the accusation is a fact; its content is the accuser’s claim).',
    directed: true,
    color: '#CC79A7',
  },
  attacked: {
    id: 'attacked',
    builtIn: true,
    label: 'attacked',
    negatedLabel: 'did not attack',
    description: 'Source attacked, invaded or waged war on the target, or (for a leader) decided to.',
    directed: true,
    color: '#882255',
  },
  'abducted-from': {
    id: 'abducted-from',
    builtIn: true,
    label: 'abducted people from',
    negatedLabel: 'did not abduct people from',
    description: 'Source took people (for example children) by force from the target country.',
    directed: true,
    color: '#776633',
  },
  'threatened-arrest': {
    id: 'threatened-arrest',
    builtIn: true,
    label: 'would arrest',
    negatedLabel: 'would not arrest',
    description: 'Source said it would arrest, detain or prosecute the target if the target came within its reach.',
    directed: true,
    color: '#661100',
  },
  'leader-of': {
    id: 'leader-of',
    builtIn: true,
    label: 'leads',
    negatedLabel: 'does not lead',
    description: 'Source heads the target: president, prime minister, king, secretary general, chair.',
    directed: true,
    color: '#0072B2',
  },
  'official-of': {
    id: 'official-of',
    builtIn: true,
    label: 'is an official of',
    negatedLabel: 'is not an official of',
    description: 'Source holds an office in, or speaks for, the target: minister, spokesperson, ambassador, envoy.',
    directed: true,
    color: '#56B4E9',
  },
  'member-of': {
    id: 'member-of',
    builtIn: true,
    label: 'is a member of',
    negatedLabel: 'is not a member of',
    description: 'Source belongs to the target organisation, bloc or alliance.',
    directed: true,
    color: '#44AA99',
  },
  'met-with': {
    id: 'met-with',
    builtIn: true,
    label: 'met with',
    negatedLabel: 'did not meet with',
    description: 'Source and target met or held talks in person.',
    directed: false,
    color: '#661166',
  },
  attended: {
    id: 'attended',
    builtIn: true,
    label: 'attended',
    negatedLabel: 'did not attend',
    description: 'Source took part in the target meeting, summit or assembly (or in a summit of the target organisation).',
    directed: true,
    color: '#332288',
  },
  hosted: {
    id: 'hosted',
    builtIn: true,
    label: 'hosted',
    negatedLabel: 'did not host',
    description: 'Source (a place or country) was where the target meeting or summit was held.',
    directed: true,
    color: '#999933',
  },
  urged: {
    id: 'urged',
    builtIn: true,
    label: 'urged',
    negatedLabel: 'did not urge',
    description: 'Source publicly called on the target to act.',
    directed: true,
    color: '#DDCC77',
  },
  'severed-ties': {
    id: 'severed-ties',
    builtIn: true,
    label: 'cut ties with',
    negatedLabel: 'did not cut ties with',
    description: 'Source ended diplomatic or economic relations or cooperation with the target.',
    directed: true,
    color: '#888888',
  },
  'seeks-ties-with': {
    id: 'seeks-ties-with',
    builtIn: true,
    label: 'seeks closer ties with',
    negatedLabel: 'does not seek ties with',
    description: 'Source says it will build or focus on relations with the target.',
    directed: true,
    color: '#88CCEE',
  },
};

export function isBuiltInRelationTypeId(value: string): value is BuiltInRelationTypeId {
  return (BUILT_IN_RELATION_TYPE_IDS as readonly string[]).includes(value);
}
