/**
 * Synthetic datasets in the browser, for the browser benchmark
 * ============================================================
 *
 * The explorer (`/?bench=medium`) and the bare-sigma page both generate the
 * same deterministic dataset here, so both sides of a comparison pay the
 * same generation cost and draw the same graph. Loaded only through a
 * dynamic import, so it never reaches the normal initial bundle.
 */

import type { Dataset } from '../../src/model/index.ts';
import { SIZES, syntheticDataset } from '../synthetic.ts';

export class UnknownBenchSizeError extends Error {
  constructor(size: string) {
    super(`?bench=${size}: no such synthetic size. Fix: use one of ${SIZES.map((s) => s.name).join(', ')}.`);
    this.name = 'UnknownBenchSizeError';
  }
}

export function benchDataset(sizeName: string): Dataset {
  const size = SIZES.find((s) => s.name === sizeName);
  if (!size) throw new UnknownBenchSizeError(sizeName);
  return syntheticDataset(size);
}
