/**
 * Data source
 * ===========
 *
 * Where the explorer's current dataset came from (the bundled seed, an
 * imported file, an extracted article) and the one gate every replacement
 * goes through: `checkCandidate` validates with `validateDataset` and either
 * hands back the dataset to swap in or the problems to show, so a bad file
 * can never half-replace the graph. Pure: the UI owns the swapping.
 */

import { DatasetError, validateDataset, type Dataset, type Problem } from '../model/index.ts';
import { datasetForDocuments } from './documentFilter.ts';
import type { Scene } from './scene.ts';

export type DataOrigin =
  | { kind: 'seed'; name: string }
  | { kind: 'file'; name: string }
  | { kind: 'article'; name: string }
  /** The seed with the analyst's edits: the seed is built in and never changes, so its edits become a workspace of their own. */
  | { kind: 'edited'; name: string }
  /** `joined`: the spellings the merge found to be one entity ("joined Volodymyr Zelensky and Volodymyr Zelenskyy"). */
  | { kind: 'merged'; name: string; joined?: string[] };

export type CandidateCheck = { ok: true; dataset: Dataset; origin: DataOrigin } | { ok: false; problems: Problem[]; origin: DataOrigin };

/** The single validation gate for anything that would replace the current dataset. */
export function checkCandidate(candidate: unknown, origin: DataOrigin): CandidateCheck {
  const result = validateDataset(candidate);
  return result.ok ? { ok: true, dataset: result.dataset, origin } : { ok: false, problems: result.problems, origin };
}

/** Any thrown value as problems to list: structured ones as they are, anything else as one problem. */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof DatasetError && error.problems.length > 0) return error.problems;
  const message = error instanceof Error ? error.message : String(error);
  return [{ code: 'invalid-value', path: '', message, fix: 'check the file is one newsgraph reads: dataset JSON, graphology JSON, GEXF, GraphML or CSV of triples' }];
}

/** Plain-text files are articles to extract, not graphs to import. */
export function isArticleFileName(fileName: string): boolean {
  return /\.(txt|md|markdown|text)$/i.test(fileName);
}

/**
 * What the "only what the filters show" export keeps: the shown articles
 * (`datasetForDocuments`: their evidence and mentions), the relations the
 * scene shows and the entities they connect or cite (isolated nodes would say
 * nothing). The articles' part itself when the scene hides nothing else.
 * Mirrors `graph/formats/select.ts`, except that hiding every type exports
 * no relations rather than all of them.
 */
export function visibleDataset(dataset: Dataset, scene: Scene): Dataset {
  const articles = datasetForDocuments(dataset, scene.documents);
  if (scene.visibleNodes === null && articles.relations.every((relation) => scene.visibleEdges.has(relation.id))) return articles;
  const relations = articles.relations.filter((relation) => scene.visibleEdges.has(relation.id));
  const needed = new Set<string>();
  for (const relation of relations) {
    needed.add(relation.source);
    needed.add(relation.target);
    if (relation.attributedTo !== undefined) needed.add(relation.attributedTo);
  }
  return { ...articles, entities: articles.entities.filter((entity) => needed.has(entity.id)), relations };
}

/** The download name: the dataset's title in kebab case, plus the format's extension. */
export function downloadName(title: string | undefined, extension: string, filtered: boolean): string {
  const base =
    (title ?? 'newsgraph')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'newsgraph';
  return `${base}${filtered ? '-filtered' : ''}.${extension}`;
}

/** A short line for the header: where the graph on screen came from. */
export function describeOrigin(origin: DataOrigin): string {
  switch (origin.kind) {
    case 'seed':
      return 'Seed article';
    case 'file':
      return `Imported from ${origin.name}`;
    case 'article':
      return `Extracted from ${origin.name}`;
    case 'edited':
      return `Your edits of the ${origin.name}`;
    case 'merged':
      return origin.joined?.length ? `Merged with ${origin.name}; ${origin.joined.join('; ')}` : `Merged with ${origin.name}`;
  }
}
