/**
 * `newsgraph serve` as a user runs it: a real child process on a free port,
 * over a real corpus file, serving a small stand-in for the built app
 * (`--dist`, so this test does not wait for a 30-second vite build; the
 * browser tests serve the real build). Every endpoint, every refusal; on
 * both corpus backends (a SQLite file, a PostgreSQL database).
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as VITE_POLICY } from '../../../vite.config.ts';
import { ApiErrorSchema, CorpusInfoSchema, DocumentsPageSchema, SearchResponseSchema, SubgraphResponseSchema } from '../../../src/model/corpusApi.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/server/headers.ts';
import { redactUrl } from '../../../src/store/postgres/url.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, testCorpora } from '../store/backends.ts';
import { smallCorpus } from '../store/corpusFixtures.ts';
import { runServe, startServe, type ServeProcess } from './serveProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-test-'));
const dist = join(dir, 'dist');
const INDEX = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>newsgraph</title>\n  </head>\n  <body><div id="root"></div><script type="module" src="/assets/app.js"></script></body>\n</html>\n';

let server: ServeProcess;

beforeAll(() => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  writeFileSync(join(dist, 'assets', 'app.css'), 'body { margin: 0 }\n');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, '.env'), 'SECRET=1\n');
  writeFileSync(join(dir, 'outside.txt'), 'outside the app\n');
  symlinkSync(join(dir, 'outside.txt'), join(dist, 'assets', 'link.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** A raw HTTP request: the path goes out exactly as written (fetch would normalise `..`). */
