/**
 * The analyst's tools on the seed article, in real headless Chromium at
 * 1280×800: search combobox (alias → select → camera), entity-type filter,
 * neighbourhood focus, a path with its quoted sentences, the article pane,
 * shareable URLs, PNG export and a keyboard-only walk. Checked in the DOM and
 * in what sigma draws (display data after the reducers).
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';
import { countColor, countNonBackground, decodePng } from './png.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const quoted = (relationId: string): string[] => {
  const relation = seed.relations.find((r) => r.id === relationId);
  if (!relation) throw new Error(`seed has no relation ${relationId}`);
  return relation.evidence.map((e) => (seed.documents.find((d) => d.id === e.document)?.text ?? '').slice(e.start, e.end));
};
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';
const ARMENIA_THREAT = 'r26-armenia-threatened-arrest-vladimir-putin';
const VIEWPORT = { width: 1280, height: 800 };

let app: AppHarness;
let opened: AppPage;
let page: Page;

const nodeDisplay = (id: string) => page.evaluate((node) => window.__newsgraph?.nodeDisplay(node) ?? null, id);
const edgeDisplay = (id: string) => page.evaluate((edge) => window.__newsgraph?.edgeDisplay(edge) ?? null, id);
const selection = () => page.evaluate(() => window.__newsgraph?.state().selection ?? null);

const screenshot = (name: string) => saveScreenshot(page, name);

/** A fresh load of the app at `hash` (a real navigation, not a hash change). */
async function openAt(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${app.url}${hash}`);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
}

async function choose(testId: string, text: string, entity: string, hitPrefix = `${testId}-hit`): Promise<void> {
  const box = page.getByTestId(testId);
  await box.fill(text);
  await page.getByTestId(`${hitPrefix}-${entity}`).waitFor({ state: 'visible' });
  await box.press('Enter');
}

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage(VIEWPORT);
  page = opened.page;
});

afterAll(async () => {
  await app?.close();
});

describe('analyst tools (built app, real Chromium)', () => {
  it('search is an ARIA combobox: an alias finds the entity, arrows pick, Enter selects and the camera glides to it', async () => {
    const search = page.getByTestId('entity-search');
    expect(await search.getAttribute('role')).toBe('combobox');
    await search.fill('Kremlin');
    await page.getByTestId('search-hit-russia').waitFor({ state: 'visible' });
    expect(await search.getAttribute('aria-expanded')).toBe('true');

    await search.fill('ICC');
    await page.getByTestId('search-hit-international-criminal-court').waitFor({ state: 'visible' });
    const canvas = await page.getByTestId('graph-canvas').boundingBox();
    if (!canvas) throw new Error('graph canvas has no box');
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    const distance = async () => {
      const p = await page.evaluate(() => window.__newsgraph?.nodePosition('international-criminal-court') ?? null);
      return p ? Math.hypot(p.x - centre.x, p.y - centre.y) : Infinity;
    };
    // Not already centred, so the check below means the camera moved.
    expect(await distance()).toBeGreaterThan(60);
    await screenshot('screenshot-search.png');

    await search.press('ArrowDown');
    const active = await search.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('International Criminal Court');
    expect(await selection()).toEqual({ kind: 'node', id: 'international-criminal-court' });
    await expect.poll(distance, { timeout: 5_000 }).toBeLessThan(12);
    expect(await search.inputValue()).toBe('');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    expect(opened.problems).toEqual([]);
  });

  it('the entity key filters by type, and can hide entities left with no visible relation', async () => {
    await page.getByTestId('entity-toggle-place').click();
    expect(await page.getByTestId('entity-toggle-place').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await nodeDisplay('europe'))?.hidden).toBe(true);
    expect((await nodeDisplay('russia'))?.hidden).toBe(false);
    expect((await edgeDisplay('r08-europe-severed-ties-russia'))?.hidden).toBe(true);

    await page.getByTestId('relation-toggle-hosted').click();
    await page.getByTestId('hide-unconnected').check();
    // South Africa's only relation (hosted BRICS) is off; Russia keeps visible ones.
    await expect.poll(async () => (await nodeDisplay('south-africa'))?.hidden).toBe(true);
    expect((await nodeDisplay('russia'))?.hidden).toBe(false);

    await page.getByTestId('hide-unconnected').uncheck();
    await page.getByTestId('relation-toggle-hosted').click();
    await page.getByTestId('entities-all').click();
    await expect.poll(async () => (await nodeDisplay('europe'))?.hidden).toBe(false);
    expect((await nodeDisplay('south-africa'))?.hidden).toBe(false);
  });

  it('neighbourhood focus shows only 1 or 2 steps around the selected entity, and All leaves it', async () => {
    await choose('entity-search', 'Armenia', 'armenia', 'search-hit');
    await page.getByTestId('focus-1').click();
    await expect.poll(async () => (await nodeDisplay('ukraine'))?.hidden).toBe(true);
    for (const id of ['armenia', 'russia', 'vladimir-putin']) expect((await nodeDisplay(id))?.hidden, id).toBe(false);
    expect((await edgeDisplay(WARRANT))?.hidden).toBe(true);

    await page.getByTestId('focus-2').click();
    await expect.poll(async () => (await nodeDisplay('ukraine'))?.hidden).toBe(false);
    expect((await nodeDisplay('international-criminal-court'))?.hidden).toBe(false);
    expect((await nodeDisplay('new-york-city'))?.hidden).toBe(true);

    await page.getByTestId('focus-all').click();
    await expect.poll(async () => (await nodeDisplay('new-york-city'))?.hidden).toBe(false);
  });

  it('Escape steps back, selection first and then the focus; a chip over the graph names the focus and clears it', async () => {
    await choose('entity-search', 'Armenia', 'armenia', 'search-hit');
    await page.getByTestId('focus-1').click();
    await expect.poll(async () => (await nodeDisplay('ukraine'))?.hidden).toBe(true);
    expect(await page.getByTestId('chip-focus').textContent()).toContain('1 step around Armenia');

    await page.keyboard.press('Escape');
    await expect.poll(selection).toEqual({ kind: 'none' });
    // The focus outlives the selection, and the chip still says so.
    expect((await nodeDisplay('ukraine'))?.hidden).toBe(true);
    expect(await page.getByTestId('chip-focus').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await nodeDisplay('ukraine'))?.hidden).toBe(false);
    expect(await page.getByTestId('view-chips').count()).toBe(0);

    await choose('entity-search', 'Armenia', 'armenia', 'search-hit');
    await page.getByTestId('focus-2').click();
    await expect.poll(async () => (await nodeDisplay('new-york-city'))?.hidden).toBe(true);
    await page.getByTestId('chip-focus').getByRole('button', { name: /Show all/ }).click();
    await expect.poll(async () => (await nodeDisplay('new-york-city'))?.hidden).toBe(false);
    // Armenia stays selected: the next tests start from it.
    expect(await selection()).toEqual({ kind: 'node', id: 'armenia' });
  });

  it('traces Armenia → International Criminal Court, hop by hop, quoting each sentence exactly', async () => {
    await page.getByTestId('tab-path').click();
    await choose('path-from', 'armen', 'armenia');
    await choose('path-to', 'ICC', 'international-criminal-court');
    await expect.poll(() => page.getByTestId('path-hop').count()).toBe(2);
    const hops = await page.getByTestId('path-hop').allTextContents();
    expect(hops[0]).toContain('Armenia');
    expect(hops[0]).toContain('Vladimir Putin');
    for (const sentence of quoted(ARMENIA_THREAT)) expect(hops[0]).toContain(sentence);
    for (const sentence of quoted(WARRANT)) expect(hops[1]).toContain(sentence);
    expect(await page.getByTestId('chip-path').textContent()).toBe('Path Armenia → International Criminal CourtClear');
    expect(hops[1]).toContain('Against the arrow: International Criminal Court issued an arrest warrant for Vladimir Putin.');

    // In the graph: the path's edges emphasised, the rest dimmed, its ends selected.
    await expect.poll(async () => (await edgeDisplay(WARRANT))?.zIndex).toBe(2);
    expect((await edgeDisplay(ARMENIA_THREAT))?.zIndex).toBe(2);
    expect((await edgeDisplay('r07-russia-attacked-ukraine'))?.zIndex).toBe(0);
    expect((await nodeDisplay('armenia'))?.highlighted).toBe(true);
    expect((await nodeDisplay('ukraine'))?.label).toBeNull();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600); // the camera glides to frame the path
    await screenshot('screenshot-path.png');

    // Switch the warrant's relation type off: no path left, and the panel says so.
    await page.getByTestId('relation-toggle-issued-warrant').click();
    await page.getByTestId('path-none').waitFor({ state: 'visible' });
    expect(await page.getByTestId('path-none').textContent()).toContain('No path between Armenia and International Criminal Court under the current filters');
    await page.getByTestId('relation-toggle-issued-warrant').click();
    await expect.poll(() => page.getByTestId('path-hop').count()).toBe(2);
  });

  it('the URL carries the view, and opening it restores the same view (garbage ignored)', async () => {
    await page.getByTestId('relation-toggle-attended').click();
    await page.getByTestId('entity-toggle-place').click();
    await expect.poll(() => new URL(page.url()).hash).toContain('from=armenia');
    const link = page.url();
    expect(new URL(link).hash).toContain('hide=place');

    await openAt(`${new URL(link).hash}&sel=node:atlantis&focus=nobody~9&junk=%E0%A4%A`);
    expect(await page.getByTestId('side-panel').getAttribute('data-tab')).toBe('path');
    await expect.poll(() => page.getByTestId('path-hop').count()).toBe(2);
    const state = await page.evaluate(() => window.__newsgraph?.state() ?? null);
    expect(state?.enabledTypes).not.toContain('attended');
    expect(state?.selection).toEqual({ kind: 'node', id: 'armenia' });
    expect((await nodeDisplay('europe'))?.hidden).toBe(true);
    expect(await page.getByTestId('entity-toggle-place').getAttribute('aria-pressed')).toBe('false');
    expect(opened.problems).toEqual([]);
  });

  it('the article pane: mentions select their entity, a selection marks its sentences, a hovered sentence lights its relations', async () => {
    await openAt('');
    await page.getByTestId('tab-article').click();
    const pane = page.getByTestId('article-pane');
    await pane.waitFor({ state: 'visible' });
    const article = seed.documents[0]?.text ?? '';
    // Every character of the article is there, as text.
    const paragraphs = await page.locator('.article-paragraph').allTextContents();
    expect(paragraphs.join('\n')).toBe(article.split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n'));

    await page.getByTestId('mention-international-criminal-court').first().click();
    expect(await selection()).toEqual({ kind: 'node', id: 'international-criminal-court' });
    await expect.poll(() => page.locator('.article-sentence.is-marked').count()).toBeGreaterThan(0);
    const marked = await page.locator('.article-sentence.is-marked').first().textContent();
    expect(marked).toContain('International Criminal Court');

    const sentence = page.locator(`[data-testid="article-sentence"][data-relations~="${WARRANT}"]`).first();
    await sentence.hover();
    await expect.poll(async () => (await edgeDisplay(WARRANT))?.zIndex).toBe(2);
    expect((await edgeDisplay('r07-russia-attacked-ukraine'))?.zIndex).toBe(0);
    await screenshot('screenshot-article.png');
    // Leaving the sentence: back to the selection's own look (the warrant is one of ICC's relations, drawn normally).
    await page.mouse.move(400, 400);
    await expect.poll(async () => (await edgeDisplay(WARRANT))?.zIndex).toBe(1);
  });

  it('Save PNG downloads the graph with its legend as a real PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = decodePng(bytes);
    const canvas = await page.getByTestId('graph-canvas').boundingBox();
    // Wider than the canvas: the legend column is composed beside the graph.
    expect(image.width).toBeGreaterThan(canvas?.width ?? Infinity);
    expect(countNonBackground(image, [255, 255, 255]) / (image.width * image.height)).toBeGreaterThan(0.02);
    expect(countColor(image, '#99AAEE', 12)).toBeGreaterThan(50); // country nodes and their legend dot (pale: their anti-aliased rims blend into the white)
    await expect.poll(() => page.getByTestId('toolbar-status').textContent()).toBe('PNG saved');
  });

  it('keyboard only: Tab to the search, type, arrows and Enter select, then Tab reaches the panel tabs', async () => {
    await openAt('');
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'entity-search'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(focused).toBe('entity-search');
    await page.keyboard.type('zelensky');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Volodymyr Zelensky');
    for (let i = 0; i < 60 && !focused.startsWith('tab-'); i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(focused).toBe('tab-details');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('side-panel').getAttribute('data-tab')).toBe('path');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('relation-table').waitFor({ state: 'visible' });
    expect(await page.locator('.relation-table tbody tr').count()).toBe(seed.relations.length);
    // The focus ring is visible on the focused tab.
    const outline = await page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : ''));
    expect(outline).toBe('solid');
    expect(opened.problems).toEqual([]);
  });

  it('the side panel collapses for a full-width graph, and sigma redraws at the new size', async () => {
    const before = await page.getByTestId('graph-canvas').boundingBox();
    await page.getByTestId('side-collapse').click();
    await page.getByTestId('side-expand').waitFor({ state: 'visible' });
    const after = await page.getByTestId('graph-canvas').boundingBox();
    expect(after?.width ?? 0).toBeGreaterThan((before?.width ?? Infinity) + 200);
    // sigma sizes its canvases in pixels; they must follow the container, not keep the old width.
    const canvasWidth = () => page.evaluate(() => document.querySelector('[data-testid="graph-canvas"] canvas')?.getBoundingClientRect().width ?? 0);
    await expect.poll(canvasWidth).toBeCloseTo(after?.width ?? 0, 0);
    await page.getByTestId('side-expand').click();
    await page.getByTestId('side-panel').waitFor({ state: 'visible' });
    expect(opened.problems).toEqual([]);
  });

  it('“Path from here” on an entity opens the path tab with that end filled; Copy link copies the current view', async () => {
    await openAt('');
    await choose('entity-search', 'Kremlin', 'russia', 'search-hit');
    await page.getByTestId('path-from-here').click();
    expect(await page.getByTestId('side-panel').getAttribute('data-tab')).toBe('path');
    expect(await page.getByTestId('path-from').inputValue()).toBe('Russia');
    await choose('path-to', 'Zelensky', 'volodymyr-zelensky');
    await expect.poll(() => page.getByTestId('path-hop').count()).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).hash).toContain('to=volodymyr-zelensky');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('toolbar-status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(opened.problems).toEqual([]);
  });
});
