import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { runServe } from '../../src/cli/commands/serve.js';
import { type Store, TriangulateError } from '../../src/index.js';
import { isLoopback, startServer } from '../../src/server/index.js';
import { runCli, tempDir } from '../helpers.js';
import { fictionalArticle, testApp, upload, uploadForm } from './helpers.js';

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('write token', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp({ token: 'k3y-for-the-tests-0123' })));
  after(() => store.close());

  test('writes need the bearer token; reads do not', async () => {
    const none = await upload(app, [fictionalArticle(0)]);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.equal(await errorCode(none), 'E_UNAUTHORIZED');
    const wrong = await upload(app, [fictionalArticle(0)], { Authorization: 'Bearer k3y-for-the-tests-9999' });
    assert.equal(wrong.status, 401);
    const right = await upload(app, [fictionalArticle(0)], { Authorization: 'Bearer k3y-for-the-tests-0123' });
    assert.equal(right.status, 200);
    assert.equal((await app.request('/api/stories')).status, 200);
    const health = (await (await app.request('/api/health')).json()) as { writeRequiresToken: boolean; articles: number };
    assert.deepEqual([health.writeRequiresToken, health.articles], [true, 1]);
  });

  test('listening beyond loopback without a token is refused before binding', async () => {
    await assert.rejects(
      startServer({ store, host: '0.0.0.0', port: 0 }),
      (e: unknown) => e instanceof TriangulateError && e.code === 'E_USAGE' && /token/.test(e.message),
    );
    const cli = await runCli(['serve', '--db', tempDir(), '--host', '0.0.0.0', '--port', '0']);
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, /needs a token/);
    await assert.rejects(startServer({ store, port: 0, token: 'short' }), /at least 16 characters/);
  });

  test('loopback addresses are told from others', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.8.9.10']) assert.equal(isLoopback(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.1.2.3', 'example.org']) assert.equal(isLoopback(host), false, host);
  });

  test('the serve command listens on loopback and stops cleanly', async () => {
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (d: Buffer) => (said += d.toString()));
    const served = runServe(
      { stdout: new PassThrough(), stderr, stdin: Readable.from([]), cwd: process.cwd(), env: {} },
      store,
      { port: 0, host: '127.0.0.1', allowPrivate: false },
      stopped,
    );
    while (!/serving/.test(said)) await new Promise((r) => setTimeout(r, 20));
    const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(said)?.[1] ?? '';
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
    stop();
    await served;
  });
});

