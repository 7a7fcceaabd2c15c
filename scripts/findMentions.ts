/**
 * Mentions for hand curation
 * ==========================
 *
 * Shared by the two curation scripts (the seed and the evaluation articles):
 * every occurrence of every name as a whole word, longest names first, never
 * overlapping, so "Vladimir Putin" is one mention and not also "Putin".
 */

export interface FoundMention {
  entity: string;
  start: number;
  end: number;
}

export function findMentions(text: string, entities: ReadonlyArray<{ id: string; names: readonly string[] }>): FoundMention[] {
  const found: FoundMention[] = [];
  const byLength = entities.flatMap((e) => e.names.map((name) => ({ entity: e.id, name }))).sort((a, b) => b.name.length - a.name.length);
  for (const { entity, name } of byLength) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + name.length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ entity, start, end });
    }
  }
  return found;
}
