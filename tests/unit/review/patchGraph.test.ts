/**
 * An edit drawn in place: after random edits on the seed (and their undos),
 * the patched graph is exactly the graph built from scratch for the edited
 * dataset — the same nodes, edges, directions and attributes (positions
 * aside) — and the same graph object, so sigma keeps its camera.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { NewsGraph } from '../../../src/graph/attributes.ts';
import { applyEdit, undoEdit, withoutRejected } from '../../../src/model/review/index.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { createExplorerModel, unplacedGraph } from '../../../src/state/explorerModel.ts';
import { modelAfterEdit } from '../../../src/state/keptPlaces.ts';
import { choice, editFor } from './randomEdit.ts';

const seed: Dataset = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8'));

/** The graph as data, positions left out, edges by key. */
function drawn(graph: NewsGraph) {
  const nodes = new Map<string, unknown>();
  graph.forEachNode((node, { x: _x, y: _y, ...rest }) => nodes.set(node, rest));
  const edges = new Map<string, unknown>();
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => edges.set(edge, { attributes, source, target, undirected }));
  return { nodes, edges };
}

it('patches the drawn graph to exactly what a rebuild would draw, on the same graph object (property)', { timeout: 120_000 }, () => {
  let patched = 0;
  fc.assert(
    fc.property(fc.array(choice, { minLength: 1, maxLength: 10 }), (choices) => {
      let model = createExplorerModel(seed);
      const graph = model.graph;
      const check = () => {
        expect(model.graph).toBe(graph);
        expect(drawn(model.graph)).toEqual(drawn(unplacedGraph(withoutRejected(model.full))));
        for (const node of model.graph.nodes()) expect(Number.isFinite(model.graph.getNodeAttribute(node, 'x'))).toBe(true);
      };
      for (const c of choices) {
        const outcome = applyEdit(model.full, editFor(model.full, c));
        if (!outcome.ok) continue;
        model = modelAfterEdit(model, outcome.dataset);
        patched++;
        check();
      }
      // And back: every undo patched in place too.
      for (let undone = undoEdit(model.full); undone?.ok; undone = undoEdit(model.full)) {
        model = modelAfterEdit(model, undone.dataset);
        check();
      }
      expect(drawn(model.graph)).toEqual(drawn(unplacedGraph(seed)));
    }),
    { numRuns: 60, seed: 17 },
  );
  expect(patched).toBeGreaterThan(100);
});