describe('origins, hosts and headers', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp({ loopbackOnly: true })));
  after(() => store.close());

  test('cross-site writes are refused; same-origin and header-less clients pass', async () => {
    const foreign = await upload(app, [fictionalArticle(1)], { Origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal(await errorCode(foreign), 'E_FORBIDDEN');
    assert.equal((await upload(app, [fictionalArticle(1)], { 'Sec-Fetch-Site': 'cross-site' })).status, 403);
    assert.equal((await upload(app, [fictionalArticle(1)], { Origin: 'null' })).status, 403);
    assert.equal((await upload(app, [fictionalArticle(1)], { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' })).status, 200);
    assert.equal((await upload(app, [fictionalArticle(2)])).status, 200);
  });

  test('a foreign Host (DNS rebinding) is refused on a loopback server', async () => {
    const rebound = await app.request('http://attacker.example:8080/api/stories');
    assert.equal(rebound.status, 403);
    for (const host of ['127.0.0.1:8080', 'localhost:3000', '[::1]:8080']) assert.equal((await app.request(`http://${host}/api/health`)).status, 200, host);
  });

  test('CORS stays closed', async () => {
    const read = await app.request('/api/stories', { headers: { Origin: 'https://evil.example' } });
    assert.equal(read.headers.get('access-control-allow-origin'), null);
    const preflight = await app.request('/api/ingest', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-methods'), null);
  });

  test('a strict Content-Security-Policy and related headers on every answer', async () => {
    for (const path of ['/', '/api/stories', '/api/nothing']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    }
  });
});

describe('static files and ids', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp()));
  after(() => store.close());

  test('only files of the UI folder are served; traversal finds nothing', async () => {
    assert.equal((await app.request('/')).status, 200);
    const asset = await app.request('/assets/app-1234.js');
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/index.html%00.js',
      '/assets/../../src/index.ts',
      '/api/articles/..%2f..%2fetc%2fpasswd',
      '/api/stories/%2e%2e',
    ];
    for (const path of attempts) {
      const response = await app.request(path);
      const body = await response.text();
      assert.ok(response.status === 404 || response.status === 400, `${path}: ${response.status}`);
      assert.doesNotMatch(body, /root:|"name": "triangulate"|export \{/, path);
    }
  });
});

describe('upload limits', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp({ limits: { maxFiles: 2, maxFileBytes: 1000, maxBodyBytes: 4000 } })));
  after(() => store.close());

  test('too many files, a file too large, a body too large: 413 and nothing stored', async () => {
    const many = await upload(app, [fictionalArticle(1), fictionalArticle(2), fictionalArticle(3)]);
    assert.equal(many.status, 413);
    assert.equal(await errorCode(many), 'E_LIMIT');
    const large = await upload(app, [{ name: 'big.txt', text: 'word '.repeat(300) }]);
    assert.equal(large.status, 413);
    const body = await app.request('/api/ingest', { method: 'POST', body: uploadForm([], ['word '.repeat(1000)]) });
    assert.equal(body.status, 413);
    assert.equal(await errorCode(body), 'E_LIMIT');
    const health = (await (await app.request('/api/health')).json()) as { articles: number };
    assert.equal(health.articles, 0);
  });

  test('wrong content type or an empty form is a 400', async () => {
    const json = await app.request('/api/ingest', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(json.status, 400);
    const empty = await app.request('/api/ingest', { method: 'POST', body: uploadForm([], ['  ']) });
    assert.equal(empty.status, 400);
  });

  test('an upload name never becomes a path on disk', async () => {
    const response = await upload(app, [{ name: '../../etc/evil\u0000name.txt', text: fictionalArticle(4).text }]);
    assert.equal(response.status, 200);
    const list = (await (await app.request('/api/articles')).json()) as { items: Array<{ path: string }> };
    assert.deepEqual(
      list.items.map((a) => a.path),
      ['upload/evilname.txt'],
    );
  });
});

describe('URL ingest and private addresses', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp({ limits: { maxUrls: 3 } })));
  after(() => store.close());

  const post = async (target: Hono, body: unknown): Promise<Response> =>
    target.request('/api/ingest/urls', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

  test('loopback, private, link-local and mapped addresses are refused before any fetch', async () => {
    const urls = [
      'http://127.0.0.1:9/',
      'http://localhost:9/page',
      'http://[::1]:9/',
      'http://[::ffff:127.0.0.1]:9/',
      'http://2130706433:9/',
      'http://0.0.0.0:9/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://192.168.0.1/',
    ];
    for (const url of urls) {
      const response = await post(app, { urls: [url] });
      assert.equal(response.status, 403, url);
      assert.equal(await errorCode(response), 'E_PRIVATE_ADDRESS', url);
    }
  });

  test('non-http schemes, local paths, bad bodies and too many URLs are refused', async () => {
    for (const url of ['file:///etc/passwd', '/etc/passwd', 'ftp://example.org/x', 'javascript:alert(1)'])
      assert.equal((await post(app, { urls: [url] })).status, 400, url);
    assert.equal((await post(app, { urls: 'http://example.org' })).status, 400);
    assert.equal((await app.request('/api/ingest/urls', { method: 'POST', body: 'not json', headers: { 'Content-Type': 'application/json' } })).status, 400);
    assert.equal((await post(app, { urls: ['http://a.example/1', 'http://a.example/2', 'http://a.example/3', 'http://a.example/4'] })).status, 413);
  });

  test('with allowPrivate a loopback page is fetched and ingested', async () => {
    const page = `<!doctype html><html><head><title>Pellering opens its ferry pier</title></head><body><article><h1>Pellering opens its ferry pier</h1><p>${fictionalArticle(7).text}</p></article></body></html>`;
    const server = createServer((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pier.html`;
    try {
      assert.equal((await post(app, { urls: [url] })).status, 403, 'refused without allowPrivate');
      const open = await testApp({ allowPrivate: true });
      const response = await post(open.app, { urls: [url] });
      assert.equal(response.status, 200);
      const report = (await response.json()) as { added: number; problems: unknown[] };
      assert.deepEqual([report.added, report.problems], [1, []]);
      await open.store.close();
    } finally {
      server.close();
    }
  });
});
