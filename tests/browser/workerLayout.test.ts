/**
 * Big graphs: the ForceAtlas2 layout runs in a web worker after the page
 * opens (src/graph/workerLayout.ts), with progress, Stop and Resume
 * (src/ui/LayoutControls.tsx). Opens the 2,000-entity synthetic dataset
 * (`?bench=medium`) in the real build under its CSP, which must allow the
 * worker's blob URL.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';

describe('worker layout for a big graph', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('moves the nodes off the main thread, shows progress, stops and resumes', async () => {
    const { page, problems } = await app.openPage();
    await page.goto(`${app.url}?bench=medium`);
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
    const controls = page.getByTestId('layout-controls');
    const iterations = async () => Number(await controls.getAttribute('data-iterations'));
    const start = await page.evaluate(() => window.__newsgraph?.nodePosition('e0'));

    await expect.poll(iterations, { timeout: 30_000 }).toBeGreaterThan(20);
    await expect.poll(() => page.evaluate(() => window.__newsgraph?.nodePosition('e0')), { timeout: 10_000 }).not.toEqual(start);
    await expect.poll(() => controls.textContent()).toContain('Laying out');

    await controls.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => controls.getAttribute('data-running')).toBe('false');
    const stoppedAt = await iterations();
    const frozen = await page.evaluate(() => window.__newsgraph?.nodePosition('e0'));
    await page.waitForTimeout(1_000);
    expect(await iterations()).toBe(stoppedAt);
    expect(await page.evaluate(() => window.__newsgraph?.nodePosition('e0'))).toEqual(frozen);
    await expect.poll(() => controls.textContent()).toContain('Layout paused');

    await controls.getByRole('button', { name: 'Resume layout' }).click();
    await expect.poll(iterations, { timeout: 30_000 }).toBeGreaterThan(stoppedAt);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the nodes alone while the layout runs, then every edge; a hover does not restyle a big graph, a click does', async () => {
    const { page, problems } = await app.openPage();
    await page.goto(`${app.url}?bench=medium`);
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
    const controls = page.getByTestId('layout-controls');
    await expect.poll(() => controls.getAttribute('data-running'), { timeout: 30_000 }).toBe('true');
    // While it runs, sigma draws the edge-free copy: no edge has display data.
    expect(await page.evaluate(() => window.__newsgraph?.edgeDisplay('r0'))).toBeNull();
    expect(await page.evaluate(() => window.__newsgraph?.nodeDisplay('e0'))).not.toBeNull();

    await controls.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.evaluate(() => window.__newsgraph?.edgeDisplay('r0')?.hidden)).toBe(false);

    const at = await page.evaluate(() => window.__newsgraph?.nodePosition('e0'));
    expect(at).toBeTruthy();
    await page.mouse.move(at!.x, at!.y);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.__newsgraph?.state().hoveredNode)).toBeNull();

    await page.mouse.click(at!.x, at!.y);
    // Whichever node is on top at that pixel (early in a layout discs overlap) gets selected.
    await expect.poll(() => page.evaluate(() => window.__newsgraph?.state().selection.kind)).toBe('node');
    await expect.poll(() => page.getByTestId('details-title').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
