/**
 * Measuring helpers for the benchmark: medians of repeated runs, so one slow
 * run on a noisy machine does not move a figure.
 */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median wall time in ms of `runs` calls of `fn` (after one warm-up call). */
export async function timeMedian(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The value at fraction `p` (0.5: the median) of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** p50, p95 and the slowest of `count` questions asked one after another (after one warm-up question, `i` = −1). */
export async function timeEach(count: number, question: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  await question(-1);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await question(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1]! };
}

/** One line of the results table: a figure, the baseline measured in the same run, and their ratio. */
export interface BenchRow {
  section: string;
  size: string;
  metric: string;
  unit: string;
  value: number;
  baselineName?: string;
  baseline?: number;
  /** value / baseline for times (lower is better); the budget says what is allowed. */
  ratio?: number;
  budget?: string;
  withinBudget?: boolean;
}

export function row(fields: Omit<BenchRow, 'ratio'>): BenchRow {
  const ratio = fields.baseline ? fields.value / fields.baseline : undefined;
  return { ...fields, ...(ratio === undefined ? {} : { ratio }) };
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['section', 'size', 'metric', 'value', 'baseline', 'ratio', 'budget', 'ok'];
  const fmt = (n: number | undefined) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const lines = rows.map((r) => [
    r.section,
    r.size,
    r.metric,
    `${fmt(r.value)} ${r.unit}`,
    r.baselineName ? `${fmt(r.baseline)} ${r.unit} (${r.baselineName})` : '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.budget ?? '',
    r.withinBudget === undefined ? '' : r.withinBudget ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}
