/**
 * Edits in corpus mode against a real `newsgraph serve --allow-edits`
 * ===================================================================
 *
 * Generated demo articles go through the real `newsgraph ingest` into a
 * SQLite file; the real server serves it twice: with `--allow-edits` (the
 * explorer's review controls write to the corpus) and without (no edit
 * controls at all). What the page shows after an edit is checked against
 * the store: after a reload (a fresh page asks the server again) and through
 * the API.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../../src/model/corpusApi.ts';
import type { Dataset, Relation } from '../../src/model/index.ts';
import { buildCorpus, startServe, type CorpusFiles, type RunningServer } from './corpusServer.ts';
import { expectNoAxeViolations, launchChromium, saveScreenshot } from './harness.ts';

const OVERVIEW = 30;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let files: CorpusFiles;
let writable: RunningServer;
let readOnly: RunningServer;
let browser: Browser;
let context: BrowserContext;
/** Relations of the overview, not reviewed, each end drawn: one per test that edits. */
let fresh: Relation[];

async function api<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}api/${path}`);
  if (!response.ok) throw new Error(`corpusEdits.test.ts: /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
const overview = async () => (await api<{ dataset: Dataset }>(writable, `overview?limit=${OVERVIEW}`)).dataset;

interface Opened {
  page: Page;
  problems: string[];
}

