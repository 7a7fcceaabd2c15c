/**
 * The JSON API
 * ============
 *
 * `/api/…` routed to the store (corpusApi.ts lists the endpoints and their
 * shapes). Parameters are read through zod (params.ts); the store's answers
 * are serialised, capped (`CORPUS_LIMITS.responseBytesMax`) and sent. A
 * question the corpus cannot answer (an unknown entity, an ambiguous name)
 * is a 4xx with the store's one line; anything unexpected is a 500 with a
 * generic line (the detail goes to the server's log, not to the page).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORPUS_LIMITS } from '../model/corpusApi.ts';
import { typeCatalog } from '../model/typeCatalog.ts';
import type { CorpusStore } from '../store/corpusStore.ts';
import { CorpusQueryError } from '../store/errors.ts';
import { checkRelationTypes, DocumentsParams, EvidenceParams, NeighbourhoodParams, NoParams, OverviewParams, ParameterError, readParams, SearchParams, TimelineParams } from './params.ts';
import { handleEditApi, isEditPath } from './editApi.ts';
import { jsonBody, ResponseTooLargeError, send, sendError } from './respond.ts';

type Handler = (store: CorpusStore, params: URLSearchParams, options: ApiOptions) => Promise<unknown>;

export interface ApiOptions {
  /** The server takes edits (`serve --allow-edits`). */
  allowEdits?: boolean;
}

// A Map: a path segment such as `__proto__` must find nothing.
const ROUTES = new Map<string, Handler>([
  // The explorer shows its edit controls only where the server takes edits.
  ['corpus', async (store, params, options) => (readParams(params, NoParams), { ...(await store.info()), editable: options.allowEdits === true })],
  ['overview', (store, params) => store.overview(readParams(params, OverviewParams).limit)],
  [
    'neighbourhood',
    async (store, params) => {
      const query = readParams(params, NeighbourhoodParams);
      if (query.types !== undefined) checkRelationTypes(params.get('types'), query.types, typeCatalog(await store.declaredTypes()));
      return store.subgraph(query);
    },
  ],
  ['evidence', (store, params) => store.evidence(readParams(params, EvidenceParams).relations)],
  [
    'search',
    (store, params) => {
      const { q, limit } = readParams(params, SearchParams);
      return store.search(q, limit);
    },
  ],
  [
    'documents',
    (store, params) => {
      const { offset, limit, since, until } = readParams(params, DocumentsParams);
      return store.documents(offset, limit, { since, until });
    },
  ],
  ['timeline', (store, params) => store.timeline(readParams(params, TimelineParams).bucket)],
  ['history', (store, params) => (readParams(params, NoParams), store.history())],
]);

class NotFound extends Error {}

async function answer(store: CorpusStore, path: string, params: URLSearchParams, options: ApiOptions): Promise<unknown> {
  const documentPath = /^documents\/([^/]+)$/.exec(path);
  if (documentPath) {
    readParams(params, NoParams);
    let id: string;
    try {
      id = decodeURIComponent(documentPath[1]!);
    } catch {
      throw new ParameterError('the document id in the path is not valid percent-encoding. Fix: encode the id with encodeURIComponent');
    }
    const found = await store.document(id);
    if (!found) throw new NotFound(`no document with this id in ${store.name}. Fix: use an id from /api/documents`);
    return found;
  }
  const handler = ROUTES.get(path);
  if (!handler) throw new NotFound(`no API endpoint /api/${path.slice(0, 60)}. Fix: use one of /api/${[...ROUTES.keys()].join(', /api/')}, /api/documents/ID`);
  return handler(store, params, options);
}

const STATUS_OF_QUERY_ERROR: Readonly<Record<CorpusQueryError['kind'], number>> = {
  'unknown-entity': 404,
  'unknown-relation': 404,
  'unknown-document': 404,
  'ambiguous-entity': 400,
  'bad-text': 400,
};

/** Answers one `/api/` request (`path` after `/api/`, still percent-encoded); a POST only to the edit paths (editApi.ts), and only with `allowEdits`. */
export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  store: CorpusStore,
  path: string,
  params: URLSearchParams,
  log: (line: string) => void,
  options: ApiOptions = {},
): Promise<void> {
  try {
    if (request.method === 'POST') {
      if (!isEditPath(path)) return await sendError(request, response, 405, `POST is not allowed on /api/${path.slice(0, 60)}. Fix: use GET, or POST to /api/edits, /api/undo or /api/redo`, { Allow: 'GET, HEAD' });
      return await handleEditApi(request, response, store, path, options.allowEdits === true);
    }
    await send(request, response, 200, jsonBody(await answer(store, path, params, options)));
  } catch (error) {
    if (error instanceof ParameterError) return sendError(request, response, 400, error.message);
    if (error instanceof NotFound) return sendError(request, response, 404, error.message);
    if (error instanceof CorpusQueryError) return sendError(request, response, STATUS_OF_QUERY_ERROR[error.kind], error.message);
    if (error instanceof ResponseTooLargeError)
      return sendError(request, response, 413, `${error.message}, over the ${CORPUS_LIMITS.responseBytesMax / 1024 / 1024} MB limit. Fix: ask for less (a lower limit, fewer types, a date window or words)`);
    log(`newsgraph serve: internal error on ${request.method} ${(request.url ?? '').slice(0, 200)}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return sendError(request, response, 500, 'internal error in newsgraph serve (the details are in its log). Fix: report it with the URL asked');
  }
}
