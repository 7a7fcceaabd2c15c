/**
 * The real sample graphs other tools ship (tests/fixtures/real, origins in
 * SOURCES.md) each import through readAnyWithWarnings with no error: the
 * node and edge counts SOURCES.md gives, no evidence, the edge types their
 * files imply (none → related-to, symmetric when the file is undirected;
 * Cytoscape's interaction column → the file's own type).
 */

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { knownEntityType } from '../../../src/extract/knownEntityType.ts';
import { readAnyWithWarnings } from '../../../src/graph/formats/index.ts';
import { validateDataset, type RelationTypeDeclaration } from '../../../src/model/index.ts';
import { memoryIo } from '../memoryIo.ts';

const path = (name: string) => new URL(`../../fixtures/real/${name}`, import.meta.url);

interface Expected {
  nodes: number;
  edges: number;
  relationTypes: RelationTypeDeclaration[];
  labels?: string[];
}

const RELATED = (directed: boolean): RelationTypeDeclaration => ({ id: 'related-to', label: 'related to', directed });

const FILES: Array<[string, Expected]> = [
  ['les-miserables.gexf', { nodes: 77, edges: 254, relationTypes: [RELATED(false)] }],
  // No defaultedgetype: undirected, as GEXF's schema, graphology-gexf and networkx read it (not directed, as SOURCES.md says).
  ['arctic.gexf', { nodes: 1715, edges: 6676, relationTypes: [RELATED(false)] }],
  ['networkx-karate-club.graphml', { nodes: 34, edges: 78, relationTypes: [RELATED(false)] }],
  ['yed-groups.graphml', { nodes: 5, edges: 3, relationTypes: [RELATED(true)], labels: ['Ivrea', 'Turin', 'Savona', 'Brescia'] }],
  ['cytoscape-export.graphml', { nodes: 4, edges: 4, relationTypes: [{ id: 'interacts-with-interaction', label: 'interacts with_interaction', directed: true }] }],
  ['gephi-dynamic-edge-weight.gexf', { nodes: 2, edges: 1, relationTypes: [RELATED(true)], labels: ['Hello', 'Word'] }],
];

describe('real files other tools wrote', () => {
  it('are all here (a missing one fails, never skips)', () => {
    for (const [name] of FILES) expect(existsSync(path(name)), name).toBe(true);
  });

  it.each(FILES)('%s imports with its nodes and edges, no evidence, and the edge types it implies', async (name, expected) => {
    const { dataset, types } = await readAnyWithWarnings(name, readFileSync(path(name), 'utf8'), { entityTypeOf: knownEntityType });
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.entities).toHaveLength(expected.nodes);
    expect(dataset.relations).toHaveLength(expected.edges);
    expect(dataset.documents).toEqual([]);
    expect(dataset.relations.every((r) => r.evidence.length === 0)).toBe(true);
    expect(dataset.relationTypes).toEqual(expected.relationTypes);
    expect(new Set(dataset.relations.map((r) => r.type))).toEqual(new Set(expected.relationTypes.map((t) => t.id)));
    if (expected.labels) for (const label of expected.labels) expect(dataset.entities.map((e) => e.label)).toContain(label);
    expect(types!.inferred + types!.defaulted).toBe(expected.nodes);
  });

  it('Les Misérables keeps its weights and Gephi columns', async () => {
    const { dataset } = await readAnyWithWarnings('les-miserables.gexf', readFileSync(path('les-miserables.gexf'), 'utf8'));
    // 157 edges carry a weight attribute; the others none (weight 1 by GEXF's default), and nothing is invented for them.
    expect(dataset.relations.filter((r) => typeof r.attributes?.weight === 'number')).toHaveLength(157);
    expect(dataset.entities.every((e) => typeof e.attributes?.modularity_class === 'number')).toBe(true);
  });

  it('arctic types the names newsgraph knows and leaves the rest "Unknown type"', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('arctic.gexf', readFileSync(path('arctic.gexf'), 'utf8'), { entityTypeOf: knownEntityType });
    const typeOf = (label: string) => dataset.entities.find((e) => e.label === label)?.type;
    expect([typeOf('Canada'), typeOf('Norway'), typeOf('Vladimir Putin'), typeOf('United Nations')]).toEqual(['country', 'country', 'person', 'organisation']);
    expect(warnings.map((w) => w.message)).toEqual(['7 entity types inferred from names newsgraph knows, 1,708 entities without a type: Unknown type']);
  });

  it('the karate club offers its "club" column as the entity type', async () => {
    const { types } = await readAnyWithWarnings('karate.graphml', readFileSync(path('networkx-karate-club.graphml'), 'utf8'));
    expect(types?.entityTypeAttributes).toEqual(['club']);
  });

  it.each(FILES)('%s imports through `newsgraph import` (exit 0, the same counts, what was kept said on stderr)', async (name, expected) => {
    const text = readFileSync(path(name), 'utf8');
    const { io, out, err } = memoryIo({ [name]: text });
    expect(await runCli(['import', name, '--to', 'dataset'], io)).toBe(0);
    const dataset = JSON.parse(out()) as { entities: unknown[]; relations: unknown[] };
    expect([dataset.entities.length, dataset.relations.length]).toEqual([expected.nodes, expected.edges]);
    expect(err()).not.toMatch(/Error|at .*\.ts:/);
  });
});
