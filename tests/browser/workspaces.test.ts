/**
 * Without a server, nothing is lost — end to end in real headless Chromium:
 * an imported file and an extracted-and-merged corpus survive a reload; the
 * Workspaces dialog lists, renames, deletes, reopens and saves as new, by
 * keyboard too (focus kept inside, Escape closes and returns focus); Copy
 * link on the user's own data carries it to a second, fresh browser, where a
 * tampered link lists its problems and keeps what was there; a graph too big
 * for a link says so and exports a file; and a save the browser refuses
 * (quota) says so without touching the graph on screen.
 */

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { packDataset } from '../../src/state/workspacesLink.ts';
import { launchChromium, saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const ARTICLE = [
  'Germany and France signed a new defence agreement in Paris on Tuesday.',
  'Chancellor Olaf Scholz met with President Emmanuel Macron at the Elysee Palace.',
  'The European Union welcomed the deal.',
  'Russia condemned the agreement and accused NATO of provoking Moscow.',
].join(' ');
const SECOND_ARTICLE = 'President Emmanuel Macron met with President Volodymyr Zelensky in Kyiv on Friday. Ukraine thanked France for its support.';
const TRIPLES = 'Subject,Relation,Object\nFrance,allied with,Germany\nRussia,attacked,Ukraine\nEuropean Union,sanctioned,Russia\n';

let app: AppHarness;
let opened: AppPage;
let page: Page;
let fresh: Browser | undefined;

const origin = (p: Page = page) => p.getByTestId('data-origin').textContent().then((text) => text ?? '');
const stats = (p: Page = page) => p.getByTestId('stats').innerText();
const selection = (p: Page = page) => p.evaluate(() => window.__newsgraph?.state().selection ?? null);
const activeTestId = (p: Page = page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const dialog = () => page.getByTestId('workspaces-dialog');
const rows = () => dialog().getByTestId('workspace-row');
const rowNamed = (name: string) => rows().filter({ has: page.getByTestId('workspace-name').getByText(name, { exact: true }) });

async function graphReady(p: Page = page): Promise<void> {
  await p.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
}

async function saved(): Promise<void> {
  await expect.poll(() => page.getByTestId('workspaces-button').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
}

/** Leaves the page and loads it again, as a reader coming back would (a navigation, like analyst.test.ts's). */
async function reload(p: Page = page): Promise<void> {
  const url = p.url();
  await p.goto('about:blank');
  await p.goto(url);
  await graphReady(p);
}

async function openDialog(): Promise<void> {
  await page.getByTestId('workspaces-button').click();
  await dialog().waitFor();
  await expect.poll(() => dialog().getByTestId('workspaces-list').getAttribute('aria-busy')).toBe('false');
}

async function closeDialog(): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog().count()).toBe(0);
}

async function openArticle(title: string, text: string, merge = false): Promise<void> {
  await page.getByTestId('open-article-button').click();
  await page.getByTestId('article-title-input').fill(title);
  await page.getByTestId('article-text').fill(text);
  if (merge) await page.getByTestId('article-merge').check();
  await page.getByTestId('article-extract').click();
  await expect.poll(() => origin(), { timeout: 30_000 }).toBe(merge ? `Merged with ${title}` : `Extracted from ${title}`);
  await graphReady();
}

async function clickNode(id: string, p: Page = page): Promise<void> {
  const position = await p.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
  if (!position) throw new Error(`no on-screen position for node ${id}`);
  await p.mouse.click(position.x, position.y);
  await expect.poll(() => selection(p)).toEqual({ kind: 'node', id });
}

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage(DESKTOP);
  page = opened.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
});

