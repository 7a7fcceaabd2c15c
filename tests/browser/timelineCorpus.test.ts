/**
 * The timeline in corpus mode, against a real `newsgraph serve`: the bars
 * are the whole corpus's (/api/timeline), not only the loaded overview's,
 * and a brushed window hides the loaded relations reported outside it —
 * computed in Node from the very overview the page loads, with the model's
 * reporting index (the server's whole-corpus days included) — and the
 * Articles list becomes the articles published inside the window.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsPageSchema, TimelineResponseSchema, type TimelineResponse } from '../../src/model/corpusApi.ts';
import { buildReportingIndex, dayString, formatDate, reportedIn, validateDataset, type Dataset } from '../../src/model/index.ts';
import { windowOfRange } from '../../src/ui/timeline/brushGeometry.ts';
import { histogramOfTimeline } from '../../src/ui/timeline/corpusHistogram.ts';
import { buildCorpus, startServe, type CorpusFiles, type RunningServer } from './corpusServer.ts';
import { launchChromium } from './harness.ts';

const OVERVIEW = 30;

let files: CorpusFiles;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let timeline: TimelineResponse;
let overview: Dataset;

async function api(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}api/${path}`);
  expect(response.status, path).toBe(200);
  return response.json();
}

beforeAll(async () => {
  files = await buildCorpus(300);
  server = await startServe(files);
  browser = await launchChromium();
  // @sparticuz/chromium is single-process: one context kept alive by an idle page (see harness.ts).
  context = await browser.newContext();
  await context.newPage();
  timeline = TimelineResponseSchema.parse(await api('timeline'));
  const checked = validateDataset(((await api(`overview?limit=${OVERVIEW}`)) as { dataset: unknown }).dataset);
  if (!checked.ok) throw new Error('the overview does not validate');
  overview = checked.dataset;
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await files?.remove();
});

describe('the timeline in corpus mode', () => {
  it('draws the whole corpus’s histogram from the server and brushes the loaded graph', async () => {
    const page: Page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    await page.goto(`${server.url}?overview=${OVERVIEW}`);
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });

    const histogram = histogramOfTimeline(timeline);
    expect(histogram.starts.length).toBeGreaterThan(1);
    const svg = page.getByTestId('timeline-svg');
    // The server's bars, not the overview's: same buckets, same totals in each bar's tooltip.
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('whole corpus');
    expect(Number(await svg.getAttribute('data-buckets'))).toBe(histogram.starts.length);
    expect(await svg.getAttribute('data-bucket')).toBe(histogram.bucket);
    const busiest = histogram.totals.indexOf(histogram.max);
    const title = await svg.locator('.timeline-hit').nth(busiest).locator('title').textContent();
    expect(title).toContain(formatDate(dayString(histogram.starts[busiest]!)));
    expect(title).toMatch(new RegExp(`: ${histogram.max} relations?$`));
    const loadedReporting = buildReportingIndex(overview);
    const wholeCorpus = histogram.totals.reduce((sum, n) => sum + n, 0);
    expect(wholeCorpus).toBeGreaterThan(loadedReporting.times.size);

    // Brush the middle third.
    const count = histogram.starts.length;
    const range = { first: Math.floor(count / 3), last: Math.max(Math.floor(count / 3), Math.floor((2 * count) / 3) - 1) };
    const centre = async (b: number) => {
      const box = (await svg.locator('.timeline-hit').nth(b).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const from = await centre(range.first);
    const to = await centre(range.last);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    const window = windowOfRange(histogram, range);
    await expect.poll(() => page.evaluate(() => globalThis.window.__newsgraph?.state().window ?? null)).toEqual(window);
    const expected = overview.relations
      .filter((relation) => {
        const time = loadedReporting.times.get(relation.id);
        return time !== undefined && reportedIn(time, window);
      })
      .map((relation) => relation.id)
      .sort();
    await expect.poll(() => page.evaluate(() => globalThis.window.__newsgraph?.shownEdges() ?? [])).toEqual(expected);
    expect(expected.length).toBeLessThan(overview.relations.length);

    // The article list follows the window: the server's count of articles published inside it, and only those.
    const inWindow = DocumentsPageSchema.parse(await api(`documents?since=${dayString(window.from)}&until=${dayString(window.to)}&limit=30`));
    const all = DocumentsPageSchema.parse(await api('documents?limit=1'));
    expect(inWindow.total).toBeGreaterThan(0);
    expect(inWindow.total).toBeLessThan(all.total);
    const articles = page.getByTestId('corpus-articles');
    await expect.poll(() => articles.locator('.corpus-count').innerText()).toBe(inWindow.total.toLocaleString('en-US'));
    expect(await articles.getByTestId('corpus-articles-window').count()).toBe(1);
    const listed = await articles.locator('[data-testid^="corpus-article-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!.slice('corpus-article-'.length)));
    expect(listed).toEqual(inWindow.documents.map((d) => d.id));
    expect(problems).toEqual([]);
    await page.close();
  });
});
