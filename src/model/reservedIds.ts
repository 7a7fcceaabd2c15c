/**
 * Ids that no graph library can hold
 * ==================================
 *
 * graphology keeps each node's neighbours in plain objects keyed by node key,
 * and sigma its caches in plain objects keyed by node and edge key. A key
 * that every object already carries — `__proto__`, `constructor`,
 * `toString` … (the own properties of `Object.prototype`) — reads the
 * inherited value where those libraries expect "nothing yet": graphology then
 * links an edge into `Object.prototype` itself (`Object.prototype.previous`,
 * after which every export overflows the stack) or crashes. So these names
 * are refused as ids wherever ids come in — validation, every importer
 * before it builds a graph, buildGraph — with a problem that says how to
 * rename; every other id, `prototype` included, works and is kept exactly.
 * (Attribute *keys* have no such limit: see attributeRecords.ts.)
 */

import type { Problem } from './errors.ts';
import { NewsgraphError } from './errors.ts';

/** ECMAScript's own properties of Object.prototype, plus any a runtime adds (they would break the libraries alike). */
const RESERVED: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

export function isReservedId(id: string): boolean {
  return RESERVED.has(id);
}

/** `entities[0].id: the id "__proto__" is a name every JavaScript object already has … Fix: rename the id, e.g. "__proto__-1", …`. */
export function reservedIdProblem(path: string, id: string, kind: string): Problem {
  return {
    code: 'reserved-id',
    path,
    message: `the ${kind} ${JSON.stringify(id)} is a name every JavaScript object already has (like "__proto__", "constructor" or "toString"), which the graph libraries cannot hold as a key`,
    fix: `rename the ${kind}, e.g. ${JSON.stringify(`${id}-1`)}, and every reference to it`,
    value: id,
  };
}

/** Thrown by code that is handed an unvalidated dataset with such an id (buildGraph): before the graph library sees it. */
export class ReservedIdError extends NewsgraphError {
  override name = 'ReservedIdError';
  constructor(
    readonly where: string,
    readonly id: string,
  ) {
    super(`${where}: the id ${JSON.stringify(id)} is a name every JavaScript object already has, which the graph libraries cannot hold as a key. Fix: validate the dataset first; rename the id, e.g. ${JSON.stringify(`${id}-1`)}`);
  }
}
