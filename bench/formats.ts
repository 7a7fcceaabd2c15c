/**
 * Benchmark: export and import in each exchange format, against
 * JSON.stringify / JSON.parse of the same dataset (the floor any format pays).
 */

import { readAnyWithWarnings, writeFormat, writtenText, FORMAT_IDS } from '../src/graph/formats/index.ts';
import { row, timeMedian, type BenchRow } from './measure.ts';
import { SIZES, syntheticDataset } from '../src/model/syntheticDataset.ts';

export async function benchFormats(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const dataset = syntheticDataset(size);
    const runs = size.relations > 10_000 ? 3 : 7;
    const label = `${size.entities} entities / ${size.relations} relations`;
    const json = JSON.stringify(dataset);
    const stringify = await timeMedian(() => JSON.stringify(dataset), runs);
    const parse = await timeMedian(() => JSON.parse(json), runs);
    for (const format of FORMAT_IDS) {
      const written = await writeFormat(dataset, format);
      const name = `in.${written.extension}`;
      const text = writtenText(written);
      const write = await timeMedian(() => writeFormat(dataset, format), runs);
      const read = await timeMedian(() => readAnyWithWarnings(name, text), runs);
      const mb = (text.length / 1e6).toFixed(1);
      rows.push(row({ section: 'formats', size: label, metric: `export ${format} (${mb} MB)`, unit: 'ms', value: write, baselineName: 'JSON.stringify', baseline: stringify }));
      rows.push(
        row({
          section: 'formats',
          size: label,
          metric: `import ${format}`,
          unit: 'ms',
          value: read,
          baselineName: 'JSON.parse',
          baseline: parse,
          ...(size.relations >= 50_000 ? { budget: '< 10 s', withinBudget: read < 10_000 } : {}),
        }),
      );
    }
  }
  return rows;
}
