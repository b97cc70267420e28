import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanDocument } from '../../src/clean/index.js';
import { isProblem, readDocuments } from '../../src/ingest/read.js';
import { htmlPage, recordToDocument } from '../../src/ingest/records.js';
import { ROOT } from '../helpers.js';

const FRAGMENT =
  '<p>PORTVILLE — Dock workers ended a nine-day strike on Friday after the port authority agreed to raise wages by 6 percent, union leaders said.</p><p>Members vote next week.</p>';

test('an html fragment in a JSON record is wrapped into a page the HTML cleaner reads; a whole page is kept as is', () => {
  const doc = recordToDocument({ title: 'Strike <ends> & more', html: FRAGMENT }, { kind: 'jsonl', path: 'dump.jsonl', line: 1 });
  assert.ok(!('reason' in doc));
  assert.ok(doc.raw.includes(`<article>\n${FRAGMENT}\n</article>`));
  assert.match(doc.raw, /<title>Strike &lt;ends> &amp; more<\/title>/);
  assert.match(cleanDocument(doc).text, /ended a nine-day strike on Friday/);
  const page = `<!doctype html><html><body>${FRAGMENT}</body></html>`;
  assert.equal(htmlPage(page, 'T'), page);
});

test('the demo samples in samples/formats read without a problem', async () => {
  const kinds: string[] = [];
  for await (const item of readDocuments([join(ROOT, 'samples/formats')])) {
    assert.ok(!isProblem(item), JSON.stringify(item));
    kinds.push(item.source.kind);
  }
  assert.deepEqual(kinds, ['feed', 'feed', 'feed', 'warc', 'warc']);
});
