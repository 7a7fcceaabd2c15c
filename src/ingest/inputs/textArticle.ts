/**
 * A text or markdown file → one article
 * =====================================
 *
 * Rules (the README's "ingest" section says the same):
 *  - front matter: a file (text or markdown) may open with a block between
 *    two `---` lines of `key: value` pairs; `title`, `url`, `source` (the
 *    outlet) and `published` (ISO 8601) are read, other keys ignored, values
 *    may be quoted. The block is not part of the article's text;
 *  - title, when the front matter gives none: in markdown, a first-line
 *    heading (`# Title`, or `Title` over `===`), which is then left out of the
 *    text; otherwise the first non-blank line, when at most 200 characters
 *    (a headline), kept in the text; otherwise the file's name;
 *  - the text is the rest, blank lines at its start and white space at its
 *    end removed; markdown is otherwise taken as plain text.
 */

import type { ArticleInput } from '../../extract/extractDataset.ts';
import { DEFAULT_LIMITS, formatCount } from '../../model/limits.ts';
import { isPublished, PUBLISHED_FORMAT } from '../../model/published.ts';
import { InputProblem } from './types.ts';

export const MAX_TITLE_LINE = 200;

const FRONT_MATTER_KEYS = ['title', 'url', 'source', 'published'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

/** `notes/eu-iran.md` → `eu-iran`. */
export function fileTitle(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, '') || name;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0]) return trimmed.slice(1, -1);
  return trimmed;
}

/** Splits off a leading `---` block; `lines` are the file's lines. */
function readFrontMatter(lines: string[]): { fields: Map<FrontMatterKey, string>; bodyStart: number } {
  const fields = new Map<FrontMatterKey, string>();
  if (lines[0]?.trim() !== '---') return { fields, bodyStart: 0 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) throw new InputProblem('the front matter opened by "---" on line 1 is never closed', 'end it with a line "---", or remove the first line');
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new InputProblem(`line ${i + 1} of the front matter is not "key: value"`, 'write each line of the front matter as key: value (title, url, source, published)');
    const key = line.slice(0, colon).trim().toLowerCase();
    if ((FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      const value = unquote(line.slice(colon + 1));
      if (value !== '') fields.set(key as FrontMatterKey, value);
    }
  }
  return { fields, bodyStart: end + 1 };
}

/** The markdown heading on `lines[start]` (ATX `# T` or setext `T` / `===`), and the line after it. */
function markdownHeading(lines: string[], start: number): { title: string; next: number } | undefined {
  const line = lines[start] ?? '';
  const atx = /^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
  if (atx) return { title: atx[1]!.trim(), next: start + 1 };
  if (line.trim() !== '' && /^=+[ \t]*$/.test(lines[start + 1] ?? '')) return { title: line.trim(), next: start + 2 };
  return undefined;
}

export function readTextArticle(path: string, content: string, markdown: boolean): ArticleInput {
  if (content.includes('\u0000')) throw new InputProblem('this is not a text file (it contains NUL bytes)', 'save the article as plain UTF-8 text (.txt or .md)');
  const lines = content.split('\n').map((line) => line.replace(/\r$/, ''));
  const { fields, bodyStart } = readFrontMatter(lines);
  let start = bodyStart;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  let title = fields.get('title');
  const heading = markdown ? markdownHeading(lines, start) : undefined;
  if (heading) {
    title ??= heading.title;
    start = heading.next;
  }
  // Offsets into the original lines: join them back with the line endings they had.
  const text = content
    .split('\n')
    .slice(start)
    .join('\n')
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .trimEnd();
  if (text === '') throw new InputProblem('the file has no article text', 'put the article’s text in the file (after any front matter or heading)');
  if (text.length > DEFAULT_LIMITS.maxDocumentLength) {
    throw new InputProblem(
      `the text has ${formatCount(text.length)} characters, more than the ${formatCount(DEFAULT_LIMITS.maxDocumentLength)} a newsgraph document holds`,
      'split it into several files (for example one per section)',
    );
  }
  if (title === undefined) {
    const first = text.split('\n', 1)[0]!.trim();
    title = first.length > 0 && first.length <= MAX_TITLE_LINE ? first : fileTitle(path);
  }
  const published = fields.get('published');
  if (published !== undefined && !isPublished(published)) {
    throw new InputProblem(`"published: ${published}" in the front matter is not a real date`, `write it as ${PUBLISHED_FORMAT}`);
  }
  const url = fields.get('url');
  const source = fields.get('source');
  return {
    text,
    title,
    ...(url !== undefined ? { url } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(published !== undefined ? { published } : {}),
  };
}
