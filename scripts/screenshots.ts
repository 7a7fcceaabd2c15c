/**
 * `npm run screenshots`: refresh the pictures in docs/.
 *
 * `npm test` writes its screenshots to a temporary folder so a checkout stays
 * clean after its own tests; this runs the browser tests with
 * NEWSGRAPH_SCREENSHOTS=1, which sends them to docs/ instead (see
 * saveScreenshot in tests/browser/harness.ts). Afterwards every picture the
 * README shows must have been rewritten by this run: one that was not names
 * the test that no longer takes it. The tests take more pictures than the
 * README shows: a new one that the README does not show is moved to the
 * temporary folder, so docs/ keeps only what it kept before plus what the
 * README asks for. Arguments are passed to vitest (e.g. a single test file).
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The docs/*.png files a README links or shows, by file name, sorted. */
export function readmeScreenshots(readme: string): string[] {
  const names = new Set<string>();
  for (const match of readme.matchAll(/\bdocs\/([\w.-]+\.png)\b/g)) if (match[1]) names.add(match[1]);
  return [...names].sort();
}

const pngsIn = (dir: string): Set<string> => new Set(readdirSync(dir).filter((name) => name.endsWith('.png')));

/** Moves pictures this run added to docs/ that the README does not show to the temporary screenshot folder. */
function moveExtras(before: ReadonlySet<string>, shown: ReadonlySet<string>): string[] {
  const docs = join(ROOT, 'docs');
  const spare = join(tmpdir(), 'newsgraph-screenshots');
  mkdirSync(spare, { recursive: true });
  const moved: string[] = [];
  for (const name of pngsIn(docs)) {
    if (before.has(name) || shown.has(name)) continue;
    copyFileSync(join(docs, name), join(spare, name));
    rmSync(join(docs, name));
    moved.push(name);
  }
  return moved;
}

function main(): number {
  const started = Date.now();
  const before = pngsIn(join(ROOT, 'docs'));
  const vitest = spawnSync('npx', ['vitest', 'run', '--project', 'browser', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEWSGRAPH_SCREENSHOTS: '1' },
  });
  const shown = readmeScreenshots(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const moved = moveExtras(before, new Set(shown));
  if (moved.length > 0) console.log(`screenshots: ${moved.length} picture(s) the README does not show went to ${join(tmpdir(), 'newsgraph-screenshots')}.`);
  if (vitest.status !== 0) {
    console.error('screenshots: the browser tests failed; docs/ may be partly refreshed.');
    return vitest.status ?? 1;
  }
  // A partial run (one test file) refreshes only its own pictures: nothing to check then.
  if (process.argv.length > 2) return 0;
  const stale = shown.filter((name) => {
    try {
      return statSync(join(ROOT, 'docs', name)).mtimeMs < started;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`screenshots: the README shows pictures no test wrote: ${stale.join(', ')}`);
    return 1;
  }
  console.log('screenshots: docs/ refreshed.');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
