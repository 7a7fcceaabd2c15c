/**
 * PostgreSQL connection errors, as one line
 * =========================================
 *
 * A wrong URL, a server that is down, a refused password or a missing
 * database is the user's to fix, not a bug: each becomes one
 * `CorpusServerError` line naming the server (password hidden, url.ts) and
 * the fix, which the CLI prints without a stack (it is a NewsgraphError).
 */

import { CorpusError } from '../errors.ts';

export class CorpusServerError extends CorpusError {
  override name = 'CorpusServerError';
}

const START_HINT = 'start it (as root: `pg_ctlcluster 15 main start`), or check the host and port in --db';

/** The error's one line, or undefined when it is not a connection problem (then it is thrown as it is). */
export function connectionProblem(where: string, error: unknown): CorpusServerError | undefined {
  const code = (error as { code?: unknown }).code;
  const message = (error as { message?: unknown }).message;
  switch (code) {
    case 'ECONNREFUSED':
      return new CorpusServerError(`${where}: no PostgreSQL server answers there (connection refused). Fix: ${START_HINT}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CorpusServerError(`${where}: no such host. Fix: check the host name in --db`);
    case 'ETIMEDOUT':
      return new CorpusServerError(`${where}: the server did not answer in time. Fix: ${START_HINT}`);
    case '28P01':
      return new CorpusServerError(`${where}: the server refused the password. Fix: give the role's password in --db (postgres://USER:PASSWORD@HOST/DATABASE)`);
    case '28000':
      return new CorpusServerError(`${where}: the server refused the role (${String(message)}). Fix: create the role, or give an existing one in --db`);
    case '42501':
      return new CorpusServerError(`${where}: permission denied (${String(message)}). Fix: use a role that may create tables in that database`);
    case '57P03':
      return new CorpusServerError(`${where}: the server is starting up or shutting down. Fix: wait a moment and try again`);
    default:
      if (typeof message === 'string' && /password authentication|SASL|client password must be a string/i.test(message))
        return new CorpusServerError(`${where}: the server wants a password (${message}). Fix: give it in --db (postgres://USER:PASSWORD@HOST/DATABASE)`);
      if (error instanceof TypeError && /Invalid URL/i.test(String(message))) return new CorpusServerError(`${where}: not a valid URL. Fix: write --db as postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
      return undefined;
  }
}
