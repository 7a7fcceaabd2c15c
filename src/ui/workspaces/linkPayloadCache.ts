/**
 * The link payload of a dataset, computed once per dataset (datasets never
 * change in place: every change is a new object) and, for small datasets,
 * ahead of the click — some browsers only let a page write the clipboard
 * right after the user's click, not after a wait for compression.
 */

import type { Dataset } from '../../model/index.ts';
import { packDataset } from '../../state/workspacesLink.ts';

const payloads = new WeakMap<Dataset, Promise<string | null>>();
const settled = new WeakMap<Dataset, string | null>();

export function linkPayloadOf(dataset: Dataset): Promise<string | null> {
  let payload = payloads.get(dataset);
  if (payload === undefined) {
    payload = packDataset(dataset);
    payloads.set(dataset, payload);
    payload.then(
      (packed) => settled.set(dataset, packed),
      () => undefined,
    );
  }
  return payload;
}

/** The payload if it is already computed; undefined while it is not. */
export function knownLinkPayload(dataset: Dataset): string | null | undefined {
  return settled.get(dataset);
}

/**
 * Packs a small dataset ahead of time; a big one (whose text alone would be
 * far past a link's size) is left to the click, so no idle moment is spent
 * serialising a corpus that cannot travel in a link anyway.
 */
export function packAhead(dataset: Dataset): void {
  const textLength = dataset.documents.reduce((sum, document) => sum + document.text.length, 0);
  if (textLength > 400_000 || dataset.relations.length + dataset.entities.length > 5_000) return;
  void linkPayloadOf(dataset);
}
