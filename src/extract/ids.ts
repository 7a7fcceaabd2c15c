/**
 * Deterministic ids
 * =================
 *
 * Entity ids are the kebab-case of the label, as in the curated datasets
 * ("Vladimir Putin" → `vladimir-putin`, "UN General Assembly" →
 * `un-general-assembly`), so the same name gets the same id in every article
 * and datasets extracted separately can be merged by id. The algorithm is the
 * project's one id function (model/ids.ts), shared with the importers.
 */

import { idFromName } from '../model/ids.ts';

export function kebabId(label: string): string {
  return idFromName(label, 'entity');
}

export function relationId(source: string, type: string, target: string): string {
  return `${source}-${type}-${target}`;
}
