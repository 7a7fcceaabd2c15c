/**
 * Keyboard and assistive technology (issue #18), in real headless Chromium.
 *
 *  - Every dialog (Open article, Workspaces, Types) is a modal <dialog>: the
 *    focus starts inside, Tab and Shift+Tab wrap inside it, Escape closes it
 *    without reaching the explorer's own Escape, and the focus goes back to
 *    the button that opened it (or to "Open article…" when a dropped file
 *    opened it).
 *  - axe-core runs on every view and fails the test on any violation: the
 *    graph, details of a node and of an edge, a path, the article, the table,
 *    each dialog, the Export menu, the problems panel, and a phone.
 *
 * No rule is disabled and no element excluded: a violation anywhere on the
 * page fails the view it shows up in, with axe's rule, impact and selector.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, saveScreenshot, startApp, type AppHarness } from './harness.ts';

let app: AppHarness;
let page: Page;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';

const selection = (p: Page = page) => p.evaluate(() => window.__newsgraph?.state().selection ?? null);
const activeTestId = (p: Page = page) =>
  p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const origin = async () => (await page.getByTestId('data-origin').textContent()) ?? '';

async function graphReady(p: Page = page): Promise<void> {
  await p.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
}

/** Chooses an entity in a combobox (search, path from/to) by typing and Enter. */
async function choose(testId: string, text: string, entity: string, hitPrefix = `${testId}-hit`): Promise<void> {
  const box = page.getByTestId(testId);
  await box.fill(text);
  await page.getByTestId(`${hitPrefix}-${entity}`).waitFor({ state: 'visible' });
  await box.press('Enter');
}

/** Back to the seed with nothing selected, on the Details tab: whatever a failed test left open is closed first. */
async function reset(): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()) > 0; i++) {
    await page.locator('dialog[open]').first().focus();
    await page.keyboard.press('Escape');
  }
  if ((await page.getByTestId('problems-panel').count()) > 0) await page.getByTestId('problems-dismiss').click();
  await page.mouse.move(5, 5);
  if (!(await page.getByTestId('seed-button').isDisabled())) {
    await page.getByTestId('seed-button').click();
    await graphReady();
  }
  for (let i = 0; i < 3 && (await selection())?.kind !== 'none'; i++) await page.keyboard.press('Escape');
  await expect.poll(async () => (await selection())?.kind).toBe('none');
  await page.getByTestId('tab-details').click();
}

/**
 * Presses Tab (and then Shift+Tab) more times than the dialog has stops and
 * checks the focus never leaves it and comes round again: the trap wraps.
 */
async function expectFocusTrapped(testId: string): Promise<void> {
  const dialog = page.getByTestId(testId);
  expect(await dialog.evaluate((el) => el instanceof HTMLDialogElement && el.open && el.matches(':modal'))).toBe(true);
  const stops = await dialog.evaluate(
    (el) => el.querySelectorAll('button:not(:disabled), input:not(:disabled):not([hidden]), textarea:not(:disabled), select:not(:disabled), a[href]').length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    const seen: string[] = [];
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press(key);
      const where = await page.evaluate((id) => {
        const active = document.activeElement;
        const inside = document.querySelector(`[data-testid="${id}"]`)?.contains(active) ?? false;
        return inside && active ? `${active.tagName}|${active.getAttribute('data-testid') ?? active.textContent?.trim().slice(0, 20) ?? ''}` : `OUTSIDE ${active?.tagName}`;
      }, testId);
      seen.push(where);
    }
    expect(seen.filter((w) => w.startsWith('OUTSIDE')), `${key} left the dialog: ${seen.join(', ')}`).toEqual([]);
    // More presses than stops: some stop came round twice, so the focus wrapped rather than stopping at an end.
    expect(new Set(seen).size, `${key} never wrapped: ${seen.join(', ')}`).toBeLessThan(seen.length);
  }
}

beforeAll(async () => {
  app = await startApp();
  page = (await app.openPage(DESKTOP)).page;
});

afterAll(async () => {
  await app?.close();
});

