/**
 * Reading the API's parameters
 * ============================
 *
 * Every parameter of every endpoint goes through a zod schema (the
 * neighbourhood's is the contract's `SubgraphQuerySchema`, shared with the
 * CLI's `query`); anything else — an unknown or repeated parameter, a word
 * where a number belongs — is a 400 with one line naming the parameter and
 * the fix. Nothing reaches the store unchecked. Relation types are checked
 * against the corpus's own catalog (`checkRelationTypes`), since a corpus
 * may hold types its datasets declared.
 */

import { z } from 'zod';
import { CORPUS_LIMITS, SubgraphQuerySchema, unknownQueryType } from '../model/corpusApi.ts';
import { quoteText } from '../model/errors.ts';
import { TIMELINE_BUCKETS } from '../model/timeline.ts';
import type { TypeCatalog } from '../model/typeCatalog.ts';

const Count = (max: number, fallback: number) => z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(max, `must be ${max} or less`).default(fallback);

export const OverviewParams = z.strictObject({ limit: Count(CORPUS_LIMITS.overviewMax, CORPUS_LIMITS.overviewDefault) });

export const EvidenceParams = z.strictObject({
  relations: z
    .string()
    .transform((list) => [...new Set(list.split(',').map((id) => id.trim()).filter((id) => id.length > 0))])
    .pipe(z.array(z.string().max(1_000)).min(1, 'must name a relation').max(CORPUS_LIMITS.evidenceRelationsMax, `must name at most ${CORPUS_LIMITS.evidenceRelationsMax} relations`)),
});

export const SearchParams = z.strictObject({
  q: z.string().trim().min(1, 'must hold words to search for').max(CORPUS_LIMITS.queryTextMax, `must be at most ${CORPUS_LIMITS.queryTextMax} characters`),
  limit: Count(CORPUS_LIMITS.searchMax, CORPUS_LIMITS.searchDefault),
});

export const DOCUMENTS_PAGE_DEFAULT = 50;
export const DocumentsParams = z.strictObject({
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(Number.MAX_SAFE_INTEGER).default(0),
  limit: Count(CORPUS_LIMITS.documentsPageMax, DOCUMENTS_PAGE_DEFAULT),
  since: SubgraphQuerySchema.shape.since,
  until: SubgraphQuerySchema.shape.until,
});

export const NoParams = z.strictObject({});

export const TimelineParams = z.strictObject({ bucket: z.enum(TIMELINE_BUCKETS).optional() });

export { SubgraphQuerySchema as NeighbourhoodParams };

const FIXES: Readonly<Record<string, string>> = {
  entity: 'give an entity id or name, e.g. entity=vladimir-putin',
  hops: 'give hops=1 or hops=2',
  types: 'give relation type ids separated by commas (/api/corpus lists the corpus’s own types next to the built-in ones)',
  since: 'give a date as YYYY-MM-DD',
  until: 'give a date as YYYY-MM-DD',
  text: `give words to find in the sentences (at most ${CORPUS_LIMITS.queryTextMax} characters)`,
  q: `give words to search for (at most ${CORPUS_LIMITS.queryTextMax} characters)`,
  limit: 'give a whole number within the limit, or leave it out for the default',
  offset: 'give a whole number, 0 or more',
  relations: `give relation ids separated by commas (at most ${CORPUS_LIMITS.evidenceRelationsMax})`,
  minOutlets: `give a whole number of outlets from 1 to ${CORPUS_LIMITS.minOutletsMax}`,
  bucket: `give bucket=${TIMELINE_BUCKETS.join(', bucket=')}, or leave it out to let the server choose`,
};

/** A parameter the API cannot use: the message is the 400's one line. */
export class ParameterError extends Error {
  override name = 'ParameterError';
}

/** The URL's parameters read through `schema`; throws `ParameterError`. */
export function readParams<T extends z.ZodType>(params: URLSearchParams, schema: T): z.output<T> {
  // A Map, not an object: a parameter named __proto__ must stay a parameter.
  const values = new Map<string, string>();
  for (const [key, value] of params) {
    if (values.has(key)) throw new ParameterError(`parameter ${quoteText(key, 40)} is given twice. Fix: give it once`);
    values.set(key, value);
  }
  const input = Object.create(null) as Record<string, string>;
  for (const [key, value] of values) Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const allowed = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
    throw new ParameterError(
      `unknown parameter ${quoteText(issue.keys[0] ?? '', 40)} (${allowed.length > 0 ? `this endpoint takes ${allowed.join(', ')}` : 'this endpoint takes none'}). Fix: remove it or correct its name`,
    );
  }
  const key = String(issue.path[0] ?? '');
  const given = values.get(key);
  const shown = given === undefined ? 'missing' : `got ${quoteText(given, 60)}`;
  const fix = FIXES[key] ?? 'correct it';
  const message = issue.message.replace(/^Invalid input: /, '');
  throw new ParameterError(`parameter ${quoteText(key, 40)}: ${message.charAt(0).toLowerCase()}${message.slice(1)} (${shown}). Fix: ${fix}`);
}

/** The neighbourhood's `types` checked against the corpus's catalog (built in and declared); throws `ParameterError`. */
export function checkRelationTypes(given: string | null, types: readonly string[] | undefined, catalog: TypeCatalog): void {
  const unknown = unknownQueryType(types, catalog);
  if (unknown === undefined) return;
  throw new ParameterError(
    `parameter "types": unknown relation type ${quoteText(unknown.type, 60)}${unknown.guess ? `; did you mean ${quoteText(unknown.guess, 60)}?` : ''} (got ${quoteText(given ?? '', 60)}). Fix: give relation types separated by commas, from: ${unknown.known}`,
  );
}
