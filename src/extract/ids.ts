/**
 * Deterministic ids
 * =================
 *
 * Entity ids are the kebab-case of the label, as in the curated datasets
 * ("Vladimir Putin" → `vladimir-putin`, "UN General Assembly" →
 * `un-general-assembly`), so the same name gets the same id in every article
 * and datasets extracted separately can be merged by id.
 */

export function kebabId(label: string): string {
  const id = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'entity';
}

export function relationId(source: string, type: string, target: string): string {
  return `${source}-${type}-${target}`;
}
