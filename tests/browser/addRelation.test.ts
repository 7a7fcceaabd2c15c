/**
 * "Add relation from selection" in the article pane, in real headless
 * Chromium, on the seed: a mouse-selected part of a sentence naming two
 * entities becomes a relation (drawn, selected, "Added by hand", quoting the
 * document's own sentence); a selection naming one entity is refused with
 * the reason; the whole flow by keyboard only. Expected sentences come from
 * the seed's text, not from the app.
 */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { expectNoAxeViolations, saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const text = seed.documents[0]!.text;
/** [start, end) of `part` in the article, and of the whole sentence it lies in (the sentence ends with `sentenceEnd`). */
function place(sentenceStart: string, part: string, sentenceEnd: string) {
  const sentence = text.indexOf(sentenceStart);
  const start = text.indexOf(part, sentence);
  const end = text.indexOf(sentenceEnd, sentence) + sentenceEnd.length;
  if (sentence < 0 || start < 0 || end < sentenceEnd.length) throw new Error(`"${part}" is not in the seed article`);
  return { start, end: start + part.length, sentence: text.slice(sentence, end) };
}

let app: AppHarness;
let opened: AppPage;
let page: Page;

const selection = () => page.evaluate(() => window.__newsgraph?.state().selection ?? null);
const shownEdges = () => page.evaluate(() => window.__newsgraph?.shownEdges() ?? []);
const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** The page rectangle of document characters [start, end) as the article pane shows them. */
function rectOf(p: Page, start: number, end: number) {
  return p.evaluate(
    ([s, e]) => {
      const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="article-names"] [data-at]')];
      const point = (offset: number): [Node, number] => {
        for (const run of runs) {
          const at = Number(run.dataset.at);
          const text = run.firstChild;
          if (text && offset >= at && offset <= at + (run.textContent ?? '').length) return [text, offset - at];
        }
        throw new Error(`no run holds offset ${offset}`);
      };
      const range = document.createRange();
      range.setStart(...point(s!));
      range.setEnd(...point(e!));
      const box = range.getBoundingClientRect();
      return { left: box.left, right: box.right, y: box.top + box.height / 2 };
    },
    [start, end],
  );
}

/** Scrolls the run holding document offset `offset` to the middle of the pane. */
function scrollTo(p: Page, offset: number) {
  return p.evaluate((at) => {
    const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="article-names"] [data-at]')];
    runs.findLast((run) => Number(run.dataset.at) <= at)?.scrollIntoView({ block: 'center' });
  }, offset);
}

/** Selects document characters [start, end) as a reader's drag would leave them (the Selection API). */
async function selectOffsets(p: Page, start: number, end: number): Promise<void> {
  await scrollTo(p, start);
  await p.evaluate(
    ([s, e]) => {
      const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="article-names"] [data-at]')];
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

async function openArticle(p: Page): Promise<void> {
  await p.getByTestId('tab-article').click();
  await p.getByTestId('article-pane').waitFor({ state: 'visible' });
}

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage({ width: 1280, height: 800 });
  page = opened.page;
  await openArticle(page);
});

afterAll(async () => {
  await app.close();
});

