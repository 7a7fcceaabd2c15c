import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../../src/graph/formats/index.ts';
import { validateDataset } from '../../../src/model/index.ts';
import { datasetArbitrary } from './datasetArbitrary.ts';

describe('export → import is the identity for arbitrary valid datasets', () => {
  it('the arbitrary only makes valid datasets', () => {
    fc.assert(
      fc.property(datasetArbitrary, (dataset) => {
        const result = validateDataset(dataset);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(['gexf', 'graphml', 'json', 'dataset'] as FormatId[])('%s', async (format) => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const written = await writeFormat(dataset, format);
        const { dataset: back } = await readAnyWithWarnings(`file.${written.extension}`, writtenText(written));
        expect(back).toStrictEqual(dataset);
      }),
      { numRuns: 150 },
    );
  });
});
