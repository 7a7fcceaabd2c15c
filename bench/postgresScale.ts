/**
 * Benchmark: the corpus store on PostgreSQL, 10⁵ to 10⁷ relations
 * ===============================================================
 *
 * `npm run bench -- --postgres` (not part of CI; about an hour at full
 * size). For each size (NEWSGRAPH_BENCH_PG_SCALES, default
 * 100000,1000000,10000000 relations) it makes a database `ngbench_<size>`
 * on the server named by NEWSGRAPH_BENCH_POSTGRES (else
 * NEWSGRAPH_TEST_POSTGRES; a URL whose role may create databases),
 * bulk-loads a synthetic corpus with COPY (pgBulkLoad.ts,
 * syntheticNews.ts), and times what the explorer asks through the real
 * store (`PostgresCorpusStore`, the answer assembled as the server sends
 * it), p50 and p95 over many questions, warm (each kind asked once first):
 *
 *  - a 1-hop neighbourhood of a random entity (most have few relations, as
 *    in news) and of the 20 best connected (hubs), at the explorer's
 *    default limit of 2,000 relations;
 *  - a 2-hop neighbourhood of a random entity inside a 30-day window;
 *  - an evidence search for a topic word (in about 1 sentence in 2,000)
 *    and for "accused" (in 1 sentence in 16).
 *
 * Then parallel ingest through the store's own writes (`addDatasets`, as
 * `ingest` writes): 1, 2 and 4 worker processes sharing 240 articles (of 100 relations each) on
 * a fresh database, articles per second.
 *
 * NEWSGRAPH_BENCH_PG_REUSE=1 keeps a database already loaded at a size (its
 * load figures are kept in its `meta`), to time queries again without
 * reloading. The databases are left on the server (`DROP DATABASE` them).
 * Figures: the table (bench/results.json) and bench/postgres-scale.json
 * (table sizes, degrees) for docs/scaling.md.
 */

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { CORPUS_LIMITS, SubgraphQuerySchema } from '../src/model/corpusApi.ts';
import { seededRandom } from '../src/model/seededRandom.ts';
import { PostgresCorpusStore } from '../src/store/postgres/postgresStore.ts';
import { row, timeEach, type BenchRow } from './measure.ts';
import { bulkLoad } from './pgBulkLoad.ts';
import { DAYS, FIRST_DAY, TOPICS } from './syntheticNews.ts';

const QUERIES = 200;
const INGEST_ARTICLES = 240;

