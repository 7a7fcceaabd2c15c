/**
 * Built-in entity types
 * =====================
 *
 * The node kinds newsgraph knows, declared once as data: the schema, the graph
 * styling, the legend and the extractor all read them from here. A dataset
 * may declare more of its own (schema.ts `entityTypes`); typeCatalog.ts joins
 * the two. The colours were searched for (tests/unit/colorVision.test.ts
 * checks them): at least ΔE 15 apart from each other for normal, protan,
 * deutan and tritan vision, and never within ΔE 10 of a relation colour
 * (relationTypes.ts) or a declared-type colour (typePalette.ts), so a node
 * never wears an edge's colour.
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
    color: '#99AAEE',
  },
  person: {
    id: 'person',
    builtIn: true,
    label: 'Person',
    description: 'A named individual.',
    color: '#AA6600',
  },
  organisation: {
    id: 'organisation',
    builtIn: true,
    label: 'Organisation',
    description: 'An international organisation, court, bloc, company or institution.',
    color: '#33CC66',
  },
  group: {
    id: 'group',
    builtIn: true,
    label: 'Group',
    description: 'An unnamed but identifiable set of actors the text treats as one (western nations).',
    color: '#BB0066',
  },
  place: {
    id: 'place',
    builtIn: true,
    label: 'Place',
    description: 'A city, region or continent that is not itself acting as a state.',
    color: '#BBBB11',
  },
  event: {
    id: 'event',
    builtIn: true,
    label: 'Event',
    description: 'A meeting, summit, assembly or other occasion.',
    color: '#338899',
  },
};

export function isBuiltInEntityTypeId(value: string): value is BuiltInEntityTypeId {
  return (BUILT_IN_ENTITY_TYPE_IDS as readonly string[]).includes(value);
}
