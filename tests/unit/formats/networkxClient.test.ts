/**
 * The networkx harness against the real sample files in tests/fixtures/real:
 * networkx 3 reads what it should, with the counts SOURCES.md records, and a
 * file it refuses comes back as an Error carrying networkx's own message.
 * Fails (never skips) when no python with networkx >= 3 is found.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findNetworkxPython, readWithNetworkx } from './networkxClient.ts';

const real = (name: string) => fileURLToPath(new URL(`../../fixtures/real/${name}`, import.meta.url));

describe('networkx client', { timeout: 30_000 }, () => {
  it('finds a python whose networkx is 3 or newer', () => {
    expect(findNetworkxPython().length).toBeGreaterThan(0);
  });

  it('reads the GraphML networkx itself wrote (karate club)', () => {
    expect(readWithNetworkx(real('networkx-karate-club.graphml'))).toEqual({
      directed: false,
      multigraph: false,
      nodes: 34,
      edges: 78,
      nodeIds: ['0', '1', '2', '3', '4'],
      edgeAttributeKeys: ['weight'],
    });
  });

  it("reads Gephi Lite's Les Misérables GEXF (1.2draft namespace, version=\"1.2\")", () => {
    const reading = readWithNetworkx(real('les-miserables.gexf'));
    expect(reading).toMatchObject({ directed: false, multigraph: false, nodes: 77, edges: 254 });
    expect(reading.nodeIds.slice(0, 2)).toEqual(['11', '48']);
    expect(reading.edgeAttributeKeys).toEqual(['cooccurrence', 'id', 'weight']);
  });

  it('reads the Cytoscape export (no GraphML namespace, edge keys declared for="node")', () => {
    const reading = readWithNetworkx(real('cytoscape-export.graphml'));
    expect(reading).toMatchObject({ directed: true, nodes: 4, edges: 4 });
    expect(reading.edgeAttributeKeys).toContain('interaction');
  });

  it("reads the yEd file, flattening the group node's nested graph", () => {
    const reading = readWithNetworkx(real('yed-groups.graphml'));
    expect(reading).toMatchObject({ directed: true, nodes: 5, edges: 3 });
    expect(reading.nodeIds).toContain('n2::n1');
  });

  it('refuses arctic.gexf (GEXF 1.0 namespace) with its own message', () => {
    expect(() => readWithNetworkx(real('arctic.gexf'))).toThrow(/networkx could not read .*arctic\.gexf: No <graph> element in GEXF file/);
  });

  describe('a file networkx refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-networkx-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('throws with networkx\'s message for a directed graph holding an undirected edge', () => {
      const file = join(dir, 'mixed.gexf');
      writeFileSync(
        file,
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
          '  <graph defaultedgetype="directed">',
          '    <nodes><node id="a" label="A"/><node id="b" label="B"/><node id="c" label="C"/></nodes>',
          '    <edges>',
          '      <edge id="0" source="a" target="b"/>',
          '      <edge id="1" source="b" target="c" type="undirected"/>',
          '    </edges>',
          '  </graph>',
          '</gexf>',
          '',
        ].join('\n'),
      );
      expect(() => readWithNetworkx(file)).toThrow(/networkx could not read .*mixed\.gexf: Undirected edge found in directed graph/);
    });
  });
});
