import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { mixColors } from '../../src/graph/colors.ts';
import { CANVAS_BACKGROUND, EDGE_SIZE, MUTED_LABEL_COLOR, styleEdge, styleNode } from '../../src/ui/lookStyles.ts';
import { labelSide, labelStartX, LABEL_GAP } from '../../src/graph/labelPlacement.ts';
import { buildGraphIndex, otherEnd } from '../../src/graph/graphIndex.ts';
import { parseDatasetJson, BUILT_IN_RELATION_TYPE_IDS, type Dataset } from '../../src/model/index.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));

describe('buildGraphIndex on the seed graph', () => {
  const index = buildGraphIndex(buildGraph(seed));

  it('lists the relation types present, in registry order, with their edge counts', () => {
    const present = BUILT_IN_RELATION_TYPE_IDS.filter((type) => seed.relations.some((r) => r.type === type));
    expect(index.relationTypes).toEqual(present);
    for (const type of present) {
      expect(index.edgesByType.get(type), type).toEqual(seed.relations.filter((r) => r.type === type).map((r) => r.id));
    }
    expect([...index.edgesByType.values()].flat()).toHaveLength(seed.relations.length);
  });

  it('knows every edge’s ends and each node’s incident edges', () => {
    const warrant = index.edges.get('r24-international-criminal-court-issued-warrant-vladimir-putin');
    expect(warrant).toMatchObject({ source: 'international-criminal-court', target: 'vladimir-putin', type: 'issued-warrant', hedged: false });
    expect(otherEnd(warrant!, 'vladimir-putin')).toBe('international-criminal-court');
    const putin = seed.relations.filter((r) => r.source === 'vladimir-putin' || r.target === 'vladimir-putin').map((r) => r.id);
    expect([...(index.nodeEdges.get('vladimir-putin') ?? [])].sort()).toEqual(putin.sort());
    expect(index.edges.get('r19-russia-abducted-from-ukraine')?.hedged).toBe(true);
  });
});

describe('buildGraph curvature for parallel edges', () => {
  const twoWay: Dataset = {
    version: 1,
    documents: [{ id: 'd', title: 't', text: 'A accused B. B accused A. A met B.' }],
    entities: [
      { id: 'a', label: 'A', type: 'country', aliases: [], mentions: [] },
      { id: 'b', label: 'B', type: 'country', aliases: [], mentions: [] },
    ],
    relations: [
      { id: 'ab', type: 'accused', source: 'a', target: 'b', evidence: [] },
      { id: 'ba', type: 'accused', source: 'b', target: 'a', evidence: [] },
    ],
  };

  it('bends A→B and B→A onto opposite sides (the curve program measures from source to target)', () => {
    const graph = buildGraph(twoWay);
    const ab = graph.getEdgeAttributes('ab').curvature;
    const ba = graph.getEdgeAttributes('ba').curvature;
    expect(ab).not.toBe(0);
    // Same sign in each edge's own direction means opposite sides on screen.
    expect(ba).toBe(ab);
    expect(graph.getEdgeAttributes('ab').type).toBe('curvedArrow');
  });

  it('keeps a lone edge straight', () => {
    const graph = buildGraph(seed);
    expect(graph.getEdgeAttributes('r03-new-york-city-hosted-un-general-assembly')).toMatchObject({ curvature: 0, type: 'arrow' });
    expect(graph.getEdgeAttributes('r27-armenia-allied-with-russia')).toMatchObject({ curvature: 0, type: 'line' });
  });
});

describe('mixColors', () => {
  it('blends toward a colour by the given amount', () => {
    expect(mixColors('#000000', '#ffffff', 0)).toBe('#000000');
    expect(mixColors('#000000', '#ffffff', 1)).toBe('#ffffff');
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#f00', '#ffffff', 0.5)).toBe('#ff8080');
  });

  it('names the file and the fix for a colour it cannot read', () => {
    expect(() => mixColors('red', '#ffffff', 0.5)).toThrow(/colors\.ts: "red" is not a #rgb or #rrggbb colour\. Fix:/);
  });
});

describe('styleEdge / styleNode', () => {
  const edge = () => ({ color: '#D55E00', size: 2, label: 'issued an arrest warrant for' as string | null, hidden: false });
  const node = () => ({ color: '#0072B2', size: 10, label: 'Russia' as string | null });

  it('hides filtered-out edges', () => {
    expect(styleEdge('hidden', false, edge()).hidden).toBe(true);
  });

  it('draws hedged edges thinner and paler than facts', () => {
    const fact = styleEdge('normal', false, edge());
    const claim = styleEdge('normal', true, edge());
    expect(claim.size).toBeLessThan(fact.size!);
    expect(fact.color).toBe('#D55E00');
    expect(claim.color).toBe(mixColors('#D55E00', CANVAS_BACKGROUND, 0.45));
  });

  it('labels only the highlighted edge, thicker and on top', () => {
    expect(styleEdge('normal', false, edge()).label).toBeNull();
    const highlighted = styleEdge('highlighted', false, edge());
    expect(highlighted).toMatchObject({ label: 'issued an arrest warrant for', forceLabel: true, size: EDGE_SIZE.fact * EDGE_SIZE.highlightedFactor });
    expect(highlighted.zIndex).toBeGreaterThan(styleEdge('normal', false, edge()).zIndex!);
  });

  it('fades dimmed edges toward the background', () => {
    const dimmed = styleEdge('dimmed', false, edge());
    expect(dimmed.color).not.toBe('#D55E00');
    expect(dimmed.size).toBe(EDGE_SIZE.dimmed);
  });

  it('rings and labels the selected node; dimmed nodes lose colour and label; muted keep their label', () => {
    expect(styleNode('selected', node())).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3 });
    expect(styleNode('emphasised', node())).toMatchObject({ forceLabel: true, zIndex: 2, color: '#0072B2' });
    const dimmed = styleNode('dimmed', node());
    // The label string stays (sigma's label grid keeps the node); the drawer skips it.
    expect(dimmed.labelHidden).toBe(true);
    expect(dimmed.color).not.toBe('#0072B2');
    const muted = styleNode('muted', node());
    expect(muted.label).toBe('Russia');
    expect(muted.labelColor).toBe(MUTED_LABEL_COLOR);
    expect(muted.labelHidden).toBeUndefined();
    expect(muted.color).not.toBe('#0072B2');
  });
});

describe('labelSide', () => {
  it('puts labels right of the node unless they would run off the right edge', () => {
    expect(labelSide(100, 10, 80, 800)).toBe('right');
    expect(labelSide(760, 10, 80, 800)).toBe('left');
    // Too wide for either side: keep the usual side.
    expect(labelSide(50, 10, 900, 800)).toBe('right');
  });

  it('starts the text just clear of the disc on either side', () => {
    expect(labelStartX('right', 100, 10, 80)).toBe(100 + 10 + LABEL_GAP);
    expect(labelStartX('left', 700, 10, 80)).toBe(700 - 10 - LABEL_GAP - 80);
  });
});
