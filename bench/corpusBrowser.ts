/**
 * Benchmark: the explorer in corpus mode, in headless Chromium against `newsgraph serve`
 * ====================================================================================
 *
 * Not a test: builds the production app and a corpus of generated demo
 * articles (tests/browser/corpusServer.ts: the real `newsgraph ingest`, then
 * the real `newsgraph serve`), and measures in the page (performance.now
 * and Resource Timing, so Playwright round trips do not count):
 *  - navigation → first drawn frame of the overview (the server's default
 *    overview size), beside the moment the overview's answer had arrived
 *    (what the browser adds after it: validation, layout, sigma);
 *  - expand a node → the frame that draws its new neighbours (pointer up of
 *    a real double-click to the first frame of the rebuilt drawing with one
 *    of them in it), beside how long `/api/neighbourhood` took to answer in
 *    the same page. On a smaller overview (`?overview=60`): the generated
 *    articles have a small cast, and the default overview holds all of it.
 * Each figure is the median of several pages (first frame) or expands.
 */

import type { Browser, Page } from 'playwright-core';
import type { Dataset } from '../src/model/index.ts';
import { CORPUS_ATTRIBUTES, type CorpusInfo } from '../src/model/corpusApi.ts';
import { buildCorpus, startServe, type RunningServer } from '../tests/browser/corpusServer.ts';
import { launchChromium } from '../tests/browser/harness.ts';
import { median, row, type BenchRow } from './measure.ts';

const ARTICLES = Number(process.env.BENCH_CORPUS_ARTICLES ?? 3_000);
const VIEWPORT = { width: 1440, height: 900 };
const PAGES = 3;
const EXPANDS = 5;
/** The overview the expands start from: smaller than the corpus's cast, so there is something to expand. */
const EXPAND_OVERVIEW = 60;

interface CorpusProbe {
  firstFrameAt: number | null;
  pointerUpAt: number;
}

declare global {
  interface Window {
    __corpusBench?: CorpusProbe;
  }
}

/** Installed before any page script: the first frame (sigma marks its container ready) and the last pointer up, on the page's clock. */
function instrument(): void {
  const probe: CorpusProbe = { firstFrameAt: null, pointerUpAt: 0 };
  window.__corpusBench = probe;
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

/** When the page had the answer to the last request whose address contains `part` (Resource Timing). */
function answered(page: Page, part: string): Promise<{ start: number; end: number }> {
  return page.evaluate((fragment) => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.includes(fragment)) as PerformanceResourceTiming[];
    const last = entries[entries.length - 1];
    return last ? { start: last.startTime, end: last.responseEnd } : { start: 0, end: 0 };
  }, part);
}

async function openCorpus(browser: Browser, url: string): Promise<Page> {
  const context = browser.contexts()[0]!;
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  // tsx (esbuild keepNames) wraps named inner functions in __name(); page functions need it too.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 120_000 });
  await page.waitForFunction(() => (window.__corpusBench?.firstFrameAt ?? null) !== null);
  return page;
}

/** Overview entities whose neighbourhood brings entities not in the overview, with one of those. */
async function expandable(server: RunningServer, overview: Dataset): Promise<Array<{ id: string; fresh: string }>> {
  const loaded = new Set(overview.entities.map((entity) => entity.id));
  const found: Array<{ id: string; fresh: string }> = [];
  const claimed = new Set<string>();
  for (const entity of overview.entities) {
    const total = entity.attributes?.[CORPUS_ATTRIBUTES.degree];
    const shown = overview.relations.filter((r) => r.source === entity.id || r.target === entity.id).length;
    if (typeof total !== 'number' || total <= shown) continue;
    const response = await fetch(`${server.url}api/neighbourhood?entity=${encodeURIComponent(entity.id)}`);
    const around = ((await response.json()) as { dataset: Dataset }).dataset;
    // Each expand must bring something no earlier expand brought.
    const fresh = around.entities.map((e) => e.id).filter((id) => !loaded.has(id) && !claimed.has(id));
    if (fresh.length === 0) continue;
    for (const id of around.entities.map((e) => e.id)) claimed.add(id);
    found.push({ id: entity.id, fresh: fresh[0]! });
    if (found.length === EXPANDS) break;
  }
  return found;
}

