import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../model/annotations.js';
import { cleanPastedText } from './clean-text.js';
import { pastedMeta } from './page-meta.js';

const meta = (text: string, blocks: Block[]) => ({ text, blocks, metaLines: [], headline: 'A headline', lines: [], labels: [] });

test('the published date comes from a date-only line near the top, never from a paragraph', () => {
  const text = 'Published 4 May 2026, 09:10 · Updated 5 May 2026\n\nThe council met on 1 May 2026 to vote.';
  const blocks: Block[] = [
    { kind: 'dateline', start: 0, end: 48 },
    { kind: 'paragraph', start: 50, end: text.length },
  ];
  assert.deepEqual(pastedMeta(meta(text, blocks)).published, { date: '2026-05-04', basis: 'dateline', place: { start: 0, end: 48 } });
  assert.equal(pastedMeta(meta(text, [blocks[1] as Block])).published, null);
});

test('hostile copyright and header lines (long whitespace runs) are read in linear time', () => {
  const started = performance.now();
  const raw = `© 2019${' '.repeat(100_000)}x\n${'Harbour '.repeat(20_000)}\n`;
  const cleaned = cleanPastedText(raw);
  pastedMeta(cleaned);
  assert.ok(performance.now() - started < 2000, 'outlet reading is not linear');
});
