import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ByteReader } from '../../src/ingest/byte-reader.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { isProblem, type ReadItem, readDocuments } from '../../src/ingest/read.js';
import { readWarc } from '../../src/ingest/warc-read.js';
import type { Document } from '../../src/model/document.js';
import { ROOT, tempDir } from '../helpers.js';
import { gzipMembers, page, warcRecord } from './warc-builder.js';

type Problem = Exclude<ReadItem, Document>;

async function read(bytes: Buffer, limits = DEFAULT_LIMITS): Promise<{ docs: Document[]; problems: Problem[] }> {
  const docs: Document[] = [];
  const problems: Problem[] = [];
  // 64 KB chunks, as a file stream delivers them, so records and gzip members straddle chunk boundaries.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
  for await (const item of readWarc('crawl.warc', Readable.from(chunks), limits)) {
    if (isProblem(item)) problems.push(item);
    else docs.push(item);
  }
  return { docs, problems };
}

const STRIKE = page('Harbour strike ends', ['Dock workers in Portville ended a nine-day strike on Friday.', 'Members vote on the deal next week.']);
const FERRY = page('Ferry fares reviewed', ['The council will review ferry fares in April.']);
const LIGHTHOUSE = page('Lighthouse reopens', ['The restored lighthouse on Gull Point reopened on Wednesday.']);

/** A small crawl as a news crawler writes it: warcinfo, request/response pairs, a redirect, a robots.txt, metadata. */
function crawl(): Buffer[] {
  return [
    warcRecord({ type: 'warcinfo', block: 'software: fictional-crawler/1.0\r\n' }, 1),
    warcRecord({ type: 'request', uri: 'https://portville-post.example/strike', block: 'GET /strike HTTP/1.1\r\nHost: portville-post.example\r\n\r\n' }, 2),
    warcRecord(
      {
        type: 'response',
        uri: 'https://portville-post.example/strike',
        date: '2025-03-15T10:00:00Z',
        http: { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: STRIKE },
      },
      3,
    ),
    warcRecord({ type: 'metadata', uri: 'https://portville-post.example/strike', block: 'fetchTimeMs: 120\r\n' }, 4),
    warcRecord(
      {
        type: 'response',
        uri: 'https://portville-post.example/old',
        http: { status: 'HTTP/1.1 301 Moved Permanently', headers: { Location: '/strike' }, body: '' },
      },
      5,
    ),
    warcRecord(
      { type: 'response', uri: 'https://portville-post.example/robots.txt', http: { headers: { 'Content-Type': 'text/plain' }, body: 'User-agent: *\n' } },
      6,
    ),
    warcRecord(
      {
        type: 'response',
        uri: 'https://portville-post.example/ferry',
        http: { headers: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, body: gzipSync(FERRY) },
      },
      7,
    ),
    warcRecord(
      {
        type: 'response',
        uri: 'https://portville-post.example/lighthouse',
        http: {
          headers: { 'Content-Type': 'text/html; charset=windows-1252', 'Transfer-Encoding': 'chunked' },
          body: chunked(Buffer.from(LIGHTHOUSE, 'latin1')),
        },
      },
      8,
    ),
  ];
}

function chunked(body: Buffer): Buffer {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)];
  return Buffer.concat([...parts.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]), Buffer.from('0\r\n\r\n')]);
}

test('HTML response records become documents; requests, metadata, redirects and non-HTML are skipped', async () => {
  for (const bytes of [Buffer.concat(crawl()), gzipMembers(crawl()), gzipSync(Buffer.concat(crawl()))]) {
    const { docs, problems } = await read(bytes);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      docs.map((d) => [d.source.line, d.hints.url]),
      [
        [3, 'https://portville-post.example/strike'],
        [7, 'https://portville-post.example/ferry'],
        [8, 'https://portville-post.example/lighthouse'],
      ],
    );
    const [strike, ferry, lighthouse] = docs;
    assert.equal(strike?.raw, STRIKE);
    assert.equal(strike?.hints.charset, 'utf-8');
    assert.deepEqual(strike?.source, { kind: 'warc', path: 'crawl.warc', line: 3, url: 'https://portville-post.example/strike' });
    // The capture date is kept as a note, never as the publication date.
    assert.equal(strike?.hints.published, undefined);
    assert.equal(strike?.hints.captured, '2025-03-15T10:00:00Z');
    assert.equal(ferry?.raw, FERRY);
    assert.equal(lighthouse?.raw, LIGHTHOUSE);
  }
});

test('malformed records are problems naming their number; the records after them are read', async () => {
  const records = crawl();
  const bytes = Buffer.concat([
    ...records.slice(0, 3),
    Buffer.from('this line is not a WARC header\r\nnor is this\r\n\r\n'),
    Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nxxxxxxxxxxxx\r\n\r\n'),
    Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nthis header has no colon\r\nContent-Length: 0\r\n\r\n\r\n\r\n'),
    warcRecord({
      type: 'response',
      uri: 'https://x.example/bad-http',
      http: { status: 'HTTP/1.1 200 OK', headers: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, body: 'not gzip' },
    }),
    ...records.slice(6),
  ]);
  const { docs, problems } = await read(bytes);
  assert.deepEqual(
    problems.map((p) => [p.line, p.reason]),
    [
      [4, 'record 4: not a WARC record: expected "WARC/1.x", found "this line is not a WARC header"'],
      [5, 'record 5: Content-Length is not a number ("twelve")'],
      [6, 'record 6: malformed header line "this header has no colon"'],
      [7, 'record 7: corrupt gzip data'],
    ],
  );
  assert.deepEqual(
    docs.map((d) => d.hints.url),
    ['https://portville-post.example/strike', 'https://portville-post.example/ferry', 'https://portville-post.example/lighthouse'],
  );
});

