/**
 * "Edit entity" in real headless Chromium, on the seed: rename, retype, add
 * an alias, merge (and that an entity cannot be merged into itself), a
 * refused edit, split, each undone with Ctrl+Z. Expected names, counts and
 * relations come from the seed file, not from the app.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetJson, typeCatalog } from '../../src/model/index.ts';
import { expectNoAxeViolations, saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const catalog = typeCatalog(seed);
const entity = (id: string) => {
  const found = seed.entities.find((e) => e.id === id);
  if (!found) throw new Error(`the seed has no ${id}`);
  return found;
};
const relationsOf = (id: string) => seed.relations.filter((r) => r.source === id || r.target === id).map((r) => r.id);

let app: AppHarness;
let opened: AppPage;
let page: Page;

const title = () => page.getByTestId('details-title').textContent();
const aliases = () => page.locator('[data-testid="entity-details"] .aliases .alias').allTextContents();
const node = (id: string) => page.evaluate((n) => window.__newsgraph?.nodeDisplay(n) ?? null, id);
const nodeCount = () => page.evaluate(() => window.__newsgraph?.shownNodeCount() ?? -1);
const shownEdges = () => page.evaluate(() => window.__newsgraph?.shownEdges() ?? []);
const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

async function selectEntity(p: Page, label: string, id: string): Promise<void> {
  const box = p.getByTestId('entity-search');
  await box.fill(label);
  await p.getByTestId(`search-hit-${id}`).waitFor({ state: 'visible' });
  await box.press('Enter');
  await expect.poll(() => p.evaluate(() => window.__newsgraph?.state().selection ?? null)).toEqual({ kind: 'node', id });
  await p.getByTestId('tab-details').click();
  await p.getByTestId('entity-details').waitFor({ state: 'visible' });
}

async function openEditor(p: Page): Promise<void> {
  const editor = p.getByTestId('entity-edit');
  if ((await editor.getAttribute('open')) === null) await editor.locator('summary').click();
  await p.getByTestId('entity-rename-input').waitFor({ state: 'visible' });
}

/** Ctrl+Z with focus on a button (not in a field, where the browser's own text undo belongs). */
async function undo(): Promise<void> {
  await page.getByTestId('entity-edit').locator('summary').focus();
  await page.keyboard.press('Control+z');
}

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage({ width: 1280, height: 800 });
  page = opened.page;
});

afterAll(async () => {
  await app.close();
});

