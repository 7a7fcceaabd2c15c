import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampIndex, rovingForEntity, rovingStep } from '../../src/state/rovingIndex.ts';

describe('roving index', () => {
  it('arrows move one item, Home and End jump to the ends', () => {
    expect(rovingStep('ArrowRight', 2, 5)).toBe(3);
    expect(rovingStep('ArrowDown', 2, 5)).toBe(3);
    expect(rovingStep('ArrowLeft', 2, 5)).toBe(1);
    expect(rovingStep('ArrowUp', 2, 5)).toBe(1);
    expect(rovingStep('Home', 3, 5)).toBe(0);
    expect(rovingStep('End', 1, 5)).toBe(4);
  });

  it('stops at the ends instead of wrapping', () => {
    expect(rovingStep('ArrowRight', 4, 5)).toBe(4);
    expect(rovingStep('ArrowDown', 4, 5)).toBe(4);
    expect(rovingStep('ArrowLeft', 0, 5)).toBe(0);
    expect(rovingStep('ArrowUp', 0, 5)).toBe(0);
  });

  it('leaves other keys (Tab, Enter, letters) to the browser, and does nothing in an empty list', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'PageDown', 'Escape']) expect(rovingStep(key, 1, 5)).toBeNull();
    expect(rovingStep('ArrowRight', 0, 0)).toBeNull();
    expect(rovingStep('End', 0, 0)).toBeNull();
  });

  it('a stale index (the list got shorter) is clamped before moving', () => {
    expect(rovingStep('ArrowLeft', 9, 3)).toBe(1);
    expect(rovingStep('ArrowRight', -4, 3)).toBe(1);
    expect(clampIndex(7, 3)).toBe(2);
    expect(clampIndex(-1, 3)).toBe(0);
    expect(clampIndex(2, 0)).toBe(0);
    expect(clampIndex(Number.NaN, 3)).toBe(0);
  });

  it('any key from any index lands inside the list', () => {
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 40 }), (key, current, count) => {
        const next = rovingStep(key, current, count);
        expect(next).not.toBeNull();
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(count);
      }),
    );
  });

  it('a selection elsewhere moves to the entity’s first item, unless the current item already is that entity', () => {
    const items = ['russia', 'un', 'putin', 'russia', 'putin'];
    expect(rovingForEntity(items, 0, 'putin')).toBe(2);
    expect(rovingForEntity(items, 4, 'putin')).toBe(4);
    expect(rovingForEntity(items, 3, 'russia')).toBe(3);
    expect(rovingForEntity(items, 1, 'russia')).toBe(0);
    expect(rovingForEntity(items, 1, 'nobody')).toBe(1);
    expect(rovingForEntity(items, 1, null)).toBe(1);
  });
});
