/**
 * The corpus API client
 * =====================
 *
 * Asks `newsgraph serve` (model/corpusApi.ts) and trusts nothing it answers:
 * every body is parsed with the contract's zod schema, and every dataset
 * goes through `validateDataset` before the explorer sees it. Failures come
 * back as one `CorpusRequestError` whose message is a sentence for the
 * reader: the server is unreachable, the server refused (its own one-line
 * reason), or it sent something that is not what the contract says.
 */

import type { z } from 'zod';
import {
  ApiErrorSchema,
  CorpusInfoSchema,
  DocumentsPageSchema,
  EditOutcomeResponseSchema,
  HistoryResponseSchema,
  SearchResponseSchema,
  SubgraphResponseSchema,
  TimelineResponseSchema,
  type CorpusInfo,
  type DocumentsPage,
  type EditOutcomeResponse,
  type HistoryResponse,
  type SearchResponse,
  type TimelineResponse,
} from '../../model/corpusApi.ts';
import type { TimelineBucket } from '../../model/timeline.ts';
import { validateDataset, type Dataset, type DayWindow, type Edit } from '../../model/index.ts';
import {
  corpusInfoUrl,
  documentUrl,
  documentsPageUrl,
  evidenceUrls,
  neighbourhoodUrl,
  overviewUrl,
  searchUrl,
} from '../../state/corpusRequests.ts';

export type CorpusFailure = 'network' | 'refused' | 'invalid' | 'aborted';

export class CorpusRequestError extends Error {
  override name = 'CorpusRequestError';
  constructor(
    message: string,
    readonly failure: CorpusFailure,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A subgraph as the explorer uses it: a valid dataset, and whether the server cut it short. */
export interface Subgraph {
  dataset: Dataset;
  truncated: boolean;
  note?: string;
}

export interface CorpusClient {
  info(signal?: AbortSignal): Promise<CorpusInfo>;
  overview(limit?: number, signal?: AbortSignal): Promise<Subgraph>;
  neighbourhood(entity: string, hops?: 1 | 2, signal?: AbortSignal): Promise<Subgraph>;
  /** One subgraph per batch of ids (the server takes at most 100 per request). */
  evidence(relationIds: readonly string[], signal?: AbortSignal): Promise<Subgraph[]>;
  search(text: string, limit?: number, signal?: AbortSignal): Promise<SearchResponse>;
  /** A page of the article list; with a window, only the articles published inside it. */
  documents(offset: number, limit: number, signal?: AbortSignal, window?: DayWindow | null): Promise<DocumentsPage>;
  document(id: string, signal?: AbortSignal): Promise<Subgraph>;
  /** The whole corpus's histogram of relations by reporting date; the server chooses the bucket when none is given. */
  timeline(bucket?: TimelineBucket, signal?: AbortSignal): Promise<TimelineResponse>;
  /** The corpus's edits (GET /api/history). */
  history(signal?: AbortSignal): Promise<HistoryResponse>;
  /** One write (a server started with --allow-edits): an edit, an undo or a redo. A refusal with a reason is an answer ({ok: false}), not a throw. */
  write(step: WriteStep): Promise<EditOutcomeResponse>;
}

/** What `write` posts: an edit, or a step back or forward in the corpus's history. */
export type WriteStep = { kind: 'edit'; edit: Edit } | { kind: 'undo' } | { kind: 'redo' };

/** `/api/timeline`, with the bucket when one is asked for. */
const timelineUrl = (base: string, bucket: TimelineBucket | undefined) => `${base}timeline${bucket === undefined ? '' : `?${new URLSearchParams({ bucket }).toString()}`}`;

/** The answer's status and JSON body; a network failure, a cancel or a body that is not JSON throws one sentence naming `what` ("the overview"). */
async function fetchJson(url: string, init: RequestInit, what: string, signal?: AbortSignal): Promise<{ response: Response; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw new CorpusRequestError(`${what}: cancelled`, 'aborted');
    throw new CorpusRequestError(
      `Could not reach the newsgraph server for ${what} (${error instanceof Error ? error.message : String(error)}). Is \`newsgraph serve\` still running?`,
      'network',
    );
  }
  try {
    return { response, body: await response.json() };
  } catch {
    if (signal?.aborted) throw new CorpusRequestError(`${what}: cancelled`, 'aborted');
    throw new CorpusRequestError(`The server answered ${what} with something that is not JSON (HTTP ${response.status}).`, 'invalid', response.status);
  }
}

const refusalOf = (body: unknown, response: Response): string => {
  const refusal = ApiErrorSchema.safeParse(body);
  return refusal.success ? refusal.data.error : `HTTP ${response.status}`;
};

/** A GET's JSON body; a refusal (an HTTP error) throws with the server's reason. */
async function getJson(url: string, what: string, signal?: AbortSignal): Promise<unknown> {
  const { response, body } = await fetchJson(url, { headers: { Accept: 'application/json' } }, what, signal);
  if (!response.ok) throw new CorpusRequestError(`The server refused ${what}: ${refusalOf(body, response)}`, 'refused', response.status);
  return body;
}

/** POSTs one write; the server's `{ok: false, reason}` (422, 409, 403…) comes back as the answer, anything else that fails throws. */
async function postWrite(base: string, step: WriteStep): Promise<EditOutcomeResponse> {
  const what = step.kind === 'edit' ? 'the edit' : step.kind === 'undo' ? 'the undo' : 'the redo';
  const path = step.kind === 'edit' ? 'edits' : step.kind;
  const init: RequestInit = {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: step.kind === 'edit' ? JSON.stringify({ edit: step.edit }) : '{}',
  };
  const { response, body } = await fetchJson(`${base}${path}`, init, what);
  const outcome = EditOutcomeResponseSchema.safeParse(body);
  if (outcome.success && outcome.data.ok === response.ok) return outcome.data;
  if (!response.ok) throw new CorpusRequestError(`The server refused ${what}: ${refusalOf(body, response)}`, 'refused', response.status);
  return parsed(EditOutcomeResponseSchema, body, what);
}

function parsed<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new CorpusRequestError(`The server's answer to ${what} is not what newsgraph expects${where}: ${issue?.message ?? 'invalid'}.`, 'invalid');
}

