/**
 * Ingest's inputs on real files in a temporary folder: text and markdown
 * (titles, front matter, the text kept), JSON Lines (good lines go on, each
 * bad line one failure naming FILE:LINE and the fix), folders (recursive,
 * sorted, dotfiles and other kinds skipped, each file once, a link loop
 * harmless), graph files read lazily through import's readers, and bytes
 * decoded as every command decodes them.
 */

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { collectFiles } from '../../../src/ingest/inputs/collectFiles.ts';
import { readArticleLine } from '../../../src/ingest/inputs/jsonLines.ts';
import { readInputs } from '../../../src/ingest/inputs/readInputs.ts';
import { readTextArticle } from '../../../src/ingest/inputs/textArticle.ts';
import type { IngestFailure, IngestUnit } from '../../../src/ingest/inputs/types.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'newsgraph-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let counter = 0;
beforeEach(() => {
  dir = join(root, `case-${counter++}`);
  mkdirSync(dir);
});

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function read(paths: string[]): { units: IngestUnit[]; failures: IngestFailure[]; warnings: string[] } {
  const failures: IngestFailure[] = [];
  const warnings: string[] = [];
  const units = readInputs(paths, { failure: (f) => failures.push(f), warning: (w) => warnings.push(w) });
  return { units, failures, warnings };
}

const articles = (units: IngestUnit[]) => units.map((u) => (u.kind === 'article' ? u.article : undefined));

