/**
 * A dataset that brings its own types: a directed declared relation type
 * with a colour and a negated label, a symmetric declared one with neither
 * (its label full of markup), a declared entity type with a colour and one
 * without (its id full of markup), used beside built-in types. Its graph has
 * self-loops of both kinds, parallel relations between the same two
 * entities (same way, opposite ways, directed beside symmetric) and an
 * entity with no relation. Offsets are computed, never typed.
 *
 * Variants keep only some relations, so a writer meets a graph of symmetric
 * relations only, of directed ones only, and of none.
 */

import { assertValidDataset, typeCatalog, type Dataset, type Relation, type Span } from '../../../src/model/index.ts';

const DOC = 'wire';

const SENTENCES = [
  'The Northern Militia supplies drones to Kestrel Corp.',
  'Kestrel Corp trades with the Northern Militia.',
  'Kestrel Corp trades with Russia.',
  'Russia supplies drones to the Northern Militia.',
  'The Northern Militia supplies drones to the Northern Militia, its own units.',
  'Kestrel Corp met with Russia.',
  'Russia sanctioned Kestrel Corp, officials said.',
  'Kestrel Corp trades with Kestrel Corp, between its branches.',
  'The Northern Militia supplies drones to Kestrel Corp again.',
];
const TEXT = SENTENCES.join(' ');

function sentence(index: number): { document: string; start: number; end: number } {
  const start = TEXT.indexOf(SENTENCES[index]!);
  return { document: DOC, start, end: start + SENTENCES[index]!.length };
}

function mentionsOf(name: string): Span[] {
  const spans: Span[] = [];
  for (let at = TEXT.indexOf(name); at >= 0; at = TEXT.indexOf(name, at + name.length)) spans.push({ document: DOC, start: at, end: at + name.length });
  return spans;
}

const relation = (id: string, type: string, source: string, target: string, evidence: number, extra: Partial<Relation> = {}): Relation => ({
  id,
  type,
  source,
  target,
  evidence: [sentence(evidence)],
  ...extra,
});

export function declaredTypesDataset(): Dataset {
  const dataset: Dataset = {
    version: 1,
    title: 'Declared types',
    relationTypes: [
      {
        id: 'supplies-drones-to',
        label: 'supplies drones to',
        negatedLabel: 'does not supply drones to',
        directed: true,
        color: '#123456',
        description: 'Source delivers drones to the target.',
      },
      { id: 'trades-with', label: 'trades with "freely" & <openly>', directed: false },
    ],
    entityTypes: [
      { id: 'armed-group', label: 'armed group', color: '#A0522D', description: 'A militia or other non-state armed group.' },
      { id: 'company & <co>', label: 'company' },
    ],
    documents: [{ id: DOC, title: 'A wire story', text: TEXT, source: 'Wire', published: '2024-05-02' }],
    entities: [
      { id: 'militia', label: 'Northern Militia', type: 'armed-group', aliases: [], mentions: mentionsOf('Northern Militia') },
      { id: 'kestrel', label: 'Kestrel Corp', type: 'company & <co>', aliases: [], mentions: mentionsOf('Kestrel Corp') },
      { id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: mentionsOf('Russia'), wikidata: 'Q159' },
      { id: 'loner', label: 'Lone Trader', type: 'company & <co>', aliases: [], mentions: [] },
    ],
    relations: [
      relation('r1', 'supplies-drones-to', 'militia', 'kestrel', 0),
      relation('r2', 'trades-with', 'kestrel', 'militia', 1, { hedged: false }),
      relation('r3', 'trades-with', 'kestrel', 'russia', 2),
      relation('r4', 'supplies-drones-to', 'russia', 'militia', 3, { negated: true }),
      relation('r5 self-loop', 'supplies-drones-to', 'militia', 'militia', 4),
      relation('r6', 'met-with', 'kestrel', 'russia', 5),
      relation('r7', 'sanctioned', 'russia', 'kestrel', 6, { hedged: true, attributes: { note: 'officials said' } }),
      relation('r8 self-loop', 'trades-with', 'kestrel', 'kestrel', 7),
      relation('r9 parallel', 'supplies-drones-to', 'militia', 'kestrel', 8, { reported: [{ from: '2024-05-03', to: '2024-05-04' }] }),
    ],
  };
  return assertValidDataset(dataset, 'declared-types fixture');
}

/** The dataset with only the relations `keep` accepts (entities, documents and declarations all kept). */
export function declaredTypesVariant(keep: (relation: Relation, directed: boolean) => boolean): Dataset {
  const dataset = declaredTypesDataset();
  const catalog = typeCatalog(dataset);
  return { ...dataset, relations: dataset.relations.filter((r) => keep(r, catalog.relation(r.type).directed)) };
}
