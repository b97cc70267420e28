import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { readWarc } from '../../src/ingest/warc-read.js';
import { gzipMembers, page, type RecordSpec, warcRecord } from '../formats/warc-builder.js';
import { hostileText, runs } from './arbitraries.js';
import { chunked, collect, cuts, shape } from './readers.js';

/** A record of any kind; responses carry a page of hostile text, sometimes chunked, sometimes not HTML. */
const record: fc.Arbitrary<RecordSpec> = fc.oneof(
  fc
    .record({
      title: hostileText(4),
      body: hostileText(20),
      status: fc.constantFrom('HTTP/1.1 200 OK', 'HTTP/1.0 200 OK', 'HTTP/1.1 301 Moved', 'HTTP/1.1 404 Not Found'),
      type: fc.constantFrom('text/html; charset=utf-8', 'text/html', 'image/png', 'text/html; charset=bogus'),
    })
    .map(
      ({ title, body, status, type }): RecordSpec => ({
        type: 'response',
        uri: 'https://news.example/a',
        date: '2026-03-02T10:00:00Z',
        http: { status, headers: { 'Content-Type': type }, body: page(title.replace(/[<&]/g, ' '), [body.replace(/[<&]/g, ' ')]) },
      }),
    ),
  fc.constant<RecordSpec>({ type: 'request', uri: 'https://news.example/a', block: 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n' }),
  fc.constant<RecordSpec>({ type: 'metadata', block: 'via: x\r\n' }),
);

function isPage(spec: RecordSpec): boolean {
  const type = spec.http?.headers?.['Content-Type'] ?? '';
  return spec.type === 'response' && /^HTTP\/1\.[01] 200/.test(spec.http?.status ?? '') && type.startsWith('text/html');
}

test('WARC reader: any bytes, plain or gzipped, end in documents and problems, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), cuts, async (bytes, gz, at) => {
      const data = gz ? gzipMembers([Buffer.from(bytes)]) : Buffer.from(bytes);
      const { docs, problems } = await collect(readWarc('w.warc', chunked(data, at), DEFAULT_LIMITS));
      assert.ok(docs.length + problems.length > 0);
    }),
    runs(200),
  );
});

test('WARC reader: each HTML page record becomes one document, whatever the chunking and compression', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 6 }), fc.boolean(), cuts, async (specs, gz, at) => {
      const records = specs.map((s, i) => warcRecord(s, i + 1));
      const bytes = gz ? gzipMembers(records) : Buffer.concat(records);
      const whole = await collect(readWarc('w.warc', chunked(bytes, []), DEFAULT_LIMITS));
      const pieces = await collect(readWarc('w.warc', chunked(bytes, at), DEFAULT_LIMITS));
      assert.equal(shape(pieces), shape(whole));
      // A page holding a NUL byte is refused as binary by design (a problem naming the record), never lost silently.
      const pages = specs.flatMap((s, i) => (isPage(s) ? [i + 1] : []));
      const read = [...whole.docs.map((d) => d.source.line), ...whole.problems.filter((p) => /binary/.test(p.reason)).map((p) => p.line)];
      assert.deepEqual(
        read.sort((a, b) => (a ?? 0) - (b ?? 0)),
        pages,
      );
    }),
    runs(150),
  );
});

test('WARC reader: a damaged file (bytes flipped, cut short) costs only the damaged records', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(record, { minLength: 2, maxLength: 5 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      fc.nat(),
      async (specs, flips, cut) => {
        const bytes = Buffer.concat(specs.map((s, i) => warcRecord(s, i + 1)));
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const damaged = bytes.subarray(0, bytes.length - (cut % 50));
        const { docs } = await collect(readWarc('w.warc', chunked(damaged, []), DEFAULT_LIMITS));
        const pages = specs.filter(isPage).length;
        assert.ok(docs.length <= pages + flips.length, `${docs.length} documents from ${pages} pages`);
      },
    ),
    runs(150),
  );
});

test('defect found: a gzipped WARC whose stream delivered the first byte alone was read as plain text', async () => {
  const bytes = gzipMembers([
    warcRecord(
      {
        type: 'response',
        uri: 'https://news.example/a',
        http: { headers: { 'Content-Type': 'text/html' }, body: page('Pier vote', ['The pier vote passed.']) },
      },
      1,
    ),
  ]);
  const { docs, problems } = await collect(readWarc('w.warc.gz', chunked(bytes, [1]), DEFAULT_LIMITS));
  assert.equal(docs.length, 1);
  assert.deepEqual(problems, []);
});
