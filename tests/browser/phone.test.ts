/**
 * The explorer on a phone (390 × 844, touch), a tablet and by keyboard.
 *
 * On the phone everything is done by touch (`page.touchscreen.tap`, which
 * sends real touch events to sigma's touch captor): a node or an edge is
 * tapped, the bottom sheet rises and the supporting sentences are checked to
 * be on screen, not covered, after scrolling inside the sheet. The filters
 * drawer is opened and every relation type toggle is reached the same way.
 * On the desktop the skip link is the first Tab stop and leads into the
 * details panel.
 */

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const ICC_RELATION = 'r24-international-criminal-court-issued-warrant-vladimir-putin';
/** sigma reads two taps closer than this as a double tap (a zoom). */
const DOUBLE_TAP_MS = 300;

let app: AppHarness;
let desktop: AppPage;
let phoneContext: BrowserContext;
let phone: Page;
const phoneProblems: string[] = [];

const selection = (p: Page) => p.evaluate(() => window.__newsgraph?.state().selection ?? null);
const nodePosition = (p: Page, id: string) => p.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);

/** No sideways scrolling: the page is exactly as wide as the screen. */
async function horizontalOverflow(p: Page): Promise<number> {
  return p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Where a point falls must be on the graph (not under the sheet, the search bar or a button). */
async function onGraph(p: Page, point: { x: number; y: number }): Promise<boolean> {
  return p.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="graph-canvas"]') !== null, point);
}

/**
 * The element is on screen and what is drawn at its centre is the element
 * itself (nothing covers it), after scrolling it into view inside whatever
 * scrolls it (the sheet, the drawer).
 */
async function expectReadable(p: Page, locator: Locator, within?: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element has no box');
  const viewport = p.viewportSize()!;
  expect(box.height).toBeGreaterThan(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  if (within) {
    const outer = await within.boundingBox();
    if (!outer) throw new Error('the container has no box');
    expect(box.y).toBeGreaterThanOrEqual(outer.y - 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
  }
  const uncovered = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 8));
    return hit !== null && (hit === element || element.contains(hit));
  });
  expect(uncovered).toBe(true);
}

async function tapNode(id: string): Promise<void> {
  const point = await nodePosition(phone, id);
  if (!point) throw new Error(`no on-screen position for node ${id}`);
  expect(await onGraph(phone, point), `${id} is tappable on the graph`).toBe(true);
  await phone.touchscreen.tap(point.x, point.y);
}

/** Back to nothing selected, sheet lowered, drawer closed. */
async function resetPhone(): Promise<void> {
  await phone.waitForTimeout(DOUBLE_TAP_MS + 50);
  await phone.keyboard.press('Escape');
  await phone.keyboard.press('Escape');
  if ((await phone.getByTestId('filters-button').getAttribute('aria-expanded')) === 'true') await phone.getByTestId('filters-button').tap();
  await expect.poll(() => selection(phone)).toEqual({ kind: 'none' });
  await expect.poll(() => phone.getByTestId('side-panel').getAttribute('data-sheet')).toBe('collapsed');
  // A selection glides the camera to its node: start each test from the whole graph again.
  await phone.getByRole('button', { name: 'Show the whole graph' }).tap();
  await phone.waitForTimeout(600);
}

beforeAll(async () => {
  app = await startApp();
  desktop = await app.openPage({ width: 1280, height: 800 });
  // A touch phone is its own browser context (touch and mobile are fixed per context); it shares the harness's browser.
  const browser = desktop.page.context().browser();
  if (!browser) throw new Error('no browser behind the harness page');
  phoneContext = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  phone = await phoneContext.newPage();
  phone.on('pageerror', (error) => phoneProblems.push(`pageerror: ${error.message}`));
  phone.on('console', (message) => {
    if (message.type() === 'error') phoneProblems.push(`console.error: ${message.text()}`);
  });
  await phone.goto(app.url);
  await phone.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
});

afterAll(async () => {
  // The phone context is not closed on its own: with @sparticuz/chromium's single process that would end the browser.
  await app?.close();
});

