/**
 * Review and correct — end to end in real headless Chromium, on the seed
 * article: accept, reject (with a reason, the edge no longer drawn, listed
 * with its reason, restored), correct (type, direction, negation; "Proposed:
 * …"), a refused correction changing nothing, undo and redo by button and by
 * keyboard and across reloads, the review queue by keyboard only, the
 * "unreviewed only" filter, the acceptance table, axe and screenshots.
 */

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, saveScreenshot, startApp, type AppHarness, type AppPage } from './harness.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let app: AppHarness;
let opened: AppPage;
let page: Page;

const origin = () => page.getByTestId('data-origin').getAttribute('data-kind');
const shownEdges = () => page.evaluate(() => window.__newsgraph?.shownEdges() ?? []);
const highlighted = () => page.evaluate(() => window.__newsgraph?.state().highlightedRelation ?? null);
const status = (id: string) => page.getByTestId(`review-status-${id}`).innerText();
const announced = () => page.getByTestId('edit-announcer').innerText();
const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

async function graphReady(): Promise<void> {
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
}

/** Opens a relation in the Details tab, through the link's hash (as a shared link would). */
async function openRelation(id: string): Promise<void> {
  await page.getByTestId('tab-details').click();
  await page.evaluate((edge) => {
    window.location.hash = `sel=edge:${edge}`;
  }, id);
  await expect.poll(() => page.evaluate(() => window.__newsgraph?.state().selection ?? null)).toEqual({ kind: 'edge', id });
  await page.getByTestId(`relation-card-${id}`).waitFor();
}

/** Back to the unedited seed (the seed button is on while an edited copy is on screen). */
async function freshSeed(): Promise<void> {
  if ((await origin()) !== 'seed') await page.getByTestId('seed-button').click();
  await expect.poll(origin).toBe('seed');
  await graphReady();
}

