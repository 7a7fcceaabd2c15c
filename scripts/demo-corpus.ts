/**
 * Writes the demo corpus: data/demo-corpus/articles.jsonl
 * =======================================================
 *
 * 300 fictional news articles (scripts/demoArticles.ts: templates, invented
 * people and outlets, example.org links; nothing copied), one JSON object per
 * line, the format `newsgraph ingest` reads. Deterministic: running it again
 * writes the same bytes. Build the corpus from it with `npm run demo:corpus`.
 *
 *   npx tsx scripts/demo-corpus.ts [COUNT]
 */

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoJsonLines, generateDemoArticles } from './demoArticles.ts';

const DEMO_ARTICLES = 300;
const DEMO_FILE = fileURLToPath(new URL('../data/demo-corpus/articles.jsonl', import.meta.url));

const count = Number(process.argv[2] ?? DEMO_ARTICLES);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write(`demo-corpus: COUNT must be a whole number of 1 or more (got "${process.argv[2]}")\n`);
  process.exit(2);
}
const text = demoJsonLines(generateDemoArticles(count));
mkdirSync(new URL('../data/demo-corpus/', import.meta.url), { recursive: true });
// Through a temporary file, so an interrupted run never leaves half a corpus.
const temporary = `${DEMO_FILE}.tmp`;
writeFileSync(temporary, text);
renameSync(temporary, DEMO_FILE);
process.stdout.write(`wrote ${DEMO_FILE} (${count} articles, ${Buffer.byteLength(text).toLocaleString('en-US')} bytes)\n`);
