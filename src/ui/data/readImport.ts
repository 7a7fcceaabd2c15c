/**
 * Reading a picked or dropped graph file into a dataset candidate. The
 * formats registry is itself loaded with `import()`, and it loads each
 * parser on demand, so no XML or CSV code is in the first bundle.
 */

import type { Dataset, Problem } from '../../model/index.ts';

export interface ImportRead {
  dataset: Dataset;
  warnings: Problem[];
}

export async function readGraphFile(fileName: string, content: string): Promise<ImportRead> {
  const formats = await import('../../graph/formats/index.ts');
  const { dataset, warnings } = await formats.readAnyWithWarnings(fileName, content);
  return { dataset, warnings };
}
