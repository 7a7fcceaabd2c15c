/**
 * Entity-type registry
 * ====================
 *
 * The vocabulary of node kinds, declared once as data: the schema, the graph
 * styling, the legend and the extractor all read it from here. Colours come
 * from the Okabe–Ito palette, chosen to stay distinguishable for readers with
 * the common forms of colour blindness.
 */

export const ENTITY_TYPE_IDS = ['country', 'person', 'organisation', 'group', 'place', 'event'] as const;

export type EntityTypeId = (typeof ENTITY_TYPE_IDS)[number];

export interface EntityTypeDefinition {
  id: EntityTypeId;
  label: string;
  description: string;
  color: string;
}

export const ENTITY_TYPES: Record<EntityTypeId, EntityTypeDefinition> = {
  country: {
    id: 'country',
    label: 'Country',
    description: 'A sovereign state, or its government when the text speaks of it as an actor (Moscow, the Kremlin).',
    color: '#0072B2',
  },
  person: {
    id: 'person',
    label: 'Person',
    description: 'A named individual.',
    color: '#D55E00',
  },
  organisation: {
    id: 'organisation',
    label: 'Organisation',
    description: 'An international organisation, court, bloc, company or institution.',
    color: '#009E73',
  },
  group: {
    id: 'group',
    label: 'Group',
    description: 'An unnamed but identifiable set of actors the text treats as one (western nations).',
    color: '#CC79A7',
  },
  place: {
    id: 'place',
    label: 'Place',
    description: 'A city, region or continent that is not itself acting as a state.',
    color: '#E69F00',
  },
  event: {
    id: 'event',
    label: 'Event',
    description: 'A meeting, summit, assembly or other occasion.',
    color: '#56B4E9',
  },
};

export function isEntityTypeId(value: string): value is EntityTypeId {
  return (ENTITY_TYPE_IDS as readonly string[]).includes(value);
}
