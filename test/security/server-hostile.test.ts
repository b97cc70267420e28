// Server review (issue 9): what test/server/security.test.ts does not already cover — IP literals in every spelling,
// DNS answers that point home (mixed answers, rebinding between the check and the fetch), traversal in every id
// parameter, too many multipart parts, a 1 GB Content-Length, and a slow upload that must not stall other clients.
import assert from 'node:assert/strict';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Store } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { fictionalArticle, testApp, uploadForm } from '../server/helpers.js';

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

const postUrls = async (app: Hono, urls: string[]): Promise<Response> =>
  await app.request('/api/ingest/urls', { method: 'POST', body: JSON.stringify({ urls }), headers: { 'Content-Type': 'application/json' } });

/** Replaces both DNS lookups (promise and callback) for the duration of `run`, as a hostile resolver would answer. */
async function withDns(answer: (host: string, call: number) => string[], run: () => Promise<void>): Promise<void> {
  const original = { lookup: dns.lookup, promised: dns.promises.lookup };
  let calls = 0;
  const entries = (host: string) => answer(host, calls++).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  dns.promises.lookup = (async (host: string) => entries(host)) as unknown as typeof dns.promises.lookup;
  dns.lookup = ((host: string, _options: unknown, callback: (e: Error | null, a: unknown) => void) =>
    process.nextTick(() => callback(null, entries(host)))) as unknown as typeof dns.lookup;
  syncBuiltinESMExports();
  try {
    await run();
  } finally {
    dns.lookup = original.lookup;
    dns.promises.lookup = original.promised;
    syncBuiltinESMExports();
  }
}

describe('server-side request forgery', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp()));
  after(() => store.close());

  test('every spelling of a non-public IP literal is refused before any connection', async () => {
    const urls = [
      'http://127.1/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://[0:0:0:0:0:ffff:7f00:1]/',
      'http://[::]/',
      'http://0/',
      'http://LOCALHOST/',
      'http://100.64.0.1/', // carrier-grade NAT
      'http://[fc00::1]/', // unique local
      'http://[fe80::1]/', // link-local
      'http://224.0.0.1/', // multicast
      'http://255.255.255.255/',
      'http://[::ffff:169.254.169.254]/latest/meta-data/',
    ];
    for (const url of urls) {
      const response = await postUrls(app, [url]);
      assert.equal(response.status, 403, url);
      assert.equal(await errorCode(response), 'E_PRIVATE_ADDRESS', url);
    }
  });

  test('a name whose DNS answers include a private address is refused', async () => {
    await withDns(
      () => ['93.184.216.34', '10.0.0.7'],
      async () => {
        const response = await postUrls(app, ['http://newsroom.test/story']);
        assert.equal(response.status, 403);
        assert.equal(await errorCode(response), 'E_PRIVATE_ADDRESS');
      },
    );
  });

  test('DNS rebinding: a name that is public at the check and loopback at the fetch is refused by the fetcher', async () => {
    // The route's check sees a public address; the socket's own lookup (every hop, redirects included) sees loopback.
    await withDns(
      (_host, call) => (call === 0 ? ['93.184.216.34'] : ['127.0.0.1']),
      async () => {
        const response = await postUrls(app, ['http://rebind.test/story']);
        assert.equal(response.status, 200);
        const report = (await response.json()) as { added: number; problems: Array<{ reason: string }> };
        assert.equal(report.added, 0);
        assert.match(report.problems[0]?.reason ?? '', /refused: rebind\.test is at 127\.0\.0\.1, a loopback address/);
      },
    );
  });
});