test('a corrupt gzip member or stray bytes between members cost one record, not the rest of the file', async () => {
  const members = crawl().map((r) => gzipSync(r));
  const corrupt = Buffer.from(members[6] ?? []);
  corrupt[20] = (corrupt[20] ?? 0) ^ 0xff;
  corrupt[21] = (corrupt[21] ?? 0) ^ 0xff;
  const bytes = Buffer.concat([...members.slice(0, 3), Buffer.from('stray bytes, not gzip'), ...members.slice(3, 6), corrupt, ...members.slice(7)]);
  const { docs, problems } = await read(bytes);
  assert.equal(problems.length, 2);
  assert.match(problems[0]?.reason ?? '', /^record 4: not gzip data/);
  assert.match(problems[1]?.reason ?? '', /corrupt gzip data|not a WARC record|malformed|Content-Length/);
  assert.deepEqual(
    docs.map((d) => d.hints.url),
    ['https://portville-post.example/strike', 'https://portville-post.example/lighthouse'],
  );
});

test('a truncated file ends with a problem after the complete records', async () => {
  const whole = Buffer.concat(crawl());
  const { docs, problems } = await read(whole.subarray(0, whole.length - 200));
  assert.equal(docs.length, 2);
  assert.match(problems[0]?.reason ?? '', /^record 8: truncated: Content-Length is \d+ bytes but the file ends first$/);
  const gz = gzipMembers(crawl());
  const cut = await read(gz.subarray(0, gz.length - 100));
  assert.equal(cut.docs.length, 2);
  assert.match(cut.problems[0]?.reason ?? '', /record 8: the file ends inside a gzip member \(truncated\)/);
});

test('a huge header line and an oversized block are bounded problems, not memory', async () => {
  const hugeHeader = Buffer.concat([
    Buffer.from('WARC/1.0\r\nX-Junk: '),
    Buffer.alloc(8 * 1024 * 1024, 'a'),
    Buffer.from('\r\nContent-Length: 0\r\n\r\n\r\n\r\n'),
  ]);
  const big = warcRecord({
    type: 'response',
    uri: 'https://x.example/big',
    http: { headers: { 'Content-Type': 'text/html' }, body: `<p>${'y'.repeat(5000)}</p>` },
  });
  const limits = { ...DEFAULT_LIMITS, maxFileBytes: 1000 };
  const { docs, problems } = await read(Buffer.concat([hugeHeader, big, ...crawl().slice(2, 3)]), limits);
  assert.deepEqual(
    problems.map((p) => p.reason.replace(/\d+(\.\d)? (KB|MB)/g, 'N')),
    ['record 1: a header line is N, over the N limit', 'record 2: page is N, over the N limit for one article'],
  );
  assert.equal(docs.length, 1);
});

test('a WARC without HTML responses says so', async () => {
  const { problems } = await read(Buffer.concat(crawl().slice(0, 2)));
  assert.deepEqual(problems, [{ path: 'crawl.warc', reason: 'no HTML response records among 2 WARC records' }]);
});

test('.warc and .warc.gz files are found by extension or sniffed, and the fixture reads', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.warc.gz'), gzipMembers(crawl()));
  writeFileSync(join(dir, 'b.warc'), Buffer.concat(crawl()));
  writeFileSync(join(dir, 'c.bin'), gzipMembers(crawl()));
  const docs: Document[] = [];
  for await (const item of readDocuments([dir, join(dir, 'c.bin'), join(ROOT, 'test/fixtures/formats/newsroom.warc')])) {
    assert.ok(!isProblem(item), JSON.stringify(item));
    docs.push(item);
  }
  assert.equal(docs.filter((d) => d.source.kind === 'warc').length, docs.length);
  assert.equal(docs.length, 3 + 3 + 3 + 3);
});

test('ByteReader: bounded lines, CRLF stripped, take keeps only what is asked', async () => {
  const reader = new ByteReader(Readable.from([Buffer.from('ab\r\ncd'), Buffer.from('ef\n'), Buffer.from('x'.repeat(50)), Buffer.from('\nrest')]));
  assert.equal((await reader.line(10))?.toString(), 'ab');
  assert.equal((await reader.line(10))?.toString(), 'cdef');
  assert.deepEqual(await reader.line(10), { tooLong: 51, tail: Buffer.from('x'.repeat(32)) });
  const taken = await reader.take(4, 2);
  assert.deepEqual([taken.bytes.toString(), taken.complete], ['re', true]);
  assert.equal(await reader.line(10), null);
  assert.deepEqual((await reader.take(3, 3)).complete, false);
});

test('a member too large for the one-call path is streamed and read whole', async () => {
  // Random text barely compresses, so this member is over 1 MB compressed and takes the streamed path.
  const noise = randomBytes(1_200_000).toString('base64');
  const big = page('Long read', [noise]);
  const bytes = gzipMembers([
    warcRecord({ type: 'response', uri: 'https://x.example/long', http: { headers: { 'Content-Type': 'text/html' }, body: big } }),
    ...crawl().slice(2, 3),
  ]);
  const { docs, problems } = await read(bytes);
  assert.deepEqual(problems, []);
  assert.equal(docs[0]?.raw, big);
  assert.equal(docs[1]?.hints.url, 'https://portville-post.example/strike');
});