describe('add a relation from the article', () => {
  it('a mouse-selected part of a sentence naming two entities: the relation is drawn, selected, "Added by hand", quoting that sentence', async () => {
    expect(await page.getByTestId('add-relation-open').count()).toBe(0);
    const lavrov = place('Lavrov said Russia would focus', 'Lavrov said Russia would focus more on relations with Latin America', 'and Asia.');

    // A real drag, from the white space before the sentence to the end of "Latin America".
    await scrollTo(page, lavrov.start);
    const from = await rectOf(page, lavrov.start - 1, lavrov.start);
    const to = await rectOf(page, lavrov.end - 1, lavrov.end);
    await page.mouse.move(from.left + 1, from.y);
    await page.mouse.down();
    await page.mouse.move((from.left + to.right) / 2, to.y, { steps: 4 });
    await page.mouse.move(to.right - 0.5, to.y, { steps: 4 });
    await page.mouse.up();
    expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim()).toBe(text.slice(lavrov.start, lavrov.end));

    await page.getByTestId('add-relation-open').click();
    const form = page.getByTestId('add-relation-form');
    await form.waitFor({ state: 'visible' });
    expect(await page.getByTestId('add-relation-quote').textContent()).toBe(text.slice(lavrov.start, lavrov.end));
    expect(await form.textContent()).toContain('Named here: Sergei Lavrov, Russia, Latin America.');
    expect(await page.getByTestId('add-relation-source').inputValue()).toBe('sergei-lavrov');
    await page.getByTestId('add-relation-target').selectOption('latin-america');
    await page.getByTestId('add-relation-type').selectOption('seeks-ties-with');
    await expectNoAxeViolations(page, 'the Add relation form');
    await saveScreenshot(page, 'add-relation-desktop.png');

    const edgesBefore = await shownEdges();
    await page.getByTestId('add-relation-add').click();
    await expect.poll(async () => (await shownEdges()).length).toBe(edgesBefore.length + 1);
    const added = (await shownEdges()).find((id) => !edgesBefore.includes(id))!;
    expect(added).toMatch(/^sergei-lavrov-seeks-ties-with-latin-america/);
    await expect.poll(selection).toEqual({ kind: 'edge', id: added });
    expect(await page.evaluate(() => window.__newsgraph?.state().highlightedRelation)).toBe(added);

    await page.getByTestId('tab-details').click();
    const card = page.getByTestId(`relation-card-${added}`);
    await card.waitFor({ state: 'visible' });
    expect(await page.getByTestId(`review-status-${added}`).first().textContent()).toBe('Added by hand');
    // The evidence is the document's own sentence around the selection, character for character.
    expect((await card.textContent()) ?? '').toContain(lavrov.sentence);
    await saveScreenshot(page, 'add-relation-added-desktop.png');

    // Ctrl+Z takes it back.
    await page.getByTestId('tab-details').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(shownEdges).toEqual(edgesBefore);
    expect(opened.problems).toEqual([]);
  });

  it('a selection that names only one entity: refused with the reason, focus kept, nothing added', async () => {
    await openArticle(page);
    const allies = place('Even allies of Russia', 'Even allies of Russia have grown wary of conducting diplomacy with Russia in person', 'from Ukraine.');
    await selectOffsets(page, allies.start, allies.end);
    await page.getByTestId('add-relation-open').click();
    const form = page.getByTestId('add-relation-form');
    await form.waitFor({ state: 'visible' });
    expect(await form.textContent()).toContain('Named here: Russia.');
    const target = await page.getByTestId('add-relation-target').inputValue();
    const targetLabel = seed.entities.find((e) => e.id === target)!.label;
    expect(target).not.toBe('russia');
    const edgesBefore = await shownEdges();
    await page.getByTestId('add-relation-add').click();
    const alert = page.getByTestId('add-relation-refusal');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.getAttribute('role')).toBe('alert');
    // The model quotes the selection shortened: its first words, then the entity it does not name.
    expect(await alert.textContent()).toMatch(new RegExp(`^Not added: the selected text "${text.slice(allies.start, allies.start + 20)}[^"]*" does not name ${targetLabel}\\.$`));
    expect(await activeTestId()).toBe('add-relation-add');
    expect(await shownEdges()).toEqual(edgesBefore);
    await expectNoAxeViolations(page, 'a refused Add relation');
    await saveScreenshot(page, 'add-relation-refused-desktop.png');
    await page.getByTestId('add-relation-cancel').click();
    expect(await page.getByTestId('add-relation-form').count()).toBe(0);
    expect(opened.problems).toEqual([]);
  });

  it('keyboard only: Shift+arrows from a name select, Tab reaches "Add relation from selection", the form by keys', async () => {
    const keys = await app.openPage({ width: 1280, height: 800 });
    const p = keys.page;
    await openArticle(p);
    const putin = place('Putin didn’t attend', 'Putin didn’t attend the BRICS summit in South Africa', 'in the abductions.');
    const names = p.locator('[data-testid="article-names"] .article-mention');
    const target = await names.evaluateAll((all, at) => all.findIndex((el) => el.getAttribute('data-at') === String(at)), putin.start);
    expect(target).toBeGreaterThan(0);

    // Into the article by Tab, then along the names to "Putin".
    for (let i = 0; i < 10 && !(await p.evaluate(() => document.activeElement?.classList.contains('article-mention') ?? false)); i += 1) await p.keyboard.press('Tab');
    await p.keyboard.press('Home');
    for (let i = 0; i < target; i += 1) await p.keyboard.press('ArrowRight');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-at'))).toBe(String(putin.start));

    // Shift+Ctrl+→ selects the name, then word by word.
    const selected = () => p.evaluate(() => window.getSelection()?.toString() ?? '');
    for (let i = 0; i < 20 && !(await selected()).includes('South Africa'); i += 1) await p.keyboard.press('Shift+Control+ArrowRight');
    expect((await selected()).trim()).toBe(text.slice(putin.start, putin.end));
    expect(await p.evaluate(() => window.__newsgraph?.state().selection)).toEqual({ kind: 'none' });

    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-relation-open');
    await p.keyboard.press('Enter');
    await p.getByTestId('add-relation-form').waitFor({ state: 'visible' });
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-relation-source');
    expect(await p.getByTestId('add-relation-source').inputValue()).toBe('vladimir-putin');
    await p.keyboard.press('Tab');
    await p.keyboard.type('attended');
    expect(await p.getByTestId('add-relation-type').inputValue()).toBe('attended');
    await p.keyboard.press('Tab');
    await p.keyboard.type('South');
    expect(await p.getByTestId('add-relation-target').inputValue()).toBe('south-africa');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Space');
    expect(await p.getByTestId('add-relation-negated').isChecked()).toBe(true);
    await p.keyboard.press('Tab'); // hedged
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-relation-add');
    const edgesBefore = await p.evaluate(() => window.__newsgraph?.shownEdges() ?? []);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.evaluate(() => window.__newsgraph?.shownEdges().length ?? 0)).toBe(edgesBefore.length + 1);
    const added = (await p.evaluate(() => window.__newsgraph?.shownEdges() ?? [])).find((id) => !edgesBefore.includes(id))!;
    expect(added).toMatch(/^vladimir-putin-attended-south-africa/);
    await expect.poll(() => p.evaluate(() => window.__newsgraph?.state().selection)).toEqual({ kind: 'edge', id: added });
    expect(await p.getByTestId('add-relation-done').textContent()).toContain('Added the relation');
    expect(keys.problems).toEqual([]);
    await p.close();
  });

  it('on a phone', async () => {
    const phone = await app.openPage({ width: 390, height: 844 });
    await openArticle(phone.page);
    const lavrov = place('Lavrov said Russia would focus', 'Lavrov said Russia would focus more on relations with Latin America', 'and Asia.');
    await selectOffsets(phone.page, lavrov.start, lavrov.end);
    await phone.page.getByTestId('add-relation-open').click();
    await phone.page.getByTestId('add-relation-form').waitFor({ state: 'visible' });
    await expectNoAxeViolations(phone.page, 'the Add relation form on a phone');
    await saveScreenshot(phone.page, 'add-relation-phone.png');
    expect(phone.problems).toEqual([]);
    await phone.page.close();
  });
});
