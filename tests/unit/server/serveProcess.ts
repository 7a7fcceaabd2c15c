/**
 * A real `newsgraph serve` for tests
 * ==================================
 *
 * Starts `tsx src/cli/main.ts serve --db DB --port 0 …` as a child process,
 * waits for the line with its URL (port 0: the port it got), and stops it
 * with SIGTERM. Browser tests of corpus mode use it too.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

export interface ServeProcess {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** Runs `newsgraph serve` with these arguments to the end (for a start that must fail): exit code and output. */
export function runServe(args: readonly string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/main.ts', 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`newsgraph serve ${args.join(' ')} did not exit within ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `newsgraph serve --db DB --port 0` plus `args`; resolves once it prints its URL. */
export function startServe(db: string, args: readonly string[] = [], timeoutMs = 60_000): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/main.ts', 'serve', '--db', db, '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`newsgraph serve printed no URL within ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /(http:\/\/\S+\/)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({
          url,
          child,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`newsgraph serve exited (${code}) before printing a URL; stdout: ${stdout} stderr: ${stderr}`));
    });
  });
}
