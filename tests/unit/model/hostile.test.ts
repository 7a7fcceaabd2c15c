/**
 * The hostile-strings fixture other engineers' browser tests load: it must be
 * a valid dataset (so it reaches the renderer), contain every hostile string
 * where a renderer shows it, and have exact offsets.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spanText, validateDataset, type Dataset } from '../../../src/model/index.ts';
import { HOSTILE_STRINGS, hostileDataset } from '../../fixtures/hostile/generate.ts';
import { fixtureJson } from './fixtureBuilder.ts';

const fileText = readFileSync(new URL('../../fixtures/hostile/hostile-dataset.json', import.meta.url), 'utf8');
const dataset = JSON.parse(fileText) as Dataset;

describe('hostile-dataset.json', () => {
  it('is what the generator writes (regenerate with npx tsx tests/fixtures/hostile/generate.ts)', () => {
    expect(fileText).toBe(fixtureJson(hostileDataset()));
  });

  it('is a valid dataset', () => {
    const result = validateDataset(dataset);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('carries each hostile string in labels, article text, attributes and ids', () => {
    const text = dataset.documents[0]!.text;
    const labels = dataset.entities.map((e) => e.label);
    for (const key of ['script', 'img', 'jsUrl', 'bidi', 'longToken', 'quotes', 'emoji'] as const) {
      expect(labels, key).toContain(HOSTILE_STRINGS[key]);
      expect(text.includes(HOSTILE_STRINGS[key]), key).toBe(true);
    }
    expect(dataset.entities.map((e) => e.id)).toContain(HOSTILE_STRINGS.hostileId);
    expect(dataset.documents[0]!.source).toBe('javascript:alert(1)');
    const attributeValues = dataset.entities.flatMap((e) => Object.values(e.attributes ?? {}));
    expect(attributeValues).toContain(HOSTILE_STRINGS.jsUrl);
    expect(attributeValues).toContain(HOSTILE_STRINGS.script);
    expect(attributeValues.some((v) => typeof v === 'string' && v.includes('\u202e'))).toBe(true);
    expect(HOSTILE_STRINGS.longToken).toHaveLength(5_000);
    expect(/\s/.test(HOSTILE_STRINGS.longToken)).toBe(false);
  });

  it('has exact offsets: every mention quotes a name, every evidence span a whole line', () => {
    const text = dataset.documents[0]!.text;
    for (const entity of dataset.entities) {
      for (const mention of entity.mentions) expect([entity.label, ...entity.aliases]).toContain(spanText(text, mention));
    }
    for (const relation of dataset.relations) {
      for (const evidence of relation.evidence) {
        expect(text[evidence.start - 1] ?? '\n').toBe('\n');
        expect(text[evidence.end]).toBe('\n');
      }
    }
  });
});
