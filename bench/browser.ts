/**
 * Benchmark: the explorer in headless Chromium against bare sigma
 * ===============================================================
 *
 * Not a test: it builds the production app and the bare-sigma baseline page
 * (bench/pages/bare-sigma.html, built apart so it cannot change the app's
 * chunks), serves both with `vite preview` under the app's CSP, and measures
 * in the page (performance.now, so Playwright round trips do not count):
 *  - navigation → first drawn frame (sigma's first afterRender);
 *  - legend toggle → the frame that hides that relation type, against a bare
 *    `refresh()` with a one-Set edge reducer;
 *  - pointer up on a node → its panel shown and the frame drawn, against a
 *    bare clickNode → refresh;
 *  - for big graphs, the worker layout's iterations/s and the longest
 *    main-thread task while it runs (PerformanceObserver 'longtask').
 * Also the bundle: the initial JS (gzip) and every lazily loaded chunk.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchChromium } from '../tests/browser/harness.ts';
import { median, row, type BenchRow } from './measure.ts';
import { SIZES, syntheticDataset, type SyntheticSize } from '../src/model/syntheticDataset.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VIEWPORT = { width: 1440, height: 900 };
/** How long the worker layout is watched for iterations/s and long tasks. */
const LAYOUT_WATCH_MS = 6_000;
/** Node clicks timed per page (alternating between two hubs). */
const SELECT_CLICKS = 5;

interface BenchProbe {
  firstFrameAt: number | null;
  longTasks: Array<[number, number]>;
  pointerUpAt: number;
}

declare global {
  interface Window {
    __bench?: BenchProbe;
    __benchPending?: Promise<number> | undefined;
    __timeChange?: typeof timeChange;
  }
}

/** Installed before any page script: first-frame time and long tasks, both on the page's own clock. */
function instrument(): void {
  const probe: BenchProbe = { firstFrameAt: null, longTasks: [], pointerUpAt: 0 };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records, observer) => {
    for (const record of records) {
      const target = record.target;
      if (record.attributeName === 'data-ready' && target instanceof HTMLElement && target.dataset.ready === 'true' && probe.firstFrameAt === null) {
        probe.firstFrameAt = performance.now();
        observer.disconnect();
      }
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
  window.addEventListener('pointerup', () => (probe.pointerUpAt = performance.now()), { capture: true });
}

type Side = 'explorer' | 'bare';

/**
 * Runs in the page: performs one filter toggle (or, for 'select', waits for
 * the click the caller is about to make) and resolves with the milliseconds
 * until that change is drawn. Polls through a MessageChannel: no timer clamp.
 */
function timeChange({ side, action, type }: { side: Side; action: 'filter' | 'select' | 'window'; type: string }): Promise<number> {
  const renders = () => (side === 'explorer' ? (window.__newsgraph?.renders() ?? 0) : (window.__bare?.renders() ?? 0));
  const before = renders();
  const selected = () =>
    side === 'explorer'
      ? window.__newsgraph?.state().selection.kind === 'node' && document.querySelector('[data-testid="details-title"]') !== null
      : (window.__bare?.selected() ?? null) !== null;
  let t0 = performance.now();
  if (action === 'filter') {
    if (side === 'explorer') document.querySelector<HTMLElement>(`[data-testid="relation-toggle-${type}"]`)?.click();
    else window.__bare?.toggleType(type);
  }
  // The timeline's brush from the keyboard (`type` names the key): End and Home carry the window across the whole story.
  if (action === 'window') document.querySelector<HTMLElement>('[data-testid="timeline-plot"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: type, bubbles: true }));
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    // A MessageChannel loop starves input, so while waiting for a click poll with timers (4 ms steps).
    const next = () => (action === 'select' ? setTimeout(tick, 0) : channel.port2.postMessage(0));
    function tick(): void {
      const done = renders() > before && (action !== 'select' || selected());
      if (done) {
        if (action === 'select') t0 = window.__bench?.pointerUpAt ?? t0;
        resolve(performance.now() - t0);
      } else if (performance.now() - t0 > 60_000) reject(new Error(`bench: ${side} ${action} never drew`));
      else next();
    }
    channel.port1.onmessage = tick;
    next();
  });
}

