/**
 * Who reported each relation
 * ==========================
 *
 * The articles whose sentences support a relation, and the distinct outlets
 * (`document.source`) that published them — with copies of one wire story
 * (wireCopies.ts) counted once, as their original. An article with no
 * outlet counts as an outlet of its own, so a count is never too low by
 * merging unknowns. A corpus server sends its whole-corpus counts on each
 * relation (`CORPUS_ATTRIBUTES.articles` / `.outlets`); those win over
 * what the loaded part shows.
 */

import type { Dataset, NewsDocument } from './schema.ts';
import { wireCopyGroups } from './wireCopies.ts';

/** Attribute names a corpus server puts on relations (kept in sync with corpusApi.ts's CORPUS_ATTRIBUTES). */
export const SOURCE_ATTRIBUTES = { articles: 'corpusArticles', outlets: 'corpusOutlets' } as const;

export interface RelationSources {
  /** Supporting articles (document ids), in dataset order. */
  readonly articles: readonly string[];
  /** Distinct outlets, copies counted as their original's outlet; an unnamed outlet is "" once per article. */
  readonly outlets: readonly string[];
  /** Articles that are copies of another supporting article's wire story. */
  readonly copies: number;
  /** Counts to show and filter by: the corpus's when the relation carries them, else the lengths above (copies collapsed). */
  readonly articleCount: number;
  readonly outletCount: number;
}

export interface SourceIndex {
  readonly byRelation: ReadonlyMap<string, RelationSources>;
  /** Each copied document's id → its group's original (the original maps to itself). */
  readonly wireCopies: ReadonlyMap<string, string>;
  /** The largest outlet count of any relation (the width scale and the filter's range). */
  readonly maxOutlets: number;
}

function countAttribute(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The most outlets any relation could have, without building the index: the
 * distinct outlets of the articles (an unnamed one counting once per
 * article), or a corpus server's largest count. A filter's range and
 * whether to offer it at all, at the cost of one pass over the documents.
 */
export function outletCeiling(dataset: Dataset): number {
  const outlets = new Set<string>();
  let unnamed = 0;
  for (const document of dataset.documents) {
    const outlet = document.source?.trim() ?? '';
    if (outlet === '') unnamed += 1;
    else outlets.add(outlet);
  }
  let ceiling = outlets.size + unnamed;
  for (const relation of dataset.relations) {
    const corpusOutlets = countAttribute(relation.attributes?.[SOURCE_ATTRIBUTES.outlets]);
    if (corpusOutlets !== undefined && corpusOutlets > ceiling) ceiling = corpusOutlets;
  }
  return ceiling;
}

interface ArticleSource {
  readonly original: string;
  /** The original's outlet, "" when unnamed. */
  readonly outlet: string;
  /** What makes two articles one outlet: the name, or the original article itself when unnamed. */
  readonly outletKey: string;
}

export function buildSourceIndex(dataset: Dataset): SourceIndex {
  const documents = new Map<string, NewsDocument>();
  for (const document of dataset.documents) documents.set(document.id, document);
  const wireCopies = dataset.documents.length < 2 ? new Map<string, string>() : wireCopyGroups(dataset.documents);
  const articleSources = new Map<string, ArticleSource>();
  for (const document of dataset.documents) {
    const original = wireCopies.get(document.id) ?? document.id;
    const outlet = documents.get(original)?.source?.trim() ?? '';
    articleSources.set(document.id, { original, outlet, outletKey: outlet === '' ? `\u0000${original}` : outlet });
  }
  const byRelation = new Map<string, RelationSources>();
  let maxOutlets = 0;
  for (const relation of dataset.relations) {
    const corpusArticles = countAttribute(relation.attributes?.[SOURCE_ATTRIBUTES.articles]);
    const corpusOutlets = countAttribute(relation.attributes?.[SOURCE_ATTRIBUTES.outlets]);
    const only = relation.evidence.length === 1 ? articleSources.get(relation.evidence[0]!.document) : undefined;
    if (only !== undefined) {
      // Most relations rest on one sentence: no sets to build.
      const outletCount = Math.max(corpusOutlets ?? 0, 1);
      byRelation.set(relation.id, { articles: [relation.evidence[0]!.document], outlets: [only.outlet], copies: 0, articleCount: Math.max(corpusArticles ?? 0, 1), outletCount });
      if (outletCount > maxOutlets) maxOutlets = outletCount;
      continue;
    }
    const articles: string[] = [];
    const originals = new Set<string>();
    const outletKeys = new Set<string>();
    const outlets: string[] = [];
    for (const evidence of relation.evidence) {
      const id = evidence.document;
      if (articles.includes(id)) continue;
      articles.push(id);
      const source = articleSources.get(id);
      if (source === undefined) continue;
      originals.add(source.original);
      if (!outletKeys.has(source.outletKey)) {
        outletKeys.add(source.outletKey);
        outlets.push(source.outlet);
      }
    }
    const sources: RelationSources = {
      articles,
      outlets,
      copies: articles.length - originals.size,
      articleCount: Math.max(corpusArticles ?? 0, originals.size),
      outletCount: Math.max(corpusOutlets ?? 0, outlets.length),
    };
    if (sources.outletCount > maxOutlets) maxOutlets = sources.outletCount;
    byRelation.set(relation.id, sources);
  }
  return { byRelation, wireCopies, maxOutlets };
}