describe('dialogs keep the keyboard inside and give the focus back', () => {
  it('Open article: modal, the text box has the focus, Tab wraps inside, Escape closes it, back on the button, selection kept', async () => {
    await reset();
    await choose('entity-search', 'Putin', 'vladimir-putin', 'search-hit');
    await expect.poll(selection).toEqual({ kind: 'node', id: 'vladimir-putin' });
    await page.getByTestId('open-article-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('open-article-dialog').waitFor();
    expect(await activeTestId()).toBe('article-text');
    // With text to extract every stop is enabled (Extract included).
    await page.getByTestId('article-text').fill('France and Germany signed a defence pact.');
    await expectFocusTrapped('open-article-dialog');
    // "Choose a file…" is a Tab stop of its own (it was a label over a hidden input).
    expect(await page.getByTestId('article-file-button').evaluate((el) => el.tabIndex)).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('open-article-dialog').count()).toBe(0);
    expect(await activeTestId()).toBe('open-article-button');
    // The explorer's own Escape (clear the selection) did not fire.
    expect(await selection()).toEqual({ kind: 'node', id: 'vladimir-putin' });
  });

  it('Open article over a dropped file (no opener): Cancel puts the focus on "Open article…", not on the page', async () => {
    await reset();
    // A drop comes with nothing focused.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['France and Germany signed a defence pact in Paris.'], 'pact.txt', { type: 'text/plain' }));
      for (const kind of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('open-article-dialog').waitFor();
    expect(await activeTestId()).toBe('article-text');
    await page.getByTestId('article-cancel').click();
    await expect.poll(() => page.getByTestId('open-article-dialog').count()).toBe(0);
    expect(await activeTestId()).toBe('open-article-button');
  });

  it('Workspaces: modal, Tab wraps inside, Escape closes it and the focus is back on Workspaces', async () => {
    await reset();
    await page.getByTestId('workspaces-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('workspaces-dialog').waitFor();
    await expect.poll(() => page.getByTestId('workspaces-list').getAttribute('aria-busy')).toBe('false');
    await expectFocusTrapped('workspaces-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('workspaces-dialog').count()).toBe(0);
    expect(await activeTestId()).toBe('workspaces-button');
  });

  it('Types (a CSV with a free-text relation name): modal, Tab wraps inside, Escape closes it and the focus is on Types…', async () => {
    await reset();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByTestId('import-file').setInputFiles({
      name: 'trade.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Subject,Relation,Object\nFrance,trades grain with,Germany\nGermany,trades grain with,Poland\n'),
    });
    await expect.poll(origin, { timeout: 60_000 }).toBe('Imported from trade.csv');
    await graphReady();
    const dialog = page.getByTestId('type-mapping-dialog');
    await dialog.waitFor();
    // The dialog has the focus, not the warnings panel that opened with it (a status does not take the focus).
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expectFocusTrapped('type-mapping-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await activeTestId()).toBe('types-button');
    // Reopened from the keyboard, it closes back onto the same button.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await activeTestId()).toBe('types-button');
  });

  it('the Export menu folds on Escape with the focus back on its button', async () => {
    await reset();
    const menu = page.getByTestId('export-menu');
    await menu.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });
});

describe('axe finds nothing on any view (desktop 1280×800)', () => {
  it('the graph, seed loaded', async () => {
    await reset();
    await expectNoAxeViolations(page, 'graph, seed loaded');
  });

  it('details: a node selected', async () => {
    await reset();
    await choose('entity-search', 'Putin', 'vladimir-putin', 'search-hit');
    await page.getByTestId('details-title').waitFor();
    await expectNoAxeViolations(page, 'details, node selected');
  });

  it('details: an edge selected', async () => {
    await reset();
    await page.evaluate((edge) => {
      window.location.hash = `sel=edge:${edge}`;
    }, WARRANT);
    await expect.poll(selection).toEqual({ kind: 'edge', id: WARRANT });
    await page.getByTestId('relation-details').waitFor();
    await expectNoAxeViolations(page, 'details, edge selected');
  });

  it('the path tab with a path', async () => {
    await reset();
    await page.getByTestId('tab-path').click();
    await choose('path-from', 'armen', 'armenia');
    await choose('path-to', 'ICC', 'international-criminal-court');
    await expect.poll(() => page.getByTestId('path-hop').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'a11y-path.png');
    await expectNoAxeViolations(page, 'path tab with a path');
  });

  it('the article tab', async () => {
    await reset();
    await page.getByTestId('tab-article').click();
    await page.locator('#side-tabpanel').waitFor();
    await expectNoAxeViolations(page, 'article tab');
  });

  // The table headers' colour contrast was 4.36:1 (issue #18).
  it('the table tab', async () => {
    await reset();
    await page.getByTestId('tab-table').click();
    await page.locator('#side-tabpanel table').first().waitFor();
    await expectNoAxeViolations(page, 'table tab');
  });

  it('the Open article dialog open', async () => {
    await reset();
    await page.getByTestId('open-article-button').click();
    await page.getByTestId('open-article-dialog').waitFor();
    await saveScreenshot(page, 'a11y-open-article.png');
    await expectNoAxeViolations(page, 'Open article dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('open-article-dialog').count()).toBe(0);
  });

  it('the Workspaces dialog open', async () => {
    await reset();
    await page.getByTestId('workspaces-button').click();
    await page.getByTestId('workspaces-dialog').waitFor();
    await expect.poll(() => page.getByTestId('workspaces-list').getAttribute('aria-busy')).toBe('false');
    await expectNoAxeViolations(page, 'Workspaces dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('workspaces-dialog').count()).toBe(0);
  });

  it('the Types dialog open (a CSV with a free-text relation name)', async () => {
    await reset();
    await page.getByTestId('import-file').setInputFiles({
      name: 'ties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Subject,Relation,Object\nFrance,shares a border with,Germany\nSpain,shares a border with,France\n'),
    });
    await expect.poll(origin, { timeout: 60_000 }).toBe('Imported from ties.csv');
    await graphReady();
    await page.getByTestId('type-mapping-dialog').waitFor();
    await saveScreenshot(page, 'a11y-types.png');
    await expectNoAxeViolations(page, 'Types dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('type-mapping-dialog').count()).toBe(0);
  });

  it('the Export menu open', async () => {
    await reset();
    await page.getByTestId('export-menu').locator('summary').click();
    await expect.poll(() => page.getByTestId('export-menu').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await expectNoAxeViolations(page, 'Export menu open');
    await page.keyboard.press('Escape');
  });

  it('the problems panel (a broken file)', async () => {
    await reset();
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"entities": [') });
    const panel = page.getByTestId('problems-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-kind')).toBe('refused');
    await saveScreenshot(page, 'a11y-problems.png');
    await expectNoAxeViolations(page, 'problems panel');
    await page.getByTestId('problems-dismiss').click();
    await panel.waitFor({ state: 'detached' });
  });
});

describe('axe finds nothing on a phone (390×844)', () => {
  let phone: Page;

  beforeAll(async () => {
    phone = (await app.openPage(PHONE)).page;
  });

  it('the graph', async () => {
    await saveScreenshot(phone, 'a11y-phone-graph.png');
    await expectNoAxeViolations(phone, 'phone, graph');
  });

  it('a node selected', async () => {
    const search = phone.getByTestId('entity-search');
    if (!(await search.isVisible())) throw new Error('no visible search box on the phone');
    await search.fill('Putin');
    await phone.getByTestId('search-hit-vladimir-putin').waitFor({ state: 'visible' });
    await search.press('Enter');
    await expect.poll(() => selection(phone)).toEqual({ kind: 'node', id: 'vladimir-putin' });
    await saveScreenshot(phone, 'a11y-phone-node.png');
    await expectNoAxeViolations(phone, 'phone, node selected');
  });

  it('the Open article dialog: fits the screen, the focus inside, Escape back on the button', async () => {
    const button = phone.getByTestId('open-article-button');
    await button.focus();
    await phone.keyboard.press('Enter');
    const dialog = phone.getByTestId('open-article-dialog');
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height, JSON.stringify(box)).toBe(true);
    expect(await activeTestId(phone)).toBe('article-text');
    await saveScreenshot(phone, 'a11y-phone-open-article.png');
    await expectNoAxeViolations(phone, 'phone, Open article dialog');
    await phone.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await activeTestId(phone)).toBe('open-article-button');
  });
});
