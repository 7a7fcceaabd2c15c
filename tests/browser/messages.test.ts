/**
 * Messages and state (issue #18), in real headless Chromium at 1280×800:
 *  - "No path" names the real cause: a 2-step focus, not "the entity filters";
 *  - the header counts what is drawn under an entity-type filter too;
 *  - the table sorts by a click on a column header (ascending, then
 *    descending) with aria-sort, from the keyboard as well, and axe finds
 *    nothing on it (header contrast).
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { expectNoAxeViolations, saveScreenshot, startApp, type AppHarness } from './harness.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const labelOf = new Map(seed.entities.map((e) => [e.id, e.label]));
const VIEWPORT = { width: 1280, height: 800 };

let app: AppHarness;
let page: Page;

const nodeDisplay = (id: string) => page.evaluate((node) => window.__newsgraph?.nodeDisplay(node) ?? null, id);
const edgeHidden = (id: string) => page.evaluate((edge) => window.__newsgraph?.edgeDisplay(edge)?.hidden ?? true, id);

async function choose(testId: string, text: string, entity: string, hitPrefix = `${testId}-hit`): Promise<void> {
  const box = page.getByTestId(testId);
  await box.fill(text);
  await page.getByTestId(`${hitPrefix}-${entity}`).waitFor({ state: 'visible' });
  await box.press('Enter');
}

/** The relations sigma draws now, counted edge by edge. */
async function drawnRelations(): Promise<number> {
  let drawn = 0;
  for (const relation of seed.relations) if (!(await edgeHidden(relation.id))) drawn += 1;
  return drawn;
}

const headerSort = (column: string) => page.getByTestId(`sort-${column}`).locator('xpath=..').getAttribute('aria-sort');
const columnTexts = (n: number) => page.locator(`.relation-table tbody tr td:nth-child(${n})`).allTextContents();

beforeAll(async () => {
  app = await startApp();
  ({ page } = await app.openPage(VIEWPORT));
});

afterAll(async () => {
  await app?.close();
});

describe('messages and state (built app, real Chromium)', () => {
  it('with a 2-step focus on, "no path" says the focus hid the end, and clearing it finds the path', async () => {
    await choose('entity-search', 'Armenia', 'armenia', 'search-hit');
    await page.getByTestId('focus-2').click();
    await expect.poll(async () => (await nodeDisplay('arab-league'))?.hidden).toBe(true);

    await page.getByTestId('tab-path').click();
    await choose('path-from', 'Armen', 'armenia');
    await choose('path-to', 'Arab Le', 'arab-league');
    const none = page.getByTestId('path-none');
    await none.waitFor({ state: 'visible' });
    const text = (await none.textContent()) ?? '';
    expect(text).toContain('Arab League is outside the 2-step focus on Armenia; clear the focus to include it.');
    expect(text).not.toContain('entity filters');

    // The message's advice works: clear the focus and the path is there.
    await page.getByTestId('chip-focus').getByRole('button', { name: /Show all/ }).click();
    await expect.poll(() => page.getByTestId('path-hop').count()).toBeGreaterThan(0);
    await page.getByTestId('path-clear').click();
  });

  it('an entity-type filter: "no path" names the type', async () => {
    await page.getByTestId('entity-toggle-place').click();
    await choose('path-from', 'Russ', 'russia');
    await choose('path-to', 'Europe', 'europe');
    await page.getByTestId('path-none').waitFor({ state: 'visible' });
    expect(await page.getByTestId('path-none').textContent()).toContain(
      'Europe is a Place, and the entity-type filter hides Place entities; show Place to include it.',
    );
    await page.getByTestId('path-clear').click();
    await page.getByTestId('entity-toggle-place').click();
  });

  it('the header counts the relations drawn under an entity-type filter', async () => {
    const stats = () => page.getByTestId('stats').innerText();
    expect(await stats()).toContain(`${seed.entities.length} entities · ${seed.relations.length} relations`);
    expect(await stats()).not.toContain('shown');

    await page.getByTestId('entity-toggle-place').click();
    try {
      await expect.poll(async () => (await nodeDisplay('europe'))?.hidden).toBe(true);
      const drawn = await drawnRelations();
      expect(drawn).toBeLessThan(seed.relations.length);
      await expect.poll(stats).toContain(`${seed.relations.length} relations (${drawn} shown)`);

      // A relation-type filter on top: still the number drawn.
      await page.getByTestId('relation-toggle-accused').click();
      const fewer = await drawnRelations();
      expect(fewer).toBeLessThan(drawn);
      await expect.poll(stats).toContain(`(${fewer} shown)`);
      await page.getByTestId('relation-toggle-accused').click();
    } finally {
      // Every type back on for the tests after this one, even when it failed.
      if (!(await page.getByTestId('entities-all').isDisabled())) await page.getByTestId('entities-all').click();
      if ((await page.getByTestId('relation-toggle-accused').getAttribute('aria-pressed')) === 'false') await page.getByTestId('relation-toggle-accused').click();
    }
    await expect.poll(stats).not.toContain('shown');
  });

  it('the table sorts by a header click: ascending, then descending, with aria-sort', async () => {
    await page.getByTestId('tab-table').click();
    await page.getByTestId('relation-table').waitFor({ state: 'visible' });
    const before = await columnTexts(2);
    expect(await headerSort('source')).toBeNull();

    await page.getByTestId('sort-source').click();
    await expect.poll(() => headerSort('source')).toBe('ascending');
    const up = await columnTexts(2);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(up).toEqual([...before].sort(collator.compare));
    expect(up[0]).toBe(labelOf.get('ahmed-abu-al-gheit'));
    expect(await page.locator('.relation-table caption').textContent()).toContain('sorted by source (ascending)');

    await page.getByTestId('sort-source').click();
    await expect.poll(() => headerSort('source')).toBe('descending');
    expect(await columnTexts(2)).toEqual([...up].reverse());

    // Another column takes over: only one header carries aria-sort.
    await page.getByTestId('sort-type').click();
    await expect.poll(() => headerSort('type')).toBe('ascending');
    expect(await headerSort('source')).toBeNull();
    expect(await page.locator('.relation-table th[aria-sort]').count()).toBe(1);
  });

  it('the sort buttons work from the keyboard, and the sorted table passes axe', async () => {
    const button = page.getByTestId('sort-evidence');
    await button.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sort-evidence');
    // Tab moves along the header buttons: they are real buttons in the tab order.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sort-claim');
    await page.keyboard.press('Tab');

    await page.keyboard.press('Enter');
    await expect.poll(() => headerSort('evidence')).toBe('ascending');
    await page.keyboard.press('Space');
    await expect.poll(() => headerSort('evidence')).toBe('descending');
    const counts = await page.locator('.relation-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td:nth-child(5) [data-testid="evidence-sentence"]').length),
    );
    expect(counts.length).toBe(seed.relations.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1] ?? 0);

    await page.getByTestId('sort-source').click();
    await expect.poll(() => headerSort('source')).toBe('ascending');
    await page.getByTestId('sort-source').focus();
    const path = await saveScreenshot(page, 'table-sorted.png');
    expect(path).toMatch(/table-sorted\.png$/);
    await expectNoAxeViolations(page, 'the sorted table');
  });
});