afterEach(() => {
  // Every step leaves the page without errors (checked per test, so a failure names its step).
  expect(opened.problems.splice(0).filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
});

afterAll(async () => {
  await fresh?.close();
  await app?.close();
});

describe('kept in this browser', () => {
  it('starts on the seed with nothing saved, and an imported file is there after a reload', async () => {
    expect(await origin()).toBe('Seed article');
    expect(await page.getByTestId('workspaces-button').getAttribute('data-save-state')).toBe('idle');
    await page.getByTestId('import-file').setInputFiles({ name: 'triples.csv', mimeType: 'text/csv', buffer: Buffer.from(TRIPLES) });
    await expect.poll(() => origin()).toBe('Imported from triples.csv');
    await graphReady();
    const before = await stats();
    await saved();
    await reload();
    expect(await origin()).toBe('Imported from triples.csv');
    expect(await stats()).toBe(before);
    expect(before).toContain('5 entities');
  });

  it('an extracted article grown by a merge is one workspace, reopened whole after a reload', async () => {
    await openArticle('Paris defence pact', ARTICLE);
    await saved();
    await openArticle('Kyiv visit', SECOND_ARTICLE, true);
    await saved();
    const before = await stats();
    await reload();
    expect(await origin()).toBe('Merged with Kyiv visit');
    expect(await stats()).toBe(before);
    await clickNode('volodymyr-zelensky');
    await openDialog();
    // The CSV and the corpus: the merge went into the article's workspace rather than a third one.
    expect(await rows().count()).toBe(2);
    await closeDialog();
  });
});

describe('the Workspaces dialog', () => {
  it('is a proper dialog: opened from the keyboard, focus kept inside, Escape closes it, returns focus and keeps the selection', async () => {
    expect(await selection()).toEqual({ kind: 'node', id: 'volodymyr-zelensky' });
    await page.getByTestId('workspaces-button').focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    expect(await dialog().evaluate((el) => (el as HTMLDialogElement).open && el.matches(':modal'))).toBe(true);
    expect(await activeTestId()).toBe('workspaces-close');
    const inside: boolean[] = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      inside.push(await page.evaluate(() => document.querySelector('[data-testid="workspaces-dialog"]')?.contains(document.activeElement) ?? false));
    }
    expect(inside.every(Boolean), `focus left the dialog: ${JSON.stringify(inside)}`).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await activeTestId()).toBe('workspaces-button');
    // The explorer's own Escape (clear the selection) did not fire.
    expect(await selection()).toEqual({ kind: 'node', id: 'volodymyr-zelensky' });
  });

  it('lists each workspace with its origin, counts and when it was opened; the one on screen is marked', async () => {
    await openDialog();
    const current = dialog().locator('[aria-current="true"]');
    expect(await current.count()).toBe(1);
    expect(await current.getByTestId('workspace-name').innerText()).toBe('Paris defence pact');
    const text = await current.innerText();
    expect(text).toContain('Open now');
    expect(text).toContain('Merged with Kyiv visit');
    expect(text).toMatch(/\d+ entities · \d+ relations · 2 articles/);
    expect(text).toContain('opened just now');
    const csv = rowNamed('triples.csv');
    expect(await csv.innerText()).toContain('Imported from triples.csv');
    expect(await csv.innerText()).toContain('5 entities · 3 relations · 0 articles');
    expect(await dialog().getByTestId('workspace-seed-row').innerText()).toContain('Built in, always here');
    await saveScreenshot(page, 'screenshot-workspaces.png');
  });

  it('renames a workspace; a name full of markup and bidi controls stays inert text', async () => {
    const hostile = '<img src=x onerror=alert(1)> Week\u202e 1';
    await rowNamed('triples.csv').getByTestId('workspace-rename').click();
    const input = dialog().getByTestId('workspace-rename-input');
    expect(await activeTestId()).toBe('workspace-rename-input');
    // Escape leaves the edit, not the dialog.
    await page.keyboard.press('Escape');
    expect(await dialog().count()).toBe(1);
    expect(await input.count()).toBe(0);
    await rowNamed('triples.csv').getByTestId('workspace-rename').click();
    await input.fill(hostile);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByTestId('workspaces-status').innerText()).toContain('Renamed');
    expect(await rowNamed(hostile).count()).toBe(1);
    expect(await dialog().locator('img').count()).toBe(0);
    expect(await dialog().locator('bdi', { hasText: 'Week' }).count()).toBeGreaterThan(0);
    // Focus went back to the row's Rename button.
    expect(await activeTestId()).toBe('workspace-rename');
  });

  it('reopens a workspace: the dialog closes on the graph, and focus returns to the Workspaces button', async () => {
    await rowNamed('<img src=x onerror=alert(1)> Week\u202e 1').getByTestId('workspace-open').click();
    await expect.poll(() => dialog().count(), { timeout: 30_000 }).toBe(0);
    expect(await origin()).toBe('Imported from triples.csv');
    await graphReady();
    expect(await stats()).toContain('5 entities');
    expect(await activeTestId()).toBe('workspaces-button');
    await reload();
    expect(await origin()).toBe('Imported from triples.csv');
  });

  it('saves the graph on screen as a new workspace, which becomes the open one', async () => {
    await openDialog();
    const name = dialog().getByTestId('workspace-save-as-name');
    expect(await name.inputValue()).toContain('(copy)');
    await name.fill('  Alliances,   for the desk  ');
    await dialog().getByTestId('workspace-save-as').click();
    await expect.poll(() => dialog().getByTestId('workspaces-status').innerText()).toBe('Saved as “Alliances, for the desk”.');
    expect(await rows().count()).toBe(3);
    expect(await dialog().locator('[aria-current="true"]').getByTestId('workspace-name').innerText()).toBe('Alliances, for the desk');
  });

  it('deletes after a confirmation whose safe choice has the focus; deleting the open one keeps the graph on screen', async () => {
    const doomed = rowNamed('Paris defence pact');
    await doomed.getByTestId('workspace-delete').click();
    expect(await activeTestId()).toBe('workspace-keep');
    await saveScreenshot(page, 'screenshot-workspaces-delete.png');
    await page.keyboard.press('Enter');
    expect(await rows().count()).toBe(3);
    await doomed.getByTestId('workspace-delete').click();
    await doomed.getByTestId('workspace-confirm-delete').click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rowNamed('Paris defence pact').count()).toBe(0);

    const open = dialog().locator('[aria-current="true"]');
    await open.getByTestId('workspace-delete').click();
    expect(await open.innerText()).toContain('The graph stays on screen until you open something else.');
    await open.getByTestId('workspace-confirm-delete').click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await dialog().locator('[aria-current="true"]').count()).toBe(0);
    await closeDialog();
    expect(await origin()).toBe('Imported from triples.csv');
    expect(await stats()).toContain('5 entities');
    // Nothing is kept for it any more: the next visit starts on the seed.
    await reload();
    expect(await origin()).toBe('Seed article');
  });

  it('looks right on a phone', async () => {
    await page.setViewportSize(PHONE);
    await openDialog();
    const box = await dialog().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    await saveScreenshot(page, 'screenshot-workspaces-phone.png');
    await rows().first().getByTestId('workspace-delete').click();
    await saveScreenshot(page, 'screenshot-workspaces-phone-delete.png');
    await rows().first().getByTestId('workspace-keep').click();
    await closeDialog();
    await page.setViewportSize(DESKTOP);
  });
});

