/**
 * The explorer on the seed article, end to end, in real headless Chromium.
 *
 * Everything is done the way a reader does it — real mouse clicks at the
 * on-screen positions sigma reports, key presses, legend buttons — and
 * checked both in the DOM and in what sigma actually draws (its display data
 * after the reducers, and pixels of the WebGL canvas).
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_RELATION_TYPES } from '../../src/model/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { saveScreenshot, startApp, renderCount, waitForRender, type AppHarness, type AppPage } from './harness.ts';
import { countColor, countNonBackground, decodePng, type RgbaImage } from './png.ts';

const ICC_SENTENCE =
  'Putin didn’t attend the BRICS summit in South Africa earlier this year after the International Criminal Court issued an arrest warrant against him for his alleged involvement in the abductions.';
const ICC_RELATION = 'r24-international-criminal-court-issued-warrant-vladimir-putin';
// A dark colour no other colour's anti-aliasing toward the white background passes through.
const FILTERED_TYPE = 'attended';
const ATTENDED = ['r02-sergei-lavrov-attended-un-general-assembly', 'r22-vladimir-putin-attended-brics'];
/** sigma reports a second click within this many ms as a double click. */
const DOUBLE_CLICK_MS = 300;

let app: AppHarness;
let opened: AppPage;
let page: Page;

async function graphPixels(): Promise<RgbaImage> {
  return decodePng(await page.locator('[data-testid="graph-canvas"]').screenshot());
}

/** Back to the opening view: nothing selected, every relation type shown, mouse off the graph. */
async function reset(): Promise<void> {
  // Let sigma's double-click window from the previous test's last click expire.
  await page.waitForTimeout(DOUBLE_CLICK_MS + 50);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const all = page.getByTestId('relations-all');
  if (await all.isEnabled()) await all.click();
  await expect.poll(() => page.evaluate(() => window.__newsgraph?.state().selection.kind)).toBe('none');
}

async function clickNode(id: string): Promise<void> {
  const position = await page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
  if (!position) throw new Error(`no on-screen position for node ${id}`);
  await page.mouse.click(position.x, position.y);
}

const edgeDisplay = (id: string) => page.evaluate((edge) => window.__newsgraph?.edgeDisplay(edge) ?? null, id);
const nodeDisplay = (id: string) => page.evaluate((node) => window.__newsgraph?.nodeDisplay(node) ?? null, id);
const explorerState = () => page.evaluate(() => window.__newsgraph?.state() ?? null);

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage();
  page = opened.page;
});

afterAll(async () => {
  await app?.close();
});

