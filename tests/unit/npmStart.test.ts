/**
 * `npm start` on a machine with no desktop: it serves, prints the URL, and
 * does not try to open a browser (no "spawn xdg-open ENOENT", no stack trace).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canOpenBrowser } from '../../scripts/start.ts';

const root = new URL('../..', import.meta.url);
/** The text without ANSI colour codes. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('canOpenBrowser', () => {
  it('opens only where a browser can be opened', () => {
    expect(canOpenBrowser({}, 'linux')).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({ BROWSER: 'firefox' }, 'linux')).toBe(true);
    expect(canOpenBrowser({ BROWSER: 'none', DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(canOpenBrowser({}, 'darwin')).toBe(true);
    expect(canOpenBrowser({}, 'win32')).toBe(true);
  });
});

describe('npm start with no display', () => {
  it('prints the Local URL and no ENOENT or stack trace', async () => {
    const env = { ...process.env };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    delete env['BROWSER'];
    // Port 0 is not Vite's; an unusual port keeps clear of other servers (Vite moves on if it is taken).
    const child = spawn('npm', ['start', '--', '--port', '5397'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no Local: line in 60 s\n${stdout}\n${stderr}`)), 60_000);
        const check = () => {
          // Vite colours its output where it thinks a terminal or CI can show it (picocolors honours CI=true).
          const match = /Local:\s+(http:\/\/\S+)/.exec(plain(stdout));
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', check);
        child.on('exit', (code) => reject(new Error(`npm start exited (${code})\n${stdout}\n${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
      // It serves: the page answers.
      const response = await fetch(url);
      expect(response.status).toBe(200);
      // Give a failed xdg-open spawn time to surface before looking.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(plain(stdout)).toContain('No desktop here');
      const output = plain(stdout + stderr);
      expect(output).not.toContain('ENOENT');
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    } finally {
      // The whole group: npm, the shell and the node process under it.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  }, 90_000);
});