interface Served {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

async function buildAndServe(): Promise<Served> {
  const outDir = await mkdtemp(join(tmpdir(), 'newsgraph-bench-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({
    root: ROOT,
    configFile: false,
    base: '/bare/',
    logLevel: 'warn',
    build: { outDir: join(outDir, 'bare'), emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(ROOT, 'bench/pages/bare-sigma.html') } },
  });
  const server: PreviewServer = await preview({ root: ROOT, configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('bench/browser.ts: vite preview reported no local URL');
  return {
    url,
    outDir,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Initial JS = the entry script and its modulepreloads in index.html; every other .js is loaded on demand. */
function bundleRows(outDir: string): BenchRow[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).length / 1024;
  const initialKb = [...initial].reduce((sum, file) => sum + gz(file), 0);
  const rows: BenchRow[] = [
    row({ section: 'bundle', size: 'app', metric: `initial JS, gzip (${initial.size} file${initial.size === 1 ? '' : 's'})`, unit: 'KB', value: initialKb, budget: '≤ 250 KB', withinBudget: initialKb <= 250 }),
  ];
  for (const file of readdirSync(join(outDir, 'assets')).sort()) {
    const path = `assets/${file}`;
    if (!file.endsWith('.js') || initial.has(path) || !statSync(join(outDir, path)).isFile()) continue;
    rows.push(row({ section: 'bundle', size: 'app', metric: `lazy chunk ${file.replace(/-[\w-]{8}\.js$/, '')}, gzip`, unit: 'KB', value: gz(path) }));
  }
  return rows;
}

interface PageRun {
  firstFrameMs: number;
  filterMs: number;
  /** The timeline's window moved one bar → the frame that shows it (explorer only). */
  windowMs?: number;
  selectMs: number;
  layoutIterationsPerSecond?: number;
  longestTaskDuringLayoutMs?: number;
}

async function openInstrumented(context: BrowserContext, url: string, readySelector: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  // tsx (esbuild keepNames) wraps named inner functions in __name(); page functions need it too.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript(instrument);
  await page.addInitScript({ content: `window.__timeChange = ${timeChange.toString()};` });
  await page.goto(url);
  await page.waitForSelector(readySelector, { timeout: 90_000 });
  await page.waitForFunction(() => (window.__bench?.firstFrameAt ?? null) !== null);
  return page;
}

const firstFrame = (page: Page) => page.evaluate(() => window.__bench?.firstFrameAt ?? 0);

async function timeFilters(page: Page, side: Side, type: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) times.push(await page.evaluate(timeChange, { side, action: 'filter' as const, type }));
  return median(times);
}

/**
 * Moves the timeline's window from the start of the story to its end and
 * back (End, Home; the first press opens a window on the first eighth):
 * each move hides one eighth of the relations and shows another, a bigger
 * change than a drag makes bar by bar.
 */
async function timeWindowMoves(page: Page): Promise<number> {
  await page.evaluate(timeChange, { side: 'explorer' as const, action: 'window' as const, type: 'ArrowRight' });
  const times: number[] = [];
  for (let i = 0; i < 6; i++) times.push(await page.evaluate(timeChange, { side: 'explorer' as const, action: 'window' as const, type: i % 2 === 0 ? 'End' : 'Home' }));
  await page.getByTestId('timeline-all').click();
  return median(times);
}

/** Clicks with the real mouse; times from the page's pointerup to the drawn selection. */
async function timeOneSelect(page: Page, side: Side, nodeId: string): Promise<number> {
  const position = await page.evaluate(
    ({ side, id }) => (side === 'explorer' ? window.__newsgraph?.nodePosition(id) : window.__bare?.nodePosition(id)) ?? null,
    { side, id: nodeId },
  );
  if (!position) throw new Error(`bench: ${side} page does not know node ${nodeId}`);
  // Start watching before the click, and only then click: the watcher must see the renders count from before it.
  await page.evaluate((args) => {
    window.__benchPending = window.__timeChange?.(args);
  }, { side, action: 'select' as const, type: '' });
  await page.mouse.click(position.x, position.y);
  return page.evaluate(() => window.__benchPending ?? Promise.reject(new Error('bench: no pending measurement')));
}

/**
 * Selects the two biggest hubs in turn, SELECT_CLICKS times, and returns the
 * median: one click's time swings with what the software GPU is still busy
 * with. Clicks are spaced past sigma's 300 ms double-click window.
 */
async function timeSelect(page: Page, side: Side, hubs: readonly string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SELECT_CLICKS; i++) {
    times.push(await timeOneSelect(page, side, hubs[i % hubs.length]!));
    await page.waitForTimeout(400);
  }
  return median(times);
}

async function runExplorer(context: BrowserContext, base: string, size: SyntheticSize, hubs: readonly string[], type: string): Promise<PageRun> {
  const page = await openInstrumented(context, `${base}?bench=${size.name}`, '[data-testid="graph-canvas"][data-ready="true"]');
  const firstFrameMs = await firstFrame(page);
  const result: PageRun = { firstFrameMs, filterMs: 0, selectMs: 0 };
  const controls = page.getByTestId('layout-controls');
  if ((await controls.count()) > 0) {
    await page.waitForTimeout(LAYOUT_WATCH_MS);
    const iterations = Number(await controls.getAttribute('data-iterations'));
    const elapsed = Number(await controls.getAttribute('data-elapsed-ms'));
    result.layoutIterationsPerSecond = elapsed > 0 ? (iterations * 1000) / elapsed : 0;
    result.longestTaskDuringLayoutMs = await page.evaluate(
      (since) => Math.max(0, ...(window.__bench?.longTasks ?? []).filter(([start]) => start > since).map(([, duration]) => duration)),
      firstFrameMs,
    );
    if ((await controls.getAttribute('data-running')) === 'true') await controls.getByRole('button', { name: 'Stop' }).click();
    await page.waitForTimeout(300);
  }
  result.filterMs = await timeFilters(page, 'explorer', type);
  // A window needs room to move: the small dataset's one article is one bar.
  const buckets = (await page.getByTestId('timeline-svg').count()) > 0 ? Number(await page.getByTestId('timeline-svg').getAttribute('data-buckets')) : 0;
  if (buckets >= 16) result.windowMs = await timeWindowMoves(page);
  result.selectMs = await timeSelect(page, 'explorer', hubs);
  await page.close();
  return result;
}

async function runBare(context: BrowserContext, base: string, size: SyntheticSize, hubs: readonly string[], type: string): Promise<PageRun> {
  const page = await openInstrumented(context, `${base}bare/bench/pages/bare-sigma.html?bench=${size.name}`, '#graph[data-ready="true"]');
  const firstFrameMs = await firstFrame(page);
  const filterMs = await timeFilters(page, 'bare', type);
  const selectMs = await timeSelect(page, 'bare', hubs);
  await page.close();
  return { firstFrameMs, filterMs, selectMs };
}

/** The two entities with the most relations: big on screen, easy to hit. */
function hubs(size: SyntheticSize): { ids: string[]; type: string } {
  const dataset = syntheticDataset(size);
  const degree = new Map<string, number>();
  for (const r of dataset.relations) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const ids = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([id]) => id);
  return { ids, type: dataset.relations[0]!.type };
}