describe('newsgraph explorer (built app, real Chromium)', () => {
  it('loads the seed article with no errors and draws the graph', async () => {
    await expect.poll(() => page.getByTestId('article-title').textContent()).toBe('Lavrov jokes about Russia’s isolation at the UN General Assembly');
    expect(await page.getByTestId('stats').textContent()).toBe('21 entities · 27 relations');
    await expect.poll(() => page.getByTestId('panel-empty').textContent()).toContain('Click a node or edge to see the sentences that support it');

    const image = await graphPixels();
    const drawn = countNonBackground(image, [255, 255, 255]);
    // Nodes, edges and labels cover a real share of the canvas, not a blank or a few stray pixels.
    expect(drawn / (image.width * image.height)).toBeGreaterThan(0.02);
    // Person nodes are drawn in their entity-type colour.
    expect(countColor(image, '#AA6600', 12)).toBeGreaterThan(200);
    expect(opened.problems).toEqual([]);
  });

  it('runs under the strict Content-Security-Policy (no inline script, no eval)', async () => {
    expect(opened.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    // Any violation would have been logged by Chromium as a console error.
    expect(opened.problems).toEqual([]);
    expect(await page.locator('script:not([src])').count()).toBe(0);

    // The policy is enforced, not just sent: an injected inline script does not run, and is reported.
    const seen = opened.problems.length;
    const ran = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const script = document.createElement('script');
          script.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
          document.head.append(script);
          requestAnimationFrame(() => resolve(document.documentElement.dataset.inlineRan === 'yes'));
        }),
    );
    expect(ran).toBe(false);
    await expect.poll(() => opened.problems.slice(seen).join('\n')).toMatch(/Content Security Policy/);
    opened.problems.splice(seen);
  });

  it('legend toggles hide and show a relation type, in state and in what sigma draws', async () => {
    await reset();
    const toggle = page.getByTestId(`relation-toggle-${FILTERED_TYPE}`);
    const color = BUILT_IN_RELATION_TYPES[FILTERED_TYPE].color;
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => toggle.textContent()).toBe(`${BUILT_IN_RELATION_TYPES[FILTERED_TYPE].label}2`);
    const before = countColor(await graphPixels(), color);
    expect(before).toBeGreaterThan(50);

    let renders = await renderCount(page);
    await toggle.click();
    await waitForRender(page, renders);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await explorerState())?.enabledTypes).not.toContain(FILTERED_TYPE);
    for (const id of ATTENDED) expect((await edgeDisplay(id))?.hidden, id).toBe(true);
    expect((await edgeDisplay('r07-russia-attacked-ukraine'))?.hidden).toBe(false);
    await expect.poll(() => page.getByTestId('stats').textContent()).toContain('(25 shown)');
    const hidden = countColor(await graphPixels(), color);
    expect(hidden).toBeLessThan(before * 0.05);

    renders = await renderCount(page);
    await toggle.click();
    await waitForRender(page, renders);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    for (const id of ATTENDED) expect((await edgeDisplay(id))?.hidden, id).toBe(false);
    const shownAgain = countColor(await graphPixels(), color);
    expect(Math.abs(shownAgain - before)).toBeLessThanOrEqual(before * 0.02);
  });

  it('None hides every edge and All brings them back', async () => {
    await reset();
    await page.getByTestId('relations-none').click();
    await expect.poll(async () => (await explorerState())?.enabledTypes.length).toBe(0);
    expect((await edgeDisplay(ICC_RELATION))?.hidden).toBe(true);
    await expect.poll(() => page.getByTestId('stats').textContent()).toContain('(0 shown)');
    await page.getByTestId('relations-all').click();
    await expect.poll(async () => (await explorerState())?.enabledTypes.length).toBe(15);
    expect((await edgeDisplay(ICC_RELATION))?.hidden).toBe(false);
  });

  it('hovering a node keeps its neighbours labelled and dims the rest', async () => {
    await reset();
    const position = await page.evaluate(() => window.__newsgraph?.nodePosition('new-york-city') ?? null);
    if (!position) throw new Error('no position for new-york-city');
    const renders = await renderCount(page);
    await page.mouse.move(position.x, position.y);
    await waitForRender(page, renders);
    await expect.poll(async () => (await explorerState())?.hoveredNode).toBe('new-york-city');
    expect((await nodeDisplay('un-general-assembly'))?.label).toBe('UN General Assembly');
    expect((await nodeDisplay('vladimir-putin'))?.label).toBeNull();
    expect((await edgeDisplay('r03-new-york-city-hosted-un-general-assembly'))?.size).toBeGreaterThan(
      (await edgeDisplay('r07-russia-attacked-ukraine'))?.size ?? Infinity,
    );
  });

  it('clicking Putin opens his relations with the ICC sentence quoted verbatim', async () => {
    await reset();
    await clickNode('vladimir-putin');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Vladimir Putin');
    expect((await explorerState())?.selection).toEqual({ kind: 'node', id: 'vladimir-putin' });
    expect((await nodeDisplay('vladimir-putin'))?.highlighted).toBe(true);

    const card = page.getByTestId(`relation-card-${ICC_RELATION}`);
    await expect.poll(() => card.getByTestId(`relation-pick-${ICC_RELATION}`).textContent()).toContain('International Criminal Court → issued an arrest warrant for → Vladimir Putin');
    const quote = card.getByTestId('evidence-sentence');
    expect(await quote.textContent()).toBe(ICC_SENTENCE);
    expect(await quote.locator('mark').allTextContents()).toEqual(['Putin', 'BRICS', 'South Africa', 'International Criminal Court']);

    // A claim says so; a negated relation reads as a denial.
    await expect.poll(() => page.getByTestId('relation-card-r21-vladimir-putin-abducted-from-ukraine').textContent()).toContain('claim');
    await expect.poll(() => page.getByTestId('relation-pick-r22-vladimir-putin-attended-brics').textContent()).toContain('Vladimir Putin → did not attend → BRICS');
    expect(opened.problems).toEqual([]);
  });

  it('clicking a relation in the panel highlights its edge, and the screenshot is saved', async () => {
    await reset();
    await clickNode('vladimir-putin');
    const pick = page.getByTestId(`relation-pick-${ICC_RELATION}`);
    const before = await edgeDisplay(ICC_RELATION);
    const renders = await renderCount(page);
    await pick.click();
    await waitForRender(page, renders);
    await expect.poll(() => pick.getAttribute('aria-pressed')).toBe('true');
    expect((await explorerState())?.highlightedRelation).toBe(ICC_RELATION);
    const after = await edgeDisplay(ICC_RELATION);
    expect(after?.size).toBeGreaterThan(before?.size ?? Infinity);
    expect(after?.label).toBe('issued an arrest warrant for');
    expect(after?.zIndex).toBeGreaterThan((await edgeDisplay('r13-vladimir-putin-attacked-ukraine'))?.zIndex ?? Infinity);

    await saveScreenshot(page, 'screenshot.png');
  });

  it('Escape clears the selection and the panel', async () => {
    await reset();
    await clickNode('vladimir-putin');
    await page.getByTestId('entity-details').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.getByTestId('panel-empty').waitFor({ state: 'visible' });
    expect((await explorerState())?.selection).toEqual({ kind: 'none' });
    expect((await explorerState())?.highlightedRelation).toBeNull();
  });

  it('the search box finds an entity by alias and Enter opens it', async () => {
    await reset();
    const search = page.getByTestId('entity-search');
    await search.fill('kreml');
    await page.getByTestId('search-hit-russia').waitFor({ state: 'visible' });
    await expect.poll(async () => (await nodeDisplay('russia'))?.label).toBe('Russia');
    expect((await nodeDisplay('ukraine'))?.label).toBeNull();
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Russia');
    expect(await search.inputValue()).toBe('');
    expect((await explorerState())?.selection).toEqual({ kind: 'node', id: 'russia' });
  });

  it('clicking an edge shows that relation and its evidence; clicking the background clears it', async () => {
    await reset();
    const [a, b] = await Promise.all([
      page.evaluate(() => window.__newsgraph?.nodePosition('new-york-city') ?? null),
      page.evaluate(() => window.__newsgraph?.nodePosition('un-general-assembly') ?? null),
    ]);
    if (!a || !b) throw new Error('no positions for the New York City → UN General Assembly edge');
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await page.getByTestId('relation-details').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('relation-details').textContent()).toContain('New York City → hosted → UN General Assembly');
    expect((await explorerState())?.selection).toEqual({ kind: 'edge', id: 'r03-new-york-city-hosted-un-general-assembly' });

    const box = await page.getByTestId('graph-canvas').boundingBox();
    if (!box) throw new Error('graph canvas has no box');
    await page.waitForTimeout(DOUBLE_CLICK_MS + 50); // a single click, not a double-click zoom
    await page.mouse.click(box.x + 8, box.y + box.height - 8);
    await page.getByTestId('panel-empty').waitFor({ state: 'visible' });
  });
});
