/**
 * The entity panel's Wikidata link, on the seed article, in real headless Chromium.
 *
 * The seed carries the gazetteer's Wikidata ids (scripts/curate-seed.ts), so
 * a reader who clicks Russia sees "Wikidata Q159", opening the item in a new
 * tab without giving it the opener or a referrer; an entity the gazetteer has
 * no id for shows no link. Nodes are clicked at the on-screen positions sigma
 * reports, as in explorer.test.ts. Screenshots at desktop 1440×900 and
 * phone 390×844 go to a temporary folder (never docs/).
 */

import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';

/** sigma reports a second click within this many ms as a double click. */
const DOUBLE_CLICK_MS = 300;
const SHOTS = join(tmpdir(), 'newsgraph-wikidata');

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await app?.close();
});

async function clickNode(page: Page, id: string): Promise<void> {
  // Let sigma's double-click window from an earlier click expire: a second click would zoom instead.
  await page.waitForTimeout(DOUBLE_CLICK_MS + 50);
  const position = await page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
  if (!position) throw new Error(`no on-screen position for node ${id}`);
  await page.mouse.click(position.x, position.y);
  await expect.poll(() => page.evaluate(() => window.__newsgraph?.state().selection)).toEqual({ kind: 'node', id });
}

/** The link's text, address, target and rel, and whether it sits inside the panel's width. */
async function checkRussiaLink(page: Page): Promise<void> {
  const link = page.getByTestId('entity-wikidata');
  await link.waitFor({ state: 'visible' });
  expect(await link.textContent()).toBe('Wikidata Q159');
  expect(await link.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q159');
  expect(await link.getAttribute('target')).toBe('_blank');
  const rel = ((await link.getAttribute('rel')) ?? '').split(/\s+/);
  expect(rel).toContain('noopener');
  expect(rel).toContain('noreferrer');
  // Inside the panel header, not cut off or pushing the panel wider.
  const [linkBox, headerBox] = await Promise.all([link.boundingBox(), page.locator('[data-testid="entity-details"] .details-header').boundingBox()]);
  if (!linkBox || !headerBox) throw new Error('link or panel header has no box');
  expect(linkBox.x).toBeGreaterThanOrEqual(headerBox.x);
  expect(linkBox.x + linkBox.width).toBeLessThanOrEqual(headerBox.x + headerBox.width + 0.5);
}

describe('the Wikidata link in the entity panel (built app, real Chromium)', () => {
  it('Russia links to Wikidata Q159 in a new tab; an entity without an id shows no link', async () => {
    const { page, problems } = await app.openPage();
    try {
      await clickNode(page, 'russia');
      await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Russia');
      await checkRussiaLink(page);
      await page.locator('[data-testid="entity-details"] .details-header').screenshot({ path: join(SHOTS, 'panel-desktop.png') });
      await page.screenshot({ path: join(SHOTS, 'page-desktop.png') });

      // Sergei Lavrov: in the seed, not in the gazetteer's office-holders.
      await clickNode(page, 'sergei-lavrov');
      await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Sergei Lavrov');
      expect(await page.getByTestId('entity-wikidata').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on a phone the link keeps its text, address and new-tab rel, within the phone\'s width', async () => {
    const { page, problems } = await app.openPage({ width: 390, height: 844 });
    try {
      await clickNode(page, 'russia');
      await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Russia');
      await checkRussiaLink(page);
      const right = await page.getByTestId('entity-wikidata').evaluate((element) => element.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(SHOTS, 'page-phone.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
