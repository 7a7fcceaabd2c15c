/**
 * Corpus mode in a real browser against a real `newsgraph serve`
 * ==============================================================
 *
 * 300 generated demo articles go through the real `newsgraph ingest` into a
 * SQLite file; the real `newsgraph serve` process serves the production
 * build and the API on a free port; headless Chromium opens it. The test
 * reads what sigma draws (window.__newsgraph) and what the panels say, and
 * compares both with what the server's API answers for the same corpus.
 * The page opens on a small overview (`?overview=30` of the corpus's ~70
 * entities), so there is something to expand.
 */

import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_ATTRIBUTES, type CorpusInfo, type DocumentsPage, type SearchResponse } from '../../src/model/corpusApi.ts';
import { validateDataset, type Dataset } from '../../src/model/index.ts';
import { buildCorpus, startServe, type CorpusFiles, type RunningServer } from './corpusServer.ts';
import { launchChromium, saveScreenshot } from './harness.ts';

const OVERVIEW = 30;

let files: CorpusFiles;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let info: CorpusInfo;
let overview: Dataset;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}api/${path}`);
  if (!response.ok) throw new Error(`corpusMode.test.ts: /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
const subgraph = async (path: string) => (await api<{ dataset: Dataset }>(path)).dataset;

interface Opened {
  page: Page;
  problems: string[];
}

async function openCorpus(viewport = { width: 1280, height: 800 }, query = `?overview=${OVERVIEW}`): Promise<Opened> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
  return { page, problems };
}

const drawn = (page: Page, id: string) => page.evaluate((node) => window.__newsgraph?.nodeDisplay(node) ?? null, id);
const position = (page: Page, id: string) => page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
const selection = (page: Page) => page.evaluate(() => window.__newsgraph?.state().selection ?? null);

/** Waits until sigma draws every one of these nodes. */
async function waitDrawn(page: Page, ids: readonly string[]): Promise<void> {
  await page.waitForFunction((nodes) => nodes.every((node) => window.__newsgraph?.nodeDisplay(node) != null), ids, { timeout: 30_000 });
}

const relationsOf = (dataset: Dataset, id: string) => dataset.relations.filter((relation) => relation.source === id || relation.target === id);
const corpusDegree = (dataset: Dataset, id: string) => dataset.entities.find((entity) => entity.id === id)?.attributes?.[CORPUS_ATTRIBUTES.degree];

/** Entities of `loaded` whose corpus neighbourhood brings entities not loaded yet, with those entities, most-connected first. */
async function expandable(loaded: Dataset): Promise<Array<{ id: string; label: string; fresh: string[] }>> {
  const loadedIds = new Set(loaded.entities.map((entity) => entity.id));
  const found: Array<{ id: string; label: string; fresh: string[] }> = [];
  for (const entity of loaded.entities) {
    const total = corpusDegree(loaded, entity.id);
    if (typeof total !== 'number' || total <= relationsOf(loaded, entity.id).length) continue;
    const around = await subgraph(`neighbourhood?entity=${encodeURIComponent(entity.id)}`);
    const fresh = around.entities.map((e) => e.id).filter((id) => !loadedIds.has(id));
    if (fresh.length > 0) found.push({ id: entity.id, label: entity.label, fresh });
  }
  return found;
}

beforeAll(async () => {
  files = await buildCorpus(300);
  server = await startServe(files);
  browser = await launchChromium();
  // @sparticuz/chromium is single-process: one context kept alive by an idle page (see harness.ts).
  context = await browser.newContext();
  await context.newPage();
  info = await api<CorpusInfo>('corpus');
  overview = await subgraph(`overview?limit=${OVERVIEW}`);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await files?.remove();
});

