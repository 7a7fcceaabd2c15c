/**
 * Entity edits, corrections and hand-added relations in corpus mode
 * =================================================================
 *
 * The same controls as on a plain dataset (the entity panel's "Edit entity",
 * a relation card's "Correct…", the Article tab's "Add relation from
 * selection") against a real `newsgraph serve --allow-edits` over generated
 * demo articles ingested by the real `newsgraph ingest`. Each edit is checked
 * on the page, then in the store: after a reload (a fresh page asks the
 * server again) and through the API. What to edit is chosen from the
 * server's own answers before the page opens, never from the app.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../../src/model/corpusApi.ts';
import type { Dataset, Entity, Relation } from '../../src/model/index.ts';
import { buildCorpus, startServe, type CorpusFiles, type RunningServer } from './corpusServer.ts';
import { expectNoAxeViolations, launchChromium, saveScreenshot } from './harness.ts';

const OVERVIEW = 30;
const DESKTOP = { width: 1280, height: 800 };

let files: CorpusFiles;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

/** What each test edits, picked from the server's answers (see beforeAll). */
let renamed: Entity;
let merge: { from: Entity; into: Entity; moved: string[] };
let corrected: { relation: Relation; type: string };
let added: { document: string; start: number; end: number; source: string; target: string; type: string; id: string };
let refused: { entity: Entity; other: Entity };

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}api/${path}`);
  if (!response.ok) throw new Error(`corpusEntityEdits.test.ts: /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
const overview = async () => (await api<{ dataset: Dataset }>(`overview?limit=${OVERVIEW}`)).dataset;
const history = () => api<HistoryResponse>('history');
const exists = async (relation: string) => (await fetch(`${server.url}api/evidence?relations=${encodeURIComponent(relation)}`)).ok;
const touching = (dataset: Dataset, id: string) => dataset.relations.filter((r) => r.source === id || r.target === id);

const graphReady = (p: Page) => p.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
const selection = () => page.evaluate(() => window.__newsgraph?.state().selection ?? null);
const nodeCount = () => page.evaluate(() => window.__newsgraph?.shownNodeCount() ?? -1);
const shownEdges = () => page.evaluate(() => window.__newsgraph?.shownEdges() ?? []);
const node = (id: string) => page.evaluate((n) => window.__newsgraph?.nodeDisplay(n) ?? null, id);
const edge = (id: string) => page.evaluate((e) => window.__newsgraph?.edgeDisplay(e) ?? null, id);
const title = () => page.getByTestId('details-title').textContent();
const aliases = () => page.locator('[data-testid="entity-details"] .aliases .alias').allTextContents();
const notice = () => page.getByTestId('corpus-notice');
/** The notice's words (without its Dismiss button). */
const noticeText = () => notice().locator('span').first().innerText();
const census = () => page.getByTestId('corpus-census').innerText();
const info = () => api<{ entities: number; relations: number }>('corpus');

/** Dismisses the notice line, if up, so the next one read is the next edit's. */
async function dismissNotice(): Promise<void> {
  if ((await notice().count()) > 0) await notice().getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => notice().count()).toBe(0);
}

/** Waits until the queued edits are written and the graph asked again. */
async function settled(): Promise<void> {
  await expect.poll(() => page.getByTestId('corpus-saving').count(), { timeout: 30_000 }).toBe(0);
}

async function reload(): Promise<void> {
  const url = page.url().split('#')[0]!;
  await page.goto('about:blank');
  await page.goto(url);
  await graphReady(page);
}

/** Selects through the link's hash, as a shared link would, and shows the Details tab. */
async function select(kind: 'node' | 'edge', id: string): Promise<void> {
  await page.getByTestId('tab-details').click();
  await page.evaluate(([k, i]) => {
    window.location.hash = `sel=${k}:${i}`;
  }, [kind, id] as const);
  await expect.poll(selection).toEqual({ kind, id });
  await page.getByTestId(kind === 'node' ? 'entity-details' : `relation-card-${id}`).first().waitFor({ state: 'visible' });
}

