/**
 * The edit endpoints
 * ==================
 *
 * `POST /api/edits` ({"edit": …}), `POST /api/undo`, `POST /api/redo`
 * (corpusApi.ts lists the answers): the analyst's edits written to the
 * corpus, only on a server started with `--allow-edits` (403 otherwise).
 * Every refusal is `{ok: false, reason}`, one sentence.
 *
 * A browser lets any web page POST to localhost, so a write must prove it
 * comes from the explorer itself: its body is `application/json` (a type a
 * page cannot send to another origin without a preflight this server never
 * grants), and an `Origin`, when sent, names this server. The body is read
 * up to `EDIT_BODY_MAX` bytes, parsed as JSON without trusting it, and the
 * edit checked with `EditSchema` before the store sees it.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EditOutcomeResponse } from '../model/corpusApi.ts';
import { EditSchema } from '../model/schema.ts';
import type { CorpusStore } from '../store/corpusStore.ts';
import { jsonBody, send } from './respond.ts';

/** Bytes of one edit request: an edit is a few ids and names. */
export const EDIT_BODY_MAX = 64 * 1024;

const EDIT_PATHS = new Set(['edits', 'undo', 'redo']);

const EditRequestSchema = z.strictObject({ edit: EditSchema });

/** True for the paths (after `/api/`) that take a POST. */
export const isEditPath = (path: string): boolean => EDIT_PATHS.has(path);

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function refuse(request: IncomingMessage, response: ServerResponse, status: number, reason: string): Promise<void> {
  const body: EditOutcomeResponse = { ok: false, reason: reason.replace(/\s*\n\s*/g, ' ') };
  return send(request, response, status, jsonBody(body));
}

/** The request's body, at most `EDIT_BODY_MAX` bytes (a longer one is refused before it is all read). */
function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > EDIT_BODY_MAX) return Promise.reject(new Refusal(413, `the request body is over ${EDIT_BODY_MAX / 1024} kB; an edit is much smaller. Fix: send one edit per request`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > EDIT_BODY_MAX) {
        request.removeAllListeners('data');
        request.resume();
        reject(new Refusal(413, `the request body is over ${EDIT_BODY_MAX / 1024} kB; an edit is much smaller. Fix: send one edit per request`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The one-line problem of a zod error: where, and what. */
function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/** The host:port an Origin header names ("http://127.0.0.1:8484" → "127.0.0.1:8484"); undefined when it cannot be read. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Answers a POST to an edit path (`path` after `/api/`). */
export async function handleEditApi(request: IncomingMessage, response: ServerResponse, store: CorpusStore, path: string, allowEdits: boolean): Promise<void> {
  try {
    if (!allowEdits) throw new Refusal(403, 'this corpus is served read-only. Fix: restart newsgraph serve with --allow-edits to edit it');
    const origin = request.headers.origin;
    if (origin !== undefined && originHost(origin) !== request.headers.host) throw new Refusal(403, 'edits are accepted only from the explorer this server serves. Fix: open the URL newsgraph serve printed');
    const type = String(request.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new Refusal(415, 'the request body must be JSON. Fix: send it with Content-Type: application/json');
    const text = await readBody(request);
    let outcome;
    if (path === 'edits') {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new Refusal(400, 'the request body is not valid JSON. Fix: send {"edit": {...}}');
      }
      const parsed = EditRequestSchema.safeParse(value);
      if (!parsed.success) throw new Refusal(422, `the edit is not valid: ${zodProblem(parsed.error)}. Fix: send {"edit": {"kind": …}} with one of the edit kinds`);
      outcome = await store.applyEdit(parsed.data.edit);
    } else outcome = path === 'undo' ? await store.undo() : await store.redo();
    if (outcome.ok) {
      const body: EditOutcomeResponse = { ok: true, label: outcome.label };
      return await send(request, response, 200, jsonBody(body));
    }
    return await refuse(request, response, outcome.nothing ? 409 : 422, outcome.reason);
  } catch (error) {
    if (error instanceof Refusal) return refuse(request, response, error.status, error.message);
    throw error;
  }
}
