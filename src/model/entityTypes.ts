/**
 * Built-in entity types
 * =====================
 *
 * The node kinds newsgraph knows, declared once as data: the schema, the graph
 * styling, the legend and the extractor all read them from here. A dataset
 * may declare more of its own (schema.ts `entityTypes`); typeCatalog.ts joins
 * the two. Colours come
 * from the Okabe–Ito palette, chosen to stay distinguishable for readers with
 * the common forms of colour blindness.
 */

export const BUILT_IN_ENTITY_TYPE_IDS = ['country', 'person', 'organisation', 'group', 'place', 'event'] as const;

export type BuiltInEntityTypeId = (typeof BUILT_IN_ENTITY_TYPE_IDS)[number];

/** Any entity type's id: a built-in one or one a dataset declares. */
export type EntityTypeId = string;

export interface EntityTypeDefinition {
  id: EntityTypeId;
  /** False for a type the dataset declared itself. */
  builtIn: boolean;
  label: string;
  description: string;
  color: string;
}

export const BUILT_IN_ENTITY_TYPES: Record<BuiltInEntityTypeId, EntityTypeDefinition> = {
  country: {
    id: 'country',
    builtIn: true,
    label: 'Country',
    description: 'A sovereign state, or its government when the text speaks of it as an actor (Moscow, the Kremlin).',
    color: '#0072B2',
  },
  person: {
    id: 'person',
    builtIn: true,
    label: 'Person',
    description: 'A named individual.',
    color: '#D55E00',
  },
  organisation: {
    id: 'organisation',
    builtIn: true,
    label: 'Organisation',
    description: 'An international organisation, court, bloc, company or institution.',
    color: '#009E73',
  },
  group: {
    id: 'group',
    builtIn: true,
    label: 'Group',
    description: 'An unnamed but identifiable set of actors the text treats as one (western nations).',
    color: '#CC79A7',
  },
  place: {
    id: 'place',
    builtIn: true,
    label: 'Place',
    description: 'A city, region or continent that is not itself acting as a state.',
    color: '#E69F00',
  },
  event: {
    id: 'event',
    builtIn: true,
    label: 'Event',
    description: 'A meeting, summit, assembly or other occasion.',
    color: '#56B4E9',
  },
};

export function isBuiltInEntityTypeId(value: string): value is BuiltInEntityTypeId {
  return (BUILT_IN_ENTITY_TYPE_IDS as readonly string[]).includes(value);
}
