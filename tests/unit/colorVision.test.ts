import { describe, expect, it } from 'vitest';
import { closestPair, perceivedDistance, VISIONS } from '../../src/graph/colorVision.ts';
import { ENTITY_TYPE_IDS, ENTITY_TYPES, RELATION_TYPE_IDS, RELATION_TYPES } from '../../src/model/index.ts';

describe('colour-vision simulation', () => {
  it('sees a colour as itself and red/green as far apart for normal vision but close without M cones', () => {
    expect(perceivedDistance('#D55E00', '#D55E00', 'deuteranopia')).toBe(0);
    const normal = perceivedDistance('#E03020', '#40A030');
    const deutan = perceivedDistance('#E03020', '#40A030', 'deuteranopia');
    expect(normal).toBeGreaterThan(60);
    expect(deutan).toBeLessThan(normal / 3);
  });

  it('rejects colours that are not #RRGGBB, naming the fix', () => {
    expect(() => perceivedDistance('red', '#000000')).toThrow(/six hex digits/);
  });
});

describe('palettes', () => {
  it('entity-type colours stay clearly apart (ΔE ≥ 15) for normal, protan, deutan and tritan vision', () => {
    const pair = closestPair(ENTITY_TYPE_IDS.map((type) => ENTITY_TYPES[type].color));
    expect(pair?.distance).toBeGreaterThanOrEqual(15);
  });

  it('relation-type colours are distinct for normal vision (ΔE ≥ 12); under dichromacy a few pairs get close, so colour is never the only cue', () => {
    const colors = RELATION_TYPE_IDS.map((type) => RELATION_TYPES[type].color);
    expect(closestPair(colors, ['normal'])?.distance).toBeGreaterThanOrEqual(12);
    // Recorded, not hidden: with 16 types some pairs fall under ΔE 10 for dichromats.
    // The legend, the highlighted edge's label and the panel name the type in words.
    const close = VISIONS.filter((vision) => vision !== 'normal').flatMap((vision) =>
      RELATION_TYPE_IDS.flatMap((a, i) =>
        RELATION_TYPE_IDS.slice(i + 1)
          .filter((b) => perceivedDistance(RELATION_TYPES[a].color, RELATION_TYPES[b].color, vision) < 10)
          .map((b) => `${vision}:${a}~${b}`),
      ),
    );
    expect(close.length).toBeLessThanOrEqual(8);
  });
});
