import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { byteLines } from '../../src/ingest/lines.js';
import { readDocuments } from '../../src/ingest/read.js';
import { tempDir } from '../helpers.js';
import { hostileText, runs } from './arbitraries.js';
import { chunked, collect, cuts } from './readers.js';

test('byteLines: the lines of any bytes, delivered in any chunks, are the bytes split at LF (CR of CRLF dropped)', async () => {
  const bytes = fc.array(fc.oneof(fc.constantFrom(10, 13, 0xe2, 0x80, 0xa8), fc.integer({ min: 0, max: 255 })), { maxLength: 300 }).map((b) => Buffer.from(b));
  await fc.assert(
    fc.asyncProperty(bytes, cuts, fc.integer({ min: 1, max: 64 }), async (data, at, max) => {
      const got: Array<string | number> = [];
      for await (const line of byteLines(chunked(data, at), max)) got.push('tooLong' in line ? -line.line : line.bytes.toString('latin1'));
      const expected: Array<string | number> = [];
      const parts = data.toString('latin1').split('\n');
      if (parts[parts.length - 1] === '') parts.pop();
      parts.forEach((p, i) => {
        const line = p.endsWith('\r') ? p.slice(0, -1) : p;
        expected.push(Buffer.byteLength(line, 'latin1') > max ? -(i + 1) : line);
      });
      assert.deepEqual(got, expected);
    }),
    runs(300),
  );
});

/** A JSONL line: an article record, a record without text, or garbage. */
const line = fc.oneof(
  fc.record({ text: hostileText(20), title: hostileText(4) }).map((r) => ({ kind: 'record' as const, ...r })),
  hostileText(10).map((g) => ({ kind: 'garbage' as const, text: g.replace(/\n/g, ' ') })),
);

test('JSONL reader: each record line becomes its document (exact text, right line number), each bad line one problem', async () => {
  const dir = tempDir('tri-jsonl-');
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
      const path = join(dir, `f${n++}.jsonl`);
      writeFileSync(path, lines.map((l) => (l.kind === 'record' ? JSON.stringify({ title: l.title, text: l.text }) : l.text)).join('\n'));
      const { docs, problems } = await collect(readDocuments([path]));
      const expectedDocs: Array<[number, string]> = [];
      const expectedProblems: number[] = [];
      lines.forEach((l, i) => {
        if (l.kind === 'record' && l.text.trim() !== '') expectedDocs.push([i + 1, l.text]);
        else if (l.kind === 'record' || l.text.trim() !== '') expectedProblems.push(i + 1);
      });
      assert.deepEqual(
        docs.map((d) => [d.source.line, d.raw]),
        expectedDocs,
      );
      const lineProblems = problems.filter((p) => p.line !== undefined).map((p) => p.line);
      assert.deepEqual(lineProblems, expectedProblems);
    }),
    runs(100),
  );
});
