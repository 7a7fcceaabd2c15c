/**
 * Browser entry point: validates the bundled seed dataset and mounts the
 * explorer inside the data shell (import, export, open article). The seed is
 * imported at build time, so the first view needs no network.
 *
 * A page served by `newsgraph serve` names its corpus API in
 * `<meta name="newsgraph-corpus" content="api/">`: then the explorer opens
 * in corpus mode (ui/corpus/CorpusShell.tsx) on that server's corpus.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import seed from '../data/seed-dataset.json';
import { assertValidDataset } from './model/index.ts';
import { CorpusShell } from './ui/corpus/CorpusShell.tsx';
import { DataShell } from './ui/data/DataShell.tsx';
import { StartupError } from './ui/StartupError.tsx';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html: no element with id "root". Fix: restore <div id="root"></div> in index.html.');
const root = createRoot(container);

function mount(dataset: unknown, source: string): void {
  try {
    const valid = assertValidDataset(dataset, source);
    root.render(
      <StrictMode>
        <DataShell seed={valid} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError error={error} />);
    throw error;
  }
}

/** The corpus API's base address (absolute, ending in "/") when the page names one, else null. */
function corpusBase(): string | null {
  const content = document.querySelector('meta[name="newsgraph-corpus"]')?.getAttribute('content');
  if (content === null || content === undefined || content.trim() === '') return null;
  const base = new URL(content.trim(), document.baseURI).href;
  return base.endsWith('/') ? base : `${base}/`;
}

// `?bench=small|medium|large` opens a synthetic dataset for `npm run bench`;
// the generator is a separate chunk, loaded only then.
const benchSize = new URLSearchParams(window.location.search).get('bench');
const corpus = corpusBase();
if (corpus !== null)
  root.render(
    <StrictMode>
      <CorpusShell base={corpus} />
    </StrictMode>,
  );
else if (benchSize === null) mount(seed, 'data/seed-dataset.json');
else
  void import('./model/syntheticDataset.ts')
    .then(({ benchDataset }) => mount(benchDataset(benchSize), `synthetic dataset "${benchSize}"`))
    .catch((error: unknown) => root.render(<StartupError error={error} />));
