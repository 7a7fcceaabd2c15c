/** The header's census counts what is drawn: the numbers App passes from the scene. */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../../src/model/index.ts';
import { toggleEntityType } from '../../src/state/analystTools.ts';
import { createExplorerModel } from '../../src/state/explorerModel.ts';
import { initialExplorerState } from '../../src/state/explorerState.ts';
import { computeScene } from '../../src/state/scene.ts';
import { AppHeader } from '../../src/ui/AppHeader.tsx';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const model = createExplorerModel(seed);
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
const census = (shownRelations: number, shownEntities?: number) =>
  text(renderToStaticMarkup(createElement(AppHeader, { dataset: seed, shownRelations, ...(shownEntities === undefined ? {} : { shownEntities }) })));

describe('AppHeader census', () => {
  it('says nothing is hidden when all is drawn', () => {
    expect(census(seed.relations.length, seed.entities.length)).toContain(`${seed.entities.length} entities · ${seed.relations.length} relations`);
    expect(census(seed.relations.length)).not.toContain('shown');
  });

  it('with an entity-type filter, counts the scene’s drawn relations and entities', () => {
    const scene = computeScene(model, toggleEntityType('place')(initialExplorerState(model.index.relationTypes)));
    const drawnEdges = scene.visibleEdges.size;
    const drawnNodes = scene.visibleNodes?.size ?? seed.entities.length;
    // The legend's per-type counts ignore the entity-type filter: they are not the number drawn.
    expect(drawnEdges).toBe(22);
    expect(drawnNodes).toBe(seed.entities.length - 5);
    expect(census(drawnEdges, drawnNodes)).toContain(`${seed.entities.length} entities (${drawnNodes} shown) · ${seed.relations.length} relations (22 shown)`);
  });
});
