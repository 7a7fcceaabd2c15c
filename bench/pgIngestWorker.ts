/**
 * One ingest worker of the scale benchmark (a child process)
 * ==========================================================
 *
 * `tsx bench/pgIngestWorker.ts URL FIRST END ENTITIES` adds the synthetic
 * articles FIRST … END−1 (bench/corpusStore.ts's, each from its own seed,
 * so an article is the same whichever worker writes it) through the store's
 * own writes (`addDatasets`, one transaction per article), as `ingest`
 * does, and prints the number added. Several run at once on one database.
 */

import type { Dataset } from '../src/model/schema.ts';
import { seededRandom } from '../src/model/seededRandom.ts';
import { PostgresCorpusStore } from '../src/store/postgres/postgresStore.ts';
import { syntheticArticle } from './corpusStore.ts';

const [url, first, end, entities] = process.argv.slice(2);
if (url === undefined || first === undefined || end === undefined || entities === undefined) {
  console.error('usage: tsx bench/pgIngestWorker.ts URL FIRST END ENTITIES');
  process.exit(2);
}
const store = await PostgresCorpusStore.open(url, { create: false });
let added = 0;
for (let start = Number(first); start < Number(end); start += 25) {
  const batch: Dataset[] = [];
  for (let i = start; i < Math.min(Number(end), start + 25); i++) batch.push(syntheticArticle(i, Number(entities), seededRandom(i + 1)));
  const report = await store.addDatasets(batch, { ingestedAt: '2025-01-01T00:00:00Z' });
  if (report.failed.length > 0) throw report.failed[0]!.error;
  added += report.documentsAdded;
}
await store.close();
console.log(added);
