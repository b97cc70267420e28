import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { EXIT } from '../../src/cli/io.js';
import { type FetchOptions, USER_AGENT } from '../../src/ingest/fetch.js';
import { isProblem, type ReadItem, readDocuments } from '../../src/ingest/read.js';
import { RobotsCache } from '../../src/ingest/robots.js';
import type { Document } from '../../src/model/document.js';
import { runCli, tempDir } from '../helpers.js';

const ARTICLE =
  '<!doctype html><html><head><title>Harbour strike ends</title></head><body><p>Dock workers ended a nine-day strike on Friday.</p></body></html>';
const FEED =
  '<?xml version="1.0"?><rss><channel><title>Portville Post</title><item><title>A</title><description>First item text.</description></item><item><title>B</title><description>Second item text.</description></item></channel></rss>';

/** Every request the test server saw, by path, to check what was (not) fetched. */
const seen: Array<{ path: string; userAgent: string | undefined }> = [];
const open = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  seen.push({ path, userAgent: req.headers['user-agent'] });
  const html = (body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/robots.txt':
      res.writeHead(200, { 'content-type': 'text/plain' });
      // RFC 9309: the group naming this crawler applies instead of `*`, so /others-only is allowed for us.
      return void res.end(
        'User-agent: *\nDisallow: /private/\nDisallow: /others-only\n\nUser-agent: triangulate\nDisallow: /private/\nDisallow: /no-robots-for-us\n',
      );
    case '/article':
      html(ARTICLE);
      return;
    case '/latin1':
      res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
      return void res.end(Buffer.from('<html><body><p>Caf\xe9 on the quay reopened.</p></body></html>', 'latin1'));
    case '/gzipped':
      html(gzipSync(ARTICLE), { 'content-encoding': 'gzip' });
      return;
    case '/bomb':
      // 16 MB of zeros compress to about 16 KB: the decoded size, not the wire size, must hit the cap.
      html(gzipSync(Buffer.alloc(16 * 1024 * 1024)), { 'content-encoding': 'gzip' });
      return;
    case '/moved':
      res.writeHead(301, { location: '/article' });
      return void res.end();
    case '/loop-a':
      res.writeHead(302, { location: '/loop-b' });
      return void res.end();
    case '/loop-b':
      res.writeHead(302, { location: '/loop-a' });
      return void res.end();
    case '/to-private':
      res.writeHead(302, { location: '/private/page' });
      return void res.end();
    case '/pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return void res.end('%PDF-1.7 not really');
    case '/feed':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return void res.end(FEED);
    case '/slow':
      // Headers, then silence: only the total timeout ends this.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Starting');
      open.add(res);
      return;
    case '/huge':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(1024 * 1024 * 1024) });
      res.write('<html>');
      open.add(res);
      return;
    default:
      if (/^\/chain\/\d$/.test(path)) {
        res.writeHead(302, { location: `/chain/${Number(path.slice(-1)) + 1}` });
        return void res.end();
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
  }
}

const server = createServer(route);
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  server.close();
});

const LOCAL: FetchOptions = { allowPrivate: true, totalTimeoutMs: 2000, connectTimeoutMs: 1000 };

async function fetchAll(paths: string[], fetch: FetchOptions = LOCAL, limits = {}): Promise<{ docs: Document[]; problems: Exclude<ReadItem, Document>[] }> {
  const docs: Document[] = [];
  const problems: Exclude<ReadItem, Document>[] = [];
  for await (const item of readDocuments(paths, { fetch, limits })) {
    if (isProblem(item)) problems.push(item);
    else docs.push(item);
  }
  return { docs, problems };
}

