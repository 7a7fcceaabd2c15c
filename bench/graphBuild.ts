/**
 * Benchmark: dataset → validated → graphology graph, against building the
 * bare graphology graph from the same arrays (the floor any builder pays).
 */

import Graph from 'graphology';
import { buildGraph } from '../src/graph/buildGraph.ts';
import { assertValidDataset, type Dataset } from '../src/model/index.ts';
import { row, timeMedian, type BenchRow } from './measure.ts';
import { SIZES, syntheticDataset } from '../src/model/syntheticDataset.ts';

function bareGraph(dataset: Dataset): Graph {
  const graph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
  for (const entity of dataset.entities) graph.addNode(entity.id, { label: entity.label });
  for (const relation of dataset.relations) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, { type: relation.type });
  return graph;
}

export async function benchGraphBuild(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const dataset = syntheticDataset(size);
    const runs = size.relations > 10_000 ? 5 : 9;
    const baseline = await timeMedian(() => bareGraph(dataset), runs);
    const validate = await timeMedian(() => assertValidDataset(dataset), runs);
    const build = await timeMedian(() => buildGraph(dataset), runs);
    const total = await timeMedian(() => buildGraph(assertValidDataset(dataset)), runs);
    const label = `${size.entities} entities / ${size.relations} relations`;
    rows.push(row({ section: 'graph', size: label, metric: 'validate', unit: 'ms', value: validate }));
    rows.push(row({ section: 'graph', size: label, metric: 'build graph', unit: 'ms', value: build, baselineName: 'bare graphology', baseline }));
    rows.push(
      row({
        section: 'graph',
        size: label,
        metric: 'validate + build',
        unit: 'ms',
        value: total,
        baselineName: 'bare graphology',
        baseline,
        ...(size.relations >= 50_000 ? { budget: '< 500 ms', withinBudget: total < 500 } : {}),
      }),
    );
  }
  return rows;
}