async function saved(): Promise<void> {
  await expect.poll(() => page.getByTestId('workspaces-button').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
}

async function reload(): Promise<void> {
  const url = page.url().split('#')[0]!;
  await page.goto('about:blank');
  await page.goto(url);
  await graphReady();
}

async function openReviewTab(): Promise<void> {
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-panel').waitFor();
}

beforeAll(async () => {
  app = await startApp();
  opened = await app.openPage(DESKTOP);
  page = opened.page;
});

afterEach(() => {
  expect(opened.problems.splice(0).filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
});

afterAll(async () => {
  await app?.close();
});

describe('reviewing a relation on its card', () => {
  it('accepts: the badge says Accepted, Undo names the step, the live region says it', async () => {
    await freshSeed();
    await openRelation('r07-russia-attacked-ukraine');
    expect(await status('r07-russia-attacked-ukraine')).toBe('Not reviewed');
    await expect.poll(() => page.getByTestId('undo-button').isDisabled()).toBe(true);
    await page.getByTestId('review-accept-r07-russia-attacked-ukraine').click();
    await expect.poll(() => status('r07-russia-attacked-ukraine')).toBe('Accepted');
    expect(await page.getByTestId('undo-button').getAttribute('title')).toMatch(/^Undo: Accepted: Russia .* Ukraine$/);
    expect(await page.getByTestId('redo-button').isDisabled()).toBe(true);
    expect(await announced()).toMatch(/Accepted: Russia .* Ukraine/);
    expect(await origin()).toBe('edited');
  });

  it('keeps the camera where the reader left it: an edit changes the drawn graph in place', async () => {
    await freshSeed();
    await openRelation('r07-russia-attacked-ukraine');
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    await zoomIn.click();
    await zoomIn.click();
    const where = () => page.evaluate(() => window.__newsgraph?.nodePosition('ukraine') ?? null);
    // Once the zoom's animation has settled: two reads a beat apart agree.
    await page.waitForTimeout(1000);
    let before = await where();
    await expect
      .poll(async () => {
        const now = await where();
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return settled;
      })
      .toBe(true);
    const rendersBefore = await page.evaluate(() => window.__newsgraph?.renders() ?? 0);
    await page.getByTestId('review-accept-r07-russia-attacked-ukraine').click();
    await expect.poll(() => status('r07-russia-attacked-ukraine')).toBe('Accepted');
    // The same sigma (its frame count goes on rising, a new one would start again) on the same camera.
    expect(await page.evaluate(() => window.__newsgraph?.renders() ?? 0)).toBeGreaterThanOrEqual(rendersBefore);
    expect(await where()).toEqual(before);
  });

  it('rejects with a reason: the edge is no longer drawn, listed with its reason under Rejected, and Restore brings it back', async () => {
    const id = 'r13-vladimir-putin-attacked-ukraine';
    await openRelation(id);
    expect(await shownEdges()).toContain(id);
    await page.getByTestId(`review-reject-${id}`).click();
    await page.getByTestId(`reject-reason-${id}`).fill('Putin ordered it; Russia did it');
    await page.getByTestId(`reject-confirm-${id}`).click();
    await expect.poll(shownEdges).not.toContain(id);
    await openReviewTab();
    const row = page.getByTestId(`rejected-${id}`);
    expect(await row.innerText()).toContain('reason: Putin ordered it; Russia did it');
    await page.getByTestId(`restore-${id}`).click();
    await expect.poll(shownEdges).toContain(id);
    await expect.poll(() => row.count()).toBe(0);
    await openRelation(id);
    expect(await status(id)).toBe('Not reviewed');
  });

  it('corrects type, direction and negation in one edit: the card says so and shows what was proposed', async () => {
    const id = 'r12-vladimir-putin-leader-of-russia';
    await openRelation(id);
    const before = await page.getByTestId(`relation-card-${id}`).locator('.relation-sentence').innerText();
    await page.getByTestId(`review-correct-${id}`).click();
    await page.getByTestId(`correct-type-${id}`).selectOption('accused');
    await page.getByTestId(`correct-swap-${id}`).click();
    await page.getByTestId(`correct-negated-${id}`).check();
    await expectNoAxeViolations(page, 'the correct form');
    await page.getByTestId(`correct-apply-${id}`).click();
    await expect.poll(() => status(id)).toBe('Corrected');
    const sentence = await page.getByTestId(`relation-card-${id}`).locator('.relation-sentence').innerText();
    expect(sentence).toMatch(/^Russia\s.*not.*\sVladimir Putin$/);
    expect(await page.getByTestId(`relation-card-${id}`).locator('.rel-negated').count()).toBe(1);
    // The claim as proposed, in the same words the card used before.
    expect(await page.getByTestId(`review-proposed-${id}`).innerText()).toBe(`Proposed: ${before.replace(/\s*→\s*/g, ' ').replace(/\s+/g, ' ').trim()}`);
    expect(await page.getByTestId(`correct-form-${id}`).count()).toBe(0);
  });

  it('refuses a correction the sentence does not support: the reason shows, the form stays, nothing changes', async () => {
    const id = 'r07-russia-attacked-ukraine';
    await openRelation(id);
    const undoTitle = await page.getByTestId('undo-button').getAttribute('title');
    const edges = await shownEdges();
    await page.getByTestId(`review-correct-${id}`).click();
    await page.getByTestId(`correct-target-${id}`).selectOption('armenia');
    await page.getByTestId(`correct-apply-${id}`).click();
    const refusal = page.getByTestId(`correct-refusal-${id}`);
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.innerText()).toMatch(/^Not done: .*Armenia|armenia/);
    expect(await activeTestId()).toBe(`correct-apply-${id}`);
    expect(await page.getByTestId(`correct-form-${id}`).count()).toBe(1);
    expect(await status(id)).toBe('Accepted');
    expect(await page.getByTestId(`relation-card-${id}`).locator('.relation-sentence').innerText()).toMatch(/Ukraine$/);
    expect(await page.getByTestId('undo-button').getAttribute('title')).toBe(undoTitle);
    expect(await shownEdges()).toEqual(edges);
  });
});

describe('undo and redo', () => {
  it('by button, then by keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), never while typing', async () => {
    const id = 'r12-vladimir-putin-leader-of-russia';
    await openRelation(id);
    expect(await status(id)).toBe('Corrected');
    expect(await page.getByTestId('undo-button').getAttribute('title')).toMatch(/^Undo: Corrected: /);
    await page.getByTestId('undo-button').click();
    await expect.poll(() => status(id)).toBe('Not reviewed');
    expect(await page.getByTestId(`review-proposed-${id}`).count()).toBe(0);
    expect(await page.getByTestId('redo-button').getAttribute('title')).toMatch(/^Redo: Corrected: /);
    expect(await announced()).toMatch(/^Undone: Corrected: /);
    await page.getByTestId('redo-button').click();
    await expect.poll(() => status(id)).toBe('Corrected');
    expect(await announced()).toMatch(/^Redone: Corrected: /);

    // Keyboard, from the page (not a text field).
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(() => status(id)).toBe('Not reviewed');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => status(id)).toBe('Corrected');
    await page.keyboard.press('Control+z');
    await expect.poll(() => status(id)).toBe('Not reviewed');
    await page.keyboard.press('Control+y');
    await expect.poll(() => status(id)).toBe('Corrected');

    // In a text field Ctrl+Z is the field's own: the data is untouched.
    await page.getByTestId(`review-reject-${id}`).click();
    await page.getByTestId(`reject-reason-${id}`).fill('typo');
    await page.getByTestId(`reject-reason-${id}`).press('Control+z');
    expect(await status(id)).toBe('Corrected');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('survive a reload: the workspace reopens with the edit, Undo takes it back, still undone after another reload, Redo makes it again', async () => {
    const id = 'r20-united-states-accused-russia';
    await openRelation(id);
    await page.getByTestId(`review-accept-${id}`).click();
    await expect.poll(() => status(id)).toBe('Accepted');
    await saved();
    await reload();
    expect(await origin()).toBe('edited');
    await openRelation(id);
    expect(await status(id)).toBe('Accepted');
    expect(await page.getByTestId('undo-button').getAttribute('title')).toMatch(/^Undo: Accepted: United States .* Russia$/);
    await page.getByTestId('undo-button').click();
    await expect.poll(() => status(id)).toBe('Not reviewed');
    await saved();
    await reload();
    await openRelation(id);
    expect(await status(id)).toBe('Not reviewed');
    expect(await page.getByTestId('redo-button').getAttribute('title')).toMatch(/^Redo: Accepted: United States .* Russia$/);
    await page.getByTestId('redo-button').click();
    await expect.poll(() => status(id)).toBe('Accepted');
  });
});

describe('the Review tab', () => {
  it('runs the queue by keyboard only: Tab to the tab, then J (next), A (accept), R (reject), K (previous), the sentence in view', async () => {
    await freshSeed();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Tab through the page to the side panel's tabs, then the arrow keys along them to Review.
    for (let i = 0; i < 120 && !String(await activeTestId()).startsWith('tab-'); i += 1) await page.keyboard.press('Tab');
    expect(String(await activeTestId())).toMatch(/^tab-/);
    for (let i = 0; i < 8 && (await activeTestId()) !== 'tab-review'; i += 1) await page.keyboard.press('ArrowRight');
    expect(await activeTestId()).toBe('tab-review');
    await page.getByTestId('review-panel').waitFor();

    const progress = page.getByTestId('review-progress');
    expect(await progress.innerText()).toBe('27 of 27 relations not reviewed');
    const current = () => page.getByTestId('review-current').getAttribute('data-relation');
    const first = await current();
    expect(first).not.toBeNull();
    await expect.poll(highlighted).toBe(first);
    const sentence = page.getByTestId('review-current').getByTestId('evidence-sentence').first();
    expect(await sentence.isVisible()).toBe(true);
    expect((await sentence.innerText()).length).toBeGreaterThan(40);
    expect(await page.getByTestId('queue-accept').getAttribute('aria-keyshortcuts')).toBe('A');

    await page.keyboard.press('j');
    await expect.poll(current).not.toBe(first);
    const second = await current();
    await expect.poll(highlighted).toBe(second);

    await page.keyboard.press('a');
    await expect.poll(() => progress.innerText()).toBe('26 of 27 relations not reviewed');
    const third = await current();
    expect(third).not.toBe(second);
    expect(third).not.toBe(first);

    await page.keyboard.press('r');
    await expect.poll(() => progress.innerText()).toBe('25 of 27 relations not reviewed');
    expect(await shownEdges()).not.toContain(third);
    expect(await page.getByTestId(`rejected-${third}`).count()).toBe(1);

    await page.keyboard.press('k');
    await expect.poll(current).toBe(first);
    await expect.poll(highlighted).toBe(first);
    expect(await page.getByTestId('history-list').locator('li').first().innerText()).toMatch(/^Rejected: /);
    await expectNoAxeViolations(page, 'the Review tab');
  });

  it('counts acceptance per relation type after a few reviews', async () => {
    await freshSeed();
    // leader-of: r05, r12, r16 — two accepted, one rejected; attacked: r07 corrected (counted as proposed), r13 not reviewed.
    for (const id of ['r05-ahmed-abu-al-gheit-leader-of-arab-league', 'r12-vladimir-putin-leader-of-russia']) {
      await openRelation(id);
      await page.getByTestId(`review-accept-${id}`).click();
      await expect.poll(() => status(id)).toBe('Accepted');
    }
    await openRelation('r16-volodymyr-zelensky-leader-of-ukraine');
    await page.getByTestId('review-reject-r16-volodymyr-zelensky-leader-of-ukraine').click();
    await page.getByTestId('reject-confirm-r16-volodymyr-zelensky-leader-of-ukraine').click();
    await expect.poll(shownEdges).not.toContain('r16-volodymyr-zelensky-leader-of-ukraine');
    await openRelation('r07-russia-attacked-ukraine');
    await page.getByTestId('review-correct-r07-russia-attacked-ukraine').click();
    await page.getByTestId('correct-hedged-r07-russia-attacked-ukraine').check();
    await page.getByTestId('correct-apply-r07-russia-attacked-ukraine').click();
    await expect.poll(() => status('r07-russia-attacked-ukraine')).toBe('Corrected');

    await openReviewTab();
    const cells = (type: string) => page.getByTestId(`acceptance-${type}`).locator('td').allInnerTexts();
    expect(await cells('leader-of')).toEqual(['2', '0', '1', '0', '67%']);
    expect(await cells('attacked')).toEqual(['0', '1', '0', '1', '0%']);
    expect(await cells('hosted')).toEqual(['0', '0', '0', '2', '—']);
    expect(await page.getByTestId('review-progress').innerText()).toBe('23 of 27 relations not reviewed');
    const history = await page.getByTestId('history-list').locator('li').allInnerTexts();
    expect(history).toHaveLength(4);
    expect(history[0]).toMatch(/^Corrected: /);
    expect(history[3]).toMatch(/^Accepted: /);
    // An undone step stays listed, marked.
    await page.getByTestId('undo-button').click();
    await expect.poll(() => page.getByTestId('history-3').getAttribute('data-undone')).toBe('true');
    expect(await page.getByTestId('history-3').innerText()).toContain('(undone)');
    await page.getByTestId('redo-button').click();
    await expect.poll(() => page.getByTestId('history-3').getAttribute('data-undone')).toBe('false');
  });

  it('"Unreviewed only" draws only what is left to review, and the legend counts follow', async () => {
    // Continues from the reviews above: r05, r12 accepted, r07 corrected, r16 rejected.
    const reviewed = ['r05-ahmed-abu-al-gheit-leader-of-arab-league', 'r12-vladimir-putin-leader-of-russia', 'r07-russia-attacked-ukraine'];
    const all = await shownEdges();
    for (const id of reviewed) expect(all).toContain(id);
    const leaderCount = () => page.getByTestId('relation-toggle-leader-of').locator('.legend-count').innerText();
    expect(await leaderCount()).toBe('2');
    await page.getByTestId('unreviewed-only').check();
    await expect.poll(shownEdges).toEqual(all.filter((id) => !reviewed.includes(id)));
    expect(await leaderCount()).toBe('0');
    expect(await page.getByTestId('relation-toggle-attacked').locator('.legend-count').innerText()).toBe('1');
    await page.getByTestId('unreviewed-only').uncheck();
    await expect.poll(shownEdges).toEqual(all);
  });

  it('screenshots: the Review tab and a card with the correct form open, desktop and phone', async () => {
    await openReviewTab();
    await saveScreenshot(page, 'review-tab-desktop.png');
    await openRelation('r13-vladimir-putin-attacked-ukraine');
    await page.getByTestId('review-correct-r13-vladimir-putin-attacked-ukraine').click();
    await page.getByTestId('correct-form-r13-vladimir-putin-attacked-ukraine').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'review-correct-desktop.png');

    await page.setViewportSize(PHONE);
    await graphReady();
    await openReviewTab();
    await expectNoAxeViolations(page, 'the Review tab on a phone');
    await saveScreenshot(page, 'review-tab-phone.png');
    await openRelation('r13-vladimir-putin-attacked-ukraine');
    await page.getByTestId('review-correct-r13-vladimir-putin-attacked-ukraine').click();
    await page.getByTestId('correct-form-r13-vladimir-putin-attacked-ukraine').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'review-correct-phone.png');
    await page.setViewportSize(DESKTOP);
  });
});