function subgraph(body: unknown, what: string): Subgraph {
  const response = parsed(SubgraphResponseSchema, body, what);
  const checked = validateDataset(response.dataset);
  if (!checked.ok) {
    const first = checked.problems[0];
    const more = checked.problems.length > 1 ? ` (and ${checked.problems.length - 1} more problems)` : '';
    throw new CorpusRequestError(`The server sent ${what} as a dataset that does not validate: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem'}${more}.`, 'invalid');
  }
  return { dataset: checked.dataset, truncated: response.truncated, ...(response.note === undefined ? {} : { note: response.note }) };
}

export function createCorpusClient(base: string): CorpusClient {
  return {
    async info(signal) {
      return parsed(CorpusInfoSchema, await getJson(corpusInfoUrl(base), 'the corpus description', signal), 'the corpus description');
    },
    async overview(limit, signal) {
      return subgraph(await getJson(overviewUrl(base, limit), 'the overview', signal), 'the overview');
    },
    async neighbourhood(entity, hops = 1, signal) {
      return subgraph(await getJson(neighbourhoodUrl(base, entity, hops), 'the neighbourhood', signal), 'the neighbourhood');
    },
    async evidence(relationIds, signal) {
      const answers: Subgraph[] = [];
      for (const url of evidenceUrls(base, relationIds)) answers.push(subgraph(await getJson(url, 'the sentences', signal), 'the sentences'));
      return answers;
    },
    async search(text, limit, signal) {
      return parsed(SearchResponseSchema, await getJson(searchUrl(base, text, limit), 'the search', signal), 'the search');
    },
    async documents(offset, limit, signal, window = null) {
      return parsed(DocumentsPageSchema, await getJson(documentsPageUrl(base, offset, limit, window), 'the list of articles', signal), 'the list of articles');
    },
    async document(id, signal) {
      return subgraph(await getJson(documentUrl(base, id), 'the article', signal), 'the article');
    },
    async timeline(bucket, signal) {
      return parsed(TimelineResponseSchema, await getJson(timelineUrl(base, bucket), 'the timeline', signal), 'the timeline');
    },
    async history(signal) {
      return parsed(HistoryResponseSchema, await getJson(`${base}history`, 'the history of edits', signal), 'the history of edits');
    },
    write: (step) => postWrite(base, step),
  };
}

/** A thrown value as one line for the reader. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
