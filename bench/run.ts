/**
 * newsgraph benchmark suite — `npm run bench [-- --only graph,layout]`
 * ====================================================================
 *
 * Prints one table and writes it to bench/results.json. Every figure is a
 * median of several runs, and sits beside a baseline measured in the same run,
 * so the ratio holds on a noisy machine even when absolute times do not.
 */

import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchFormats } from './formats.ts';
import { benchBrowser } from './browser.ts';
import { benchExtraction } from './extraction.ts';
import { benchGraphBuild } from './graphBuild.ts';
import { benchLayout } from './layout.ts';
import { formatTable, type BenchRow } from './measure.ts';

interface BenchSection {
  id: string;
  title: string;
  run: () => Promise<BenchRow[]>;
}

const SECTIONS: BenchSection[] = [
  { id: 'graph', title: 'dataset → validated → graphology graph (Node)', run: benchGraphBuild },
  { id: 'formats', title: 'export and import in each exchange format (Node)', run: benchFormats },
  { id: 'layout', title: 'ForceAtlas2 iterations per second (Node)', run: benchLayout },
  { id: 'extract', title: 'extraction over a several-hundred-article corpus (Node)', run: benchExtraction },
  { id: 'browser', title: 'explorer vs bare sigma in headless Chromium, and bundle sizes', run: benchBrowser },
];

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : undefined;
  const rows: BenchRow[] = [];
  for (const section of SECTIONS) {
    if (only && !only.has(section.id)) continue;
    process.stderr.write(`bench: ${section.title}…\n`);
    rows.push(...(await section.run()));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`newsgraph benchmark — ${machine}\n`);
  console.log(formatTable(rows));
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
