/**
 * The timeline, sources and "what changed", in real headless Chromium.
 *
 * The dataset is built here by the real extractor from 40 dated articles of
 * the demo corpus, plus a near-identical copy of the first one under another
 * outlet (a wire copy, counted once) and one undated article, and imported
 * through the file input. Every expectation is computed in Node from the
 * same dataset with the model's own functions (reporting index, source
 * index, story diff), and compared with what sigma draws (the test handle
 * reads its display data after the reducers), what the legend counts, what
 * the URL says and what the panels quote. Screenshots at desktop 1280×800
 * and phone 390×844.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractArticles, type ArticleInput } from '../../src/extract/extractDataset.ts';
import {
  buildHistogram,
  buildReportingIndex,
  buildSourceIndex,
  compareSlices,
  dayString,
  formatDate,
  publishedDayNumbers,
  reportedIn,
  sliceEvidence,
  type Dataset,
  type DayWindow,
  type Evidence,
  type RelationTypeId,
} from '../../src/model/index.ts';
import { playStep, rangeOfWindow, windowOfRange, type BucketRange } from '../../src/ui/timeline/brushGeometry.ts';
import { countWindow, describeCounts, formatWindow } from '../../src/ui/timeline/windowText.ts';
import { defaultWindows } from '../../src/ui/compare/compareWindows.ts';
import { widthFactor } from '../../src/ui/lookStyles.ts';
import { saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

interface CorpusLine {
  title: string;
  text: string;
  source: string;
  published: string;
  url: string;
}

const LINES: CorpusLine[] = readFileSync(new URL('../../data/demo-corpus/articles.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as CorpusLine);

function buildDataset(): Dataset {
  const articles: ArticleInput[] = LINES.slice(0, 40).map((line) => ({ text: line.text, title: line.title, source: line.source, published: line.published, url: line.url }));
  const first = LINES[0]!;
  // The first story again, carried by another outlet a day later: a wire copy.
  articles.push({ text: first.text, title: `${first.title} (wire copy)`, source: 'Copy Wire', published: dayString(Math.max(0, dayNumberOf(first.published) + 1)), url: 'https://example.org/copy' });
  // An article with no date: its relations are undated, hidden while a window is chosen.
  const undated = LINES[40]!;
  articles.push({ text: undated.text, title: `${undated.title} (undated)`, source: undated.source });
  return extractArticles(articles);
}

function dayNumberOf(day: string): number {
  return Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

const DATASET = buildDataset();
const REPORTING = buildReportingIndex(DATASET);
const SOURCES = buildSourceIndex(DATASET);
const TYPES = [...new Set(DATASET.relations.map((relation) => relation.type))] as RelationTypeId[];
const HISTOGRAM = buildHistogram(REPORTING, DATASET.relations, TYPES);
const COUNT = HISTOGRAM.starts.length;
const PUBLISHED = publishedDayNumbers(DATASET);
const byId = new Map(DATASET.relations.map((relation) => [relation.id, relation]));

const inWindow = (chosen: DayWindow) =>
  DATASET.relations
    .filter((relation) => {
      const time = REPORTING.times.get(relation.id);
      return time !== undefined && reportedIn(time, chosen);
    })
    .map((relation) => relation.id)
    .sort();

const sentenceOf = (evidence: Evidence) => DATASET.documents.find((document) => document.id === evidence.document)!.text.slice(evidence.start, evidence.end);

let app: AppHarness;
const pages: Page[] = [];

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

let imports = 0;
async function openDated(viewport = { width: 1280, height: 800 }): Promise<AppPage> {
  const opened = await app.openPage(viewport);
  pages.push(opened.page);
  const { page } = opened;
  const name = `dated-corpus-${++imports}.json`;
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(DATASET)) });
  await expect.poll(async () => (await page.getByTestId('data-origin').textContent()) ?? '').toBe(`Imported from ${name}`);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
  await page.getByTestId('timeline-svg').waitFor();
  return opened;
}

const explorerState = (page: Page) => page.evaluate(() => window.__newsgraph?.state() ?? null);
const shownEdges = (page: Page) => page.evaluate(() => window.__newsgraph?.shownEdges() ?? []);
const edgeDisplay = (page: Page, id: string) => page.evaluate((edge) => window.__newsgraph?.edgeDisplay(edge) ?? null, id);
const hashParam = (page: Page, key: string) => page.evaluate((name) => new URLSearchParams(window.location.hash.slice(1)).get(name), key);

/** The centre of bar `b` on the page. */
async function barCentre(page: Page, b: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid="timeline-svg"] .timeline-hit').nth(b).boundingBox();
  if (!box) throw new Error(`bar ${b} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on bar `from`, drags to bar `to`, lets go: the brush's own gesture. */
async function brush(page: Page, from: number, to: number): Promise<void> {
  const start = await barCentre(page, from);
  const end = await barCentre(page, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

async function legendCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of TYPES) counts[type] = Number(await page.getByTestId(`relation-toggle-${type}`).locator('.legend-count').innerText());
  return counts;
}

function expectedLegend(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(TYPES.map((type) => [type, 0]));
  for (const id of ids) counts[byId.get(id)!.type]! += 1;
  return counts;
}

const windowOf = (range: BucketRange) => windowOfRange(HISTOGRAM, range);
const whenOf = (chosen: DayWindow) => `${dayString(chosen.from)}..${dayString(chosen.to)}`;

describe('the dataset under test', () => {
  it('is dated over weeks, with undated relations, several outlets and a wire copy', () => {
    expect(HISTOGRAM.bucket).toBe('day');
    expect(COUNT).toBeGreaterThan(30);
    expect(REPORTING.undated).toBeGreaterThan(0);
    expect(SOURCES.maxOutlets).toBeGreaterThan(1);
    expect([...SOURCES.byRelation.values()].some((sources) => sources.copies > 0)).toBe(true);
  });
});

describe('the timeline', () => {
  it('brushing a window shows exactly the relations reported in it, the legend counting them, new ones marked', async () => {
    const { page, problems } = await openDated();
    expect(Number(await page.getByTestId('timeline-svg').getAttribute('data-buckets'))).toBe(COUNT);
    expect(await page.getByTestId('timeline-undated').innerText()).toBe(`undated: ${REPORTING.undated}`);
    // All time: every relation drawn, undated ones included.
    expect(await shownEdges(page)).toEqual(DATASET.relations.map((relation) => relation.id).sort());

    const range = { first: Math.round(COUNT * 0.3), last: Math.round(COUNT * 0.55) };
    const chosen = windowOf(range);
    const expected = inWindow(chosen);
    // A relation first reported inside the window, and one reported before it too.
    const fresh = expected.find((id) => REPORTING.times.get(id)!.first >= chosen.from)!;
    const older = expected.find((id) => REPORTING.times.get(id)!.first < chosen.from)!;
    expect(fresh).toBeDefined();
    expect(older).toBeDefined();
    const freshBefore = (await edgeDisplay(page, fresh))!;
    const olderBefore = (await edgeDisplay(page, older))!;

    await brush(page, range.first, range.last);
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(chosen);
    await expect.poll(() => shownEdges(page)).toEqual(expected);
    expect(expected.length).toBeLessThan(DATASET.relations.length);
    expect(await legendCounts(page)).toEqual(expectedLegend(expected));
    expect(await page.getByTestId('timeline-window').innerText()).toBe(`${formatWindow(chosen)} · ${describeCounts(countWindow(REPORTING, chosen))}`);
    expect(await hashParam(page, 'when')).toBe(whenOf(chosen));
    // New in the window: wider; reported before: same width, paler.
    const freshAfter = (await edgeDisplay(page, fresh))!;
    const olderAfter = (await edgeDisplay(page, older))!;
    expect(freshAfter.size).toBeCloseTo(freshBefore.size * 1.6, 5);
    expect(olderAfter.size).toBeCloseTo(olderBefore.size, 5);
    expect(olderAfter.color).not.toBe(olderBefore.color);

    // Dragging the window moves it, its length kept.
    const grab = await barCentre(page, Math.round((range.first + range.last) / 2));
    const to = await barCentre(page, Math.round((range.first + range.last) / 2) + 5);
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    const moved = windowOf({ first: range.first + 5, last: range.last + 5 });
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(moved);
    await expect.poll(() => shownEdges(page)).toEqual(inWindow(moved));

    // The keyboard: an arrow moves it one bar, Shift+arrow makes it one bar longer, Escape shows all time.
    await page.getByTestId('timeline-plot').focus();
    await page.keyboard.press('ArrowRight');
    const stepped = windowOf({ first: range.first + 6, last: range.last + 6 });
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(stepped);
    await page.keyboard.press('Shift+ArrowRight');
    const longer = windowOf({ first: range.first + 6, last: range.last + 7 });
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(longer);
    await expect.poll(() => shownEdges(page)).toEqual(inWindow(longer));
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await explorerState(page))?.window).toBeNull();
    await expect.poll(() => shownEdges(page)).toEqual(DATASET.relations.map((relation) => relation.id).sort());
    expect(await hashParam(page, 'when')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('play moves the window forward one length a step, the URL following, and stops at the end', async () => {
    const { page, problems } = await openDated();
    const length = Math.ceil(COUNT / 3);
    const start = { first: 0, last: length - 1 };
    await brush(page, start.first, start.last);
    await expect.poll(() => hashParam(page, 'when')).toBe(whenOf(windowOf(start)));
    // The steps brushGeometry's playStep gives, to the end.
    const steps: BucketRange[] = [];
    for (let range = playStep(COUNT, start); range !== null; range = playStep(COUNT, range)) steps.push(range);
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps[steps.length - 1]!.last).toBe(COUNT - 1);

    await page.getByTestId('timeline-play').click();
    await expect.poll(() => page.getByTestId('timeline-pause').isVisible()).toBe(true);
    for (const step of steps) {
      await expect.poll(() => hashParam(page, 'when'), { timeout: 5_000 }).toBe(whenOf(windowOf(step)));
      await expect.poll(() => shownEdges(page)).toEqual(inWindow(windowOf(step)));
    }
    // At the end the play stops and the window stays.
    await expect.poll(() => page.getByTestId('timeline-play').isVisible(), { timeout: 5_000 }).toBe(true);
    await page.waitForTimeout(1_500);
    expect(await hashParam(page, 'when')).toBe(whenOf(windowOf(steps[steps.length - 1]!)));
    expect((await explorerState(page))?.window).toEqual(windowOf(steps[steps.length - 1]!));
    expect(problems).toEqual([]);
  });

  it('the window survives a reload through the URL', async () => {
    const { page, problems } = await openDated();
    const range = { first: 10, last: 30 };
    await brush(page, range.first, range.last);
    const chosen = windowOf(range);
    await expect.poll(() => hashParam(page, 'when')).toBe(whenOf(chosen));
    await page.reload();
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(chosen);
    await expect.poll(() => shownEdges(page)).toEqual(inWindow(chosen));
    expect(await page.getByTestId('timeline-window').innerText()).toBe(`${formatWindow(chosen)} · ${describeCounts(countWindow(REPORTING, chosen))}`);
    // Folding the timeline keeps the window.
    await page.getByTestId('timeline-toggle').click();
    expect(await page.getByTestId('timeline-svg').count()).toBe(0);
    expect((await explorerState(page))?.window).toEqual(chosen);
    await page.getByTestId('timeline-toggle').click();
    await page.getByTestId('timeline-svg').waitFor();
    expect(problems).toEqual([]);
  });
});

describe('sources', () => {
  it('“at least 2 outlets” hides single-outlet relations; the panel counts articles and outlets, copies once, dates and event phrases', async () => {
    const { page, problems } = await openDated();
    await page.getByTestId('min-outlets-more').click();
    await expect.poll(async () => (await explorerState(page))?.minOutlets).toBe(2);
    const several = DATASET.relations.filter((relation) => SOURCES.byRelation.get(relation.id)!.outletCount >= 2).map((relation) => relation.id).sort();
    expect(several.length).toBeGreaterThan(0);
    await expect.poll(() => shownEdges(page)).toEqual(several);
    expect(await legendCounts(page)).toEqual(expectedLegend(several));
    expect(await hashParam(page, 'outlets')).toBe('2');

    // Edge width by outlets instead of sentences: a relation with more sentences than outlets is drawn in proportion.
    const differing = several.find((id) => widthFactor(SOURCES.byRelation.get(id)!.outletCount) !== widthFactor(byId.get(id)!.evidence.length))!;
    expect(differing).toBeDefined();
    const before = (await edgeDisplay(page, differing))!.size;
    await page.getByTestId('width-outlets').click();
    await expect.poll(async () => (await explorerState(page))?.widthBy).toBe('outlets');
    const ratio = widthFactor(SOURCES.byRelation.get(differing)!.outletCount) / widthFactor(byId.get(differing)!.evidence.length);
    await expect.poll(async () => (await edgeDisplay(page, differing))!.size / before).toBeCloseTo(ratio, 5);
    expect(await hashParam(page, 'width')).toBe('outlets');

    // A single-outlet relation, opened: badge, counts, outlet, dates.
    const single = DATASET.relations.find((relation) => SOURCES.byRelation.get(relation.id)!.outletCount === 1 && REPORTING.times.has(relation.id))!;
    await page.evaluate((id) => (window.location.hash = `sel=edge:${id}`), single.id);
    const sources = page.getByTestId('relation-sources');
    await sources.waitFor();
    const s = SOURCES.byRelation.get(single.id)!;
    expect(await sources.getByTestId('sources-counts').innerText()).toBe(`${s.articleCount} ${s.articleCount === 1 ? 'article' : 'articles'} · 1 outlet`);
    expect(await sources.getByTestId('single-outlet').innerText()).toBe('single outlet');
    expect(await sources.getByTestId('sources-outlets').innerText()).toBe(s.outlets[0]);
    const time = REPORTING.times.get(single.id)!;
    expect(await sources.getByTestId('sources-dates').innerText()).toBe(
      time.first === time.last ? `reported ${formatDate(dayString(time.first))}` : `first reported ${formatDate(dayString(time.first))} · last ${formatDate(dayString(time.last))}`,
    );

    // A relation carried by the wire copy too: the copy counted once.
    const copied = DATASET.relations.find((relation) => SOURCES.byRelation.get(relation.id)!.copies > 0)!;
    const c = SOURCES.byRelation.get(copied.id)!;
    await page.evaluate((id) => (window.location.hash = `sel=edge:${id}`), copied.id);
    await expect.poll(() => page.getByTestId('sources-copies').innerText()).toBe(c.copies === 1 ? '1 copy of a wire story, counted once' : `${c.copies} copies of wire stories, counted once`);
    expect(await page.getByTestId('sources-counts').innerText()).toBe(
      `${c.articleCount} ${c.articleCount === 1 ? 'article' : 'articles'} · ${c.outletCount} ${c.outletCount === 1 ? 'outlet' : 'outlets'}`,
    );
    expect(c.articles.length).toBe(c.articleCount + c.copies);

    // An undated relation says so.
    const undated = DATASET.relations.find((relation) => !REPORTING.times.has(relation.id))!;
    await page.evaluate((id) => (window.location.hash = `sel=edge:${id}`), undated.id);
    await expect.poll(() => page.getByTestId('sources-dates').innerText()).toBe('undated');

    // A sentence that says when the event happened: the phrase marked on its exact characters, its date under it.
    const withEvent = DATASET.relations.find((relation) => relation.evidence.some((evidence) => evidence.event !== undefined));
    expect(withEvent).toBeDefined();
    const evidence = withEvent!.evidence.find((item) => item.event !== undefined)!;
    const document = DATASET.documents.find((item) => item.id === evidence.document)!;
    await page.evaluate((id) => (window.location.hash = `sel=edge:${id}`), withEvent!.id);
    const card = page.getByTestId(`relation-card-${withEvent!.id}`);
    await card.waitFor();
    const quotes = card.getByTestId('evidence-sentence');
    const index = withEvent!.evidence.indexOf(evidence);
    expect(await quotes.nth(index).innerText()).toBe(sentenceOf(evidence));
    expect(await quotes.nth(index).getByTestId('event-phrase').allInnerTexts()).toEqual([document.text.slice(evidence.event!.start, evidence.event!.end)]);
    expect(await card.locator('figure.evidence').nth(index).getByTestId('evidence-event').innerText()).toBe(`event: ${formatDate(evidence.event!.date)}`);
    expect(problems).toEqual([]);
  });
});

describe('what changed', () => {
  it('compares the timeline’s window with the one before it: an appeared pair opens to its sentences in B', async () => {
    const { page, problems } = await openDated();
    const range = { first: Math.round(COUNT * 0.5), last: Math.round(COUNT * 0.7) };
    const chosen = windowOf(range);
    await brush(page, range.first, range.last);
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(chosen);
    const { a, b } = defaultWindows(chosen, REPORTING.span!);
    const diff = compareSlices(DATASET, REPORTING, { kind: 'window', window: a }, { kind: 'window', window: b });
    expect(diff.appeared.length).toBeGreaterThan(0);

    await page.getByTestId('tab-changes').click();
    const panel = page.getByTestId('compare-panel');
    expect(await panel.getByTestId('compare-a-from').inputValue()).toBe(dayString(a.from));
    expect(await panel.getByTestId('compare-b-to').inputValue()).toBe(dayString(b.to));
    expect(await panel.getByTestId('compare-summary').innerText()).toBe(
      `${diff.appeared.length} appeared · ${diff.disappeared.length} disappeared · ${diff.changed.length} changed · ${diff.unchanged} unchanged`,
    );
    const appeared = panel.getByTestId('compare-appeared').getByTestId('compare-pair');
    expect(await appeared.count()).toBe(Math.min(diff.appeared.length, 25));
    const pair = diff.appeared[0]!;
    const label = (id: string) => DATASET.entities.find((entity) => entity.id === id)!.label;
    const first = appeared.first();
    expect(await first.locator('.compare-pair-ends').innerText()).toBe(`${label(pair.ends[0])} — ${label(pair.ends[1])}`);
    await first.locator('.compare-pair-head').click();
    const inB = first.getByTestId('compare-slice-sentences').nth(1);
    const expected = pair.after.flatMap((id) => sliceEvidence(DATASET, byId.get(id)!, { kind: 'window', window: b }, PUBLISHED).map(sentenceOf));
    expect(expected.length).toBeGreaterThan(0);
    expect(await inB.getByTestId('evidence-sentence').allInnerTexts()).toEqual(expected);
    expect(await first.getByTestId('compare-slice-sentences').nth(0).getByTestId('evidence-sentence').count()).toBe(0);

    // Typed dates replace the defaults: A = B's window compares a window with itself, nothing changes.
    await panel.getByTestId('compare-a-from').fill(dayString(b.from));
    await panel.getByTestId('compare-a-to').fill(dayString(b.to));
    const same = compareSlices(DATASET, REPORTING, { kind: 'window', window: b }, { kind: 'window', window: b });
    await expect.poll(() => panel.getByTestId('compare-summary').innerText()).toBe(`0 appeared · 0 disappeared · 0 changed · ${same.unchanged} unchanged`);

    // Two outlets.
    await panel.getByTestId('compare-mode-outlets').click();
    const outletA = await panel.getByTestId('compare-outlet-a').inputValue();
    const outletB = await panel.getByTestId('compare-outlet-b').inputValue();
    expect(outletA).not.toBe(outletB);
    const byOutlet = compareSlices(DATASET, REPORTING, { kind: 'outlet', outlet: outletA }, { kind: 'outlet', outlet: outletB });
    expect(await panel.getByTestId('compare-summary').innerText()).toBe(
      `${byOutlet.appeared.length} appeared · ${byOutlet.disappeared.length} disappeared · ${byOutlet.changed.length} changed · ${byOutlet.unchanged} unchanged`,
    );
    expect(problems).toEqual([]);
  });
});

describe('screenshots', () => {
  it('desktop 1280×800: the timeline under the graph with a window, what changed in the panel', async () => {
    const { page, problems } = await openDated({ width: 1280, height: 800 });
    const range = { first: Math.round(COUNT * 0.35), last: Math.round(COUNT * 0.6) };
    await brush(page, range.first, range.last);
    await expect.poll(() => shownEdges(page)).toEqual(inWindow(windowOf(range)));
    // The Changes tab beside it, its first appeared pair opened to its sentences.
    await page.getByTestId('tab-changes').click();
    const pair = page.getByTestId('compare-appeared').getByTestId('compare-pair').first();
    await pair.locator('.compare-pair-head').click();
    await pair.getByTestId('evidence-sentence').first().waitFor();
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'timeline-desktop.png');
    expect(problems).toEqual([]);
  });

  it('phone 390×844: the timeline fits the width and brushes', async () => {
    const { page, problems } = await openDated({ width: 390, height: 844 });
    const timeline = page.getByTestId('timeline');
    await timeline.evaluate((element) => element.scrollIntoView({ block: 'end', inline: 'start' }));
    // The timeline is as wide as the page at most, and nothing of it sticks out of it.
    const fit = await timeline.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const parts = [...element.querySelectorAll('*')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
      return { width: box.width, outside: parts.filter((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5).length };
    });
    expect(fit.width).toBeLessThanOrEqual(390);
    expect(fit.outside).toBe(0);
    const range = { first: Math.round(COUNT * 0.2), last: Math.round(COUNT * 0.45) };
    await brush(page, range.first, range.last);
    await expect.poll(async () => (await explorerState(page))?.window).toEqual(windowOf(range));
    await expect.poll(() => shownEdges(page)).toEqual(inWindow(windowOf(range)));
    expect(rangeOfWindow(HISTOGRAM, windowOf(range))).toEqual(range);
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'timeline-phone.png');
    expect(problems).toEqual([]);
  });
});
