/**
 * Browser entry point: validates the bundled seed dataset, lays it out and
 * mounts the explorer. The dataset is imported at build time, so the app
 * needs no network and no file picker.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import seed from '../data/seed-dataset.json';
import { assertValidDataset } from './model/index.ts';
import { createExplorerModel } from './state/explorerModel.ts';
import { App } from './ui/App.tsx';
import { StartupError } from './ui/StartupError.tsx';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html: no element with id "root". Fix: restore <div id="root"></div> in index.html.');
const root = createRoot(container);

try {
  const model = createExplorerModel(assertValidDataset(seed, 'data/seed-dataset.json'));
  root.render(
    <StrictMode>
      <App model={model} />
    </StrictMode>,
  );
} catch (error) {
  root.render(<StartupError error={error} />);
  throw error;
}