export async function benchBrowser(): Promise<BenchRow[]> {
  const sizeNames = (process.env.BENCH_BROWSER_SIZES ?? 'small,medium,large').split(',');
  const served = await buildAndServe();
  let browser: Browser | undefined;
  const rows: BenchRow[] = bundleRows(served.outDir);
  try {
    browser = await launchChromium();
    // @sparticuz/chromium is single-process: one context kept open by an idle page (see tests/browser/harness.ts).
    const context = await browser.newContext();
    await context.newPage();
    for (const size of SIZES.filter((s) => sizeNames.includes(s.name))) {
      const runs = size.name === 'large' ? 1 : 3;
      const { ids, type } = hubs(size);
      const label = `${size.entities} entities / ${size.relations} relations`;
      process.stderr.write(`bench: browser ${size.name}…\n`);
      const ours: PageRun[] = [];
      const bare: PageRun[] = [];
      for (let i = 0; i < runs; i++) {
        bare.push(await runBare(context, served.url, size, ids, type));
        ours.push(await runExplorer(context, served.url, size, ids, type));
      }
      const m = (runsOf: PageRun[], key: keyof PageRun) => median(runsOf.map((r) => r[key] ?? 0));
      const within = (key: keyof PageRun, factor: number) => m(ours, key) <= factor * m(bare, key);
      rows.push(row({ section: 'browser', size: label, metric: `navigation → first frame (${runs} run${runs > 1 ? 's' : ''})`, unit: 'ms', value: m(ours, 'firstFrameMs'), baselineName: 'bare sigma', baseline: m(bare, 'firstFrameMs'), budget: '≤ 1.5×', withinBudget: within('firstFrameMs', 1.5) }));
      rows.push(row({ section: 'browser', size: label, metric: 'relation-type filter → frame', unit: 'ms', value: m(ours, 'filterMs'), baselineName: 'bare refresh', baseline: m(bare, 'filterMs'), budget: '≤ 1.2×', withinBudget: within('filterMs', 1.2) }));
      if (ours[0]?.windowMs !== undefined) {
        const windowMs = m(ours, 'windowMs');
        const filterMs = m(ours, 'filterMs');
        rows.push(row({ section: 'browser', size: label, metric: 'timeline window moved (start ↔ end of the story) → frame', unit: 'ms', value: windowMs, baselineName: 'relation-type filter → frame', baseline: filterMs, budget: '≤ 1×', withinBudget: windowMs <= filterMs }));
      }
      rows.push(row({ section: 'browser', size: label, metric: `click node → panel + frame (${SELECT_CLICKS} clicks)`, unit: 'ms', value: m(ours, 'selectMs'), baselineName: 'bare click → refresh', baseline: m(bare, 'selectMs'), budget: '≤ 1.2×', withinBudget: within('selectMs', 1.2) }));
      if (ours[0]?.layoutIterationsPerSecond !== undefined) {
        rows.push(row({ section: 'browser', size: label, metric: 'worker FA2 iterations/s', unit: 'it/s', value: m(ours, 'layoutIterationsPerSecond') }));
        const longest = m(ours, 'longestTaskDuringLayoutMs');
        rows.push(row({ section: 'browser', size: label, metric: `longest main-thread task, layout running (${LAYOUT_WATCH_MS / 1000} s)`, unit: 'ms', value: longest, budget: '< 100 ms', withinBudget: longest < 100 }));
      }
    }
  } finally {
    await browser?.close();
    await served.close();
  }
  return rows;
}
