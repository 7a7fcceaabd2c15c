/** Extraction: any English news article → an evidence-backed newsgraph dataset. Pure; Node and browser. */
export { extractDataset, extractArticles, ExtractInputError, type ExtractOptions, type ArticleInput, type ProgressReport } from './extractDataset.ts';
export { splitSentences, type SentenceSpan } from './sentences.ts';
export { evaluate, combine, tripleKey, NAMED_TYPES, type EvalReport, type Level, type Score } from './evaluate.ts';
export { buildBenchmarkCorpus, benchmarkExtraction, type ExtractionBenchmark } from './benchmarkCorpus.ts';
export { RELATION_RULES, TYPE_CONSTRAINTS, type RelationRule } from './rules.ts';
export type { ExtractRequest, ExtractResponse } from './extractProtocol.ts';
