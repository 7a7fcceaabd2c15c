/**
 * The article pane with the keyboard only, in real headless Chromium.
 *
 * The seed article has 66 entity mentions; each used to be its own Tab stop.
 * Now the names are one Tab stop (roving tabindex): Tab enters on one name,
 * arrows / Home / End move between names (scrolling them into view), Enter
 * and Space select, one more Tab leaves the article. Expected names come
 * from the seed dataset's mention offsets, not from the app.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { startApp, type AppHarness, type AppPage } from './harness.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const article = seed.documents[0];
if (!article) throw new Error('the seed dataset has no document');
const WARRANT = 'r24-international-criminal-court-issued-warrant-vladimir-putin';

/** The seed's mentions in reading order, overlapping ones dropped (the pane marks each character once). */
const mentions: Array<{ entity: string; text: string }> = (() => {
  const all = seed.entities
    .flatMap((e) => e.mentions.filter((m) => m.document === article.id).map((m) => ({ entity: e.id, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Array<{ entity: string; text: string }> = [];
  let cursor = 0;
  for (const m of all) {
    if (m.start < cursor) continue;
    kept.push({ entity: m.entity, text: article.text.slice(m.start, m.end) });
    cursor = m.end;
  }
  return kept;
})();
const nth = (i: number) => {
  const m = mentions.at(i);
  if (!m) throw new Error(`no mention ${i}`);
  return m;
};

let app: AppHarness;
let opened: AppPage;
let page: Page;
/** The warrant edge's depth with nothing selected or hovered, read on the fresh page. */
let restingWarrantZ: number | null = null;

const selection = () => page.evaluate(() => window.__newsgraph?.state().selection ?? null);
const edgeZ = (id: string) => page.evaluate((edge) => window.__newsgraph?.edgeDisplay(edge)?.zIndex ?? null, id);
/** What has focus: its text, whether it is one of the article's names, and its index among them. */
const focused = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    const names = [...document.querySelectorAll('[data-testid="article-names"] .article-mention')];
    return {
      text: active?.textContent ?? '',
      testId: active?.getAttribute('data-testid') ?? '',
      inArticle: document.querySelector('[data-testid="article-names"]')?.contains(active) ?? false,
      index: active ? names.indexOf(active) : -1,
    };
  });
/** Whether the focused element lies wholly inside the visible part of its scrolling ancestor. */
const focusedInView = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return false;
    let scroller = active.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    const box = active.getBoundingClientRect();
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    return box.top >= view.top && box.bottom <= view.bottom;
  });
const scrollTop = () =>
  page.evaluate(() => {
    let el = document.querySelector('[data-testid="article-names"]')?.parentElement ?? null;
    while (el && !(el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    return el?.scrollTop ?? -1;
  });

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage({ width: 1280, height: 800 });
  page = opened.page;
  restingWarrantZ = await edgeZ(WARRANT);
});

afterAll(async () => {
  await app.close();
});

