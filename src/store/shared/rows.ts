/**
 * Reading JSON columns
 * ====================
 *
 * Aliases, external ids and attributes are stored as JSON text. Read back
 * here, defensively (a corpus file can be edited by other tools): a value of
 * the wrong shape reads as empty rather than reaching the app. `JSON.parse`
 * makes every key an own property, `__proto__` included, so attribute keys
 * survive exactly (attributeRecords.ts).
 */

import { isAttributeValue, isPlainRecord, setOwn, type Attributes } from '../../model/attributeRecords.ts';

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function parseStringList(text: string): string[] {
  const value = parse(text);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}

export function parseStringRecord(text: string): Map<string, string> {
  const value = parse(text);
  const map = new Map<string, string>();
  if (isPlainRecord(value)) for (const key of Object.keys(value)) if (typeof value[key] === 'string') map.set(key, value[key]);
  return map;
}

export function parseAttributes(text: string | null): Attributes | undefined {
  const value = parse(text);
  if (!isPlainRecord(value)) return undefined;
  const attributes: Attributes = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (isAttributeValue(item)) setOwn(attributes, key, item);
  }
  return attributes;
}