describe('Copy link on the user’s own data', () => {
  let link = '';

  it('on the seed the link is the address, as before', async () => {
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('toolbar-status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });

  it('carries the data and the view in the fragment', async () => {
    await openArticle('Paris defence pact', ARTICLE);
    await clickNode('olaf-scholz');
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('toolbar-status').textContent()).toMatch(/^Link copied, with this graph’s data \(\d+ KB\)$/);
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.length).toBeLessThanOrEqual(32 * 1024);
    const hash = new URLSearchParams(new URL(link).hash.slice(1));
    expect(hash.get('data')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(hash.get('sel')).toBe('node:olaf-scholz');
    // The address bar itself keeps only the view.
    expect(new URL(page.url()).hash).not.toContain('data=');
  });

  it('opens in a fresh browser with the same graph and view, and is kept there', async () => {
    fresh = await launchChromium();
    const other = await (await fresh.newContext()).newPage();
    await other.setViewportSize(DESKTOP);
    await other.goto(link);
    await graphReady(other);
    expect(await origin(other)).toBe('Imported from a shared link');
    expect(await stats(other)).toBe(await stats());
    await expect.poll(() => selection(other)).toEqual({ kind: 'node', id: 'olaf-scholz' });
    expect(await other.getByTestId('details-title').innerText()).toBe('Olaf Scholz');
    // The data went into storage, not the address bar: a reload finds it there.
    await expect.poll(() => new URL(other.url()).hash).toBe('#sel=node%3Aolaf-scholz');
    await reload(other);
    expect(await origin(other)).toBe('Imported from a shared link');

    // A link damaged in transit: its problems, and the graph that was there stays.
    const payload = new URLSearchParams(new URL(link).hash.slice(1)).get('data')!;
    await other.goto('about:blank');
    await other.goto(`${app.url}#data=${payload.slice(0, Math.floor(payload.length / 2))}&sel=node%3Aolaf-scholz`);
    await graphReady(other);
    const panel = other.getByTestId('problems-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('Could not open the shared link');
    expect(await panel.innerText()).toContain('damaged');
    expect(await origin(other), await panel.innerText()).toBe('Imported from a shared link');
    await expect.poll(() => selection(other)).toEqual({ kind: 'node', id: 'olaf-scholz' });

    // Data that decompresses but breaks the contract goes through the same gate as an import: every problem, by path.
    const seedText = await readFile(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8');
    const broken = parseDatasetJson(seedText);
    broken.relations[0]!.source = 'nobody-at-all';
    const tampered = await packDataset(broken);
    await other.getByTestId('problems-dismiss').click();
    // Pasted into the address bar of the open explorer: a hash change, no reload.
    await other.evaluate((hash) => {
      window.location.hash = hash;
    }, `data=${tampered}`);
    await panel.waitFor();
    expect(await panel.getByTestId('problem-path').allInnerTexts()).toContain('relations[0].source');
    expect(await origin(other)).toBe('Imported from a shared link');
    expect(await stats(other)).toBe(await stats());
    await other.close();
  });

  it('a graph too big for a link says plainly the recipient will not have it, and exports a file instead', async () => {
    // Names that share little compress badly: 3,000 relations are far past 32 KB.
    const rowsText = Array.from({ length: 3_000 }, (_, i) => `Actor ${(i * 7919) % 100_003} ${i.toString(36)},accused,Target ${(i * 104_729) % 99_991}`);
    await page.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`Subject,Relation,Object\n${rowsText.join('\n')}\n`) });
    await expect.poll(() => origin(), { timeout: 30_000 }).toBe('Imported from big.csv');
    await graphReady();
    // The import's warnings (guessed entity types) sit over the graph's toolbar until dismissed.
    if ((await page.getByTestId('problems-panel').count()) > 0) await page.getByTestId('problems-dismiss').click();
    await page.evaluate(() => navigator.clipboard.writeText('untouched'));
    await page.getByTestId('copy-link').click();
    const notice = page.getByTestId('share-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('at most 32 KB');
    expect(text).toContain('Whoever opens a link to it will not have this data');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
    expect(await activeTestId()).toBe('share-notice-export');
    await saveScreenshot(page, 'screenshot-share-too-large.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-notice-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = parseDatasetJson(await readFile(await download.path(), 'utf8'));
    expect(exported.relations).toHaveLength(3_000);
    await expect.poll(() => notice.count()).toBe(0);
    expect(await activeTestId()).toBe('copy-link');
  });
});

describe('when the browser will not keep it', () => {
  it('a save refused for quota says so, and the graph on screen stays', async () => {
    // A browser of its own, with empty storage: after the tests above had written their (large) workspaces in the
    // shared one, the quota override was seen not to make the next save fail — it was saved.
    const isolated = await launchChromium();
    const shared = page;
    page = await (await isolated.newContext()).newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(app.url);
    await graphReady();
    const cdp = await page.context().newCDPSession(page);
    const site = new URL(app.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site, quotaSize: 1 });
    try {
      await openArticle('Quota test', ARTICLE);
      const notice = page.getByTestId('save-failure');
      // The save waits for an idle moment after the extraction; on a loaded machine that can take a while.
      await notice.waitFor({ timeout: 75_000 });
      expect(await notice.innerText()).toContain('Not saved in this browser: the browser’s storage for this page is full');
      expect(await notice.getAttribute('role')).toBe('status');
      expect(await page.getByTestId('workspaces-button').getAttribute('data-save-state')).toBe('failed');
      // Nothing on screen was lost, and the page still works.
      expect(await origin()).toBe('Extracted from Quota test');
      await clickNode('olaf-scholz');
      await saveScreenshot(page, 'screenshot-save-failed.png');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-failure-export').click()]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      await page.getByTestId('save-failure-dismiss').click();
      expect(await notice.count()).toBe(0);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: site });
      page = shared;
      await isolated.close();
    }
    // With room again, the next change is kept.
    await openArticle('Kyiv visit', SECOND_ARTICLE, true);
    await saved();
    await reload();
    expect(await origin()).toBe('Merged with Kyiv visit');
  });
});
