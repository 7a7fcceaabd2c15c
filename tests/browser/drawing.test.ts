/**
 * What the drawing says (issue #18): negated relations dashed, edge labels on
 * hover, the camera in the shareable link and back to the whole graph after
 * a path, and the legend's "only this type". Real build, software WebGL.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, startApp, type AppHarness } from './harness.ts';

const NEGATED = 'r22-vladimir-putin-attended-brics';
const FACT = 'r02-sergei-lavrov-attended-un-general-assembly';
const READY = '[data-testid="graph-canvas"][data-ready="true"]';

describe('the drawing', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('dashes a negated relation and labels an edge under the pointer (desktop)', async () => {
    const { page, problems } = await app.openPage();
    await page.goto(app.url);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const program = (id: string) => page.evaluate((edge) => window.__newsgraphDrawing?.edgeProgram(edge) ?? null, id);
    expect(await program(NEGATED)).toMatch(/^dashed/);
    expect(await program(FACT)).not.toMatch(/^dashed/);
    await expect.poll(() => page.getByTestId('legend-negated').textContent()).toContain('dashed');

    // A crop around the negated edge, to look at the dashes.
    const mid = await page.evaluate((edge) => window.__newsgraphDrawing?.edgeMidpoint(edge) ?? null, NEGATED);
    expect(mid).not.toBeNull();
    await page.screenshot({ path: '/tmp/newsgraph-screenshots/drawing-negated-crop.png', clip: { x: mid!.x - 90, y: mid!.y - 60, width: 180, height: 120 } });

    // Hovering an edge (no selection) draws its label; leaving it takes it away.
    expect(await page.evaluate((edge) => window.__newsgraphDrawing?.edgeLabel(edge) ?? null, NEGATED)).toBeNull();
    await page.mouse.move(mid!.x, mid!.y);
    await expect.poll(() => page.evaluate(() => window.__newsgraphDrawing?.hoveredEdge() ?? null)).not.toBeNull();
    const hovered = await page.evaluate(() => window.__newsgraphDrawing?.hoveredEdge() ?? null);
    await expect.poll(() => page.evaluate((edge) => window.__newsgraphDrawing?.edgeLabel(edge) ?? null, hovered!)).not.toBeNull();
    await saveScreenshot(page, 'drawing-hover-desktop.png');
    await page.mouse.move(5, 5);
    await expect.poll(() => page.evaluate((edge) => window.__newsgraphDrawing?.edgeLabel(edge) ?? null, hovered!)).toBeNull();
    expect(problems).toEqual([]);
    await page.close();

    const phone = await app.openPage({ width: 390, height: 844 });
    await phone.page.goto(app.url);
    await phone.page.waitForSelector(READY, { timeout: 60_000 });
    expect(await phone.page.evaluate((edge) => window.__newsgraphDrawing?.edgeProgram(edge) ?? null, NEGATED)).toMatch(/^dashed/);
    await saveScreenshot(phone.page, 'drawing-phone.png');
    await phone.page.close();
  });

  it('carries the camera in the link, ignores a garbage one, and returns to the whole graph after a path', async () => {
    const { page, problems } = await app.openPage();
    await page.goto(app.url);
    await page.waitForSelector(READY, { timeout: 60_000 });
    expect(new URL(page.url()).hash).not.toContain('cam=');
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toContain('cam=');
    await page.waitForTimeout(600);
    const camera = await page.evaluate(() => window.__newsgraphDrawing!.camera());
    expect(camera.ratio).toBeLessThan(0.95);
    const link = page.url();

    const opened = await app.openPage();
    await opened.page.goto(link);
    await opened.page.waitForSelector(READY, { timeout: 60_000 });
    await expect
      .poll(() => opened.page.evaluate(() => window.__newsgraphDrawing!.camera()))
      .toEqual({ x: expect.closeTo(camera.x, 3), y: expect.closeTo(camera.y, 3), ratio: expect.closeTo(camera.ratio, 3) });
    await opened.page.close();

    const garbage = await app.openPage();
    await garbage.page.goto(`${app.url}#cam=NaN,1e400,-3`);
    await garbage.page.waitForSelector(READY, { timeout: 60_000 });
    expect(await garbage.page.evaluate(() => window.__newsgraphDrawing!.camera())).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
    expect(garbage.problems).toEqual([]);
    await garbage.page.close();

    // A traced path zooms onto it; clearing it brings back the whole graph.
    await page.evaluate(() => {
      window.location.hash = 'from=sergei-lavrov&to=new-york-city';
    });
    await expect.poll(() => page.evaluate(() => window.__newsgraphDrawing!.camera().ratio), { timeout: 10_000 }).not.toBeCloseTo(camera.ratio, 2);
    await page.waitForTimeout(700);
    await page.evaluate(() => {
      window.location.hash = 'lonely=hide';
    });
    await expect.poll(() => page.evaluate(() => window.__newsgraphDrawing!.camera()), { timeout: 10_000 }).toEqual({ x: expect.closeTo(0.5, 3), y: expect.closeTo(0.5, 3), ratio: expect.closeTo(1, 3) });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the second ring of a 2-step focus apart from the first and from a plain selection, labelled', async () => {
    const { page, problems } = await app.openPage();
    const look = (id: string) =>
      page.evaluate((node) => ({ ...window.__newsgraph!.nodeDisplay(node)!, border: window.__newsgraphDrawing!.nodeBorder(node) }), id);
    // A plain selection: a node two steps away is dimmed and unlabelled.
    await page.goto(`${app.url}#sel=node:russia`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await expect.poll(async () => (await look('ahmed-abu-al-gheit')).label).toBeNull();
    const dimmed = await look('ahmed-abu-al-gheit');
    // The 2-step focus: the same node is its second ring, labelled, with a ring of its own colour.
    await page.evaluate(() => {
      window.location.hash = 'sel=node:russia&focus=russia~2';
    });
    await expect.poll(async () => (await look('ahmed-abu-al-gheit')).label).toBe('Ahmed Abu al-Gheit');
    const ring = await look('ahmed-abu-al-gheit');
    const first = await look('sergei-lavrov');
    expect(ring.color).not.toBe(dimmed.color);
    expect(ring.border).not.toBe('#ffffff');
    expect(first.border).toBe('#ffffff');
    expect(ring.color).not.toBe(first.color);
    await saveScreenshot(page, 'drawing-focus-ring-desktop.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows only one relation type from the legend, by button (keyboard) and by Alt-click', async () => {
    const { page, problems } = await app.openPage();
    await page.goto(app.url);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const enabled = () => page.evaluate(() => window.__newsgraph!.state().enabledTypes);
    const all = await enabled();
    expect(all.length).toBeGreaterThan(2);
    const only = page.getByTestId('relation-only-attended');
    if (!(await only.isVisible())) await page.getByTestId('relation-toggle-attended').scrollIntoViewIfNeeded().catch(() => undefined);
    await only.focus();
    await page.keyboard.press('Enter');
    await expect.poll(enabled).toEqual(['attended']);
    await saveScreenshot(page, 'drawing-only-type-desktop.png');
    await page.getByTestId('relations-all').click();
    await expect.poll(enabled).toEqual(all);
    const other = all.find((type) => type !== 'attended')!;
    await page.getByTestId(`relation-toggle-${other}`).click({ modifiers: ['Alt'] });
    await expect.poll(enabled).toEqual([other]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
