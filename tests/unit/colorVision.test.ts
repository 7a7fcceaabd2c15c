import { describe, expect, it } from 'vitest';
import { closestPair, perceivedDistance, VISIONS } from '../../src/graph/colorVision.ts';
import { DECLARED_TYPE_PALETTE, typeCatalog } from '../../src/model/index.ts';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_ENTITY_TYPES, BUILT_IN_RELATION_TYPE_IDS, BUILT_IN_RELATION_TYPES } from '../../src/model/index.ts';

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
    const pair = closestPair(BUILT_IN_ENTITY_TYPE_IDS.map((type) => BUILT_IN_ENTITY_TYPES[type].color));
    expect(pair?.distance).toBeGreaterThanOrEqual(15);
  });

  it('node colours never repeat an edge colour: every entity colour is ΔE ≥ 10 (normal vision) from every relation and declared-type colour', () => {
    const entities = BUILT_IN_ENTITY_TYPE_IDS.map((type) => BUILT_IN_ENTITY_TYPES[type].color);
    const others = [...BUILT_IN_RELATION_TYPE_IDS.map((type) => BUILT_IN_RELATION_TYPES[type].color), ...DECLARED_TYPE_PALETTE];
    const close = entities.flatMap((entity) => others.filter((other) => perceivedDistance(entity, other) < 10).map((other) => `${entity}~${other}`));
    expect(close).toEqual([]);
    // And clearly so: the palette was searched for a margin of ΔE 20.
    expect(Math.min(...entities.flatMap((entity) => others.map((other) => perceivedDistance(entity, other))))).toBeGreaterThanOrEqual(20);
  });

  it('relation-type colours are distinct for normal vision (ΔE ≥ 12); under dichromacy a few pairs get close, so colour is never the only cue', () => {
    const colors = BUILT_IN_RELATION_TYPE_IDS.map((type) => BUILT_IN_RELATION_TYPES[type].color);
    expect(closestPair(colors, ['normal'])?.distance).toBeGreaterThanOrEqual(12);
    // Recorded, not hidden: with 16 types some pairs fall under ΔE 10 for dichromats.
    // The legend, the highlighted edge's label and the panel name the type in words.
    const close = VISIONS.filter((vision) => vision !== 'normal').flatMap((vision) =>
      BUILT_IN_RELATION_TYPE_IDS.flatMap((a, i) =>
        BUILT_IN_RELATION_TYPE_IDS.slice(i + 1)
          .filter((b) => perceivedDistance(BUILT_IN_RELATION_TYPES[a].color, BUILT_IN_RELATION_TYPES[b].color, vision) < 10)
          .map((b) => `${vision}:${a}~${b}`),
      ),
    );
    expect(close.length).toBeLessThanOrEqual(8);
  });
});

describe('colours for a dataset’s own types', () => {
  const builtIn = [...BUILT_IN_RELATION_TYPE_IDS.map((type) => BUILT_IN_RELATION_TYPES[type].color), ...BUILT_IN_ENTITY_TYPE_IDS.map((type) => BUILT_IN_ENTITY_TYPES[type].color)];

  it('stay far from every built-in relation and entity colour and from each other: ΔE ≥ 24 for normal vision, ≥ 12 under dichromacy', () => {
    const worst = { normal: Infinity, dichromat: Infinity };
    for (const [i, color] of DECLARED_TYPE_PALETTE.entries()) {
      for (const other of [...builtIn, ...DECLARED_TYPE_PALETTE.slice(0, i)]) {
        worst.normal = Math.min(worst.normal, perceivedDistance(color, other, 'normal'));
        for (const vision of VISIONS.filter((v) => v !== 'normal')) worst.dichromat = Math.min(worst.dichromat, perceivedDistance(color, other, vision));
      }
    }
    expect(worst.normal).toBeGreaterThanOrEqual(24);
    expect(worst.dichromat).toBeGreaterThanOrEqual(12);
  });

  it('are given in declaration order, relation types from the start and entity types from the end, and a file’s own colour wins', () => {
    const catalog = typeCatalog({
      relationTypes: [
        { id: 'supplies-drones-to', label: 'supplies drones to', directed: true },
        { id: 'trades-with', label: 'trades with', directed: false, color: '#123456' },
        { id: 'related-to', label: 'related to', directed: false },
      ],
      entityTypes: [{ id: 'character', label: 'Character' }],
    });
    expect(catalog.relation('supplies-drones-to').color).toBe(DECLARED_TYPE_PALETTE[0]);
    expect(catalog.relation('trades-with').color).toBe('#123456');
    expect(catalog.relation('related-to').color).toBe(DECLARED_TYPE_PALETTE[1]);
    expect(catalog.entity('character').color).toBe(DECLARED_TYPE_PALETTE.at(-1));
    expect(new Set([...builtIn, catalog.relation('supplies-drones-to').color, catalog.relation('related-to').color, catalog.entity('character').color]).size).toBe(new Set(builtIn).size + 3);
  });
});

describe('relation types that were hard to tell apart', () => {
  it('accused, abducted-from and attacked are no longer three pink-purples, nor allied-with and met-with two greens: ΔE ≥ 25 for every vision', () => {
    const pairs = [
      ['accused', 'abducted-from'],
      ['accused', 'attacked'],
      ['abducted-from', 'attacked'],
      ['allied-with', 'met-with'],
    ] as const;
    for (const [a, b] of pairs) {
      for (const vision of VISIONS) expect(perceivedDistance(BUILT_IN_RELATION_TYPES[a].color, BUILT_IN_RELATION_TYPES[b].color, vision), `${a} ~ ${b} (${vision})`).toBeGreaterThanOrEqual(25);
    }
  });
});
