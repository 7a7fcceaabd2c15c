/**
 * Relation-rule cases, shared by the extractor's pattern tests: a text, the
 * triples it must yield (`has`) and those it must not (`hasNot`).
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import { BUILT_IN_CATALOG } from '../../../src/model/index.ts';

export interface RelationCase {
  name: string;
  text: string;
  has?: string[];
  hasNot?: string[];
}

export interface TripleOptions {
  /** Passed to the extractor: how often a name must occur to become an entity. */
  minMentions?: number;
  /** Append " (negated)" / " (hedged)" to flagged relations. */
  flags?: boolean;
}

const FLAGS = / \((negated|hedged)\)/g;

/** "source type target" for each extracted relation (ends sorted for symmetric types). */
export function triples(text: string, { minMentions, flags = false }: TripleOptions = {}): string[] {
  const options = minMentions === undefined ? { documentId: 'doc' } : { documentId: 'doc', minMentions };
  return extractDataset(text, options).relations.map((r) => {
    const [a, b] = !BUILT_IN_CATALOG.relation(r.type).directed && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
    const suffix = flags ? `${r.negated ? ' (negated)' : ''}${r.hedged ? ' (hedged)' : ''}` : '';
    return `${a} ${r.type} ${b}${suffix}`;
  });
}

/**
 * One test per case. In `hasNot`, a whole triple must be absent (whatever its
 * flags); a single word (an entity id or a type) must appear in no triple.
 */
export function describeRelationCases(title: string, cases: readonly RelationCase[], options: TripleOptions = {}): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const found = triples(c.text, options);
        for (const expected of c.has ?? []) expect(found, c.text).toContain(expected);
        const bare = found.map((f) => f.replace(FLAGS, ''));
        for (const unexpected of c.hasNot ?? []) {
          if (unexpected.includes(' ')) expect(bare, c.text).not.toContain(unexpected);
          else expect(bare.join('\n'), c.text).not.toContain(unexpected);
        }
      });
    }
  });
}