test('a page is fetched with the project User-Agent; its final URL and HTTP charset become hints', async () => {
  const { docs, problems } = await fetchAll([`${base}/article`, `${base}/latin1`, `${base}/gzipped`]);
  assert.deepEqual(problems, []);
  const [article, latin1, gzipped] = docs;
  assert.equal(article?.raw, ARTICLE);
  const { captured, ...hints } = article?.hints ?? {};
  assert.deepEqual(hints, { url: `${base}/article`, charset: 'utf-8' });
  assert.match(captured ?? '', /^\d{4}-\d{2}-\d{2}T/);
  assert.deepEqual(article?.source, { kind: 'url', path: `${base}/article`, url: `${base}/article` });
  assert.match(latin1?.raw ?? '', /Café on the quay/);
  assert.equal(gzipped?.raw, ARTICLE);
  assert.ok(seen.filter((s) => s.path === '/article').every((s) => s.userAgent === USER_AGENT));
});

test('redirects are followed to the final URL; a loop and a long chain are refused', async () => {
  const { docs, problems } = await fetchAll([`${base}/moved`, `${base}/loop-a`, `${base}/chain/0`]);
  assert.equal(docs.length, 1);
  assert.equal(docs[0]?.hints.url, `${base}/article`);
  assert.equal(docs[0]?.source.path, `${base}/moved`);
  assert.equal(problems[0]?.reason, `redirect loop: ${base}/loop-a → ${base}/loop-b → ${base}/loop-a`);
  assert.match(problems[1]?.reason ?? '', /^more than 5 redirects: /);
});

test('a non-HTML response, a 404 and a huge Content-Length are refused without downloading the body', async () => {
  const started = performance.now();
  const { docs, problems } = await fetchAll([`${base}/pdf`, `${base}/missing`, `${base}/huge`]);
  assert.equal(docs.length, 0);
  assert.deepEqual(
    problems.map((p) => p.reason),
    ['not HTML: the server sent application/pdf', 'HTTP 404 Not Found', 'Content-Length 1.0 GB is over the 16.0 MB limit; not downloaded'],
  );
  // The huge response never ends; refusing it must not wait for the 2 s timeout.
  assert.ok(performance.now() - started < 1500);
});

test('a decompression bomb stops at the size cap', async () => {
  const { problems } = await fetchAll([`${base}/bomb`], LOCAL, { maxFileBytes: 1024 * 1024 });
  assert.deepEqual(
    problems.map((p) => p.reason),
    ['response is over the 1.0 MB limit; stopped reading'],
  );
});

test('a slow server times out with a clear problem and the next URL is still read', async () => {
  const { docs, problems } = await fetchAll([`${base}/slow`, `${base}/article`], { ...LOCAL, totalTimeoutMs: 300 });
  assert.deepEqual(
    problems.map((p) => [p.path, p.reason]),
    [[`${base}/slow`, 'timed out after 300 ms']],
  );
  assert.equal(docs.length, 1);
});

test('robots.txt is honoured (fetched once per host), also for a redirect target', async () => {
  const robotsBefore = seen.filter((s) => s.path === '/robots.txt').length;
  const { docs, problems } = await fetchAll([
    `${base}/private/page`,
    `${base}/no-robots-for-us`,
    `${base}/to-private`,
    `${base}/others-only`,
    `${base}/article`,
  ]);
  assert.equal(docs.length, 1);
  assert.deepEqual(
    problems.map((p) => p.reason),
    [
      `disallowed by ${base}/robots.txt for triangulate`,
      `disallowed by ${base}/robots.txt for triangulate`,
      `disallowed by ${base}/robots.txt for triangulate`,
      'HTTP 404 Not Found',
    ],
  );
  assert.equal(seen.filter((s) => s.path === '/robots.txt').length - robotsBefore, 1);
  assert.ok(!seen.some((s) => s.path === '/private/page' || s.path === '/no-robots-for-us'));
});

test('without --allow-private, loopback hosts are refused before any connection, by IP literal or by name', async () => {
  const count = seen.length;
  const port = new URL(base).port;
  const { docs, problems } = await fetchAll([`${base}/article`, `http://localhost:${port}/article`, `http://[::1]:${port}/article`], {});
  assert.equal(docs.length, 0);
  assert.deepEqual(
    problems.map((p) => p.reason),
    [
      'refused: 127.0.0.1 is a loopback address (use --allow-private to fetch it)',
      `refused: localhost is at ${problems[1]?.reason.match(/at (\S+),/)?.[1]}, a loopback address (use --allow-private to fetch it)`,
      'refused: ::1 is a loopback address (use --allow-private to fetch it)',
    ],
  );
  assert.equal(seen.length, count, 'the server saw no request at all');
});