function serverUrl(): string {
  const url = process.env.NEWSGRAPH_BENCH_POSTGRES ?? process.env.NEWSGRAPH_TEST_POSTGRES;
  if (url === undefined) {
    throw new Error(
      'bench --postgres: no server. Fix: start one (`pg_ctlcluster 15 main start`) and set NEWSGRAPH_BENCH_POSTGRES=postgres://USER:PASSWORD@localhost:5432/postgres (a role that may create databases)',
    );
  }
  return url;
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const exists = (server: string, name: string) =>
  admin(server, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

async function freshDatabase(server: string, name: string): Promise<string> {
  await admin(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = databaseUrl(server, name);
  // The store makes the schema: the loaded database is exactly what newsgraph opens.
  await (await PostgresCorpusStore.open(url, { create: true })).close();
  return url;
}

interface ScaleFigures {
  relations: number;
  documents: number;
  entities: number;
  sentences: number;
  load: { copySeconds: number; indexSeconds: number; analyzeSeconds: number; databaseBytes: number; tableBytes: Record<string, number> };
  degrees: { max: number; p99: number; median: number; hubShare: number };
  latency: Record<string, { p50: number; p95: number; max: number }>;
  /** Random 1-hop questions per second, by clients asking at once. */
  throughput: Record<number, number>;
  indexBytes: Record<string, number>;
}

async function loadOrReuse(server: string, relations: number, log: (line: string) => void): Promise<{ url: string; load: ScaleFigures['load'] }> {
  const name = `ngbench_${relations}`;
  const url = databaseUrl(server, name);
  if (process.env.NEWSGRAPH_BENCH_PG_REUSE === '1' && (await exists(server, name))) {
    const held = await admin(url, async (client) => (await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'bench_load'")).rows[0]?.value);
    if (held !== undefined) {
      log(`  reusing ${name}`);
      return { url, load: JSON.parse(held) as ScaleFigures['load'] };
    }
  }
  await freshDatabase(server, name);
  const figures = await bulkLoad(url, relations, log);
  const load = { copySeconds: figures.copySeconds, indexSeconds: figures.indexSeconds, analyzeSeconds: figures.analyzeSeconds, databaseBytes: figures.databaseBytes, tableBytes: Object.fromEntries(figures.tableBytes) };
  await admin(url, (client) => client.query("INSERT INTO meta (key, value) VALUES ('bench_load', $1)", [JSON.stringify(load)]));
  return { url, load };
}

async function measureScale(server: string, relations: number, log: (line: string) => void): Promise<ScaleFigures> {
  const { url, load } = await loadOrReuse(server, relations, log);
  const store = await PostgresCorpusStore.open(url, { create: false });
  try {
    const sql = store.connection;
    const counts = (await sql.row<{ documents: number; entities: number; sentences: number; relations: number }>(
      'SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM sentences)::int AS sentences, (SELECT count(*) FROM relations)::int AS relations',
    ))!;
    const degrees = (await sql.row<{ max: number; p99: number; median: number; hub_share: number }>(
      `SELECT max(degree)::int AS max, percentile_disc(0.99) WITHIN GROUP (ORDER BY degree)::int AS p99, percentile_disc(0.5) WITHIN GROUP (ORDER BY degree)::int AS median,
         (SELECT sum(degree) FROM (SELECT degree FROM entities ORDER BY degree DESC LIMIT 20) t)::float8 / (2 * ${counts.relations}) AS hub_share
       FROM entities WHERE degree > 0`,
    ))!;

    // Questions: entities drawn uniformly among those with relations; hubs apart.
    const ask = seededRandom(7);
    const sample = Array.from({ length: QUERIES * 2 }, () => 1 + Math.floor(ask() * counts.entities));
    const ids = (await sql.rows<{ id: string }>('SELECT id FROM entities WHERE pk = ANY(?::bigint[]) AND degree > 0 ORDER BY pk', sample)).map((r) => r.id);
    const hubs = (await sql.rows<{ id: string }>('SELECT id FROM entities ORDER BY degree DESC, pk LIMIT 20')).map((r) => r.id);
    const at = <T>(list: readonly T[], i: number) => list[Math.max(0, i) % list.length]!;
    const windows = Array.from({ length: QUERIES }, () => {
      const start = new Date(Date.parse(FIRST_DAY) + Math.floor(ask() * (DAYS - 30)) * 86_400_000);
      return { since: start.toISOString().slice(0, 10), until: new Date(start.getTime() + 29 * 86_400_000).toISOString().slice(0, 10) };
    });
    const words = Array.from({ length: QUERIES }, () => TOPICS[Math.floor(ask() * TOPICS.length)]!);
    const latency: ScaleFigures['latency'] = {};
    const time = async (name: string, count: number, question: (i: number) => Promise<unknown>) => {
      latency[name] = await timeEach(count, question);
      log(`  ${name}: p50 ${latency[name]!.p50.toFixed(1)} ms, p95 ${latency[name]!.p95.toFixed(1)} ms`);
    };
    await time('1-hop, random entity', QUERIES, (i) => store.subgraph(SubgraphQuerySchema.parse({ entity: at(ids, i), hops: '1' })));
    await time('1-hop, top-20 hubs', hubs.length, (i) => store.subgraph(SubgraphQuerySchema.parse({ entity: at(hubs, i), hops: '1' })));
    await time('2-hop, random entity, 30-day window', QUERIES / 2, (i) => store.subgraph(SubgraphQuerySchema.parse({ entity: at(ids, i), hops: '2', ...at(windows, i) })));
    await time('2-hop, random entity', QUERIES / 2, (i) => store.subgraph(SubgraphQuerySchema.parse({ entity: at(ids, i), hops: '2' })));
    await time('evidence search, a topic word', QUERIES, (i) => store.search(at(words, i), CORPUS_LIMITS.searchDefault));
    await time('evidence search, "accused" (1 sentence in 16)', 20, () => store.search('accused', CORPUS_LIMITS.searchDefault));

    // Throughput: random 1-hop questions from 1 and from 4 clients at once (the store's pool holds 4 connections).
    const throughput: Record<number, number> = {};
    for (const clients of [1, 4]) {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let i = next++; i < QUERIES; i = next++) await store.subgraph(SubgraphQuerySchema.parse({ entity: at(ids, i + 1), hops: '1' }));
        }),
      );
      throughput[clients] = QUERIES / ((performance.now() - started) / 1000);
      log(`  1-hop throughput, ${clients} client(s): ${throughput[clients]!.toFixed(0)} questions/s`);
    }
    const indexBytes = Object.fromEntries(
      (await sql.rows<{ name: string; bytes: string }>(`SELECT relname AS name, pg_relation_size(oid) AS bytes FROM pg_class WHERE relkind = 'i' AND relnamespace = 'public'::regnamespace`)).map((r) => [r.name, Number(r.bytes)]),
    );
    return {
      throughput,
      indexBytes,
      ...counts,
      load,
      degrees: { max: degrees.max, p99: degrees.p99, median: degrees.median, hubShare: degrees.hub_share },
      latency,
    };
  } finally {
    await store.close();
  }
}

function runWorker(url: string, first: number, end: number, entities: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./pgIngestWorker.ts', import.meta.url).pathname, url, String(first), String(end), String(entities)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`ingest worker exited ${code}`))));
  });
}