describe('phone 390 × 844, by touch', () => {
  it('the graph fills the screen, the sheet waits lowered, nothing scrolls sideways', async () => {
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    const canvas = await phone.getByTestId('graph-canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(canvas!.height).toBeGreaterThan(PHONE.height * 0.5);
    const sheet = phone.getByTestId('side-panel');
    expect(await sheet.getAttribute('data-sheet')).toBe('collapsed');
    const handle = phone.getByTestId('sheet-handle');
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    await expectReadable(phone, handle);
    // The lowered sheet hides no graph: the canvas ends where the sheet begins.
    const sheetBox = await sheet.boundingBox();
    expect(canvas!.y + canvas!.height).toBeLessThanOrEqual(sheetBox!.y + 1);
    // The filters are folded away; the search box stays.
    expect(await phone.getByTestId('legend-drawer').isVisible()).toBe(false);
    await expectReadable(phone, phone.getByTestId('entity-search'));
    await saveScreenshot(phone, 'phone-graph.png');
    await expectNoAxeViolations(phone, 'phone, graph, sheet lowered');
  });

  it('tapping a node raises the sheet, and its relations’ sentences can be read', async () => {
    await resetPhone();
    await tapNode('vladimir-putin');
    await expect.poll(() => selection(phone)).toEqual({ kind: 'node', id: 'vladimir-putin' });
    const sheet = phone.getByTestId('side-panel');
    await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('expanded');
    expect(await phone.getByTestId('sheet-handle').getAttribute('aria-expanded')).toBe('true');
    expect(await phone.getByTestId('sheet-handle').textContent()).toContain('Vladimir Putin');
    await phone.waitForTimeout(250); // the sheet's rise (180 ms)
    const sheetBox = await sheet.boundingBox();
    expect(sheetBox!.height).toBeGreaterThan(PHONE.height * 0.5);
    await expectReadable(phone, phone.getByTestId('details-title'), sheet);

    // A sentence far down the list: the sheet scrolls inside itself to it.
    const quote = phone.getByTestId(`relation-card-${ICC_RELATION}`).getByTestId('evidence-sentence');
    await expect.poll(() => quote.textContent()).toContain('International Criminal Court issued an arrest warrant');
    await expectReadable(phone, quote, sheet);
    const cards = phone.locator('[data-testid^="relation-card-"]');
    await expectReadable(phone, cards.last().getByTestId('evidence-sentence').first(), sheet);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await quote.scrollIntoViewIfNeeded();
    await saveScreenshot(phone, 'phone-sheet-node.png');
    await expectNoAxeViolations(phone, 'phone, sheet raised on a node');
  });

  it('the handle lowers and raises the sheet by tap and by drag', async () => {
    await resetPhone();
    await tapNode('russia');
    const sheet = phone.getByTestId('side-panel');
    const handle = phone.getByTestId('sheet-handle');
    await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('expanded');
    await handle.tap();
    await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('collapsed');
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    // The selection stays; only the sheet was lowered.
    expect(await selection(phone)).toEqual({ kind: 'node', id: 'russia' });
    await handle.tap();
    await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('expanded');

    // Dragging down lowers it (pointer events, as a finger's drag sends them).
    await phone.waitForTimeout(250);
    const box = (await handle.boundingBox())!;
    const x = box.x + box.width / 2;
    await phone.mouse.move(x, box.y + 10);
    await phone.mouse.down();
    await phone.mouse.move(x, box.y + 200, { steps: 5 });
    await phone.mouse.up();
    await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('collapsed');
  });

  it('tapping an edge raises the sheet with that relation and its sentence', async () => {
    await resetPhone();
    // A long edge with nothing else across its middle (at phone scale New York City → UN General Assembly is a few pixels).
    const [a, b] = await Promise.all([nodePosition(phone, 'international-criminal-court'), nodePosition(phone, 'vladimir-putin')]);
    if (!a || !b) throw new Error('no positions for the International Criminal Court → Vladimir Putin edge');
    const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    expect(await onGraph(phone, middle)).toBe(true);
    await phone.touchscreen.tap(middle.x, middle.y);
    await expect.poll(() => selection(phone)).toEqual({ kind: 'edge', id: ICC_RELATION });
    const sheet = phone.getByTestId('side-panel');
    await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('expanded');
    expect(await phone.getByTestId('sheet-handle').textContent()).toContain('International Criminal Court issued an arrest warrant for Vladimir Putin');
    await phone.waitForTimeout(250);
    await expect.poll(() => phone.getByTestId('relation-details').textContent()).toContain('International Criminal Court → issued an arrest warrant for → Vladimir Putin');
    await expectReadable(phone, phone.getByTestId('relation-details').getByTestId('evidence-sentence').first(), sheet);
    await saveScreenshot(phone, 'phone-sheet-edge.png');
    await expectNoAxeViolations(phone, 'phone, sheet raised on an edge');
  });

  it('the Filters drawer opens over the graph and every relation type toggle can be reached and used', async () => {
    await resetPhone();
    const button = phone.getByTestId('filters-button');
    await expectReadable(phone, button);
    await button.tap();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const drawer = phone.getByTestId('legend-drawer');
    await drawer.waitFor({ state: 'visible' });
    const toggles = drawer.locator('button[aria-pressed][data-testid^="relation-toggle-"]');
    expect(await toggles.count()).toBe(15);
    await toggles.first().scrollIntoViewIfNeeded();
    await saveScreenshot(phone, 'phone-filters.png');
    await expectNoAxeViolations(phone, 'phone, filters drawer open');
    for (const toggle of await toggles.all()) await expectReadable(phone, toggle, drawer);
    await expectReadable(phone, drawer.getByTestId('hide-unconnected'), drawer);

    // A toggle reached this way works.
    const attended = drawer.getByTestId('relation-toggle-attended');
    await attended.scrollIntoViewIfNeeded();
    await attended.tap();
    await expect.poll(() => attended.getAttribute('aria-pressed')).toBe('false');
    await attended.tap();
    await expect.poll(() => attended.getAttribute('aria-pressed')).toBe('true');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);

    await button.tap();
    await expect.poll(() => drawer.isVisible()).toBe(false);

    // Escape closes it too, back on its button, and leaves the selection alone.
    await tapNode('russia');
    await expect.poll(() => selection(phone)).toEqual({ kind: 'node', id: 'russia' });
    await button.tap();
    await drawer.waitFor({ state: 'visible' });
    await phone.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await phone.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filters-button');
    expect(await selection(phone)).toEqual({ kind: 'node', id: 'russia' });
    expect(phoneProblems).toEqual([]);
  });

  it('the skip link raises the sheet and moves focus into the details', async () => {
    await resetPhone();
    await tapNode('ukraine');
    await expect.poll(() => phone.getByTestId('side-panel').getAttribute('data-sheet')).toBe('expanded');
    await phone.getByTestId('sheet-handle').tap();
    await expect.poll(() => phone.getByTestId('side-panel').getAttribute('data-sheet')).toBe('collapsed');
    await phone.getByTestId('skip-to-details').focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByTestId('side-panel').getAttribute('data-sheet')).toBe('expanded');
    await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('details-panel');
    await expectReadable(phone, phone.getByTestId('details-title'), phone.getByTestId('side-panel'));
  });
});

