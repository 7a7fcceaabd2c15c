/**
 * The pictures in docs/: every one the README shows is taken by a browser
 * test under that very name (so `npm run screenshots` refreshes it), and
 * `npm test` writes screenshots outside the work tree.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeScreenshots } from '../../scripts/screenshots.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const browserTests = readdirSync(join(ROOT, 'tests/browser'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => readFileSync(join(ROOT, 'tests/browser', name), 'utf8'))
  .join('\n');

describe('docs screenshots', () => {
  it('finds the README pictures', () => {
    expect(readmeScreenshots('![a](docs/screenshot.png) [b](docs/timeline-phone.png) docs/screenshot.png')).toEqual(['screenshot.png', 'timeline-phone.png']);
    const shown = readmeScreenshots(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(shown).toContain('screenshot.png');
  });

  it('every picture the README shows is saved by a browser test under that name', () => {
    const shown = readmeScreenshots(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const missing = shown.filter((name) => !browserTests.includes(`'${name}'`));
    expect(missing).toEqual([]);
  });

  it('plain test runs save screenshots outside the work tree', async () => {
    const { saveScreenshot } = await import('../../tests/browser/harness.ts');
    const previous = process.env.NEWSGRAPH_SCREENSHOTS;
    delete process.env.NEWSGRAPH_SCREENSHOTS;
    try {
      let written = '';
      const page = { screenshot: async ({ path }: { path: string }) => void (written = path) };
      await saveScreenshot(page as never, 'probe.png');
      expect(written.startsWith(tmpdir())).toBe(true);
      expect(written.startsWith(ROOT)).toBe(false);
    } finally {
      if (previous !== undefined) process.env.NEWSGRAPH_SCREENSHOTS = previous;
    }
  });
});