/** Articles per second through the store's own writes with `workers` processes at once. */
async function parallelIngest(server: string, workers: number): Promise<number> {
  const url = await freshDatabase(server, `ngbench_ingest_${workers}`);
  const share = INGEST_ARTICLES / workers;
  const started = performance.now();
  const added = await Promise.all(Array.from({ length: workers }, (_, w) => runWorker(url, w * share, (w + 1) * share, INGEST_ARTICLES * 6)));
  const seconds = (performance.now() - started) / 1000;
  if (added.reduce((a, b) => a + b, 0) !== INGEST_ARTICLES) throw new Error(`parallel ingest: ${added.join('+')} articles added, ${INGEST_ARTICLES} expected`);
  await admin(server, (client) => client.query(`DROP DATABASE "ngbench_ingest_${workers}" WITH (FORCE)`));
  return INGEST_ARTICLES / seconds;
}

const sizeLabel = (n: number) => `10^${Math.round(Math.log10(n))} relations`;

export async function benchPostgresScale(): Promise<BenchRow[]> {
  const server = serverUrl();
  const scales = (process.env.NEWSGRAPH_BENCH_PG_SCALES ?? '100000,1000000,10000000').split(',').map(Number);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const rows: BenchRow[] = [];
  const figures: ScaleFigures[] = [];
  let base: ScaleFigures | undefined;
  for (const relations of scales) {
    log(`postgres: ${relations.toLocaleString('en-US')} relations`);
    const f = await measureScale(server, relations, log);
    figures.push(f);
    base ??= f;
    const size = `${sizeLabel(f.relations)} (${(f.documents / 1000).toFixed(0)}k articles)`;
    const seconds = f.load.copySeconds + f.load.indexSeconds + f.load.analyzeSeconds;
    rows.push(
      row({ section: 'postgres', size, metric: 'bulk load (COPY, indexes, VACUUM ANALYZE)', unit: 'relations/s', value: f.relations / seconds }),
      row({ section: 'postgres', size, metric: 'database size per relation', unit: 'bytes', value: f.load.databaseBytes / f.relations }),
    );
    for (const [name, l] of Object.entries(f.latency)) {
      const goal = name === '1-hop, random entity' && f.relations >= 10_000_000 ? { budget: '< 100 ms', withinBudget: l.p95 < 100 } : {};
      rows.push(
        row({ section: 'postgres', size, metric: `${name} p50`, unit: 'ms', value: l.p50, ...(f === base ? {} : { baselineName: sizeLabel(base.relations), baseline: base.latency[name]!.p50 }) }),
        row({ section: 'postgres', size, metric: `${name} p95`, unit: 'ms', value: l.p95, ...(f === base ? {} : { baselineName: sizeLabel(base.relations), baseline: base.latency[name]!.p95 }), ...goal }),
      );
    }
    rows.push(row({ section: 'postgres', size, metric: '1-hop throughput, 4 clients at once', unit: 'questions/s', value: f.throughput[4]!, baselineName: '1 client', baseline: f.throughput[1]! }));
  }
  const ingest: Record<number, number> = {};
  for (const workers of [1, 2, 4]) {
    log(`postgres: parallel ingest, ${workers} worker(s)`);
    ingest[workers] = await parallelIngest(server, workers);
    rows.push(
      row({ section: 'postgres', size: `${INGEST_ARTICLES} articles of 100 relations`, metric: `ingest through the store, ${workers} worker process(es)`, unit: 'articles/s', value: ingest[workers]!, ...(workers === 1 ? {} : { baselineName: '1 worker', baseline: ingest[1]! }) }),
    );
  }
  writeFileSync(new URL('./postgres-scale.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), scales: figures, ingest }, null, 2) + '\n');
  return rows;
}
