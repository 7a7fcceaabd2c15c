/**
 * PostgreSQL locations
 * ====================
 *
 * `--db postgres://user:password@host:port/database` (or `postgresql://`)
 * names a server database instead of a SQLite file. The URL is parsed here
 * so that every message names it without its password (`redactUrl`): a
 * message may end up in a terminal log or a bug report.
 */

/** True when `location` names a PostgreSQL database rather than a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL as it may be shown: the password replaced by `***` (an unparsable URL is shown by its scheme alone). */
export function redactUrl(location: string): string {
  try {
    const url = new URL(location);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return `${location.split('//')[0]}//…`;
  }
}

/** The database's name from the URL's path (`postgres://host/corpus` → corpus), or undefined when none is given. */
export function databaseName(location: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(location).pathname.replace(/^\//, ''));
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}
