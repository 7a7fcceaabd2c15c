/**
 * The app's data-source gate and helpers: one validating check for every
 * replacement, thrown errors as problems, the filtered export, file names,
 * the article filter of a corpus and the canvas label cut.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shortLabel } from '../../../src/graph/shortLabel.ts';
import { mergeDatasets } from '../../../src/model/merge.ts';
import { DatasetParseError, validateDataset, type Dataset } from '../../../src/model/index.ts';
import { checkCandidate, downloadName, isArticleFileName, problemsOf, visibleDataset } from '../../../src/state/dataSource.ts';
import { datasetForDocuments, toggledDocuments as toggleDocument } from '../../../src/state/documentFilter.ts';
import { createExplorerModel } from '../../../src/state/explorerModel.ts';
import { initialExplorerState, toggleRelationType, type ExplorerState } from '../../../src/state/explorerState.ts';
import { setNeighbourhood } from '../../../src/state/analystTools.ts';
import { computeScene } from '../../../src/state/scene.ts';
import { extractDataset } from '../../../src/extract/extractDataset.ts';

const seed = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8')) as Dataset;
const hostile = JSON.parse(readFileSync(new URL('../../fixtures/hostile/hostile-dataset.json', import.meta.url), 'utf8')) as Dataset;

describe('checkCandidate', () => {
  it('accepts a valid dataset and keeps the origin', () => {
    const result = checkCandidate(seed, { kind: 'seed', name: 'seed article' });
    expect(result.ok).toBe(true);
    expect(result.origin.kind).toBe('seed');
  });

  it('rejects a dangling reference with its path, changing nothing', () => {
    const broken = structuredClone(seed);
    broken.relations[3]!.target = 'nobody';
    const result = checkCandidate(broken, { kind: 'file', name: 'broken.json' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.code} ${p.path}`)).toContain('dangling-reference relations[3].target');
  });

  it('rejects what is not a dataset at all', () => {
    expect(checkCandidate([1, 2], { kind: 'file', name: 'x.json' }).ok).toBe(false);
    expect(checkCandidate(null, { kind: 'file', name: 'x.json' }).ok).toBe(false);
  });
});

describe('problemsOf', () => {
  it('keeps structured problems and wraps anything else', () => {
    const error = new DatasetParseError({ code: 'invalid-json', path: '', message: 'bad', fix: 'mend it', line: 2, column: 3 }, 'f.json');
    expect(problemsOf(error)).toEqual(error.problems);
    const [wrapped] = problemsOf(new TypeError('boom'));
    expect(wrapped?.message).toBe('boom');
    expect(wrapped?.fix).not.toBe('');
    expect(problemsOf('plain')[0]?.message).toBe('plain');
  });
});

describe('visibleDataset', () => {
  const model = createExplorerModel(seed);
  const start = initialExplorerState(model.index.relationTypes);
  const onlyTypes = (types: readonly string[]): ExplorerState =>
    model.index.relationTypes.filter((type) => !types.includes(type)).reduce((state, type) => toggleRelationType(type)(state), start);
  const shown = (state: ExplorerState) => visibleDataset(seed, computeScene(model, state));

  it('is the same object when nothing is hidden', () => {
    expect(shown(start)).toBe(seed);
  });

  it('keeps the enabled types, their ends and speakers, and stays valid', () => {
    const subset = shown(onlyTypes(['attended']));
    expect(subset.relations.every((r) => r.type === 'attended')).toBe(true);
    expect(subset.relations.length).toBeGreaterThan(0);
    const ids = new Set(subset.entities.map((e) => e.id));
    for (const r of subset.relations) expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
    expect(validateDataset(subset).ok).toBe(true);
  });

  it('keeps what the scene shows: a neighbourhood exports its relations only', () => {
    const state = setNeighbourhood('armenia', 1)(start);
    const subset = shown(state);
    expect(new Set(subset.relations.map((r) => r.id))).toEqual(new Set(computeScene(model, state).visibleEdges));
    expect(validateDataset(subset).ok).toBe(true);
  });

  it('exports no relations (not all of them) when every type is hidden', () => {
    const subset = shown(onlyTypes([]));
    expect(subset.relations).toEqual([]);
    expect(subset.entities).toEqual([]);
  });
});

describe('file names', () => {
  it('tells articles from graph files', () => {
    expect(isArticleFileName('story.TXT')).toBe(true);
    expect(isArticleFileName('notes.md')).toBe(true);
    expect(isArticleFileName('graph.json')).toBe(false);
    expect(isArticleFileName('graph.gexf')).toBe(false);
  });

  it('makes a safe download name from any title', () => {
    expect(downloadName('Lavrov jokes about Russia’s isolation', 'gexf', false)).toBe('lavrov-jokes-about-russia-s-isolation.gexf');
    expect(downloadName('<script>alert(1)</script>', 'csv', true)).toBe('script-alert-1-script-filtered.csv');
    expect(downloadName('🦊', 'json', false)).toBe('newsgraph.json');
    expect(downloadName(undefined, 'graphml', false)).toBe('newsgraph.graphml');
  });
});

describe('article filter', () => {
  const corpus = mergeDatasets(
    extractDataset('Chancellor Olaf Scholz met with President Emmanuel Macron in Paris. Russia accused NATO of provoking Moscow.', { title: 'Paris' }),
    extractDataset('President Emmanuel Macron met with President Volodymyr Zelensky in Kyiv on Friday.', { title: 'Kyiv' }),
  );
  const ids = corpus.documents.map((d) => d.id);

  it('is the identity with no filter or every article', () => {
    expect(datasetForDocuments(corpus, null)).toBe(corpus);
    expect(datasetForDocuments(corpus, new Set(ids))).toBe(corpus);
  });

  it('keeps what one article supports, as a valid dataset', () => {
    const paris = datasetForDocuments(corpus, new Set([ids[0]!]));
    expect(paris.documents.map((d) => d.id)).toEqual([ids[0]]);
    expect(paris.entities.map((e) => e.id)).not.toContain('volodymyr-zelensky');
    expect(paris.entities.map((e) => e.id)).toContain('olaf-scholz');
    for (const r of paris.relations) for (const e of r.evidence) expect(e.document).toBe(ids[0]);
    expect(validateDataset(paris).ok).toBe(true);
    const kyiv = datasetForDocuments(corpus, new Set([ids[1]!]));
    expect(kyiv.entities.map((e) => e.id)).toContain('volodymyr-zelensky');
    expect(validateDataset(kyiv).ok).toBe(true);
  });

  it('keeps relations that never had evidence (imported graphs)', () => {
    const imported: Dataset = { ...corpus, relations: corpus.relations.map((r) => ({ ...r, evidence: [] })) };
    expect(datasetForDocuments(imported, new Set([ids[0]!])).relations).toHaveLength(corpus.relations.length);
  });

  it('toggles, never switches off the last article, and returns null when all are on', () => {
    const one = toggleDocument(null, ids, ids[1]!);
    expect([...(one ?? [])]).toEqual([ids[0]]);
    expect(toggleDocument(one, ids, ids[0]!)).toBe(one);
    expect(toggleDocument(one, ids, ids[1]!)).toBeNull();
  });
});

describe('canvas labels', () => {
  it('cuts long labels on a character boundary and leaves short ones alone', () => {
    expect(shortLabel('Russia')).toBe('Russia');
    const cut = shortLabel('🦊'.repeat(100));
    expect(Array.from(cut)).toHaveLength(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.includes('\ufffd')).toBe(false);
  });

  it('the explorer graph draws the 5,000-character name cut short, the data keeps it whole', () => {
    // The camera fit makes room for every drawn label; a 5,000-character one squeezed all nodes into one pixel (browser test).
    const model = createExplorerModel(hostile);
    expect(model.graph.getNodeAttribute('long-token', 'label').length).toBeLessThanOrEqual(60);
    expect(model.data.entities.get('long-token')?.label.length).toBe(5000);
  });
});