/** Double-clicks the node and resolves with [pointer up → first frame with `fresh` drawn, the neighbourhood request's duration], in ms. */
async function timeExpand(page: Page, id: string, fresh: string): Promise<[number, number]> {
  const where = () => page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
  const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
  const inside = (p: { x: number; y: number } | null) => p !== null && p.x > canvas.x + 20 && p.x < canvas.x + canvas.width - 20 && p.y > canvas.y + 20 && p.y < canvas.y + canvas.height - 20;
  // Wait until sigma has drawn nothing for 600 ms (the last expand's camera glide is over): the point clicked must be the node.
  const renders = () => page.evaluate(() => window.__newsgraph?.renders() ?? 0);
  for (let quiet = 0, last = await renders(); quiet < 3; ) {
    await page.waitForTimeout(200);
    const now = await renders();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  let at = await where();
  if (!inside(at)) {
    // The camera followed the last expand: show the whole graph again.
    await page.getByRole('button', { name: 'Show the whole graph' }).click();
    await page.waitForTimeout(800);
    at = await where();
  }
  if (!at || !inside(at)) throw new Error(`bench/corpusBrowser.ts: node ${id} is not on screen`);
  const watching = page.evaluate((node) => {
    const before = window.__newsgraph?.renders() ?? 0;
    return new Promise<number>((resolve, reject) => {
      const started = performance.now();
      // Timers, not a MessageChannel loop: the answer from the server must get its turn (4 ms steps).
      const tick = () => {
        const handle = window.__newsgraph;
        if (handle && handle.renders() > before && handle.nodeDisplay(node) !== null) resolve(performance.now() - (window.__corpusBench?.pointerUpAt ?? started));
        else if (performance.now() - started > 60_000) {
          const said = document.querySelector('[data-testid="corpus-notice"]')?.textContent ?? 'no notice';
          reject(new Error(`bench: expanding never drew ${node} (selection ${JSON.stringify(handle?.state().selection)}; ${said})`));
        }
        else setTimeout(tick, 0);
      };
      tick();
    });
  }, fresh);
  // On a busy software-WebGL page the two clicks can land more than sigma's 300 ms apart and count as two
  // single clicks: then double-click again (timed from the last pointer up).
  const asked = `neighbourhood?entity=${encodeURIComponent(id)}`;
  for (let attempt = 1; ; attempt++) {
    await page.mouse.dblclick(at.x, at.y);
    const started = await page
      .waitForFunction(
        (part) => document.querySelector('[data-testid="corpus-working"]') !== null || performance.getEntriesByType('resource').some((entry) => entry.name.includes(part)),
        asked,
        { timeout: 10_000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (started || attempt === 3) break;
    await page.waitForTimeout(400);
    at = (await where()) ?? at;
  }
  const total = await watching;
  const request = await answered(page, `neighbourhood?entity=${encodeURIComponent(id)}`);
  return [total, request.end - request.start];
}

export async function benchCorpusBrowser(): Promise<BenchRow[]> {
  process.stderr.write(`bench: corpus browser — ingesting ${ARTICLES} generated articles…\n`);
  const files = await buildCorpus(ARTICLES);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServe(files);
    const info = (await (await fetch(`${server.url}api/corpus`)).json()) as CorpusInfo;
    const overview = ((await (await fetch(`${server.url}api/overview`)).json()) as { dataset: Dataset }).dataset;
    const size = `${info.documents.toLocaleString('en-US')} articles (${info.entities.toLocaleString('en-US')} entities / ${info.relations.toLocaleString('en-US')} relations); overview ${overview.entities.length} / ${overview.relations.length}`;
    browser = await launchChromium();
    // @sparticuz/chromium is single-process: one context kept open by an idle page (see tests/browser/harness.ts).
    const context = await browser.newContext();
    await context.newPage();

    const frames: number[] = [];
    const overviewAnswers: number[] = [];
    for (let i = 0; i < PAGES; i++) {
      const page = await openCorpus(browser, server.url);
      frames.push(await page.evaluate(() => window.__corpusBench?.firstFrameAt ?? 0));
      overviewAnswers.push((await answered(page, 'api/overview')).end);
      await page.close();
    }

    const small = ((await (await fetch(`${server.url}api/overview?limit=${EXPAND_OVERVIEW}`)).json()) as { dataset: Dataset }).dataset;
    const candidates = await expandable(server, small);
    const expands: number[] = [];
    const neighbourhoods: number[] = [];
    const page = await openCorpus(browser, `${server.url}?overview=${EXPAND_OVERVIEW}`);
    for (const { id, fresh } of candidates) {
      const [total, request] = await timeExpand(page, id, fresh);
      expands.push(total);
      neighbourhoods.push(request);
      // Past sigma's double-click window, and past the camera's glide.
      await page.waitForTimeout(800);
    }
    const loaded = await page.evaluate(() => document.querySelector('[data-testid="stats"]')?.textContent ?? '');
    await page.close();

    const rows: BenchRow[] = [
      row({
        section: 'corpus browser',
        size,
        metric: `navigation → first frame of the overview (${PAGES} pages)`,
        unit: 'ms',
        value: median(frames),
        baselineName: '/api/overview answered',
        baseline: median(overviewAnswers),
      }),
    ];
    if (expands.length > 0)
      rows.push(
        row({
          section: 'corpus browser',
          size: `${info.documents.toLocaleString('en-US')} articles; from an overview of ${small.entities.length} / ${small.relations.length} to ${loaded.trim().replace(/^showing /, '')}`,
          metric: `double-click expand → frame with the new entities (${expands.length} expands)`,
          unit: 'ms',
          value: median(expands),
          baselineName: '/api/neighbourhood request',
          baseline: median(neighbourhoods),
        }),
      );
    else process.stderr.write('bench: corpus browser — the overview holds every entity: no expand to time (use more articles)\n');
    return rows;
  } finally {
    await browser?.close();
    await server?.stop();
    await files.remove();
  }
}
