import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { isProblem, type ReadItem } from '../../src/ingest/read.js';
import { readWarc } from '../../src/ingest/warc-read.js';
import type { Document } from '../../src/model/document.js';
import { gzipMembers, page, warcRecord } from '../formats/warc-builder.js';

type Problem = Exclude<ReadItem, Document>;

async function read(bytes: Buffer): Promise<{ urls: string[]; problems: Problem[] }> {
  const urls: string[] = [];
  const problems: Problem[] = [];
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
  for await (const item of readWarc('crawl.warc', Readable.from(chunks), DEFAULT_LIMITS)) {
    if (isProblem(item)) problems.push(item);
    else urls.push(item.hints.url ?? '');
  }
  return { urls, problems };
}

function response(name: string): Buffer {
  const body = page(`${name} news`, [`The ${name} council met on Tuesday to vote on the harbour budget.`]);
  return warcRecord({ type: 'response', uri: `https://example.test/${name}`, http: { headers: { 'Content-Type': 'text/html' }, body } });
}

/** A record whose Content-Length claims more than its block: it swallows what follows unless the reader resyncs. */
function overLong(claimed: number): Buffer {
  return Buffer.from(
    `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.test/liar\r\nContent-Length: ${claimed}\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort\r\n\r\n`,
  );
}

const GARBAGE = Buffer.from('garbage without a newline');

test('garbage without a trailing newline costs itself, not the record after it (plain and gzipped)', async () => {
  const plain = await read(Buffer.concat([response('alpha'), GARBAGE, response('bravo'), response('charlie')]));
  assert.deepEqual(plain.urls, ['https://example.test/alpha', 'https://example.test/bravo', 'https://example.test/charlie']);
  assert.equal(plain.problems.length, 1);
  const gzipped = await read(Buffer.concat([gzipSync(response('alpha')), gzipSync(GARBAGE), gzipMembers([response('bravo'), response('charlie')])]));
  assert.deepEqual(gzipped.urls, ['https://example.test/alpha', 'https://example.test/bravo', 'https://example.test/charlie']);
  assert.equal(gzipped.problems.length, 1);
});

test('a record whose Content-Length runs past the file, or past its own end, does not lose the records after it', async () => {
  for (const claimed of [10 * 1024 * 1024, 2_000]) {
    const plain = await read(Buffer.concat([response('alpha'), overLong(claimed), response('bravo'), response('charlie')]));
    assert.deepEqual(plain.urls, ['https://example.test/alpha', 'https://example.test/bravo', 'https://example.test/charlie'], `claimed ${claimed}`);
    assert.equal(plain.problems.length, 1, JSON.stringify(plain.problems));
    assert.match(plain.problems[0]?.reason ?? '', /record 2: Content-Length/);
    const gzipped = await read(gzipMembers([response('alpha'), overLong(claimed), response('bravo'), response('charlie')]));
    assert.deepEqual(gzipped.urls, ['https://example.test/alpha', 'https://example.test/bravo', 'https://example.test/charlie'], `gzip, claimed ${claimed}`);
    assert.equal(gzipped.problems.length, 1);
  }
});

test('a gzip-bomb member (zeros, no newline) does not lose the good member after it', async () => {
  // 64 MB of zeros: the same shape as the probe's bomb, smaller so the test stays fast.
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  const { urls, problems } = await read(Buffer.concat([gzipSync(response('alpha')), bomb, gzipSync(response('bravo'))]));
  assert.deepEqual(urls, ['https://example.test/alpha', 'https://example.test/bravo']);
  assert.equal(problems.length, 1);
  assert.match(problems[0]?.reason ?? '', /not a WARC record/);
});
