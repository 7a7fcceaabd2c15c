import { describe, expect, it } from 'vitest';
import { setNeighbourhood, setPathEnd } from '../../src/state/analystTools.ts';
import { initialExplorerState, selectEdge, selectNode } from '../../src/state/explorerState.ts';
import { stepBack } from '../../src/state/stepBack.ts';

const initial = initialExplorerState(['accused', 'sanctioned']);
const back = stepBack();

describe('stepBack (Escape)', () => {
  it('clears the selection first, keeping focus and path', () => {
    const narrowed = setPathEnd('to', 'b')(setPathEnd('from', 'a')(setNeighbourhood('a', 1)(selectNode('a')(initial))));
    const once = back(narrowed);
    expect(once.selection).toEqual({ kind: 'none' });
    expect(once.tools.neighbourhood).toEqual({ node: 'a', depth: 1 });
    expect(once.tools.path).toEqual({ from: 'a', to: 'b' });
  });

  it('then the focus, then the path, then nothing changes (same object)', () => {
    const narrowed = setPathEnd('to', 'b')(setPathEnd('from', 'a')(setNeighbourhood('a', 2)(initial)));
    const noFocus = back(narrowed);
    expect(noFocus.tools.neighbourhood).toBeNull();
    expect(noFocus.tools.path).toEqual({ from: 'a', to: 'b' });
    const noPath = back(noFocus);
    expect(noPath.tools.path).toEqual({ from: null, to: null });
    expect(back(noPath)).toBe(noPath);
  });

  it('a selected edge and its highlight go together', () => {
    const once = back(selectEdge('r1')(initial));
    expect(once.selection).toEqual({ kind: 'none' });
    expect(once.highlightedRelation).toBeNull();
  });
});
