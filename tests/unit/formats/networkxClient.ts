/**
 * networkx as a real client in tests: run networkx 3 on a file and report
 * what it read (counts, directedness, edge attribute keys), or the message
 * it refused the file with. A check against another tool's reader, not
 * against our own guess of it.
 */

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface NetworkxReading {
  directed: boolean;
  multigraph: boolean;
  nodes: number;
  edges: number;
  /** The first five node ids, in networkx's order, as strings. */
  nodeIds: string[];
  /** Sorted union of the attribute keys networkx put on edges. */
  edgeAttributeKeys: string[];
}

const READER_SCRIPT = fileURLToPath(new URL('./networkx_read.py', import.meta.url));
const FIX =
  'Fix: on Debian or Ubuntu run `apt-get install -y python3-networkx` (Debian 12 ships 2.8, too old: use Debian 13 or pip), ' +
  'or run `pip install networkx`, or set NEWSGRAPH_PYTHON to a python whose networkx is 3 or newer.';

let cached: { python: string } | { error: Error } | undefined;

/** The python to run networkx with: first of $NEWSGRAPH_PYTHON, python3, /usr/bin/python3 that has networkx >= 3. */
export function findNetworkxPython(): string {
  cached ??= probeAll();
  if ('error' in cached) throw cached.error;
  return cached.python;
}

function probeAll(): { python: string } | { error: Error } {
  const fromEnv = process.env['NEWSGRAPH_PYTHON']?.trim();
  const tried: string[] = fromEnv ? [] : ['$NEWSGRAPH_PYTHON (unset)'];
  const candidates = [
    ...(fromEnv ? [{ python: fromEnv, label: `$NEWSGRAPH_PYTHON=${fromEnv}` }] : []),
    { python: 'python3', label: 'python3' },
    { python: '/usr/bin/python3', label: '/usr/bin/python3' },
  ];
  for (const { python, label } of candidates) {
    const outcome = networkxVersion(python);
    if (typeof outcome === 'string' && majorVersion(outcome) >= 3) return { python };
    tried.push(`${label} (${typeof outcome === 'string' ? `networkx ${outcome}` : outcome.reason})`);
  }
  return { error: new Error(`networkx 3 or newer was not found; tried ${tried.join(', ')}. ${FIX}`) };
}

function networkxVersion(python: string): string | { reason: string } {
  try {
    return execFileSync(python, ['-c', 'import networkx; print(networkx.__version__)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    }).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'not found' : 'no networkx' };
  }
}

function majorVersion(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isNaN(major) ? 0 : major;
}

/** What networkx reads from the file; throws an Error carrying networkx's own message when it refuses it. */
export function readWithNetworkx(filePath: string): NetworkxReading {
  const python = findNetworkxPython();
  let stdout: string;
  try {
    stdout = execFileSync(python, [READER_SCRIPT, filePath], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { status?: number | null; stderr?: string | Buffer };
    const message = String(failure.stderr ?? '').trim();
    if (failure.status === 1 && message) throw new Error(`networkx could not read ${filePath}: ${message}`);
    throw new Error(`running networkx on ${filePath} failed (exit ${failure.status ?? 'none'}): ${message || String(error)}`);
  }
  return parseReading(stdout, filePath);
}

function parseReading(stdout: string, filePath: string): NetworkxReading {
  const value: unknown = JSON.parse(stdout);
  const isStringArray = (x: unknown) => Array.isArray(x) && x.every((item) => typeof item === 'string');
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as NetworkxReading).directed === 'boolean' &&
    typeof (value as NetworkxReading).multigraph === 'boolean' &&
    Number.isInteger((value as NetworkxReading).nodes) &&
    Number.isInteger((value as NetworkxReading).edges) &&
    isStringArray((value as NetworkxReading).nodeIds) &&
    isStringArray((value as NetworkxReading).edgeAttributeKeys)
  ) {
    return value as NetworkxReading;
  }
  throw new Error(`networkx_read.py printed an unexpected summary for ${filePath}: ${stdout.slice(0, 200)}`);
}
