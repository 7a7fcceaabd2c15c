/**
 * Loading JSON text: what is wrong before the text is a dataset (empty,
 * binary, UTF-16, too large, not JSON) is reported with a code, a line and
 * column and a fix, and thrown as DatasetParseError by parseDatasetJson.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDatasetJson,
  DatasetParseError,
  DatasetValidationError,
  findJsonSyntaxError,
  lineColumnAt,
  parseDatasetJson,
  utf8ByteLength,
  type Problem,
} from '../../../src/model/index.ts';
import { smallDataset } from '../../fixtures/bad/generate.ts';

const seedText = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8');
const smallText = JSON.stringify(smallDataset(), null, 2);

function parseProblem(text: string): Problem {
  const result = checkDatasetJson(text);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.stage).toBe('parse');
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
}

describe('checkDatasetJson: not JSON', () => {
  it('reports a trailing comma at its line and column', () => {
    const text = '{\n  "version": 1,\n  "documents": [],\n}';
    const problem = parseProblem(text);
    expect(problem).toMatchObject({ code: 'invalid-json', path: '', line: 3, column: 18 });
    expect(problem.message).toContain('trailing comma before "}"');
    expect(text.split('\n')[2]![17]).toBe(',');
  });

  it('reports a missing comma where the next field starts', () => {
    const problem = parseProblem('{\n  "version": 1\n  "documents": []\n}');
    expect(problem).toMatchObject({ code: 'invalid-json', line: 3, column: 3 });
    expect(problem.fix).toContain('comma is probably missing');
  });

  it('explains a truncated file as truncated, at its end', () => {
    const cut = seedText.slice(0, 2_000).replace(/"[^"]*$/, ''); // cut between two values
    const problem = parseProblem(cut);
    expect(problem.code).toBe('invalid-json');
    expect(problem.message).toContain('truncated');
    expect({ line: problem.line, column: problem.column }).toEqual(lineColumnAt(cut, cut.length));
  });

  it('names comments, single quotes, unquoted names, NaN and raw line breaks', () => {
    expect(parseProblem('{ // note\n}').message).toContain('comments are not allowed');
    expect(parseProblem("{'version': 1}").message).toContain('double quotes, not single quotes');
    expect(parseProblem('{version: 1}').fix).toBe('write the field name as "version"');
    expect(parseProblem('{"version": NaN}').message).toContain('NaN');
    expect(parseProblem('{"title": "two\nlines"}').message).toContain('line break inside a string');
    expect(parseProblem('{}{}').message).toContain('after the end of the JSON value');
  });

  it('counts columns after CRLF line breaks from the line start', () => {
    const problem = parseProblem('{\r\n  "a": 1,\r\n}');
    expect(problem).toMatchObject({ line: 2, column: 9 });
  });

  it('accepts a UTF-8 byte-order mark and keeps positions in the original text', () => {
    expect(checkDatasetJson(`\ufeff${smallText}`).ok).toBe(true);
    expect(parseProblem('\ufeff{,}')).toMatchObject({ line: 1, column: 3 });
  });
});

describe('checkDatasetJson: not text', () => {
  it('empty-file for empty and blank text', () => {
    expect(parseProblem('').code).toBe('empty-file');
    expect(parseProblem(' \n\t').code).toBe('empty-file');
  });

  it('binary-file for NUL bytes, naming UTF-16 when it looks like it', () => {
    const png = parseProblem('\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    expect(png.code).toBe('binary-file');
    expect(png.message).toContain('binary');
    const utf16 = parseProblem(`\ufffd\ufffd${[...'{"version"'].map((c) => `${c}\u0000`).join('')}`);
    expect(utf16.code).toBe('binary-file');
    expect(utf16.fix).toContain('UTF-8');
  });

  it('limit-exceeded for text over maxFileBytes, counted in UTF-8 bytes', () => {
    expect(utf8ByteLength('aé🦊')).toBe(1 + 2 + 4);
    // 612 characters but 1,212 bytes: the limit is on bytes, as file sizes are.
    const accented = JSON.stringify({ title: 'é'.repeat(600) });
    const bytes = checkDatasetJson(accented, { limits: { maxFileBytes: 1_000 } });
    expect(bytes.ok === false && bytes.problems[0]!.code).toBe('limit-exceeded');
    const roomy = checkDatasetJson(accented, { limits: { maxFileBytes: 2_000 } });
    expect(roomy.ok ? [] : roomy.problems.map((p) => p.code)).not.toContain('limit-exceeded');
    const result = checkDatasetJson(smallText, { limits: { maxFileBytes: 1_000 } });
    expect(result.ok === false && result.problems[0]).toMatchObject({ code: 'limit-exceeded', path: '' });
    expect(result.ok === false && result.problems[0]!.message).toContain('(maxFileBytes)');
  });
});

describe('parseDatasetJson', () => {
  it('returns the dataset when valid', () => {
    expect(parseDatasetJson(smallText).entities).toHaveLength(3);
  });

  it('throws DatasetParseError with the file, code and position', () => {
    let caught: unknown;
    try {
      parseDatasetJson('{"version": 1,}', 'broken.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetParseError);
    const error = caught as DatasetParseError;
    expect(error.code).toBe('invalid-json');
    expect(error.path).toBe('');
    expect(error.file).toBe('broken.json');
    expect(error.problems[0]).toMatchObject({ line: 1, column: 14 });
    expect(error.message).toMatch(/^broken\.json: not a valid newsgraph dataset, 1 problem:\n {2}- line 1, column 14: not valid JSON: trailing comma/);
  });

  it('throws DatasetValidationError for well-formed JSON that breaks the contract', () => {
    expect(() => parseDatasetJson('{"version": 1, "documents": [], "entities": [], "relations": [], "titel": "x"}', 'x.json')).toThrow(DatasetValidationError);
  });

  it('keeps accepting a bare message from importers of other formats', () => {
    const error = new DatasetParseError('graph.gexf: no <graph> element. Fix: re-export it.', 'graph.gexf');
    expect(error.message).toBe('graph.gexf: no <graph> element. Fix: re-export it.');
    expect(error.structured).toBe(false);
    expect(error.problems).toHaveLength(1);
  });
});

describe('findJsonSyntaxError agrees with JSON.parse', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('on arbitrary JSON, re-serialized with any spacing (no false alarms)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, space) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, space))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on mangled JSON: it finds an error exactly when JSON.parse fails, at an offset inside the text', () => {
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ',', '}', ']', '"', ':', "'", '\\', '\n', '/', '0', 'x', ' '))
      .map(([json, at, cut, insert]) => {
        const i = json.length === 0 ? 0 : at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + cut);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        const error = findJsonSyntaxError(text);
        expect(error === undefined).toBe(parses(text));
        if (error) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('on every prefix of a real dataset file', () => {
    for (let end = 0; end < smallText.length; end += 7) {
      const text = smallText.slice(0, end);
      expect(findJsonSyntaxError(text) === undefined, JSON.stringify(text.slice(-20))).toBe(parses(text));
    }
  });
});
