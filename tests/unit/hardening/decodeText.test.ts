/**
 * Issue #11, hardening round 2 — text decoding.
 *
 * Every text format (CSV, dataset JSON, graphology JSON, GEXF, GraphML, .txt
 * articles) is read as bytes and decoded in one place: valid UTF-8 as UTF-8
 * (a BOM dropped); anything else (a Latin-1 / Windows-1252 export from an old
 * spreadsheet) byte by byte as Windows-1252, with a warning that names the
 * file, where the first such byte is and the fix. Before this, such a file
 * became U+FFFD replacement characters without a word.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../src/cli/command.ts';
import { runCli } from '../../../src/cli/main.ts';
import { decodeText } from '../../../src/graph/formats/decodeText.ts';
import { formatProblem } from '../../../src/model/index.ts';
import { readFileText } from '../../../src/ui/data/readFileText.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('passes valid UTF-8 through unchanged, without a warning, and drops a UTF-8 byte-order mark', () => {
    expect(decodeText(utf8('Société Générale – 東京 🙂'), 'a.csv')).toEqual({ text: 'Société Générale – 東京 🙂', warnings: [] });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...ascii('a,b')), 'a.csv')).toEqual({ text: 'a,b', warnings: [] });
    expect(decodeText(bytes(), 'empty.csv')).toEqual({ text: '', warnings: [] });
  });

  it('reads a Latin-1 / Windows-1252 file as Windows-1252 and says where and how to fix it', () => {
    // "source,type,target\nSoci\xe9t\xe9 G\xe9n\xe9rale,sanctioned,\x93Russia\x94 \x80\n"
    const latin1 = bytes(...ascii('source,type,target\nSoci'), 0xe9, ...ascii('t'), 0xe9, ...ascii(',sanctioned,'), 0x93, ...ascii('Russia'), 0x94, 0x20, 0x80, 0x0a);
    const { text, warnings } = decodeText(latin1, 'old.csv');
    expect(text).toBe('source,type,target\nSociété,sanctioned,“Russia” €\n');
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({ code: 'invalid-value', line: 2, column: 5 });
    expect(warning!.message).toContain('old.csv');
    expect(warning!.message).toContain('0xE9');
    expect(warning!.message).toMatch(/Windows-1252/);
    expect(warning!.fix).toMatch(/save the file as UTF-8/i);
    expect(formatProblem(warning!)).toMatch(/^line 2, column 5: /);
  });

  it('keeps valid UTF-8 around a stray Windows-1252 byte (a file pasted together from two sources)', () => {
    const mixed = bytes(...utf8('Genève – '), 0x93, ...ascii('quoted'), 0x94, ...utf8(' 🙂'));
    const { text, warnings } = decodeText(mixed, 'mixed.txt');
    expect(text).toBe('Genève – “quoted” 🙂');
    // Line and column count UTF-16 code units of the decoded line, like every other message.
    expect(warnings[0]).toMatchObject({ line: 1, column: 10 });
    expect(warnings[0]!.message).toContain('2 bytes');
  });

  it('counts columns on the line of the first bad byte, after CRLF line ends', () => {
    const { warnings } = decodeText(bytes(...ascii('a\r\nbc\r\nxyz'), 0xff), 'f.csv');
    expect(warnings[0]).toMatchObject({ line: 3, column: 4 });
  });

  it('leaves UTF-16 and binary files (NUL bytes) to the loaders, which say "UTF-16" or "binary" as before', () => {
    const utf16 = new Uint8Array(readFileSync(new URL('../../fixtures/bad/utf16.json', import.meta.url)));
    const decoded = decodeText(utf16, 'utf16.json');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.text.startsWith('\ufffd\ufffd')).toBe(true);
    const png = new Uint8Array(readFileSync(new URL('../../fixtures/bad/binary.png', import.meta.url)));
    expect(decodeText(png, 'binary.png').warnings).toEqual([]);
  });

  it('is the identity on the UTF-8 encoding of any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const body = text.replace(/^\uFEFF/, '');
        expect(decodeText(utf8(body), 'p.txt')).toEqual({ text: body, warnings: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and decodes any byte string as UTF-8 runs and Windows-1252 bytes (property)', () => {
    // Node's own 'windows-1252' TextDecoder is ISO-8859-1 (0x80 → U+0080), not the WHATWG mapping: spell 0x80–0x9F out.
    const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
    const win1252 = { decode: (input: Uint8Array) => [...input].map((b) => (b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : String.fromCharCode(b))).join('') };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (input) => {
        const { text, warnings } = decodeText(input, 'p.bin');
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          valid = false;
        }
        if (valid || input.includes(0)) {
          expect(warnings).toEqual([]);
        } else {
          expect(warnings).toHaveLength(1);
          // A file with no valid multi-byte UTF-8 at all reads exactly as Windows-1252.
          if (!/[\u0080-\uffff]/.test(new TextDecoder('utf-8').decode(input).replace(/\ufffd/g, ''))) {
            expect(text).toBe(win1252.decode(input));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('reading a Latin-1 file from the command line', () => {
  const LATIN1_CSV = new URL('../../fixtures/formats/latin1-spreadsheet.csv', import.meta.url);

  function diskIO(): { io: CommandIO; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    const io: CommandIO = {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      readFile: (path) => readFileSync(path, 'utf8'),
      readBytes: (path) => readFileSync(path),
      writeFile: () => {
        throw new Error('not in this test');
      },
    };
    return { io, out: () => out, err: () => err };
  }

  it('the fixture really is Latin-1 (not valid UTF-8)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(LATIN1_CSV))).toThrow();
  });

  it('import: the accents come through and stderr says which byte, where, and to save as UTF-8', async () => {
    const { io, out, err } = diskIO();
    const path = LATIN1_CSV.pathname;
    expect(await runCli(['import', path, '--to', 'dataset'], io)).toBe(0);
    const dataset = JSON.parse(out()) as { entities: { label: string }[]; documents: { text: string }[] };
    expect(dataset.entities.map((e) => e.label)).toContain('Société Générale');
    expect(dataset.entities.map((e) => e.label)).toContain('Zürich');
    expect(JSON.stringify(dataset)).not.toContain('\ufffd');
    expect(dataset.documents.map((d) => d.text).join('\n')).toContain('“sanctions”');
    expect(err()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: warning: line 2, column 5: .*not valid UTF-8.*Windows-1252.*Fix: save the file as UTF-8`, 'm'));
  });

  it('export and merge warn too, once per file', async () => {
    const { io, err } = diskIO();
    expect(await runCli(['export', LATIN1_CSV.pathname, '--format', 'dataset'], io)).toBe(0);
    expect(err().match(/not valid UTF-8/g)).toHaveLength(1);
  });

  it('validate and stats of a Latin-1 dataset JSON read it and warn', async () => {
    const json = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8').replace(/"title": "[^"]*"/, '"title": "Gen\u00e8ve"');
    const latin1 = new Uint8Array([...json].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
    let err = '';
    const io: CommandIO = {
      stdout: () => {},
      stderr: (text) => void (err += text),
      readFile: () => new TextDecoder().decode(latin1),
      readBytes: () => latin1,
      writeFile: () => {},
    };
    await runCli(['validate', 'seed-latin1.json'], io);
    expect(err).toMatch(/^seed-latin1\.json: warning: line \d+, column \d+: .*not valid UTF-8/m);
  });

  it('extract reads a Latin-1 article and warns', async () => {
    const article = 'Le pr\u00e9sident Emmanuel Macron a rencontr\u00e9 Olaf Scholz \u00e0 Paris.\n';
    const latin1 = new Uint8Array([...article].map((c) => c.charCodeAt(0)));
    let out = '';
    let err = '';
    const io: CommandIO = {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      readFile: () => new TextDecoder().decode(latin1),
      readBytes: () => latin1,
      writeFile: () => {},
    };
    expect(await runCli(['extract', 'article.txt'], io)).toBe(0);
    expect(out).toContain('a rencontr\u00e9 Olaf Scholz');
    expect(err).toMatch(/^article\.txt: warning: line 1, column 6: .*not valid UTF-8/m);
  });
});

describe('reading a dropped or picked file in the browser', () => {
  it('decodes a Latin-1 File as Windows-1252 with the warning, and UTF-8 as it is', async () => {
    const latin1 = new File([bytes(...ascii('Gen'), 0xe8, ...ascii('ve'))], 'old.txt');
    expect(await readFileText(latin1)).toMatchObject({ text: 'Genève', warnings: [{ line: 1, column: 4 }] });
    const good = new File([utf8('\uFEFFGenève')], 'good.csv');
    expect(await readFileText(good)).toEqual({ text: 'Genève', warnings: [] });
  });
});