function get(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const json = async (path: string) => {
  const answer = await get(path);
  expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(200);
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(answer.text) as unknown;
};

const validSubgraph = (value: unknown) => {
  const response = SubgraphResponseSchema.parse(value);
  const checked = validateDataset(response.dataset);
  expect(checked.ok, JSON.stringify(checked.ok ? '' : checked.problems.slice(0, 2))).toBe(true);
  return checked.ok ? checked.dataset : expect.fail('invalid dataset');
};

/** A refusal: the status and one line of ApiError naming the fix. */
const refused = async (path: string, status: number, pattern: RegExp, method = 'GET') => {
  const answer = await get(path, { method });
  expect(answer.status, `${method} ${path}`).toBe(status);
  if (method === 'HEAD') return answer;
  const error = ApiErrorSchema.parse(JSON.parse(answer.text)).error;
  expect(error).not.toContain('\n');
  expect(error).toMatch(/Fix: /);
  expect(error).toMatch(pattern);
  return answer;
};

describe.each(BACKENDS)('%s', (backend) => {
const corpus = testCorpora(backend);
let db: string;

beforeAll(async () => {
  const c = await corpus();
  // The SQLite file is named corpus.db, so its title is "corpus".
  db = backend === 'sqlite' ? join(dir, 'corpus.db') : c.location;
  const store = backend === 'sqlite' ? SqliteCorpusStore.open(db, { create: true }) : c.store;
  for (const dataset of smallCorpus()) await store.addDataset(dataset);
  await store.close();
  if (backend === 'sqlite') await c.store.close();
  server = await startServe(db, ['--dist', dist]);
  return () => server.stop();
}, 90_000);

describe('starting', () => {
  it('prints the corpus and the URL on loopback with the port it got', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toMatch(/:0\/$/);
    expect(server.stdout()).toContain(`newsgraph serve: ${backend === 'sqlite' ? db : redactUrl(db)} (4 articles, 7 entities, 7 relations) at ${server.url}`);
    await expect.poll(() => server.stdout()).toContain('Press Ctrl+C to stop.');
  });
});

describe('the API', () => {
  it('/api/corpus', async () => {
    expect(CorpusInfoSchema.parse(await json('/api/corpus'))).toMatchObject({ api: 1, title: backend === 'sqlite' ? 'corpus' : new URL(db).pathname.slice(1), documents: 4 });
  });

  it('/api/overview', async () => {
    const dataset = validSubgraph(await json('/api/overview?limit=5'));
    expect(dataset.entities.length).toBeGreaterThanOrEqual(5);
  });

  it('/api/neighbourhood with every parameter', async () => {
    const dataset = validSubgraph(await json('/api/neighbourhood?entity=Biden&hops=2&types=met-with,leader-of&since=2023-01-01&until=2023-12-31&text=kyiv&limit=50'));
    expect(dataset.relations.map((r) => r.type)).toEqual(['met-with']);
    const plain = validSubgraph(await json(`/api/neighbourhood?entity=${encodeURIComponent('Joe Biden')}`));
    expect(plain.relations).toHaveLength(2);
  });

  it('/api/evidence', async () => {
    const ids = validSubgraph(await json('/api/neighbourhood?entity=putin')).relations.map((r) => r.id);
    const dataset = validSubgraph(await json(`/api/evidence?relations=${ids.map(encodeURIComponent).join(',')}`));
    expect(dataset.relations.map((r) => r.id)).toEqual(ids);
  });

  it('/api/search', async () => {
    const result = SearchResponseSchema.parse(await json('/api/search?q=warrant&limit=5'));
    expect(result.evidence[0]!.type).toBe('issued-warrant');
    expect(SearchResponseSchema.parse(await json('/api/search?q=zel')).entities[0]!.id).toBe('volodymyr-zelensky');
  });

  it('/api/documents and /api/documents/ID', async () => {
    const page = DocumentsPageSchema.parse(await json('/api/documents?offset=1&limit=2'));
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(page.documents.map((d) => d.id)).toEqual(['june', 'march']);
    const inWindow = DocumentsPageSchema.parse(await json('/api/documents?since=2023-03-01&until=2023-06-30'));
    expect([inWindow.total, inWindow.documents.map((d) => d.id)]).toEqual([2, ['june', 'march']]);
    const dataset = validSubgraph(await json('/api/documents/march'));
    expect(dataset.documents).toHaveLength(1);
    expect(dataset.documents[0]).toMatchObject({ id: 'march', url: 'https://news.example/march', published: '2023-03-17', source: 'Wire' });
  });

  it('gzips JSON for a client that accepts it, and sends no CORS header to another origin', async () => {
    const answer = await get('/api/neighbourhood?entity=Biden&hops=2', { headers: { 'Accept-Encoding': 'gzip, deflate', Origin: 'https://evil.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    validSubgraph(JSON.parse(answer.text));
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});

describe('refusals: one line with the fix', () => {
  it.each([
    ['/api/neighbourhood?entity=Biden&hops=3', /parameter "hops".*got "3".*hops=1 or hops=2/],
    ['/api/neighbourhood?entity=Biden&limit=abc', /parameter "limit"/],
    ['/api/neighbourhood?entity=Biden&limit=100000', /parameter "limit": must be 10000 or less \(got "100000"\)/],
    ['/api/neighbourhood?entity=Biden&since=2023-02-30', /parameter "since".*YYYY-MM-DD/],
    ['/api/neighbourhood?entity=Biden&types=allied', /parameter "types"/],
    ['/api/neighbourhood?hops=1', /^parameter "entity": .*\(missing\)\. Fix: give an entity id or name/],
    ['/api/neighbourhood?entity=Biden&entity=Putin', /parameter "entity" is given twice/],
    ['/api/neighbourhood?entity=Biden&__proto__=1', /unknown parameter "__proto__" \(this endpoint takes entity, hops/],
    ['/api/neighbourhood?entity=Zelensky&text=%3F%21', /no word to search for/],
    ['/api/evidence', /parameter "relations".*missing/],
    ['/api/evidence?relations=,,', /must name a relation/],
    ['/api/search?q=%20%20', /parameter "q"/],
    ['/api/documents?offset=-1', /parameter "offset"/],
    ['/api/documents?since=2023-02-30', /parameter "since"/],
    ['/api/overview?limit=501', /must be 500 or less/],
    ['/api/corpus?x=1', /unknown parameter "x" \(this endpoint takes none\)/],
    ['/api/neighbourhood?entity=Jordan%20X%20Y', /no entity/],
  ])('%s', async (path, pattern) => {
    const status = pattern.source.includes('no entity') ? 404 : 400;
    await refused(path, status, pattern);
  });

  it('an unknown entity is a 404 with the closest names', async () => {
    await refused('/api/neighbourhood?entity=Bidne', 404, /did you mean "Joe Biden"/);
  });

  it('unknown relations, documents and endpoints are 404s', async () => {
    await refused('/api/evidence?relations=nope', 404, /no relation "nope"/);
    await refused('/api/documents/nope', 404, /no document with this id/);
    await refused('/api/documents/__proto__', 404, /no document/);
    await refused('/api/__proto__', 404, /no API endpoint/);
    await refused('/api/constructor', 404, /no API endpoint/);
    await refused('/api/admin', 404, /no API endpoint/);
  });

  it('anything but GET and HEAD is a 405 naming the methods allowed', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await refused('/api/corpus', 405, /only reads/, method);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
    await refused('/', 405, /only reads/, 'POST');
  });

  it('serves nothing outside the app and the API: traversal, dotfiles and symlinks out are 404s', async () => {
    for (const path of [
      '/../package.json',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fcorpus.db',
      '/assets/%2e%2e/%2e%2e/corpus.db',
      '/..%5c..%5ccorpus.db',
      '/.env',
      '/%2eenv',
      '/assets/link.txt',
      '/assets/',
      '/assets',
      '/nothing-here.html',
      '/index.html%00.js',
      '/%ff',
      '//etc/passwd',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toContain('SECRET');
      expect(answer.text).not.toContain('outside the app');
      expect(answer.text).not.toContain('SQLite');
    }
  });

  it('answers only requests addressed to loopback (no DNS rebinding)', async () => {
    const answer = await get('/api/corpus', { headers: { Host: 'evil.example' } });
    expect(answer.status).toBe(421);
    expect((await get('/api/corpus', { headers: { Host: `localhost:${new URL(server.url).port}` } })).status).toBe(200);
  });
});

describe('the app', () => {
  it('serves index.html with the corpus meta tag first in <head>, the CSP the app is built for, and security headers', async () => {
    const answer = await get('/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.text).toMatch(/<head>\s*<meta name="newsgraph-corpus" content="api\/">\s*<meta charset="UTF-8" \/>/);
    expect(answer.text.match(/newsgraph-corpus/g)).toHaveLength(1);
    expect((await get('/index.html')).text).toContain('<meta name="newsgraph-corpus" content="api/">');
    expect(answer.headers['content-security-policy']).toBe(VITE_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(VITE_POLICY); // one policy: vite.config.ts re-exports this one
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types, gzipped when accepted, cached forever under assets/', async () => {
    const js = await get('/assets/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.text).toContain('console.log');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await get('/api/corpus', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(0);
    expect(answer.body.length).toBe(0);
  });
});

describe('starting and stopping', () => {
  it('stops cleanly on SIGTERM (exit 0)', async () => {
    const other = await startServe(db, ['--dist', dist]);
    expect((await get('/api/corpus')).status).toBe(200);
    expect(await other.stop()).toBe(0);
  }, 90_000);

  it('refuses a missing corpus, a file that is not one, a missing app and a bad port, each in one line', async () => {
    // Started together: each is a tsx start-up.
    const [missing, notCorpus, noApp, badPort, noDb] = await Promise.all([
      runServe(['--db', join(dir, 'none.db'), '--dist', dist]),
      runServe(['--db', join(dir, 'outside.txt'), '--dist', dist]),
      runServe(['--db', db, '--port', '0', '--dist', join(dir, 'no-dist')]),
      runServe(['--db', db, '--port', '70000']),
      runServe([]),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`no corpus at ${join(dir, 'none.db')}. Fix: build one with \`newsgraph ingest ARTICLES… --db ${join(dir, 'none.db')}\`, or give --db the path of an existing corpus\n`);
    expect(notCorpus.code).toBe(1);
    expect(notCorpus.stderr).toMatch(/^\S+outside\.txt is not a newsgraph corpus \(it is not a SQLite database\)\. Fix: .*\n$/);
    expect(noApp.code).toBe(1);
    expect(noApp.stderr).toMatch(/^the explorer app is not built \(no .*no-dist\/index\.html\)\. Fix: run `npm run build` first.*\n$/);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port needs a whole number from 0 to 65535');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('give the corpus with --db FILE');
  }, 120_000);

  it('says plainly when it listens beyond this machine', async () => {
    const open = await startServe(db, ['--dist', dist, '--host', '0.0.0.0']);
    expect(open.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    await expect.poll(() => open.stderr()).toContain('listening on 0.0.0.0, not only this machine: anyone who can reach it can read the corpus');
    expect(await open.stop()).toBe(0);
  }, 90_000);
});
});