async function openCorpus(server: RunningServer, viewport = DESKTOP): Promise<Opened> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A refused edit is an HTTP 422 the browser logs as a failed resource: expected.
    if (message.type() === 'error' && !message.text().includes('Failed to load resource')) problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${server.url}?overview=${OVERVIEW}`);
  await graphReady(page);
  return { page, problems };
}

const graphReady = (page: Page) => page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
const edgeShown = (page: Page, id: string) => page.evaluate((edge) => window.__newsgraph?.shownEdges().includes(edge) ?? false, id);
const status = (page: Page, id: string) => page.getByTestId(`review-status-${id}`).innerText();

/** Opens a relation's card in the Details tab through the link's hash, as a shared link would. */
async function openRelation(page: Page, id: string): Promise<void> {
  await page.getByTestId('tab-details').click();
  await page.evaluate((edge) => {
    window.location.hash = `sel=edge:${edge}`;
  }, id);
  await expect.poll(() => page.evaluate(() => window.__newsgraph?.state().selection ?? null)).toEqual({ kind: 'edge', id });
  await page.getByTestId(`relation-card-${id}`).waitFor();
}

async function reload(page: Page): Promise<void> {
  const url = page.url().split('#')[0]!;
  await page.goto('about:blank');
  await page.goto(url);
  await graphReady(page);
}

/** Waits until the queued edits are written and the graph asked again. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('corpus-saving').count(), { timeout: 30_000 }).toBe(0);
}

beforeAll(async () => {
  files = await buildCorpus(120);
  [writable, readOnly] = await Promise.all([startServe(files, 0, { allowEdits: true }), startServe(files)]);
  browser = await launchChromium();
  // @sparticuz/chromium is single-process: one context kept alive by an idle page (see harness.ts).
  context = await browser.newContext();
  await context.newPage();
  fresh = (await overview()).relations.filter((relation) => relation.review === undefined);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([writable?.stop(), readOnly?.stop()]);
  await files?.remove();
});

describe('corpus mode over serve --allow-edits', () => {
  it('says the server takes edits; the read-only one does not, and shows no edit controls', async () => {
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    expect((await api<{ editable?: boolean }>(writable, 'corpus')).editable).toBe(true);
    expect((await api<{ editable?: boolean }>(readOnly, 'corpus')).editable).toBe(false);
    const { page, problems } = await openCorpus(readOnly);
    const relation = fresh[0]!;
    await openRelation(page, relation.id);
    expect(await status(page, relation.id)).toBe('Not reviewed');
    expect(await page.getByTestId(`review-controls-${relation.id}`).count()).toBe(0);
    expect(await page.getByTestId('undo-button').count()).toBe(0);
    expect(await page.getByTestId('tab-review').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('accepts a relation from its card: the badge says Accepted, the store has it after a reload, Undo names it', async () => {
    const relation = fresh[0]!;
    const { page, problems } = await openCorpus(writable);
    expect(await page.getByTestId('undo-button').isDisabled()).toBe(true);
    await openRelation(page, relation.id);
    await page.getByTestId(`review-accept-${relation.id}`).click();
    await expect.poll(() => status(page, relation.id), { timeout: 30_000 }).toBe('Accepted');
    await settled(page);
    await expect.poll(() => page.getByTestId('undo-button').getAttribute('title')).toMatch(/^Undo: Accepted/);
    expect(await page.getByTestId('corpus-notice').innerText()).toMatch(/^Saved: Accepted/);
    await saveScreenshot(page, 'corpus-edits-accepted.png');
    await expectNoAxeViolations(page, 'corpus mode with edits, a relation accepted');

    await reload(page);
    await openRelation(page, relation.id);
    expect(await status(page, relation.id)).toBe('Accepted');
    const stored = (await overview()).relations.find((r) => r.id === relation.id);
    expect(stored?.review?.status).toBe('accepted');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('rejects a relation: its edge disappears and stays gone after a reload; undo brings it back', async () => {
    const relation = fresh[1]!;
    const { page, problems } = await openCorpus(writable);
    expect(await edgeShown(page, relation.id)).toBe(true);
    await openRelation(page, relation.id);
    const place = () => page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, relation.source);
    const before = await place();
    await page.getByTestId(`review-reject-${relation.id}`).click();
    await page.getByTestId(`reject-reason-${relation.id}`).fill('misread by the extractor');
    await page.getByTestId(`reject-confirm-${relation.id}`).click();
    await expect.poll(() => edgeShown(page, relation.id), { timeout: 30_000 }).toBe(false);
    await settled(page);
    // The entities stay where they were drawn: only the edge went (an end left with no relation goes too).
    const after = await place();
    if (after !== null) expect(Math.hypot(after.x - before!.x, after.y - before!.y)).toBeLessThan(2);
    expect((await overview()).relations.some((r) => r.id === relation.id)).toBe(false);

    await reload(page);
    expect(await edgeShown(page, relation.id)).toBe(false);
    await expect.poll(() => page.getByTestId('undo-button').getAttribute('title')).toMatch(/^Undo: Rejected/);
    await page.getByTestId('undo-button').click();
    await expect.poll(() => edgeShown(page, relation.id), { timeout: 30_000 }).toBe(true);
    await settled(page);
    expect(await page.getByTestId('corpus-notice').innerText()).toMatch(/^Undone: /);
    expect((await overview()).relations.find((r) => r.id === relation.id)?.review).toBeUndefined();
    const history = await api<HistoryResponse>(writable, 'history');
    expect(history.entries.at(history.position)?.label).toMatch(/^Rejected/);
    await expect.poll(() => page.getByTestId('redo-button').isDisabled()).toBe(false);

    // Redo by keyboard rejects it again; undo puts it back for the tests after this one.
    await page.locator('body').press('Control+Shift+Z');
    await expect.poll(() => edgeShown(page, relation.id), { timeout: 30_000 }).toBe(false);
    await settled(page);
    await page.getByTestId('undo-button').click();
    await expect.poll(() => edgeShown(page, relation.id), { timeout: 30_000 }).toBe(true);
    await settled(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a refused edit shows the server’s reason, and nothing changes', async () => {
    const relation = fresh[2]!;
    // Two readers: the second page still shows the relation as not reviewed after the first accepts it.
    const first = await openCorpus(writable);
    const second = await openCorpus(writable);
    await openRelation(first.page, relation.id);
    await openRelation(second.page, relation.id);
    await first.page.getByTestId(`review-accept-${relation.id}`).click();
    await expect.poll(() => status(first.page, relation.id), { timeout: 30_000 }).toBe('Accepted');
    await settled(first.page);
    const before = await api<HistoryResponse>(writable, 'history');

    await second.page.getByTestId(`review-accept-${relation.id}`).click();
    const notice = second.page.getByTestId('corpus-notice');
    await expect.poll(() => notice.getAttribute('data-tone'), { timeout: 30_000 }).toBe('error');
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.innerText()).toMatch(/Not done: .*already accepted/);
    expect((await api<HistoryResponse>(writable, 'history')).entries).toHaveLength(before.entries.length);
    await saveScreenshot(second.page, 'corpus-edits-refused.png');
    expect([...first.problems, ...second.problems]).toEqual([]);
    await first.page.close();
    await second.page.close();
  });

  it('on a phone: the card’s review controls and Undo fit', async () => {
    const relation = fresh[2]!;
    const { page, problems } = await openCorpus(writable, PHONE);
    await openRelation(page, relation.id);
    await page.getByTestId(`review-controls-${relation.id}`).waitFor();
    await saveScreenshot(page, 'corpus-edits-phone.png');
    await expectNoAxeViolations(page, 'corpus mode with edits on a phone');
    expect(problems).toEqual([]);
    await page.close();
  });
});
