/**
 * Download the whole dataset as a newsgraph dataset JSON file — the Export
 * menu's "newsgraph dataset JSON", offered where a link cannot carry the
 * data or the browser cannot keep it.
 */

import type { Dataset } from '../../model/index.ts';
import { downloadName } from '../../state/dataSource.ts';
import { downloadText } from '../data/download.ts';

export async function exportDatasetFile(dataset: Dataset): Promise<void> {
  const { writeFormat } = await import('../../graph/formats/index.ts');
  const written = await writeFormat(dataset, 'dataset');
  downloadText(written.parts, downloadName(dataset.title ?? dataset.documents[0]?.title, 'json', false), written.mimeType);
}
