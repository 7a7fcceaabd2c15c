/**
 * Benchmark: ForceAtlas2 iterations per second in Node — newsgraph's layout
 * step (its own settings: inferred plus firmer gravity, the same the worker
 * runs) against graphology's `forceAtlas2` with its inferred settings on the
 * same graph, plus the whole synchronous pipeline where the app uses it.
 */

import forceAtlas2 from 'graphology-layout-forceatlas2';
import { buildGraph } from '../src/graph/buildGraph.ts';
import { applyLayout, forceAtlas2Settings, seedPositions, shouldUseWorker } from '../src/graph/layout.ts';
import { row, timeMedian, type BenchRow } from './measure.ts';
import { SIZES, syntheticDataset } from '../src/model/syntheticDataset.ts';

const ITERATIONS: Record<string, number> = { small: 600, medium: 40, large: 8 };

export async function benchLayout(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const graph = buildGraph(syntheticDataset(size));
    const iterations = ITERATIONS[size.name] ?? 10;
    const runs = size.name === 'large' ? 3 : 5;
    const label = `${size.entities} entities / ${size.relations} relations`;
    const ours = forceAtlas2Settings(graph);
    const theirs = forceAtlas2.inferSettings(graph);
    const oursMs = await timeMedian(() => {
      seedPositions(graph, 42, 1000);
      forceAtlas2.assign(graph, { iterations, settings: ours });
    }, runs);
    const theirsMs = await timeMedian(() => {
      seedPositions(graph, 42, 1000);
      forceAtlas2.assign(graph, { iterations, settings: theirs });
    }, runs);
    const perSecond = (ms: number) => (iterations * 1000) / ms;
    rows.push(
      row({
        section: 'layout',
        size: label,
        metric: `FA2 iterations/s (${shouldUseWorker(graph) ? 'worker in app' : 'sync in app'})`,
        unit: 'it/s',
        value: perSecond(oursMs),
        baselineName: 'graphology forceAtlas2',
        baseline: perSecond(theirsMs),
      }),
    );
    if (!shouldUseWorker(graph)) {
      const full = await timeMedian(() => applyLayout(graph), runs);
      rows.push(row({ section: 'layout', size: label, metric: 'full sync layout (FA2 600 it + noverlap + labels)', unit: 'ms', value: full }));
    }
  }
  return rows;
}