describe('article pane, keyboard only', () => {
  it('the names are one Tab stop with an accessible name and a hint; arrows, Home and End move between them and scroll them into view', async () => {
    await page.getByTestId('tab-article').click();
    await page.getByTestId('article-pane').waitFor({ state: 'visible' });
    // The oracle matches what the pane shows, and the pane has one tabbable name among many.
    expect(await page.locator('[data-testid="article-names"] .article-mention').allTextContents()).toEqual(mentions.map((m) => m.text));
    expect(mentions.length).toBeGreaterThan(50);
    expect(await page.locator('[data-testid="article-names"] .article-mention[tabindex="0"]').count()).toBe(1);
    const group = page.getByRole('group', { name: /Names in the article/ });
    expect(await group.count()).toBe(1);
    const hintId = await group.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toBe('Arrow keys move between names; Enter selects.');

    // From the Article tab, Tab until focus enters the article: it enters on the first name.
    let stops = 0;
    let where = await focused();
    for (; stops < 10 && !where.inArticle; stops += 1) {
      await page.keyboard.press('Tab');
      where = await focused();
    }
    expect(where).toMatchObject({ inArticle: true, index: 0, text: nth(0).text });
    expect(stops).toBeLessThanOrEqual(3); // the tab, the collapse button, then the article

    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ index: 1, text: nth(1).text });
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ index: 2, text: nth(2).text });
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatchObject({ index: 1, text: nth(1).text });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // already first: stays
    expect(await focused()).toMatchObject({ index: 0, text: nth(0).text });
    expect(await page.locator('[data-testid="article-names"] .article-mention[tabindex="0"]').count()).toBe(1);

    const topBefore = await scrollTop();
    await page.keyboard.press('End');
    expect(await focused()).toMatchObject({ index: mentions.length - 1, text: nth(-1).text });
    expect(await focusedInView()).toBe(true);
    expect(await scrollTop()).toBeGreaterThan(topBefore); // the last name is far down the article
    await page.keyboard.press('ArrowRight'); // already last: stays
    expect(await focused()).toMatchObject({ index: mentions.length - 1 });
    await page.keyboard.press('Home');
    expect(await focused()).toMatchObject({ index: 0, text: nth(0).text });
    expect(await focusedInView()).toBe(true);
    // Arrows are taken by the names, not passed on to the tabs or the graph.
    expect(await page.getByTestId('side-panel').getAttribute('data-tab')).toBe('article');
    expect(await selection()).toEqual({ kind: 'none' });
    expect(opened.problems).toEqual([]);
  });

  it('Enter and Space select the focused name’s entity; one Tab leaves the article, Shift+Tab comes back to the same name', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(selection).toEqual({ kind: 'node', id: nth(2).entity });
    expect(await focused()).toMatchObject({ index: 2, text: nth(2).text }); // focus stays on the name
    expect(await page.locator('[data-testid="article-names"] .article-mention').nth(2).getAttribute('class')).toContain('is-selected');

    // Space on a name of another entity.
    const other = mentions.findIndex((m, i) => i > 2 && m.entity !== nth(2).entity);
    for (let i = 2; i < other; i += 1) await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ index: other, text: nth(other).text });
    await page.keyboard.press(' ');
    await expect.poll(selection).toEqual({ kind: 'node', id: nth(other).entity });
    expect(await focused()).toMatchObject({ index: other });

    await page.keyboard.press('Tab');
    expect((await focused()).inArticle).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ inArticle: true, index: other, text: nth(other).text });
    expect(opened.problems).toEqual([]);
  });

  it('a focused name lights its sentence’s relations; Tab out of the article puts them back', async () => {
    // Out of the article (its hover cleared), Escape clears the selection: the warrant edge back at its resting depth.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(selection).toEqual({ kind: 'none' });
    await expect.poll(() => edgeZ(WARRANT)).toBe(restingWarrantZ);
    expect(restingWarrantZ).not.toBe(2);
    await page.keyboard.press('Shift+Tab');
    const inWarrant = mentions.findIndex((m) => m.entity === 'international-criminal-court');
    expect(inWarrant).toBeGreaterThan(-1);
    await page.keyboard.press('Home');
    expect((await focused()).inArticle).toBe(true);
    for (let i = 0; i < inWarrant; i += 1) await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ index: inWarrant, testId: 'mention-international-criminal-court' });
    await expect.poll(() => edgeZ(WARRANT)).toBe(2);
    await page.keyboard.press('Tab');
    await expect.poll(() => edgeZ(WARRANT)).toBe(restingWarrantZ);
  });

  it('selecting an entity elsewhere moves the article’s Tab stop to its first name', async () => {
    const box = page.getByTestId('entity-search');
    await box.fill('Zelensky');
    await page.getByTestId('search-hit-volodymyr-zelensky').waitFor({ state: 'visible' });
    await box.press('Enter');
    await expect.poll(selection).toEqual({ kind: 'node', id: 'volodymyr-zelensky' });
    if ((await page.getByTestId('side-panel').getAttribute('data-tab')) !== 'article') await page.getByTestId('tab-article').click();
    const first = mentions.findIndex((m) => m.entity === 'volodymyr-zelensky');
    const tabbable = page.locator('[data-testid="article-names"] .article-mention[tabindex="0"]');
    // The stop moves after the selection renders: wait for it rather than reading it once.
    await expect.poll(() => tabbable.getAttribute('data-testid'), { timeout: 10_000 }).toBe('mention-volodymyr-zelensky');
    expect(await tabbable.count()).toBe(1);
    const index = await tabbable.evaluate((el) => [...document.querySelectorAll('[data-testid="article-names"] .article-mention')].indexOf(el));
    expect(index).toBe(first);
    expect(opened.problems).toEqual([]);
  });
});
