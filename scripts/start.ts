/**
 * `npm start`: serve the explorer, and open a browser tab only where there
 * is a browser to open.
 *
 * Vite's `--open` runs xdg-open on Linux; on a machine with no desktop that
 * fails with "spawn xdg-open ENOENT" and a stack trace. So the tab is opened
 * only when BROWSER names one, or on Linux a display (X11 or Wayland) is
 * set, or on macOS and Windows, which always have a desktop. Otherwise the
 * URL is printed for the reader to open. Extra arguments: `--port N`,
 * `--host H`.
 */

import { pathToFileURL } from 'node:url';
import { createServer } from 'vite';

/** Whether opening a browser can work here (exported for its test). */
export function canOpenBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const browser = env['BROWSER'];
  if (browser !== undefined && browser !== '') return browser.toLowerCase() !== 'none';
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const open = canOpenBrowser(process.env, process.platform);
  const port = flag('--port');
  const host = flag('--host');
  const server = await createServer({
    server: { open, ...(port === undefined ? {} : { port: Number(port) }), ...(host === undefined ? {} : { host }) },
  });
  await server.listen();
  server.printUrls();
  if (!open) console.log('  No desktop here: open the Local URL above in a browser.');
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run only as the script itself, not when a test imports canOpenBrowser.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch(fail);

function fail(error: unknown): never {
  // One line, no stack trace: the likely causes (a port in use, a bad flag) are the reader's to fix.
  console.error(`newsgraph start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