test('a feed URL is read item by item; a URL list names file and line for each failure', async () => {
  const dir = tempDir();
  const list = join(dir, 'reading.urls');
  writeFileSync(list, `# morning reading\n${base}/article\n\n${base}/missing\nnot a url\nftp://example.test/x\n${base}/feed\n`);
  const { docs, problems } = await fetchAll([list]);
  assert.deepEqual(
    docs.map((d) => [d.source.kind, d.source.path, d.source.line]),
    [
      ['url', `${base}/article`, undefined],
      ['feed', `${base}/feed`, 1],
      ['feed', `${base}/feed`, 2],
    ],
  );
  assert.equal(docs[1]?.hints.outlet, 'Portville Post');
  assert.deepEqual(
    problems.map((p) => [p.path, p.line, p.reason]),
    [
      [list, 4, `${base}/missing: HTTP 404 Not Found`],
      [list, 5, 'not a url: not a valid URL: "not a url"'],
      [list, 6, 'ftp://example.test/x: unsupported URL scheme "ftp:" (http and https only)'],
    ],
  );
});

test('robots.txt answers follow RFC 9309: 4xx allows all, 5xx or unreachable disallows all, a guard refusal is passed on', async () => {
  const page = new URL('https://news.example/story');
  const verdict = (answer: Awaited<ReturnType<ConstructorParameters<typeof RobotsCache>[0]>>) => new RobotsCache(async () => answer).check(page);
  assert.equal(await verdict({ status: 404, text: '' }), true);
  const unavailable = await verdict({ status: 503, text: '' });
  assert.ok(unavailable !== true && /answered HTTP 503; RFC 9309 treats that as disallowing everything/.test(unavailable.reason));
  const unreachable = await verdict({ reason: 'timed out after 300 ms' });
  assert.ok(unreachable !== true && /could not be read \(timed out after 300 ms\); RFC 9309/.test(unreachable.reason));
  const offline = await verdict({ reason: 'could not reach news.example: its name could not be resolved', unreachable: true });
  assert.deepEqual(offline, { reason: 'could not reach news.example: its name could not be resolved' }, 'an unreachable host is named as such');
  const refused = await verdict({ reason: 'refused: news.example is at 10.0.0.5, a private address', refused: true });
  assert.deepEqual(refused, { reason: 'refused: news.example is at 10.0.0.5, a private address', refused: true });
  assert.notEqual(await verdict({ status: 200, text: 'User-agent: *\nDisallow: /story\n' }), true);
});

test('the CLI fetches a URL only with --allow-private when it is on loopback', async () => {
  const db = join(tempDir(), 'db');
  const refused = await runCli(['ingest', `${base}/article`, '--db', db, '--json']);
  assert.equal(refused.code, EXIT.noInput);
  assert.match(refused.stderr, /refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to fetch it\)/);
  const allowed = await runCli(['ingest', `${base}/article`, '--db', db, '--json', '--allow-private']);
  assert.equal(allowed.code, EXIT.ok, allowed.stderr);
  assert.equal((JSON.parse(allowed.stdout) as { added: number }).added, 1);
});

test('a host that cannot be reached is named as unreachable, not as a robots.txt verdict', async () => {
  // A port nothing listens on: the connection is refused, as it is for every host when offline.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const result = await runCli(['analyze', `http://127.0.0.1:${port}/story`, '--allow-private', '--json']);
  assert.equal(result.code, EXIT.noInput);
  assert.match(result.stderr, new RegExp(`could not reach 127\\.0\\.0\\.1:${port}: the connection was refused \\(ECONNREFUSED\\)`));
  assert.doesNotMatch(result.stderr, /robots\.txt/);
});