describe('tablet 768 × 1024', () => {
  it('a clicked node’s sentences are on screen, and nothing scrolls sideways', async () => {
    const { page, problems } = await app.openPage(TABLET);
    try {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const point = await nodePosition(page, 'vladimir-putin');
      if (!point) throw new Error('no position for vladimir-putin');
      expect(await onGraph(page, point)).toBe(true);
      await page.mouse.click(point.x, point.y);
      const sheet = page.getByTestId('side-panel');
      await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('expanded');
      await page.waitForTimeout(250);
      // Part of the graph stays in view above the raised sheet.
      expect((await sheet.boundingBox())!.y).toBeGreaterThan(TABLET.height * 0.3);
      const quote = page.getByTestId(`relation-card-${ICC_RELATION}`).getByTestId('evidence-sentence');
      await expectReadable(page, quote, sheet);
      await saveScreenshot(page, 'tablet-sheet-node.png');
      await expectNoAxeViolations(page, 'tablet, sheet raised on a node');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('desktop', () => {
  it('the skip link is the first Tab stop and Enter moves focus into the details panel', async () => {
    const { page, problems } = await app.openPage({ width: 1280, height: 800 });
    try {
      const link = page.getByTestId('skip-to-details');
      expect(await link.isVisible()).toBe(true);
      // Out of sight until focused.
      expect((await link.boundingBox())!.y + (await link.boundingBox())!.height).toBeLessThanOrEqual(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-to-details');
      expect(await link.textContent()).toBe('Skip to details');
      await expectReadable(page, link);
      await expectNoAxeViolations(page, 'desktop, skip link focused');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-panel');

      // From another tab, with an entity selected: the link opens Details, and one more Tab reaches its relations.
      const point = await nodePosition(page, 'vladimir-putin');
      await page.mouse.click(point!.x, point!.y);
      await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Vladimir Putin');
      await page.getByTestId('tab-path').click();
      // The link's target exists on every tab (axe "skip-link").
      await expectNoAxeViolations(page, 'desktop, path tab');
      await link.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('tab-details').getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-panel');
      for (let presses = 0; presses < 8; presses++) {
        await page.keyboard.press('Tab');
        const inRelation = await page.evaluate(() => document.activeElement?.closest('[data-testid^="relation-card-"]') !== null);
        if (inRelation) break;
      }
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="details-panel"]') !== null)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid^="relation-card-"]') !== null)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('“Hide entities with no visible relation” is in view without scrolling at 1280 × 900', async () => {
    const { page, problems } = await app.openPage({ width: 1280, height: 900 });
    try {
      const legend = page.getByRole('navigation', { name: 'Search, legend and filters' });
      expect(await legend.evaluate((element) => element.scrollTop)).toBe(0);
      const box = (await page.getByTestId('hide-unconnected').boundingBox())!;
      const legendBox = (await legend.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(legendBox.y);
      expect(box.y + box.height).toBeLessThanOrEqual(Math.min(900, legendBox.y + legendBox.height));
      // Nothing covers it: a click there toggles it.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => page.getByTestId('hide-unconnected').isChecked()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the desktop keeps its three columns (screenshot at 1280 × 800)', async () => {
    const page = desktop.page;
    expect(await page.getByTestId('filters-button').isVisible()).toBe(false);
    expect(await page.getByTestId('sheet-handle').isVisible()).toBe(false);
    expect(await page.getByTestId('legend-drawer').isVisible()).toBe(true);
    const panel = (await page.getByTestId('side-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThan(800);
    expect(panel.height).toBeGreaterThan(600);
    const point = await nodePosition(page, 'vladimir-putin');
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Vladimir Putin');
    await saveScreenshot(page, 'desktop-1280x800.png');
    expect(desktop.problems).toEqual([]);
  });
});
