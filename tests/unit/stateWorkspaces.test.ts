/**
 * Workspaces, the pure part (state/workspaces.ts): where an accepted change
 * is saved, the names kept, records read back from storage, and the words
 * the Workspaces dialog shows.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import {
  cleanWorkspaceName,
  copyName,
  defaultWorkspaceName,
  describeCounts,
  describeWhen,
  mergeSavedMeta,
  newWorkspaceMeta,
  saveTargetFor,
  storedWorkspaces,
  WORKSPACE_NAME_MAX,
} from '../../src/state/workspaces.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('where an accepted dataset is saved', () => {
  it('never the seed; a merge into the open workspace; anything else a new workspace', () => {
    expect(saveTargetFor({ kind: 'seed', name: 'seed article' }, 'w1')).toEqual({ kind: 'none' });
    expect(saveTargetFor({ kind: 'merged', name: 'Kyiv visit' }, 'w1')).toEqual({ kind: 'update', id: 'w1' });
    expect(saveTargetFor({ kind: 'merged', name: 'Kyiv visit' }, null)).toEqual({ kind: 'new' });
    expect(saveTargetFor({ kind: 'file', name: 'a.gexf' }, 'w1')).toEqual({ kind: 'new' });
    expect(saveTargetFor({ kind: 'article', name: 'Paris pact' }, 'w1')).toEqual({ kind: 'new' });
  });

  it('a save keeps the stored name and creation time, so a rename made while it waited stands', () => {
    const stored = { ...newWorkspaceMeta('w1', 'Renamed by hand', seed, { kind: 'file', name: 'a.json' }, NOW - 5_000) };
    const fresh = newWorkspaceMeta('w1', 'Old name', seed, { kind: 'merged', name: 'b' }, NOW);
    const merged = mergeSavedMeta(stored, fresh);
    expect(merged.name).toBe('Renamed by hand');
    expect(merged.createdAt).toBe(NOW - 5_000);
    expect(merged.origin).toEqual({ kind: 'merged', name: 'b' });
    expect(merged.savedAt).toBe(NOW);
    expect(mergeSavedMeta(undefined, fresh)).toBe(fresh);
  });
});

describe('names', () => {
  it('collapses white space and control characters, trims, refuses an empty name, and caps the length', () => {
    expect(cleanWorkspaceName('  Sanctions\n\tweek\u0000 3  ')).toBe('Sanctions week 3');
    expect(cleanWorkspaceName(' \n ')).toBeNull();
    expect(cleanWorkspaceName('')).toBeNull();
    const long = cleanWorkspaceName('😀'.repeat(300))!;
    expect(Array.from(long)).toHaveLength(WORKSPACE_NAME_MAX);
    expect(long.endsWith('…')).toBe(true);
    // Never half a surrogate pair.
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // Markup is just characters: kept as written, rendered as text.
    expect(cleanWorkspaceName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('a new workspace is named after the dataset, its first article, or where it came from', () => {
    expect(defaultWorkspaceName(seed, { kind: 'file', name: 'seed.json' })).toBe(seed.title);
    const untitled = { ...seed, title: undefined };
    expect(defaultWorkspaceName(untitled, { kind: 'file', name: 'x.json' })).toBe(seed.documents[0]!.title);
    const bare = { ...seed, title: '  ', documents: [] };
    expect(defaultWorkspaceName(bare, { kind: 'file', name: 'triples.csv' })).toBe('triples.csv');
    expect(defaultWorkspaceName(bare, { kind: 'file', name: '' })).toBe('Untitled workspace');
    expect(copyName('Paris pact')).toBe('Paris pact (copy)');
  });
});

describe('records read back from storage', () => {
  it('keeps well-formed records, most recently opened first, and drops anything else', () => {
    const a = newWorkspaceMeta('a', 'A', seed, { kind: 'file', name: 'a.json' }, NOW - 1_000);
    const b = newWorkspaceMeta('b', 'B', seed, { kind: 'article', name: 'B' }, NOW);
    const list = storedWorkspaces([a, null, 'x', { ...a, id: '' }, { ...a, origin: { kind: 'evil', name: 'x' } }, { ...a, entities: -1 }, b]);
    expect(list.map((w) => w.id)).toEqual(['b', 'a']);
    expect(list[1]).toEqual({ ...a, entities: seed.entities.length, relations: seed.relations.length, documents: 1 });
  });
});

describe('words for the dialog', () => {
  it('counts, with singulars', () => {
    expect(describeCounts({ entities: 1, relations: 0, documents: 1 })).toBe('1 entity · 0 relations · 1 article');
    expect(describeCounts({ entities: 12_000, relations: 2, documents: 3 })).toBe('12,000 entities · 2 relations · 3 articles');
  });

  it('when, relative to now, then as a date', () => {
    expect(describeWhen(NOW - 10_000, NOW)).toBe('just now');
    expect(describeWhen(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago');
    expect(describeWhen(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(describeWhen(NOW - 26 * 3_600_000, NOW)).toBe('yesterday');
    expect(describeWhen(Date.UTC(2025, 0, 9, 12), NOW)).toBe('9 Jan 2025');
  });
});
