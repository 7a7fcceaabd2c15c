import { describe, expect, it } from 'vitest';
import { setFocus, setPathEnd } from '../../src/state/analysis.ts';
import { initialExplorerState, selectEdge, selectNode } from '../../src/state/explorerState.ts';
import { stepBack } from '../../src/state/stepBack.ts';

const initial = initialExplorerState(['accused', 'sanctioned']);
const back = stepBack();

describe('stepBack (Escape)', () => {
  it('clears the selection first, keeping focus and path', () => {
    const narrowed = setPathEnd('to', 'b')(setPathEnd('from', 'a')(setFocus('a', 1)(selectNode('a')(initial))));
    const once = back(narrowed);
    expect(once.selection).toEqual({ kind: 'none' });
    expect(once.analysis.focus).toEqual({ node: 'a', depth: 1 });
    expect(once.analysis.path).toEqual({ from: 'a', to: 'b' });
  });

  it('then the focus, then the path, then nothing changes (same object)', () => {
    const narrowed = setPathEnd('to', 'b')(setPathEnd('from', 'a')(setFocus('a', 2)(initial)));
    const noFocus = back(narrowed);
    expect(noFocus.analysis.focus).toBeNull();
    expect(noFocus.analysis.path).toEqual({ from: 'a', to: 'b' });
    const noPath = back(noFocus);
    expect(noPath.analysis.path).toEqual({ from: null, to: null });
    expect(back(noPath)).toBe(noPath);
  });

  it('a selected edge and its highlight go together', () => {
    const once = back(selectEdge('r1')(initial));
    expect(once.selection).toEqual({ kind: 'none' });
    expect(once.highlightedRelation).toBeNull();
  });
});
