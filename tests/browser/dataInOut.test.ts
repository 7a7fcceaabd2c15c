/**
 * Data in and out of the app, end to end in real headless Chromium: import
 * (GEXF, CSV) through the file input, export through the menu (captured
 * downloads), a broken file leaving the graph as it was, Open article with
 * extraction in the worker, the seed button, and a hostile dataset staying
 * inert text. One Chromium, one page: software WebGL is slow.
 */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seed from '../../data/seed-dataset.json';
import { saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

const ARTICLE = [
  'Germany and France signed a new defence agreement in Paris on Tuesday.',
  'Chancellor Olaf Scholz met with President Emmanuel Macron at the Elysee Palace.',
  'The European Union welcomed the deal.',
  'Russia condemned the agreement and accused NATO of provoking Moscow.',
].join(' ');

let app: AppHarness;
let opened: AppPage;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];

const stats = () => page.getByTestId('stats').innerText();
const origin = async () => (await page.getByTestId('data-origin').textContent()) ?? '';

async function graphReady(): Promise<void> {
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
}

async function importFile(files: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(files);
}

/** A file with relation names or node types of its own opens its Types dialog over the graph (openAnyGraph.test.ts tests it): Done. */
async function closeTypesDialog(): Promise<void> {
  const dialog = page.getByTestId('type-mapping-dialog');
  if (!(await dialog.isVisible())) return;
  await dialog.getByTestId('type-mapping-done').click();
  await dialog.waitFor({ state: 'detached' });
}

async function clickNode(id: string): Promise<void> {
  const position = await page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
  if (!position) throw new Error(`no on-screen position for node ${id}`);
  await page.mouse.click(position.x, position.y);
  await expect.poll(() => page.evaluate(() => window.__newsgraph?.state().selection)).toEqual({ kind: 'node', id });
}

async function exportAs(format: string, scope: 'all' | 'visible' = 'all'): Promise<{ name: string; content: string }> {
  const menu = page.getByTestId('export-menu');
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
  await page.getByTestId(`export-${scope}`).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const path = await download.path();
  await menu.locator('summary').click();
  return { name: download.suggestedFilename(), content: await readFile(path, 'utf8') };
}

async function backToSeed(): Promise<void> {
  if (await page.getByTestId('seed-button').isEnabled()) {
    await page.getByTestId('seed-button').click();
    await expect.poll(origin).toBe('Seed article');
    await graphReady();
  }
}

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage();
  page = opened.page;
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await app?.close();
});