describe('corpus mode against newsgraph serve', () => {
  it('opens on the overview: every entity the server names is drawn, and the header says what the corpus holds', async () => {
    expect(info.documents).toBe(300);
    expect(overview.entities).toHaveLength(OVERVIEW);
    expect(info.entities).toBeGreaterThan(OVERVIEW);
    const { page, problems } = await openCorpus();
    for (const entity of overview.entities) {
      const display = await drawn(page, entity.id);
      expect(display, entity.id).not.toBeNull();
      expect(display!.hidden).toBe(false);
    }
    await expect.poll(() => page.getByTestId('stats').textContent()).toContain(`showing ${OVERVIEW} of ${info.entities} entities`);
    expect(await page.getByTestId('corpus-census').textContent()).toContain('300 articles');
    expect(await page.getByTestId('article-title').textContent()).toBe(info.title);
    await saveScreenshot(page, 'corpus-desktop.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches the whole corpus: an entity not drawn yet is loaded with its neighbourhood and selected', async () => {
    const loaded = new Set(overview.entities.map((entity) => entity.id));
    const page1 = await api<DocumentsPage>('documents?offset=0&limit=200');
    let target: { id: string; label: string } | undefined;
    for (const summary of page1.documents) {
      const article = await subgraph(`documents/${encodeURIComponent(summary.id)}`);
      target = article.entities.find((entity) => !loaded.has(entity.id) && entity.label.length > 4);
      if (target) break;
    }
    expect(target, 'an entity outside the overview').toBeDefined();
    const { page, problems } = await openCorpus();
    expect(await drawn(page, target!.id)).toBeNull();
    await page.getByTestId('entity-search').fill(target!.label);
    const hit = page.getByTestId(`corpus-hit-entity-${target!.id}`);
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.textContent()).toContain(target!.label);
    expect(await hit.textContent()).toMatch(/\d+ relations?/);
    await hit.dispatchEvent('mousedown');
    await waitDrawn(page, [target!.id]);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: target!.id });
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(target!.label);
    expect(await page.getByTestId('corpus-coverage').textContent()).toMatch(/relations? in the corpus are loaded/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches the words of the sentences: choosing one selects its relation with every sentence', async () => {
    const { page, problems } = await openCorpus();
    const found = await api<SearchResponse>('search?q=sanctions');
    expect(found.evidence.length).toBeGreaterThan(0);
    await page.getByTestId('entity-search').fill('sanctions');
    const first = page.locator('[data-testid^="corpus-hit-sentence-"]').first();
    await first.waitFor({ timeout: 15_000 });
    // The searched word is marked inside the sentence, and the article is named.
    expect(await first.locator('mark').first().textContent()).toMatch(/^sanctions$/i);
    const relationId = (await first.getAttribute('data-testid'))!.slice('corpus-hit-sentence-'.length);
    const hit = found.evidence.find((evidence) => evidence.relation === relationId)!;
    expect(await first.textContent()).toContain(hit.document.title);
    await first.dispatchEvent('mousedown');
    await expect.poll(() => selection(page), { timeout: 15_000 }).toEqual({ kind: 'edge', id: relationId });
    const all = await subgraph(`evidence?relations=${encodeURIComponent(relationId)}`);
    const relation = all.relations.find((r) => r.id === relationId)!;
    const card = page.getByTestId(`relation-card-${relationId}`);
    await expect.poll(() => card.getByTestId('evidence-sentence').count()).toBe(relation.evidence.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('expands a node by double-click and by the Expand button: the new entities are drawn, the others stay where they were', async () => {
    const candidates = await expandable(overview);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const { page, problems } = await openCorpus();

    // Double-click: the first candidate on screen.
    const [first, second] = candidates;
    const at = (await position(page, first!.id))!;
    const others = overview.entities.filter((entity) => entity.id !== first!.id).slice(0, 5);
    const before = await Promise.all(others.map((entity) => position(page, entity.id)));
    for (const id of first!.fresh) expect(await drawn(page, id)).toBeNull();
    await page.mouse.dblclick(at.x, at.y);
    await waitDrawn(page, first!.fresh);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: first!.id });
    expect(await page.getByTestId('corpus-notice').textContent()).toContain(`Expanded ${first!.label}`);
    // The camera glides to the expanded node; the drawing itself is not laid out again: on screen, the
    // entities already drawn are where they were, moved and scaled as one (the same shape, to the pixel).
    await page.waitForTimeout(700);
    const after = await Promise.all(others.map((entity) => position(page, entity.id)));
    const span = (points: typeof before, i: number, j: number) => Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
    const scale = span(after, 0, 1) / span(before, 0, 1);
    for (let i = 1; i < others.length; i++) {
      const moved = { x: after[i]!.x - after[0]!.x, y: after[i]!.y - after[0]!.y };
      const was = { x: (before[i]!.x - before[0]!.x) * scale, y: (before[i]!.y - before[0]!.y) * scale };
      expect(Math.hypot(moved.x - was.x, moved.y - was.y), others[i]!.id).toBeLessThan(2);
    }
    await expect.poll(() => page.getByTestId('stats').textContent()).not.toContain(`showing ${OVERVIEW} of`);

    // The Expand button, from the entity's panel (selected by a click on its node, past sigma's double-click window).
    await page.waitForTimeout(400);
    const stillFresh = [];
    for (const id of second!.fresh) if ((await drawn(page, id)) === null) stillFresh.push(id);
    const point = (await position(page, second!.id))!;
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: second!.id });
    const button = page.getByTestId('corpus-expand');
    expect(await button.textContent()).toMatch(/^Expand/);
    await button.click();
    await waitDrawn(page, second!.fresh);
    await expect.poll(() => page.getByTestId('corpus-notice').textContent()).toMatch(new RegExp(`Expanded ${second!.label}|Nothing new around ${second!.label}`));
    if (stillFresh.length > 0) expect(await page.getByTestId('corpus-notice').textContent()).toContain(`Expanded ${second!.label}`);

    // Expanding it again adds nothing, and says so.
    await button.click();
    await expect.poll(() => page.getByTestId('corpus-notice').textContent()).toContain(`Nothing new around ${second!.label}`);
    await expect.poll(() => page.getByTestId('corpus-coverage').textContent()).toContain('All ');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads all the sentences of a relation and shows them, each with its article', async () => {
    const relation = overview.relations
      .filter((r) => {
        const total = r.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal];
        return typeof total === 'number' && total > r.evidence.length;
      })
      .sort((a, b) => Number(b.attributes![CORPUS_ATTRIBUTES.evidenceTotal]) - Number(a.attributes![CORPUS_ATTRIBUTES.evidenceTotal]))[0];
    expect(relation, 'a relation with more sentences than the overview sends').toBeDefined();
    const total = Number(relation!.attributes![CORPUS_ATTRIBUTES.evidenceTotal]);
    const { page, problems } = await openCorpus();
    const point = (await position(page, relation!.source))!;
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: relation!.source });
    const more = page.getByTestId(`corpus-sentences-${relation!.id}`);
    // A long group of relations shows its first few: open it all.
    if ((await more.count()) === 0) await page.getByTestId('show-more-relations').first().click();
    expect(await more.textContent()).toContain(`Load all ${total} sentences (${relation!.evidence.length} shown)`);
    await more.click();
    const card = page.getByTestId(`relation-card-${relation!.id}`);
    await expect.poll(() => card.getByTestId('evidence-sentence').count(), { timeout: 15_000 }).toBe(Math.min(total, 200));
    await expect.poll(() => more.count()).toBe(0);

    // Word for word the sentences the store holds, each under its article's title, outlet and date.
    const all = await subgraph(`evidence?relations=${encodeURIComponent(relation!.id)}`);
    const texts = new Map(all.documents.map((document) => [document.id, document]));
    const expected = all.relations.find((r) => r.id === relation!.id)!.evidence.map((span) => texts.get(span.document)!.text.slice(span.start, span.end));
    const shown = await card.getByTestId('evidence-sentence').allTextContents();
    expect(new Set(shown)).toEqual(new Set(expected));
    const firstQuote = card.locator('figure.evidence').first();
    expect(await firstQuote.getByTestId('evidence-document').textContent()).toMatch(/^From “.+”$/);
    expect(await firstQuote.getByTestId('article-meta-source').textContent()).not.toBe('');
    expect(await firstQuote.getByTestId('article-meta-link').getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads all the sentences of a relation selected in the table', async () => {
    const relation = overview.relations.find((r) => Number(r.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal]) > r.evidence.length)!;
    const label = (id: string) => overview.entities.find((entity) => entity.id === id)!.label;
    const { page, problems } = await openCorpus();
    await page.getByTestId('tab-table').click();
    const row = page.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${label(relation.source)}$`) }) }).filter({ has: page.locator('td', { hasText: new RegExp(`^${label(relation.target)}$`) }) });
    await row.first().locator('.table-pick').click();
    await expect.poll(() => selection(page)).toEqual({ kind: 'edge', id: relation.id });
    await page.getByTestId('tab-details').click();
    const card = page.getByTestId(`relation-card-${relation.id}`);
    await expect.poll(() => card.getByTestId('evidence-sentence').count(), { timeout: 15_000 }).toBe(Math.min(Number(relation.attributes![CORPUS_ATTRIBUTES.evidenceTotal]), 200));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the articles newest first and opens one into the graph, shown alone with its text', async () => {
    const listed = await api<DocumentsPage>('documents?offset=0&limit=30');
    const dates = listed.documents.map((document) => document.published ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const loadedDocuments = new Set(overview.documents.map((document) => document.id));
    const loadedEntities = new Set(overview.entities.map((entity) => entity.id));
    // An article not in the overview, naming an entity the overview lacks.
    let chosen: { id: string; title: string; fresh: string[] } | undefined;
    for (const summary of listed.documents) {
      if (loadedDocuments.has(summary.id)) continue;
      const article = await subgraph(`documents/${encodeURIComponent(summary.id)}`);
      const fresh = article.relations.flatMap((r) => [r.source, r.target]).filter((id) => !loadedEntities.has(id));
      if (fresh.length > 0) {
        chosen = { id: summary.id, title: summary.title, fresh: [...new Set(fresh)] };
        break;
      }
    }
    expect(chosen, 'an article about something outside the overview').toBeDefined();
    const { page, problems } = await openCorpus();
    const item = page.getByTestId(`corpus-article-${chosen!.id}`);
    await item.waitFor();
    expect(await item.textContent()).toContain(chosen!.title);
    await item.click();
    await waitDrawn(page, chosen!.fresh);
    await expect.poll(() => page.getByTestId('side-panel').getAttribute('data-tab')).toBe('article');
    await expect.poll(() => page.getByTestId('article-pane').locator('.details-title').textContent()).toBe(chosen!.title);
    expect(await page.getByTestId('chip-articles').textContent()).toContain(chosen!.title);
    // Shown alone: an overview entity the article does not name is hidden, and comes back with "Show all".
    const article = await subgraph(`documents/${encodeURIComponent(chosen!.id)}`);
    const named = new Set(article.entities.map((entity) => entity.id));
    const elsewhere = overview.entities.find((entity) => !named.has(entity.id))!;
    await expect.poll(async () => (await drawn(page, elsewhere.id))?.hidden).toBe(true);
    await saveScreenshot(page, 'corpus-article.png');
    await page.getByTestId('chip-articles-clear').click();
    await expect.poll(async () => (await drawn(page, elsewhere.id))?.hidden).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters, paths, the table and the exports work on what is loaded, the expanded part included', async () => {
    const [candidate] = await expandable(overview);
    const { page, problems } = await openCorpus();
    const at = (await position(page, candidate!.id))!;
    await page.mouse.dblclick(at.x, at.y);
    await waitDrawn(page, candidate!.fresh);
    const around = await subgraph(`neighbourhood?entity=${encodeURIComponent(candidate!.id)}`);
    const loadedIds = new Set([...overview.entities, ...around.entities].map((entity) => entity.id));
    const newRelation = around.relations.find((relation) => !overview.relations.some((r) => r.id === relation.id))!;

    // The legend's filter hides loaded relations of that type, the new ones too.
    await page.getByTestId(`relation-toggle-${newRelation.type}`).click();
    await expect.poll(async () => (await page.evaluate((id) => window.__newsgraph?.edgeDisplay(id) ?? null, newRelation.id))?.hidden).toBe(true);
    await page.getByTestId(`relation-toggle-${newRelation.type}`).click();
    await expect.poll(async () => (await page.evaluate((id) => window.__newsgraph?.edgeDisplay(id) ?? null, newRelation.id))?.hidden).toBe(false);

    // A path from an overview entity to one that came with the expand.
    const far = candidate!.fresh[0]!;
    const farLabel = around.entities.find((entity) => entity.id === far)!.label;
    const start = overview.entities.find((entity) => entity.id !== candidate!.id && !around.entities.some((e) => e.id === entity.id)) ?? overview.entities[0]!;
    await page.getByTestId('tab-path').click();
    for (const [end, label, id] of [['from', start.label, start.id], ['to', farLabel, far]] as const) {
      await page.getByTestId(`path-${end}`).fill(label);
      await page.getByTestId(`path-${end}-hit-${id}`).dispatchEvent('mousedown');
    }
    await expect.poll(() => page.getByTestId('path-hop').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('path-summary').textContent()).toMatch(/shortest paths? of \d+ steps?/);
    expect((await page.getByTestId('path-hop').allTextContents()).join(' ')).toContain(farLabel);

    // The table lists what is loaded.
    await page.getByTestId('tab-table').click();
    expect(await page.getByTestId('relation-table').locator('caption').textContent()).toMatch(new RegExp(`^\\d+ of ${new Set([...overview.relations, ...around.relations].map((r) => r.id)).size} relations`));

    // The dataset export is what is loaded: a valid dataset with exactly those entities.
    const menu = page.getByTestId('export-menu');
    await menu.locator('summary').click();
    await page.getByTestId('export-all').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dataset').click()]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown;
    const checked = validateDataset(exported);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(new Set(checked.dataset.entities.map((entity) => entity.id))).toEqual(loadedIds);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a shared link to an entity outside the overview on that entity', async () => {
    const [candidate] = await expandable(overview);
    const outside = candidate!.fresh[0]!;
    const { page, problems } = await openCorpus(undefined, `?overview=${OVERVIEW}#sel=node:${encodeURIComponent(outside)}`);
    await waitDrawn(page, [outside]);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: outside });
    expect(page.url()).toContain(`sel=node%3A${encodeURIComponent(outside)}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works on a phone: the overview, the search and the panel', async () => {
    const { page, problems } = await openCorpus({ width: 390, height: 844 });
    await page.getByTestId('entity-search').fill('sanctions');
    await page.locator('[data-testid^="corpus-hit-sentence-"]').first().waitFor({ timeout: 15_000 });
    const box = await page.getByTestId('corpus-results').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'corpus-phone-search.png');
    await page.getByTestId('entity-search').press('Escape');
    await page.getByTestId('entity-search').press('Escape');
    await saveScreenshot(page, 'corpus-phone.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says plainly when the server is gone, and "Try again" works once it is back', async () => {
    const { page, problems } = await openCorpus();
    const [candidate] = await expandable(overview);
    const point = (await position(page, candidate!.id))!;
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: candidate!.id });
    const port = server.port;
    await server.stop();
    await page.getByTestId('corpus-expand').click();
    const notice = page.getByTestId('corpus-notice');
    await expect.poll(() => notice.getAttribute('data-tone'), { timeout: 15_000 }).toBe('error');
    expect(await notice.textContent()).toContain('Could not reach the newsgraph server');
    // Nothing loaded is lost.
    expect(await drawn(page, candidate!.id)).not.toBeNull();
    server = await startServe(files, port);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await waitDrawn(page, candidate!.fresh);
    // Failed fetches are logged by Chromium as console errors: those are the expected ones.
    expect(problems.filter((problem) => !problem.includes('Failed to load resource'))).toEqual([]);
    await page.close();
  });
});
