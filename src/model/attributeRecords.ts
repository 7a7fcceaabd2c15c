/**
 * Attribute records, keys kept exactly
 * ====================================
 *
 * Attributes carry other tools' columns under whatever names those tools
 * chose, so a key may be `__proto__` or `constructor`. JSON.parse makes such
 * a key an own property like any other; an assignment `record[key] = value`
 * would instead call the `__proto__` setter (the key is lost, the record's
 * prototype changed), and zod's records skip `__proto__` and refuse an object
 * whose `constructor` key holds a string. So attribute records are read and
 * written here, with own data properties only, and nothing reads a user key
 * through the prototype chain.
 */

export type AttributeValue = string | number | boolean | null;
export type Attributes = Record<string, AttributeValue>;

/** A JSON object: not an array, not a class instance. Reads no user-controlled property (unlike a `constructor` check). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What an attribute may hold: what zod's `string | number | boolean | null` accepts (finite numbers). */
export function isAttributeValue(value: unknown): value is AttributeValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** `record[key] = value` as an own data property, even for `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

/** The own value at `key`, never an inherited one (`record.constructor` of a record without that key is Object). */
export function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export type AttributesCheck = { ok: true; attributes: Attributes } | { ok: false; notARecord: boolean; bad: Array<{ key: string; value: unknown }> };

/** A fresh copy of `value` as attributes (own enumerable keys, in order), or what is wrong with it. */
export function readAttributes(value: unknown): AttributesCheck {
  if (!isPlainRecord(value)) return { ok: false, notARecord: true, bad: [] };
  const attributes: Attributes = {};
  const bad: Array<{ key: string; value: unknown }> = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (isAttributeValue(item)) setOwn(attributes, key, item);
    else bad.push({ key, value: item });
  }
  return bad.length === 0 ? { ok: true, attributes } : { ok: false, notARecord: false, bad };
}
