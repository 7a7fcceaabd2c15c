/**
 * ExportMenu — download the graph in any format the formats module writes,
 * whole or only what the filters show (the scene's visible relations, from
 * the shown articles). GEXF and GraphML get the explorer's layout positions
 * so Gephi opens the same picture.
 */

import { useMemo, useState, type ReactElement } from 'react';
import { goldOf } from '../../model/review/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { downloadName, visibleDataset } from '../../state/dataSource.ts';
import type { Scene } from '../../state/scene.ts';
import { downloadText } from './download.ts';

interface ExportChoice {
  id: 'gexf' | 'graphml' | 'json' | 'dataset' | 'csv';
  label: string;
  extension: string;
}

// Listed here (not read from the formats registry) so the menu needs no format code until a choice is made.
const CHOICES: readonly ExportChoice[] = [
  { id: 'gexf', label: 'GEXF (Gephi)', extension: 'gexf' },
  { id: 'graphml', label: 'GraphML (networkx, yEd, Cytoscape)', extension: 'graphml' },
  { id: 'json', label: 'graphology JSON', extension: 'graphology.json' },
  { id: 'dataset', label: 'newsgraph dataset JSON', extension: 'json' },
  { id: 'csv', label: 'CSV of triples (spreadsheets)', extension: 'csv' },
];

interface ExportMenuProps {
  /** Everything loaded. */
  model: ExplorerModel;
  /** What the filters show. */
  scene: Scene;
  onError: (error: unknown) => void;
}

export function ExportMenu({ model, scene, onError }: ExportMenuProps): ReactElement {
  const [onlyVisible, setOnlyVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const filterActive = scene.filtered;
  const whole = model.dataset;
  // The gold set reads the kept dataset (rejected relations and all), not the drawn one.
  const reviewed = useMemo(() => model.full.relations.some((r) => r.review !== undefined), [model.full]);

  const runGold = async () => {
    setBusy(true);
    try {
      const { writeFormat } = await import('../../graph/formats/index.ts');
      const written = await writeFormat(goldOf(model.full).dataset, 'dataset');
      downloadText(written.parts, downloadName(model.full.title ?? model.full.documents[0]?.title, 'gold.json', false), written.mimeType);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const run = async (choice: ExportChoice) => {
    setBusy(true);
    try {
      const filtered = onlyVisible && filterActive;
      // newsgraph's own format keeps everything the analyst did (rejected relations, the edit history); other tools get what is drawn.
      const dataset = filtered ? visibleDataset(whole, scene) : choice.id === 'dataset' ? model.full : whole;
      const positions = new Map<string, { x: number; y: number }>();
      model.graph.forEachNode((node, attributes) => positions.set(node, { x: attributes.x, y: attributes.y }));
      const { writeFormat } = await import('../../graph/formats/index.ts');
      const written = await writeFormat(dataset, choice.id, { positions, bom: choice.id === 'csv' });
      downloadText(written.parts, downloadName(whole.title ?? whole.documents[0]?.title, choice.extension, filtered), written.mimeType);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details
      className="tool-menu"
      data-testid="export-menu"
      onKeyDown={(event) => {
        // Escape folds the menu and puts the focus back on its button, not on the page (nor the explorer's own Escape).
        const menu = event.currentTarget;
        if (event.key !== 'Escape' || !menu.open) return;
        event.stopPropagation();
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }}
    >
      <summary className="tool-button">Export</summary>
      <div className="tool-menu-body" role="group" aria-label="Export the graph">
        <fieldset className="export-scope">
          <legend>What to export</legend>
          <label>
            <input type="radio" name="export-scope" checked={!onlyVisible} onChange={() => setOnlyVisible(false)} data-testid="export-all" /> Whole
            graph
          </label>
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={onlyVisible}
              onChange={() => setOnlyVisible(true)}
              data-testid="export-visible"
            />{' '}
            Only what the filters show{filterActive ? '' : ' (nothing is hidden now)'}
          </label>
        </fieldset>
        {CHOICES.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className="tool-menu-item"
            disabled={busy}
            onClick={() => void run(choice)}
            data-testid={`export-${choice.id}`}
          >
            {choice.label} <span className="muted">.{choice.extension}</span>
          </button>
        ))}
        <button
          type="button"
          className="tool-menu-item"
          disabled={busy || !reviewed}
          title={
            reviewed
              ? 'The relations you accepted, corrected or added, for scoring the extractor (npm run eval -- --gold FILE); the whole graph, whatever the filters show'
              : 'Nothing is reviewed yet: accept, correct or add relations in the Review tab first'
          }
          onClick={() => void runGold()}
          data-testid="export-gold"
        >
          Gold set (reviewed relations) <span className="muted">.gold.json</span>
        </button>
      </div>
    </details>
  );
}
