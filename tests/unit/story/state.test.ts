/**
 * The timeline's window, the outlet minimum and the edge width in the
 * explorer state: what the scene shows, what a refresh re-styles (never a
 * stale look), and how the URL carries them.
 */

import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/model/index.ts';
import { initialExplorerState, selectNode, setMinOutlets, setWidthBy, setWindow, toggleRelationType, type ExplorerState } from '../../../src/state/explorerState.ts';
import { createExplorerModel } from '../../../src/state/explorerModel.ts';
import { refreshScope } from '../../../src/state/refreshScope.ts';
import { computeScene } from '../../../src/state/scene.ts';
import { decodeView, encodeView, restoreView, type ViewContext } from '../../../src/state/shareableView.ts';
import { datedStory } from './datedStory.ts';

const story = datedStory();
const model = createExplorerModel(story);
const initial = initialExplorerState(model.index.relationTypes);
const january = { from: dayNumber('2023-01-01'), to: dayNumber('2023-01-31') };
const february = { from: dayNumber('2023-02-01'), to: dayNumber('2023-02-28') };
const scene = (state: ExplorerState) => computeScene(model, state);
const drawn = (state: ExplorerState) => model.graph.edges().filter((edge) => scene(state).edgeLook(edge) !== 'hidden').sort();

function expectSound(previous: ExplorerState, next: ExplorerState): void {
  const before = scene(previous);
  const after = computeScene(model, next, before);
  const scope = refreshScope(before, after);
  if (scope.kind === 'everything' || scope.kind === 'looks') return;
  const nodes = new Set(scope.kind === 'some' ? scope.nodes : []);
  const edges = new Set(scope.kind === 'some' ? scope.edges : []);
  for (const node of model.graph.nodes()) if (before.nodeLook(node) !== after.nodeLook(node)) expect(nodes.has(node), node).toBe(true);
  for (const edge of model.graph.edges()) {
    const newness = after.edgeLook(edge) !== 'hidden' && before.isNew(edge) !== after.isNew(edge);
    if (before.edgeLook(edge) !== after.edgeLook(edge) || newness) expect(edges.has(edge), edge).toBe(true);
  }
}

describe('the timeline window in the scene', () => {
  it('shows the relations reported inside the window; undated ones only with no window', () => {
    expect(drawn(initial)).toEqual(['accused', 'allied', 'severed', 'warrant']);
    expect(drawn(setWindow(january)(initial))).toEqual(['accused', 'allied']);
    expect(drawn(setWindow(february)(initial))).toEqual(['accused', 'severed']);
  });

  it('never hides an entity: one with nothing in the window is muted, still labelled', () => {
    const view = scene(setWindow(january)(initial));
    expect(view.nodeLook('putin')).toBe('muted');
    expect(view.nodeLook('armenia')).toBe('normal');
    expect(view.visibleNodes).toBeNull();
  });

  it('marks relations first reported inside the window as new', () => {
    const view = scene(setWindow(february)(initial));
    expect(view.isNew('severed')).toBe(true);
    expect(view.isNew('accused')).toBe(false);
    expect(scene(initial).isNew('severed')).toBe(false);
  });

  it('the legend counts follow the window', () => {
    const counts = scene(setWindow(january)(initial)).visibility.relationCounts;
    expect(counts.get('accused')).toBe(1);
    expect(counts.get('severed-ties')).toBe(0);
    expect(counts.get('issued-warrant')).toBe(0);
  });

  it('keeps relations reported by at least N outlets, wire copies counted once', () => {
    expect(drawn(setMinOutlets(2)(initial))).toEqual(['accused']);
    expect(drawn(setMinOutlets(3)(initial))).toEqual([]);
    expect(setMinOutlets(0)(initial).minOutlets).toBe(1);
  });

  it('moving the window re-styles in place just what changes, and never leaves a stale look', () => {
    const inJanuary = setWindow(january)(initial);
    const before = scene(inJanuary);
    const scope = refreshScope(before, computeScene(model, setWindow(february)(inJanuary), before));
    expect(scope.kind).toBe('some');
    if (scope.kind === 'some') expect(scope.edges.sort()).toEqual(['accused', 'allied', 'severed']);
    const steps: Array<[ExplorerState, ExplorerState]> = [
      [initial, inJanuary],
      [inJanuary, setWindow(february)(inJanuary)],
      [inJanuary, initial],
      [inJanuary, setMinOutlets(2)(inJanuary)],
      [toggleRelationType('accused')(inJanuary), setWindow(february)(toggleRelationType('accused')(inJanuary))],
      [selectNode('russia')(inJanuary), setWindow(february)(selectNode('russia')(inJanuary))],
    ];
    for (const [previous, next] of steps) expectSound(previous, next);
  });

  it('an edge-width change re-styles every look', () => {
    const before = scene(initial);
    expect(refreshScope(before, computeScene(model, setWidthBy('outlets')(initial), before)).kind).toBe('looks');
  });
});

describe('the URL', () => {
  const context: ViewContext = {
    entityIds: new Set(story.entities.map((e) => e.id)),
    relationIds: new Set(story.relations.map((r) => r.id)),
    relationTypes: model.index.relationTypes,
    entityTypes: model.index.entityTypes,
    documentIds: story.documents.map((d) => d.id),
  };

  it('carries the window, the outlet minimum and the edge width', () => {
    const state = setWidthBy('outlets')(setMinOutlets(2)(setWindow(january)(initial)));
    const hash = encodeView(state, context);
    expect(hash).toBe('when=2023-01-01..2023-01-31&outlets=2&width=outlets');
    const restored = restoreView(decodeView(`#${hash}`, context))(initial);
    expect([restored.window, restored.minOutlets, restored.widthBy]).toEqual([january, 2, 'outlets']);
  });

  it('ignores a malformed window or count', () => {
    for (const hash of ['when=2023-02-30..2023-03-01', 'when=yesterday', 'outlets=-3', 'outlets=2.5', 'outlets=1e9', 'width=huge']) {
      const view = decodeView(hash, context);
      expect([view.window, view.minOutlets, view.widthBy], hash).toEqual([null, 1, 'sentences']);
    }
    expect(decodeView('when=2023-01-31..2023-01-01', context).window).toEqual(january);
  });
});