describe('edit an entity', () => {
  it('rename: the panel and the graph show the new name, the old one is listed as an alias; Ctrl+Z puts it back', async () => {
    const maria = entity('maria-zakharova');
    await selectEntity(page, maria.label, maria.id);
    await openEditor(page);
    await expectNoAxeViolations(page, 'the Edit entity form');
    await saveScreenshot(page, 'entity-edit-desktop.png');
    expect(await page.getByTestId('entity-edit').textContent()).toContain('The old name stays as an alias');

    await page.getByTestId('entity-rename-input').fill('Maria V. Zakharova');
    await page.getByTestId('entity-rename').click();
    await expect.poll(title).toBe('Maria V. Zakharova');
    expect(await aliases()).toEqual([...maria.aliases, maria.label]);
    await expect.poll(async () => (await node(maria.id))?.label).toBe('Maria V. Zakharova');
    expect(await page.getByTestId('entity-edit-done').textContent()).toBe(`Renamed ${maria.label} to Maria V. Zakharova`);

    await undo();
    await expect.poll(title).toBe(maria.label);
    expect(await aliases()).toEqual(maria.aliases);
    await expect.poll(async () => (await node(maria.id))?.label).toBe(maria.label);
    expect(opened.problems).toEqual([]);
  });

  it('a refused edit (a name another entity has) shows the reason beside the form, keeps focus, changes nothing', async () => {
    const lavrov = entity('sergei-lavrov');
    await page.getByTestId('entity-rename-input').fill(lavrov.label);
    await page.getByTestId('entity-rename').click();
    const alert = page.getByTestId('entity-edit-refusal-rename');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain(`"${lavrov.label}" is already the name of ${lavrov.label}`);
    expect(await activeTestId()).toBe('entity-rename');
    expect(await title()).toBe('Maria Zakharova');
    expect(await node(lavrov.id)).not.toBeNull();
    await expectNoAxeViolations(page, 'a refused rename');
    await saveScreenshot(page, 'entity-edit-refused-desktop.png');
    await page.getByTestId('entity-rename-input').fill('');
  });

  it('change type: the chip, the node colour follow; Ctrl+Z puts it back', async () => {
    const maria = entity('maria-zakharova');
    const before = (await node(maria.id))?.color;
    expect(before).toBeTruthy();
    await page.getByTestId('entity-type-select').selectOption('organisation');
    await page.getByTestId('entity-retype').click();
    await expect.poll(() => page.locator('[data-testid="entity-details"] .type-chip').textContent()).toBe(catalog.entity('organisation').label);
    await expect.poll(async () => (await node(maria.id))?.color).not.toBe(before);
    await undo();
    await expect.poll(() => page.locator('[data-testid="entity-details"] .type-chip').textContent()).toBe(catalog.entity(maria.type).label);
    await expect.poll(async () => (await node(maria.id))?.color).toBe(before);
  });

  it('add alias, then Ctrl+Z', async () => {
    const maria = entity('maria-zakharova');
    await page.getByTestId('entity-alias-input').fill('M. Zakharova');
    await page.getByTestId('entity-add-alias').click();
    await expect.poll(aliases).toEqual([...maria.aliases, 'M. Zakharova']);
    await undo();
    await expect.poll(aliases).toEqual(maria.aliases);
  });

  it('merge: the other entity’s relations join, one node fewer, the panel says what merged; it cannot be merged into itself', async () => {
    // Two places with no Wikidata items of their own (two different items are refused) and no relation between them.
    const into = entity('africa');
    const from = entity('latin-america');
    await selectEntity(page, into.label, into.id);
    await openEditor(page);
    const nodesBefore = await nodeCount();
    const merge = page.getByTestId('entity-merge-input');

    // Itself is not offered.
    await merge.fill(into.label);
    // Typing "Africa" lists South Africa, never Africa itself.
    await page.getByTestId('entity-merge-input-hit-south-africa').waitFor({ state: 'visible' });
    expect(await page.getByTestId(`entity-merge-input-hit-${into.id}`).count()).toBe(0);

    await merge.fill(from.label);
    await page.getByTestId(`entity-merge-input-hit-${from.id}`).waitFor({ state: 'visible' });
    await merge.press('Enter');
    const confirm = page.getByTestId('entity-merge-confirm');
    await confirm.waitFor({ state: 'visible' });
    const joins = relationsOf(from.id).length;
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    expect(await confirm.textContent()).toContain(
      `Merge ${from.label} into ${into.label}? ${into.label} gains 1 alias (${from.label}), ${n(from.mentions.length, 'mention')} and ${n(joins, 'relation')}.`,
    );
    await expectNoAxeViolations(page, 'the merge confirm step');
    await saveScreenshot(page, 'entity-merge-desktop.png');
    await page.getByTestId('entity-merge-confirm-button').click();

    await expect.poll(nodeCount).toBe(nodesBefore - 1);
    expect(await node(from.id)).toBeNull();
    expect(await title()).toBe(into.label);
    expect(await page.getByTestId('entity-edit-done').textContent()).toBe(`Merged ${from.label} into ${into.label}`);
    expect(await aliases()).toEqual([from.label]);
    // "Russia seeks ties with Latin America" (r09) and "… with Africa" (r10) become one relation, both sentences:
    // the first in the list is kept, now ending at Africa.
    const [kept, folded] = ['r09-russia-seeks-ties-with-latin-america', 'r10-russia-seeks-ties-with-africa'];
    expect(relationsOf(from.id)).toEqual([kept]);
    expect(relationsOf(into.id)).toEqual([folded]);
    const edges = await shownEdges();
    expect(edges).toContain(kept);
    expect(edges).not.toContain(folded);
    expect(await page.locator(`[data-testid="entity-details"] [data-testid="relation-card-${kept}"]`).count()).toBe(1);
    expect(await page.locator('[data-testid="entity-details"] [data-testid^="relation-card-"]').count()).toBe(1);

    // Split Latin America back off: the preview says what moves, and it is a node again.
    await page.getByTestId(`entity-split-name-${from.label}`).check();
    await expect.poll(() => page.getByTestId('entity-split-preview').textContent()).toMatch(new RegExp(`^A new entity “${from.label}” would take 1 mention and \\d+ relations?\\.$`));
    await expectNoAxeViolations(page, 'the split form');
    await saveScreenshot(page, 'entity-split-desktop.png');
    await page.getByTestId('entity-split').click();
    await expect.poll(nodeCount).toBe(nodesBefore);
    expect(await node(from.id)).not.toBeNull();
    expect(await aliases()).toEqual([]);
    expect(await page.getByTestId('entity-edit-done').textContent()).toBe(`Split ${from.label} off ${into.label}`);

    // Ctrl+Z twice: the split, then the merge, are taken back.
    await undo();
    await expect.poll(nodeCount).toBe(nodesBefore - 1);
    await undo();
    await expect.poll(nodeCount).toBe(nodesBefore);
    await expect.poll(shownEdges).toContain(folded);
    expect(await aliases()).toEqual([]);
    expect(opened.problems).toEqual([]);
  });

  it('on a phone', async () => {
    const phone = await app.openPage({ width: 390, height: 844 });
    await selectEntity(phone.page, 'Maria Zakharova', 'maria-zakharova');
    await openEditor(phone.page);
    await phone.page.getByTestId('entity-edit').scrollIntoViewIfNeeded();
    await expectNoAxeViolations(phone.page, 'the Edit entity form on a phone');
    await saveScreenshot(phone.page, 'entity-edit-phone.png');
    expect(phone.problems).toEqual([]);
    await phone.page.close();
  });
});
