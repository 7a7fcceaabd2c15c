/**
 * The architecture, as a test
 * ===========================
 *
 * The README draws the layers; this holds the code to the drawing. Every
 * relative import (static, dynamic, and `new URL('./x', import.meta.url)`
 * for workers) in src/ is read, and the test fails on:
 *  - an import that runs up a layer (model ← extract, graph ← state ← ui;
 *    the CLI sits beside ui on top of graph and never imports state or ui;
 *    workers/ is the message protocol every worker speaks, under them all);
 *  - a cycle between files (each import graph must be acyclic);
 *  - production or CLI code that reaches into bench/ or tests/.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

/** Each layer and the layers it may import (itself always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  workers: [],
  model: [],
  extract: ['model', 'workers'],
  graph: ['model', 'workers'],
  state: ['model', 'extract', 'graph', 'workers'],
  ui: ['model', 'extract', 'graph', 'state', 'workers'],
  // Node only: the corpus store, ingest (reading inputs, extracting in worker threads) and the HTTP server over the store.
  store: ['model', 'extract', 'graph', 'workers'],
  ingest: ['model', 'extract', 'graph', 'store', 'workers'],
  server: ['model', 'store'],
  cli: ['model', 'extract', 'graph', 'store', 'ingest', 'server'],
  'main.tsx': ['model', 'ui'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|new URL\(\s*'(\.[^']+)'\s*,\s*import\.meta\.url/g;

/** Relative imports of every source file, resolved to paths under the repository root. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => relative(ROOT, normalize(join(dirname(file), (m[1] ?? m[2] ?? m[3])!))));
    graph.set(relative(ROOT, file), targets);
  }
  return graph;
}

/** `src/graph/formats/gexf.ts` → `graph`; `src/main.tsx` → `main.tsx`. */
const layerOf = (path: string): string => path.split('/')[1] ?? path;

describe('architecture', () => {
  const graph = importGraph();

  it('finds the source files and their imports (the scan itself works)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/main.tsx')).toContain('src/ui/data/DataShell.tsx');
  });

  it('no import runs up a layer', () => {
    const violations: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) {
        violations.push(`${file}: not in a known layer (${Object.keys(MAY_IMPORT).join(', ')})`);
        continue;
      }
      for (const target of targets) {
        if (!target.startsWith('src/')) continue;
        const to = layerOf(target);
        if (to !== from && !allowed.includes(to)) violations.push(`${file} → ${target} (${from} may import ${allowed.join(', ') || 'nothing of ours'})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('nothing in src/ reaches into bench/ or tests/', () => {
    const violations: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) if (/^(bench|tests)\//.test(target)) violations.push(`${file} → ${target}`);
      if (/['`/](tests\/fixtures|bench)\//.test(readFileSync(join(ROOT, file), 'utf8'))) violations.push(`${file} names a path in bench/ or tests/`);
    }
    expect(violations).toEqual([]);
  });

  it('no file imports itself through a cycle', () => {
    const known = (path: string) => graph.has(path) || graph.has(path.replace(/\.js$/, '.ts'));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) if (known(target)) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