describe('traversal in id parameters', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp()));
  after(() => store.close());

  test('encoded dots and slashes, backslashes, double encoding, NUL and overlong UTF-8 reach no file, in every id route', async () => {
    const payloads = [
      '..%2f..%2f..%2fetc%2fpasswd',
      '..%5c..%5c..%5cwindows%5cwin.ini',
      '..\\..\\etc\\passwd',
      '%2e%2e%2f%2e%2e%2fpackage.json',
      '%252e%252e%252fpackage.json',
      '..%c0%af..%c0%afetc%c0%afpasswd',
      '%ef%bc%8e%ef%bc%8e%ef%bc%8fpackage.json', // full-width ．．／
      'abcdef0123456789%00.json',
      'abcdef0123456789%2f..%2f..%2fpackage.json',
      '.',
      '%2e',
      'x'.repeat(5000),
    ];
    for (const route of ['/api/stories/', '/api/articles/']) {
      for (const payload of payloads) {
        for (const query of ['', '?format=html', '?format=..%2f..%2fetc%2fpasswd']) {
          const response = await app.request(`${route}${payload}${query}`);
          const body = await response.text();
          assert.ok([400, 404].includes(response.status), `${route}${payload}${query}: ${response.status}`);
          assert.doesNotMatch(body, /root:|"name": "triangulate"|\[fonts\]/, `${route}${payload}${query}`);
        }
      }
    }
  });
});

describe('upload bodies', () => {
  let app: Hono;
  let store: Store;
  before(async () => ({ app, store } = await testApp({ limits: { maxFiles: 4 } })));
  after(() => store.close());

  test('a form of a hundred thousand tiny parts is refused before it is parsed', async () => {
    const part = '--B0undary\r\nContent-Disposition: form-data; name="junk"\r\n\r\nx\r\n';
    const started = performance.now();
    const response = await app.request('/api/ingest', {
      method: 'POST',
      body: `${part.repeat(100_000)}--B0undary--\r\n`,
      headers: { 'Content-Type': 'multipart/form-data; boundary=B0undary' },
    });
    assert.equal(response.status, 413);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /parts/);
    assert.ok(performance.now() - started < 2_000, 'answered quickly');
    // A form with a few extra fields (an empty text box) is still read.
    const form = uploadForm([fictionalArticle(0)], ['', ' ']);
    form.append('note', 'from a script');
    assert.equal((await app.request('/api/ingest', { method: 'POST', body: form })).status, 200);
  });
});

describe('over a socket', () => {
  let store: Store;
  let url: URL;
  let close: () => Promise<void>;
  before(async () => {
    const made = await testApp();
    store = made.store;
    const server = await startServer({ store, port: 0, log: () => undefined });
    url = new URL(server.url);
    close = server.close;
  });
  after(async () => {
    await close();
    await store.close();
  });

  /** Sends raw bytes on a new connection and resolves with what the server answers before closing. */
  function raw(head: string, options: { keepOpen?: boolean } = {}): { answer: Promise<string>; socket: ReturnType<typeof connect> } {
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.write(head);
    const answer = new Promise<string>((resolve) => {
      socket.on('close', () => resolve(text));
      if (options.keepOpen) socket.on('data', () => resolve(text));
    });
    return { answer, socket };
  }

  test('a Content-Length of 1 GB is refused at once, without waiting for the body', async () => {
    const { answer, socket } = raw(
      `POST /api/ingest HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1073741824\r\n\r\n--b\r\n`,
      { keepOpen: true },
    );
    const started = performance.now();
    const text = await answer;
    socket.destroy();
    assert.match(text, /^HTTP\/1\.1 413/);
    assert.ok(performance.now() - started < 5_000);
  });

  test('slow uploads trickling a byte at a time do not stall other clients', async () => {
    const slow = Array.from({ length: 20 }, () =>
      raw(`POST /api/ingest HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b`),
    );
    const timer = setInterval(() => {
      for (const s of slow) s.socket.write('x');
    }, 100);
    try {
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const response = await fetch(new URL('/api/health', url));
        assert.equal(response.status, 200);
        await response.text();
        assert.ok(performance.now() - started < 2_000, `health answered in ${performance.now() - started} ms`);
      }
    } finally {
      clearInterval(timer);
      for (const s of slow) s.socket.destroy();
    }
  });
});