describe('text and markdown articles', () => {
  it('takes a short first line as the title and keeps the whole text', () => {
    expect(readTextArticle('a.txt', '\n\nEU sanctions Iran\n\nThe European Union imposed sanctions on Iran.\n\n', false)).toEqual({
      title: 'EU sanctions Iran',
      text: 'EU sanctions Iran\n\nThe European Union imposed sanctions on Iran.',
    });
  });

  it('falls back to the file name when the first line is too long for a headline', () => {
    const long = `${'The European Union imposed sanctions on Iran. '.repeat(6)}`;
    expect(readTextArticle('news/eu-iran.txt', long, false).title).toBe('eu-iran');
  });

  it('reads front matter (quoted or not, other keys ignored) and leaves it out of the text', () => {
    const text = '---\ntitle: "EU widens sanctions"\nurl: https://example.org/eu\nsource: Demo Wire\npublished: 2024-03-01\nauthor: someone\n---\n\nThe European Union imposed sanctions on Iran.\n';
    expect(readTextArticle('a.md', text, true)).toEqual({
      title: 'EU widens sanctions',
      url: 'https://example.org/eu',
      source: 'Demo Wire',
      published: '2024-03-01',
      text: 'The European Union imposed sanctions on Iran.',
    });
  });

  it('takes a markdown heading (ATX or setext) as the title, out of the text', () => {
    expect(readTextArticle('a.md', '# EU sanctions Iran #\n\nThe European Union imposed sanctions on Iran.', true)).toEqual({
      title: 'EU sanctions Iran',
      text: 'The European Union imposed sanctions on Iran.',
    });
    expect(readTextArticle('a.md', 'EU sanctions Iran\n=================\nThe European Union imposed sanctions on Iran.', true).title).toBe('EU sanctions Iran');
    // In a .txt file a "#" line is text.
    expect(readTextArticle('a.txt', '# EU sanctions Iran\nThe European Union imposed sanctions on Iran.', false).text).toMatch(/^# EU/);
  });

  it('refuses what cannot be an article, with the fix', () => {
    expect(() => readTextArticle('a.md', '---\ntitle: x\nno end', true)).toThrow(/front matter opened by "---" on line 1 is never closed\. Fix: /);
    expect(() => readTextArticle('a.md', '---\npublished: 2023-02-30\n---\nText.', true)).toThrow(/"published: 2023-02-30" in the front matter is not a real date\. Fix: write it as an ISO 8601 date/);
    expect(() => readTextArticle('a.md', '---\ntitle x\n---\nText.', true)).toThrow(/line 2 of the front matter is not "key: value"/);
    expect(() => readTextArticle('a.txt', ' \n\n', false)).toThrow(/no article text\. Fix: /);
    expect(() => readTextArticle('a.txt', 'a\u0000b', false)).toThrow(/not a text file \(it contains NUL bytes\)/);
  });

  it('decodes a Windows-1252 file with a warning naming it, as every command does', () => {
    const path = write('latin.txt', Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' talks\nFrance held talks with Germany.')]));
    const { units, warnings, failures } = read([path]);
    expect(failures).toEqual([]);
    expect(articles(units)[0]?.title).toBe('Café talks');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: warning: line 1, column 4: .*not valid UTF-8`));
  });
});

describe('JSON Lines', () => {
  it('reads every good line and fails each bad one alone, naming FILE:LINE and the fix', () => {
    const path = write(
      'feed.jsonl',
      [
        JSON.stringify({ title: 'One', text: 'France held talks with Germany.', url: 'https://example.org/1', source: 'Demo Wire', published: '2024-01-02', extra: 1 }),
        '',
        '{"title": "Two", "text": ',
        JSON.stringify({ title: 'Three' }),
        JSON.stringify({ text: 'Iran and Qatar met in Doha.', published: '2024-13-01' }),
        '[1, 2]',
        JSON.stringify({ text: 'Japan urged China to return to negotiations.\nMore text.' }),
      ].join('\n'),
    );
    const { units, failures } = read([path]);
    expect(articles(units)).toEqual([
      { title: 'One', text: 'France held talks with Germany.', url: 'https://example.org/1', source: 'Demo Wire', published: '2024-01-02' },
      { title: 'Japan urged China to return to negotiations.', text: 'Japan urged China to return to negotiations.\nMore text.' },
    ]);
    expect(units.map((u) => u.origin)).toEqual([`${path}:1`, `${path}:7`]);
    expect(failures.map((f) => f.origin)).toEqual([`${path}:3`, `${path}:4`, `${path}:5`, `${path}:6`]);
    expect(failures[0]!.reason).toMatch(/^not valid JSON \(.*\)\. Fix: write one JSON object per line/);
    expect(failures[1]!.reason).toMatch(/^field "text" is missing\. Fix: /);
    expect(failures[2]!.reason).toMatch(/^field "published" is not a real date \(got "2024-13-01"\)\. Fix: write it as/);
    expect(failures[3]!.reason).toMatch(/^expected a JSON object, got an array\. Fix: /);
  });

  it('reads a "__proto__" or "constructor" key as data, never as a prototype', () => {
    const article = readArticleLine('{"__proto__": {"text": "injected"}, "constructor": "x", "text": "Real text."}', 'f:1');
    expect(article).toEqual({ title: 'Real text.', text: 'Real text.' });
    expect(() => readArticleLine('{"__proto__": {"text": "injected"}}', 'f:1')).toThrow(/field "text" is missing/);
  });

  it('names a wrong field type', () => {
    expect(() => readArticleLine('{"text": "x", "url": 3}', 'f:1')).toThrow(/field "url" must be a string \(got 3\)/);
    expect(() => readArticleLine('{"text": ""}', 'f:1')).toThrow(/field "text" must be the article as a non-empty string/);
  });
});

describe('folders and paths', () => {
  it('reads folders recursively in code-point order, skipping dotfiles and other kinds, each file once', () => {
    const a = write('b/z.txt', 'Z\nFrance held talks with Germany.');
    write('b/A.md', '# A\nFrance held talks with Spain.');
    write('a.jsonl', `${JSON.stringify({ text: 'Japan met China.' })}\n`);
    write('.hidden.txt', 'hidden');
    write('.git/config.txt', 'hidden');
    write('b/photo.png', 'not read');
    write('b/notes.docx', 'not read');
    symlinkSync(dir, join(dir, 'b', 'loop'));
    const { files, failures } = collectFiles([dir, a]);
    expect(failures).toEqual([]);
    expect(files.map((f) => [f.path.slice(dir.length + 1), f.kind])).toEqual([
      ['a.jsonl', 'jsonl'],
      ['b/A.md', 'markdown'],
      ['b/z.txt', 'text'],
    ]);
  });

  it('fails a folder with nothing to read, but not a folder named twice', () => {
    write('empty/.hidden.txt', 'hidden');
    write('empty/photo.png', 'x');
    const full = write('full/a.txt', 'A\nFrance held talks with Germany.');
    const { files, failures } = collectFiles([join(dir, 'empty'), join(dir, 'full'), join(dir, 'full')]);
    expect(files.map((f) => f.path)).toEqual([full]);
    expect(failures).toEqual([{ origin: join(dir, 'empty'), reason: expect.stringMatching(/^this folder holds no file ingest reads \(\.txt, \.text, \.md.*\)\. Fix: /) }]);
  });

  it('fails a missing path and a named file of another kind, and goes on', () => {
    const good = write('good.txt', 'Good\nFrance held talks with Germany.');
    const other = write('doc.pdf', '%PDF');
    const { units, failures } = read([join(dir, 'missing.txt'), other, good]);
    expect(units.map((u) => u.origin)).toEqual([good]);
    expect(failures).toEqual([
      { origin: join(dir, 'missing.txt'), reason: expect.stringMatching(/^no such file or directory\. Fix: check the spelling/) },
      { origin: other, reason: expect.stringMatching(/^ingest does not read files of this kind\. Fix: give \.txt or \.md articles, \.jsonl/) },
    ]);
  });

  it('reads graph files only when loaded, through the readers import uses', async () => {
    const graphml = join(dir, 'networkx.graphml');
    copyFileSync(join(FIXTURES, 'networkx.graphml'), graphml);
    const csv = join(dir, 'latin1.csv');
    copyFileSync(join(FIXTURES, 'latin1-spreadsheet.csv'), csv);
    const broken = write('broken.json', JSON.stringify({ version: 1, documents: [], entities: [{ id: 'a', label: 'A', type: 'planet', aliases: [], mentions: [] }], relations: [{ id: 'r' }] }));
    const { units, failures, warnings } = read([dir]);
    expect(failures).toEqual([]);
    expect(units.map((u) => [u.kind, u.origin])).toEqual([
      ['dataset', broken],
      ['dataset', csv],
      ['dataset', graphml],
    ]);
    expect(warnings).toEqual([]);
    const loaded = await Promise.allSettled(units.map((u) => (u.kind === 'dataset' ? u.load() : Promise.reject(new Error('not a dataset')))));
    expect(loaded[0]!.status).toBe('rejected');
    expect(loaded[1]).toMatchObject({ status: 'fulfilled', value: { relations: expect.any(Array) } });
    expect(loaded[2]).toMatchObject({ status: 'fulfilled', value: { relations: expect.any(Array) } });
    expect(warnings.some((w) => w.startsWith(`${csv}: warning: `) && /not valid UTF-8/.test(w))).toBe(true);
    expect(warnings.some((w) => w.startsWith(`${graphml}: warning: `))).toBe(true);
  });
});