describe('import and export', () => {
  it('imports a Gephi GEXF: explores without evidence, shows unknown attributes, says where it came from', async () => {
    await importFile(fixture('formats/gephi-0.10.gexf'));
    await expect.poll(origin).toBe('Imported from gephi-0.10.gexf');
    await graphReady();
    await closeTypesDialog();
    expect(await page.getByTestId('article-title').innerText()).toBe('Sanctions & alliances, hand-curated in Gephi');
    await clickNode('russia');
    const details = page.getByTestId('entity-details');
    await expect.poll(() => details.getByTestId('details-title').innerText()).toBe('Russia');
    expect(await details.getByTestId('attribute-list').innerText()).toContain('modularity_class');
    const noEvidence = details.getByTestId('no-evidence').first();
    expect(await noEvidence.innerText()).toBe('No supporting sentences are known.');
  });

  it('exports the imported graph as GEXF with layout positions, and as dataset JSON that reads back the same', async () => {
    const gexf = await exportAs('gexf');
    expect(gexf.name).toMatch(/\.gexf$/);
    expect(gexf.content).toContain('<gexf');
    expect(gexf.content).toContain('European Union');
    expect(gexf.content).toMatch(/<viz:position x="-?[\d.e-]+" y="-?[\d.e-]+"/);
    const dataset = await exportAs('dataset');
    const parsed = JSON.parse(dataset.content) as { entities: { id: string }[]; relations: unknown[] };
    expect(parsed.entities.map((e) => e.id)).toContain('russia');
    expect(await stats()).toContain(`${parsed.entities.length} entities`);
  });

  it('imports a CSV of triples written by Excel and exports CSV again, whole or filtered', async () => {
    await importFile(fixture('formats/spreadsheet-excel.csv'));
    await expect.poll(origin).toBe('Imported from spreadsheet-excel.csv');
    await graphReady();
    // Every name in it is one newsgraph reads ("sanctions", "Organization"): nothing to ask, though Types… lists them.
    expect(await page.getByTestId('type-mapping-dialog').count()).toBe(0);
    expect(await page.getByTestId('types-button').count()).toBe(1);
    const csv = await exportAs('csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.content).toContain('European Union');
    expect(csv.content).toContain('The European Union sanctioned Russia again on Friday, officials said.');
    // Hide every relation type: the filtered export keeps the header only.
    await page.getByTestId('relations-none').click();
    const filtered = await exportAs('csv', 'visible');
    expect(filtered.name).toMatch(/-filtered\.csv$/);
    expect(filtered.content.trim().split(/\r?\n/)).toHaveLength(1);
    await page.getByTestId('relations-all').click();
  });

  it('a Latin-1 CSV opens read as Windows-1252, and a warnings panel says where and how to fix the file', async () => {
    await importFile(fixture('formats/latin1-spreadsheet.csv'));
    await expect.poll(origin).toBe('Imported from latin1-spreadsheet.csv');
    const panel = page.getByTestId('problems-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-kind')).toBe('warnings');
    expect(await panel.getAttribute('role')).toBe('status');
    const text = await panel.innerText();
    expect(text).toContain('Opened latin1-spreadsheet.csv');
    expect(text).toContain('not valid UTF-8');
    expect(text).toMatch(/line 2, column \d+/);
    expect(text).toContain('save the file as UTF-8');
    await saveScreenshot(page, 'screenshot-warnings-panel.png');
    // The accents arrive intact: é, ü, “ ” and € are Windows-1252 bytes, not U+FFFD.
    await graphReady();
    await page.getByTestId('problems-dismiss').click();
    await expect.poll(() => panel.count()).toBe(0);
    const search = page.getByTestId('entity-search');
    await search.fill('Soci');
    await expect.poll(() => page.locator('.search-hit-label').allInnerTexts()).toContain('Société Générale');
    await search.fill('');
  });

  it('a broken file lists every problem with its path and keeps the graph that was open', async () => {
    await backToSeed();
    const before = await stats();
    const broken = structuredClone(seed) as { relations: { source: string }[] };
    broken.relations[0]!.source = 'nobody-at-all';
    await importFile({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const panel = page.getByTestId('problems-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('broken.json');
    expect(await panel.getByTestId('problem-path').allInnerTexts()).toContain('relations[0].source');
    expect(await panel.innerText()).toContain('Fix:');
    expect(await stats()).toBe(before);
    expect(await origin()).toBe('Seed article');
    await saveScreenshot(page, 'screenshot-error-panel.png');
    await page.getByTestId('problems-dismiss').click();
    await expect.poll(() => panel.count()).toBe(0);

    await importFile(fixture('bad/trailing-comma.json'));
    await panel.waitFor();
    expect(await panel.getByTestId('problem-path').first().innerText()).toMatch(/^line \d+, column \d+$/);
    await importFile({ name: 'notes.xml', mimeType: 'text/xml', buffer: Buffer.from('<html><body>hi</body></html>') });
    await expect.poll(() => panel.innerText()).toContain('notes.xml');
    expect(await panel.innerText()).toContain('neither GEXF');
    expect(await stats()).toBe(before);
    await page.getByTestId('problems-dismiss').click();
  });
});

describe('open article', () => {
  it('extracts a pasted article in the worker and shows its entities with exact evidence', async () => {
    await page.getByTestId('open-article-button').click();
    const dialog = page.getByTestId('open-article-dialog');
    await dialog.waitFor();
    await page.getByTestId('article-title-input').fill('Paris defence pact');
    await page.getByTestId('article-text').fill(ARTICLE);
    await saveScreenshot(page, 'screenshot-open-article.png');
    await page.getByTestId('article-extract').click();
    await expect.poll(origin, { timeout: 30_000 }).toBe('Extracted from Paris defence pact');
    await expect.poll(() => dialog.count()).toBe(0);
    await graphReady();
    expect(await page.getByTestId('article-title').innerText()).toBe('Paris defence pact');
    await clickNode('olaf-scholz');
    const sentences = await page.getByTestId('evidence-sentence').allInnerTexts();
    expect(sentences).toContain('Chancellor Olaf Scholz met with President Emmanuel Macron at the Elysee Palace.');
  });

  it('adds a second article to the current graph: evidence says which article it comes from', async () => {
    await page.getByTestId('open-article-button').click();
    await page.getByTestId('article-title-input').fill('Kyiv visit');
    await page.getByTestId('article-text').fill('President Emmanuel Macron met with President Volodymyr Zelensky in Kyiv on Friday. Ukraine thanked France for its support.');
    await page.getByTestId('article-merge').check();
    await page.getByTestId('article-extract').click();
    await expect.poll(origin, { timeout: 30_000 }).toBe('Merged with Kyiv visit');
    await graphReady();
    await clickNode('emmanuel-macron');
    const from = await page.getByTestId('evidence-document').allInnerTexts();
    expect(from).toContain('From “Paris defence pact”');
    expect(from).toContain('From “Kyiv visit”');
    expect(await page.locator('.details-meta').first().textContent()).toMatch(/mentions in 2 of 2 articles/);

    // The article filter: without the Kyiv article, Zelensky (named only there) leaves the graph.
    // A visibility rule like the other filters: the node stays in the one graph, drawn hidden.
    const hasNode = (id: string) =>
      page.evaluate((node) => {
        const shown = window.__newsgraph?.nodeDisplay(node);
        return shown !== null && shown !== undefined && shown.hidden !== true;
      }, id);
    expect(await hasNode('volodymyr-zelensky')).toBe(true);
    await page.getByTestId('document-kyiv-visit').uncheck();
    await graphReady();
    await expect.poll(() => hasNode('volodymyr-zelensky')).toBe(false);
    expect(await hasNode('olaf-scholz')).toBe(true);
    expect(await page.getByTestId('document-paris-defence-pact').isDisabled()).toBe(true);
    // The filter is in the URL: a copied link restores it.
    await expect.poll(() => new URL(page.url()).hash).toContain('doc=paris-defence-pact');
    const link = new URL(page.url()).hash;
    expect(link).not.toContain('doc=kyiv-visit');
    await page.getByTestId('document-kyiv-visit').check();
    await expect.poll(() => hasNode('volodymyr-zelensky')).toBe(true);
    await expect.poll(() => new URL(page.url()).hash).not.toContain('doc=');
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, link);
    await expect.poll(() => hasNode('volodymyr-zelensky')).toBe(false);
    expect(await page.getByTestId('document-kyiv-visit').isChecked()).toBe(false);
    await page.getByTestId('document-kyiv-visit').check();
    await expect.poll(() => hasNode('volodymyr-zelensky')).toBe(true);
  });

  it('a merge joins two spellings of one person and says so', async () => {
    await page.getByTestId('open-article-button').click();
    await page.getByTestId('article-title-input').fill('Air defence appeal');
    await page.getByTestId('article-text').fill('President Volodymyr Zelenskyy urged Germany to send more air defence systems. Zelenskyy met Chancellor Olaf Scholz in Berlin.');
    await page.getByTestId('article-merge').check();
    await page.getByTestId('article-extract').click();
    await expect.poll(origin, { timeout: 30_000 }).toBe('Merged with Air defence appeal; joined Volodymyr Zelensky and Volodymyr Zelenskyy');
    await graphReady();
    // The header line is hidden on narrower screens: a status line says it where everyone sees it.
    const notice = page.getByTestId('merge-notice');
    expect(await notice.innerText()).toContain('Added “Air defence appeal”: joined Volodymyr Zelensky and Volodymyr Zelenskyy.');
    await saveScreenshot(page, 'screenshot-merge-joined.png');
    await page.getByTestId('merge-notice-dismiss').click();
    expect(await notice.count()).toBe(0);
    // One node: the second spelling is not an entity of its own.
    expect(await page.evaluate(() => window.__newsgraph?.nodeDisplay('volodymyr-zelenskyy') ?? null)).toBeNull();
    expect(await page.evaluate(() => window.__newsgraph?.nodeDisplay('volodymyr-zelensky') ?? null)).not.toBeNull();
    await clickNode('volodymyr-zelensky');
    expect(await page.locator('.details-meta').first().textContent()).toMatch(/mentions in 2 of 3 articles/);
  });

  it('an article with no names gets a clear empty state, and the seed button brings the seed back', async () => {
    await page.getByTestId('open-article-button').click();
    await page.getByTestId('article-text').fill('it rained all day and nobody went out. the streets were quiet.');
    await page.getByTestId('article-extract').click();
    await page.getByTestId('graph-empty').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('graph-empty').innerText()).toContain('No entities found');
    await backToSeed();
    expect(await stats()).toContain(`${seed.entities.length} entities`);
  });
});

describe('drop and empty states', () => {
  /** Drops a file on the window the way a browser does (dragenter, dragover, drop with a DataTransfer). */
  async function dropFile(name: string, content: string, type: string): Promise<void> {
    await page.evaluate(
      ({ name, content, type }) => {
        const data = new DataTransfer();
        data.items.add(new File([content], name, { type }));
        for (const kind of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      },
      { name, content, type },
    );
  }

  it('a graph file dropped on the window opens; an article dropped opens the Open-article dialog with its text', async () => {
    await dropFile('dropped.csv', 'Subject,Relation,Object\nFrance,allied with,Germany\n', 'text/csv');
    await expect.poll(origin).toBe('Imported from dropped.csv');
    await graphReady();
    expect(await stats()).toContain('2 entities');
    await dropFile('story.txt', ARTICLE, 'text/plain');
    const dialog = page.getByTestId('open-article-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('article-text').inputValue()).toBe(ARTICLE);
    expect(await page.getByTestId('article-title-input').inputValue()).toBe('story');
    await page.getByTestId('article-cancel').click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('entities with no relation get a notice over the graph; GraphML and graphology JSON export', async () => {
    const text = 'France and Germany.';
    const lonely = {
      version: 1,
      title: 'Two names, no relation',
      documents: [{ id: 'd', title: 'Two names', text }],
      entities: [
        { id: 'france', label: 'France', type: 'country', aliases: [], mentions: [{ document: 'd', start: 0, end: 6 }] },
        { id: 'germany', label: 'Germany', type: 'country', aliases: [], mentions: [{ document: 'd', start: 11, end: 18 }] },
      ],
      relations: [],
    };
    await importFile({ name: 'lonely.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lonely)) });
    await expect.poll(origin).toBe('Imported from lonely.json');
    expect(await page.getByTestId('graph-notice').innerText()).toContain('no relation between them');
    const graphml = await exportAs('graphml');
    expect(graphml.content).toContain('<graphml');
    expect(graphml.content).toContain('Germany');
    const json = JSON.parse((await exportAs('json')).content) as { nodes: { key: string }[] };
    expect(json.nodes.map((n) => n.key).sort()).toEqual(['france', 'germany']);
    await backToSeed();
  });
});

describe('hostile text', () => {
  it('a dataset full of markup, script URLs and bidi overrides stays inert text', async () => {
    const hostile = JSON.parse(await readFile(fixture('hostile/hostile-dataset.json'), 'utf8')) as {
      entities: { id: string; label: string }[];
    };
    const before = await page.evaluate(() => Object.keys(window).length);
    await importFile(fixture('hostile/hostile-dataset.json'));
    await expect.poll(origin).toBe('Imported from hostile-dataset.json');
    await graphReady();
    expect(await page.getByTestId('article-title').innerText()).toContain('<script>alert(1)</script>');
    // Labels in the panel are the strings as written (the 5,000-character token
    // is cut short on the canvas only, so the layout keeps the nodes apart).
    const labels = new Map(hostile.entities.map((e) => [e.id, e.label]));
    const seen = new Set<string>();
    for (const id of labels.keys()) {
      const position = await page.evaluate((node) => window.__newsgraph?.nodePosition(node) ?? null, id);
      if (!position) throw new Error(`no on-screen position for node ${id}`);
      await page.waitForTimeout(350);
      await page.mouse.click(position.x, position.y);
      const selected = await page.evaluate(() => window.__newsgraph?.state().selection);
      if (selected?.kind !== 'node') continue;
      seen.add(selected.id);
      await expect.poll(() => page.getByTestId('details-title').innerText()).toBe(labels.get(selected.id));
    }
    expect(seen.size).toBe(labels.size);
    await page.screenshot({ path: '/tmp/hostile.png' });
    await page.getByTestId('details-panel').innerText().then((text) => expect(text).not.toContain('undefined'));
    // Nothing from the data became an element, a script or a global.
    expect(await page.locator('img').count()).toBe(0);
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
    expect(scripts.every((src) => src.startsWith(app.url))).toBe(true);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(window).length)).toBe(before);
    await page.waitForTimeout(300);
    expect(dialogs, `dialogs: ${JSON.stringify(dialogs)}`).toEqual([]);
    const problems = opened.problems.filter((p) => !p.includes('Failed to load resource'));
    expect(problems, `page errors: ${JSON.stringify(problems)}`).toEqual([]);
    await backToSeed();
  });

  it('a hub with many relations of one type shows the first ten and a button for the rest', async () => {
    const rows = ['source,type,target', ...Array.from({ length: 14 }, (_, i) => `Alpha,accused,Beta ${i + 1}`), 'Alpha,sanctioned,Gamma'];
    await importFile({ name: 'hub.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
    await expect.poll(origin, { timeout: 30_000 }).toBe('Imported from hub.csv');
    await graphReady();
    await clickNode('alpha');
    const cards = page.locator('[data-testid="entity-details"] .relation-card');
    await expect.poll(() => cards.count()).toBe(11);
    expect(await page.getByTestId('show-more-relations').textContent()).toBe('Show 4 more “accused”');
    await page.getByTestId('show-more-relations').click();
    await expect.poll(() => cards.count()).toBe(15);
    expect(await page.getByTestId('show-more-relations').count()).toBe(0);
    await backToSeed();
  });

  it('made no request outside its own origin, and the built page carries the CSP meta tag', async () => {
    const origin = new URL(app.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('unsafe-eval');
    expect(meta).not.toContain('unsafe-inline');
  });
});
