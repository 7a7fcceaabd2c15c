/** "No path" names the filter that is in the way (issue #18): focus, entity type, relation type, "hide unconnected". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { setHideUnconnected, setNeighbourhood, setPathEnd, toggleEntityType } from '../../src/state/analystTools.ts';
import { createExplorerModel } from '../../src/state/explorerModel.ts';
import { initialExplorerState, setWindow, toggleRelationType, type Transition } from '../../src/state/explorerState.ts';
import { hiddenReason, noPathMessage } from '../../src/state/pathView.ts';
import { computeScene } from '../../src/state/scene.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const model = createExplorerModel(seed);
const initial = initialExplorerState(model.index.relationTypes);
const label = (id: string) => model.data.entities.get(id)?.label ?? id;
const scene = (...transitions: Transition[]) => computeScene(model, transitions.reduce((state, t) => t(state), initial));
const message = (from: string, to: string, ...transitions: Transition[]) => {
  const s = scene(...transitions, setPathEnd('from', from), setPathEnd('to', to));
  expect(s.path?.kind).toBe('none');
  return noPathMessage(s.visibility, model.data.catalog, from, to, label);
};

describe('why a path end is hidden', () => {
  it('a 2-step focus: names the focus and its centre, not the entity filters', () => {
    const text = message('armenia', 'arab-league', setNeighbourhood('armenia', 2));
    expect(text).toBe('No path: Arab League is outside the 2-step focus on Armenia; clear the focus to include it.');
    expect(text).not.toContain('entity filters');
  });

  it('an entity-type filter: names the type from the catalog', () => {
    expect(message('russia', 'europe', toggleEntityType('place'))).toBe(
      'No path: Europe is a Place, and the entity-type filter hides Place entities; show Place to include it.',
    );
  });

  it('the entity-type filter wins over a focus that would also hide the end', () => {
    const s = scene(setNeighbourhood('armenia', 2), toggleEntityType('place'));
    expect(hiddenReason(s.visibility, 'new-york-city')).toEqual({ kind: 'entity-type', type: 'place' });
    expect(hiddenReason(s.visibility, 'arab-league')).toEqual({ kind: 'focus', centre: 'armenia', depth: 2 });
    expect(hiddenReason(s.visibility, 'russia')).toBeNull();
  });

  it('"hide unconnected": names what hid the relations (here the relation-type filter)', () => {
    const text = message('armenia', 'international-criminal-court', toggleRelationType('issued-warrant'), setHideUnconnected(true));
    expect(text).toContain('International Criminal Court has no relation on screen (its relations are hidden by the relation-type filter)');
    expect(text).toContain('“Hide entities with no visible relation” is on');
  });

  it('a shown end with no relation left: says which filter took them', () => {
    expect(message('armenia', 'international-criminal-court', toggleRelationType('issued-warrant'))).toBe(
      'No path between Armenia and International Criminal Court under the current filters: International Criminal Court has no relation on screen (hidden by the relation-type filter).',
    );
  });

  it('the time window: an empty window hides every relation', () => {
    const text = message('armenia', 'international-criminal-court', setWindow({ from: 0, to: 1 }));
    expect(text).toContain('hidden by the time window');
  });

  it('with "hide unconnected" also on, an end outside the focus is still blamed on the focus', () => {
    const s = scene(setNeighbourhood('armenia', 2), setHideUnconnected(true));
    expect(hiddenReason(s.visibility, 'arab-league')).toEqual({ kind: 'focus', centre: 'armenia', depth: 2 });
  });
});