async function openEditor(): Promise<void> {
  const editor = page.getByTestId('entity-edit');
  if ((await editor.getAttribute('open')) === null) await editor.locator('summary').click();
  await page.getByTestId('entity-rename-input').waitFor({ state: 'visible' });
}

/** Selects document characters [start, end) in the article pane as a reader's drag leaves them (the Selection API). */
async function selectOffsets(start: number, end: number): Promise<void> {
  await page.evaluate(
    ([s, e]) => {
      const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="article-names"] [data-at]')];
      runs.findLast((run) => Number(run.dataset.at) <= s!)?.scrollIntoView({ block: 'center' });
      const point = (offset: number): [Node, number] => {
        for (const run of runs) {
          const at = Number(run.dataset.at);
          if (run.firstChild && offset >= at && offset <= at + (run.textContent ?? '').length) return [run.firstChild, offset - at];
        }
        throw new Error(`no run holds offset ${offset}`);
      };
      const range = document.createRange();
      range.setStart(...point(s!));
      range.setEnd(...point(e!));
      const selected = window.getSelection()!;
      selected.removeAllRanges();
      selected.addRange(range);
    },
    [start, end],
  );
}

/** Picks, from the store's answers, what each test edits (disjoint, so the tests do not step on each other). */
async function pickTargets(): Promise<void> {
  const shown = await overview();
  const joined = (a: string, b: string) => shown.relations.some((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
  const connected = shown.entities.filter((e) => touching(shown, e.id).length > 0);

  // Merge: an entity with no Wikidata item (two different items are refused) into another of its type it has no relation with.
  const from = connected.find((e) => e.wikidata === undefined && connected.some((o) => o.id !== e.id && o.type === e.type && !joined(o.id, e.id)));
  if (!from) throw new Error('corpusEntityEdits.test.ts: the overview has no entity to merge');
  const into = connected.find((o) => o.id !== from.id && o.type === from.type && !joined(o.id, from.id))!;
  merge = { from, into, moved: touching(shown, from.id).map((r) => r.id) };

  const busy = new Set([from.id, into.id]);
  renamed = connected.find((e) => !busy.has(e.id) && e.type === 'person') ?? connected.find((e) => !busy.has(e.id))!;
  busy.add(renamed.id);

  // Refused: two entities of one type, each its own Wikidata item (a merge is refused, and a rename to the other's name).
  const pair = connected.flatMap((e) =>
    busy.has(e.id) || e.wikidata === undefined ? [] : connected.filter((o) => o.id !== e.id && !busy.has(o.id) && o.type === e.type && o.wikidata !== undefined && o.wikidata !== e.wikidata).map((o) => ({ entity: e, other: o })),
  );
  refused = pair[0]!;

  // Correct: a relation among entities no other test touches, given a type it does not have between the same ends.
  const types = [...new Set(shown.relations.map((r) => r.type))];
  const free = shown.relations.filter((r) => r.review === undefined && !busy.has(r.source) && !busy.has(r.target));
  for (const relation of free) {
    const type = types.find((t) => t !== relation.type && !shown.relations.some((r) => r.type === t && r.source === relation.source && r.target === relation.target));
    if (type) {
      corrected = { relation, type };
      break;
    }
  }
  busy.add(corrected.relation.source).add(corrected.relation.target);

  // Add: in the newest article (first in the list), a sentence the extractor read a relation from, both ends drawn by the
  // overview; a type the corpus does not have between them (so the id the page predicts is the one the server gives).
  const listing = await api<{ documents: Array<{ id: string }> }>('documents?offset=0&limit=30');
  const drawn = new Set(shown.entities.map((e) => e.id));
  for (const { id: document } of listing.documents) {
    const article = (await api<{ dataset: Dataset }>(`documents/${encodeURIComponent(document)}`)).dataset;
    for (const relation of article.relations) {
      if (!drawn.has(relation.source) || !drawn.has(relation.target) || busy.has(relation.source) || busy.has(relation.target)) continue;
      const sentence = relation.evidence.find((span) => span.document === document);
      if (!sentence) continue;
      for (const type of types) {
        const id = `${relation.source}-${type}-${relation.target}`;
        if (!(await exists(id))) {
          added = { document, start: sentence.start, end: sentence.end, source: relation.source, target: relation.target, type, id };
          return;
        }
      }
    }
  }
  throw new Error('corpusEntityEdits.test.ts: no article sentence to add a relation from');
}

beforeAll(async () => {
  files = await buildCorpus(120);
  server = await startServe(files, 0, { allowEdits: true });
  browser = await launchChromium();
  // @sparticuz/chromium is single-process: one context kept alive by an idle page (see harness.ts).
  context = await browser.newContext();
  await context.newPage();
  await pickTargets();
  page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A refused edit is an HTTP 422 the browser logs as a failed resource: expected.
    if (message.type() === 'error' && !message.text().includes('Failed to load resource')) problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${server.url}?overview=${OVERVIEW}`);
  await graphReady(page);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await files?.remove();
});

describe('entity edits, corrections and added relations in corpus mode', () => {
  it('rename: the panel and the drawn label change; after a reload the store has the new name, the old one an alias', async () => {
    const name = `${renamed.label} Jr.`;
    await select('node', renamed.id);
    await openEditor();
    await page.getByTestId('entity-rename-input').fill(name);
    await page.getByTestId('entity-rename').click();
    await expect.poll(title, { timeout: 30_000 }).toBe(name);
    await settled();
    expect(await aliases()).toEqual([...renamed.aliases, renamed.label]);
    await expect.poll(async () => (await node(renamed.id))?.label).toBe(name);
    expect(await noticeText()).toBe(`Saved: Renamed ${renamed.label} to ${name}.`);

    await reload();
    await select('node', renamed.id);
    expect(await title()).toBe(name);
    expect(await aliases()).toEqual([...renamed.aliases, renamed.label]);
    const stored = (await overview()).entities.find((e) => e.id === renamed.id);
    expect(stored?.label).toBe(name);
    expect(stored?.aliases).toEqual([...renamed.aliases, renamed.label]);
    expect(problems).toEqual([]);
  });

  it('merge: one node fewer, the merged one’s relations on the other, after a reload too; Undo (button) brings both back', async () => {
    const { from, into, moved } = merge;
    const before = await overview();
    const nodesBefore = await nodeCount();
    expect(nodesBefore).toBe(before.entities.length);
    const { entities: total } = await info();
    expect(await census()).toContain(`${total} entities`);
    await select('node', into.id);
    await openEditor();
    await page.getByTestId('entity-merge-input').fill(from.label);
    await page.getByTestId(`entity-merge-input-hit-${from.id}`).waitFor({ state: 'visible' });
    await page.getByTestId('entity-merge-input').press('Enter');
    await page.getByTestId('entity-merge-confirm-button').click();

    await expect.poll(() => node(from.id), { timeout: 30_000 }).toBeNull();
    await settled();
    // The overview is the most-connected entities: with one gone, the next one in rank may come in.
    const after = await overview();
    const newcomers = after.entities.filter((e) => !before.entities.some((b) => b.id === e.id)).map((e) => e.id);
    expect(newcomers.length).toBeLessThanOrEqual(1);
    expect(await nodeCount()).toBe(nodesBefore - 1 + newcomers.length);
    expect(after.entities.some((e) => e.id === from.id)).toBe(false);
    expect(after.entities.find((e) => e.id === into.id)?.aliases).toEqual(expect.arrayContaining([from.label]));
    // Each of its relations now ends at the entity it was merged into (or was folded into one that does).
    const edges = await shownEdges();
    for (const id of moved) {
      const relation = after.relations.find((r) => r.id === id);
      if (relation) {
        expect([relation.source, relation.target]).toContain(into.id);
        expect(edges).toContain(id);
      }
    }
    expect(after.relations.filter((r) => r.source === from.id || r.target === from.id)).toEqual([]);
    expect(touching(after, into.id).length).toBeGreaterThan(touching(before, into.id).length);
    expect(await title()).toBe(into.label);
    expect(await noticeText()).toBe(`Saved: Merged ${from.label} into ${into.label}.`);
    // The header's count of the corpus's entities follows the store.
    expect((await info()).entities).toBe(total - 1);
    expect(await census()).toContain(`${total - 1} entities`);
    await saveScreenshot(page, 'corpus-entity-merged.png');
    await expectNoAxeViolations(page, 'corpus mode, an entity merged');

    await reload();
    expect(await node(from.id)).toBeNull();
    expect(await nodeCount()).toBe(nodesBefore - 1 + newcomers.length);
    await expect.poll(() => page.getByTestId('undo-button').getAttribute('title')).toBe(`Undo: Merged ${from.label} into ${into.label}`);
    await page.getByTestId('undo-button').click();
    await expect.poll(() => node(from.id), { timeout: 30_000 }).not.toBeNull();
    await settled();
    expect(await nodeCount()).toBe(nodesBefore);
    expect(await shownEdges()).toEqual(expect.arrayContaining(moved));
    const undone = await overview();
    expect(touching(undone, from.id).map((r) => r.id).sort()).toEqual([...moved].sort());
    expect(undone.entities.find((e) => e.id === into.id)?.aliases).toEqual(into.aliases);
    expect(await noticeText()).toBe(`Undone: Merged ${from.label} into ${into.label}.`);
    expect(await census()).toContain(`${total} entities`);
    expect(problems).toEqual([]);
  });

  it('correct a relation’s type: its card and colour change, and it survives a reload', async () => {
    const { relation, type } = corrected;
    await select('edge', relation.id);
    const colour = (await edge(relation.id))?.color;
    expect(colour).toBeTruthy();
    await page.getByTestId(`review-correct-${relation.id}`).click();
    const select_ = page.getByTestId(`correct-type-${relation.id}`);
    await select_.selectOption(type);
    const label = await select_.locator('option:checked').textContent();
    const oldLabel = await select_.locator(`option[value="${relation.type}"]`).textContent();
    await page.getByTestId(`correct-apply-${relation.id}`).click();
    await expect.poll(() => page.getByTestId(`review-status-${relation.id}`).innerText(), { timeout: 30_000 }).toBe('Corrected');
    await settled();
    const card = page.getByTestId(`relation-card-${relation.id}`).first();
    // The card's claim names the new type; the old one is only said as what was proposed.
    await expect.poll(() => card.textContent()).toContain(`— ${label} —`);
    expect(await card.textContent()).not.toContain(`— ${oldLabel} —`);
    expect(await card.textContent()).toContain(`Proposed: `);
    await expect.poll(async () => (await edge(relation.id))?.color).not.toBe(colour);
    const corrected_ = await edge(relation.id);

    await reload();
    await select('edge', relation.id);
    expect(await page.getByTestId(`review-status-${relation.id}`).innerText()).toBe('Corrected');
    expect(await page.getByTestId(`relation-card-${relation.id}`).first().textContent()).toContain(`— ${label} —`);
    expect((await edge(relation.id))?.color).toBe(corrected_?.color);
    const stored = (await overview()).relations.find((r) => r.id === relation.id);
    expect(stored?.type).toBe(type);
    expect(stored?.review?.status).toBe('corrected');
    expect(stored?.review?.proposed?.type).toBe(relation.type);
    expect(problems).toEqual([]);
  });

  it('add a relation from a selected passage of an opened article: drawn, "Added by hand", survives a reload', async () => {
    await page.getByTestId(`corpus-article-${added.document}`).click();
    await page.getByTestId('article-pane').waitFor({ state: 'visible' });
    await page.getByTestId('article-names').waitFor({ state: 'visible' });
    await selectOffsets(added.start, added.end);
    await page.getByTestId('add-relation-open').click();
    await page.getByTestId('add-relation-form').waitFor({ state: 'visible' });
    await page.getByTestId('add-relation-source').selectOption(added.source);
    await page.getByTestId('add-relation-target').selectOption(added.target);
    await page.getByTestId('add-relation-type').selectOption(added.type);
    expect(await shownEdges()).not.toContain(added.id);
    const { relations: total } = await info();
    await page.getByTestId('add-relation-add').click();

    await expect.poll(shownEdges, { timeout: 30_000 }).toContain(added.id);
    await settled();
    expect(await noticeText()).toMatch(/^Saved: Added: /);
    expect(await census()).toContain(`${total + 1} relations`);
    await expect.poll(selection).toEqual({ kind: 'edge', id: added.id });
    await page.getByTestId('tab-details').click();
    await page.getByTestId(`relation-card-${added.id}`).first().waitFor({ state: 'visible' });
    expect(await page.getByTestId(`review-status-${added.id}`).first().innerText()).toBe('Added by hand');

    await reload();
    expect(await shownEdges()).toContain(added.id);
    await select('edge', added.id);
    expect(await page.getByTestId(`review-status-${added.id}`).first().innerText()).toBe('Added by hand');
    const stored = (await overview()).relations.find((r) => r.id === added.id);
    expect(stored).toMatchObject({ type: added.type, source: added.source, target: added.target, review: { status: 'added' } });
    expect(stored?.evidence).toEqual([expect.objectContaining({ document: added.document })]);
    expect(problems).toEqual([]);
  });

  it('a refused merge (two Wikidata items): the notice says why, the panel does not claim it, nothing changes, the history does not grow', async () => {
    const { entity, other } = refused;
    const before = await history();
    await dismissNotice();
    const nodesBefore = await nodeCount();
    await select('node', entity.id);
    await openEditor();
    await page.getByTestId('entity-merge-input').fill(other.label);
    await page.getByTestId(`entity-merge-input-hit-${other.id}`).waitFor({ state: 'visible' });
    await page.getByTestId('entity-merge-input').press('Enter');
    await page.getByTestId('entity-merge-confirm-button').click();
    await expect.poll(() => noticeText().catch(() => ''), { timeout: 30_000 }).toMatch(/^(Not done|Saved):/);
    await settled();
    expect(await notice().getAttribute('role')).toBe('alert');
    expect(await noticeText()).toBe(`Not done: they are different Wikidata items (${entity.wikidata}, ${other.wikidata})`);
    await saveScreenshot(page, 'corpus-entity-refused.png');
    expect(await title()).toBe(entity.label);
    expect(await node(other.id)).not.toBeNull();
    expect(await nodeCount()).toBe(nodesBefore);
    expect(await history()).toEqual(before);
    expect(problems).toEqual([]);
    // The panel does not say it merged them: the server said no.
    expect(await page.getByTestId('entity-edit-done').count()).toBe(0);
  });

  it('a refused rename (another entity’s name): the notice says why, nothing changes, the history does not grow', async () => {
    const { entity, other } = refused;
    await dismissNotice();
    const before = await history();
    await select('node', entity.id);
    await openEditor();
    await page.getByTestId('entity-rename-input').fill(other.label);
    await page.getByTestId('entity-rename').click();
    // The outcome is said in the notice line: wait for the server's answer, whichever it is.
    await expect.poll(() => noticeText().catch(() => ''), { timeout: 30_000 }).toMatch(/^(Not done|Saved):/);
    await settled();
    expect(await noticeText()).toBe(`Not done: "${other.label}" is already the name of ${other.label} (${other.id}); merge them instead`);
    expect(await notice().getAttribute('role')).toBe('alert');
    expect(await title()).toBe(entity.label);
    expect(await history()).toEqual(before);
    expect((await overview()).entities.find((e) => e.id === entity.id)?.label).toBe(entity.label);
    expect(problems).toEqual([]);
  });
});
