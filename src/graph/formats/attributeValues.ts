/**
 * Attribute values other tools wrote
 * ==================================
 *
 * How the graph readers (ownGraph.ts, foreignGraph.ts) turn the values a file
 * holds into dataset values: JSON carried as text (XML formats) or as itself
 * (graphology JSON), flags written as "true"/"False"/1, alias lists, and every
 * attribute newsgraph has no field for, kept under its own name.
 *
 * Attribute names are other tools' and kept exactly, `__proto__` included
 * (written as own properties, never by assignment); a value nested past
 * `maxNestingDepth` is refused rather than walked (model/limits.ts).
 */

import { DEFAULT_LIMITS, nestedTooDeep, nestsDeeperThan, setOwn, type Attributes, type Problem } from '../../model/index.ts';

/** A JSON-carrying column: a string in XML formats, the value itself in graphology JSON. */
export function decodeJsonValue(value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** An attribute value other tools wrote, as one the dataset can hold (lists and objects as JSON text). */
function toAttributeValue(value: unknown): string | number | boolean | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Keeps another tool's attribute in `extra` under its own name (`__proto__`
 * included, as an own property); a value nested past the limit — JSON.stringify
 * would overflow the stack on it — is a problem instead.
 */
export function keepAttribute(extra: Attributes, name: string, value: unknown, where: string, problems: Problem[]): void {
  if (typeof value === 'object' && value !== null && nestsDeeperThan(value, DEFAULT_LIMITS.maxNestingDepth)) {
    problems.push(nestedTooDeep(`${where} › ${name}`, DEFAULT_LIMITS.maxNestingDepth));
    return;
  }
  const kept = toAttributeValue(value);
  if (kept !== undefined) setOwn(extra, name, kept);
}

/** Every attribute of `attrs` not consumed and not `skip`ped, kept in `extra` (an attribute already there wins). */
export function keepRemaining(
  extra: Attributes,
  attrs: Readonly<Record<string, unknown>>,
  consumed: ReadonlySet<string>,
  skip: (name: string) => boolean,
  where: string,
  problems: Problem[],
): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (consumed.has(name) || skip(name) || Object.hasOwn(extra, name)) continue;
    keepAttribute(extra, name, value, where, problems);
  }
}

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(key)) return true;
    if (['false', 'no', '0'].includes(key)) return false;
  }
  return undefined;
}

/** Aliases as other tools write them: a list, JSON text of one, or names separated by `|`. */
export function aliasesFrom(value: unknown): string[] {
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    let parsed: unknown;
    if (trimmed.startsWith('[')) {
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        parsed = undefined;
      }
    }
    list = Array.isArray(parsed) ? parsed : trimmed.split('|');
  } else return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const alias = item.trim();
    if (alias && !out.includes(alias)) out.push(alias);
  }
  return out;
}

/** A non-empty text value of `attrs[name]` (own property only), else undefined. */
export function textAttribute(attrs: Readonly<Record<string, unknown>>, name: string): string | undefined {
  if (!Object.hasOwn(attrs, name)) return undefined;
  const value = attrs[name];
  return typeof value === 'string' && value.trim() ? value : undefined;
}
