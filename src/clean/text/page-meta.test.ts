import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../model/annotations.js';
import type { Removal } from '../../model/article.js';
import { pastedMeta } from './page-meta.js';

const meta = (text: string, blocks: Block[], removed: Removal[]) => ({ text, blocks, removed, metaLines: [], headline: 'A headline' });

const chrome = (text: string) => ({ text, reason: 'chrome: copyright', raw: { start: 0, end: text.length } });

test('the outlet comes from the page copyright line, in its several forms', () => {
  for (const [line, name] of [
    ['© 2026 Harbour Gazette. All rights reserved.', 'Harbour Gazette'],
    ['Copyright © 2025 Valley Radio 101.5. All rights reserved.', 'Valley Radio 101.5'],
    ['Harbour Gazette © 2026', 'Harbour Gazette'],
    ['© Diario del Sur 2026. Todos los derechos reservados.', 'Diario del Sur'],
  ] as const) {
    assert.equal(pastedMeta(meta('', [], [chrome(line)])).outlet?.name, name, line);
  }
  assert.equal(pastedMeta(meta('', [], [{ text: '© 2026 Harbour Gazette', reason: 'credit: syndication', raw: { start: 0, end: 1 } }])).outlet, null);
});

test('the published date comes from a date-only line near the top, never from a paragraph', () => {
  const text = 'Published 4 May 2026, 09:10 · Updated 5 May 2026\n\nThe council met on 1 May 2026 to vote.';
  const blocks: Block[] = [
    { kind: 'dateline', start: 0, end: 48 },
    { kind: 'paragraph', start: 50, end: text.length },
  ];
  assert.deepEqual(pastedMeta(meta(text, blocks, [])).published, { date: '2026-05-04', basis: 'dateline', place: { start: 0, end: 48 } });
  assert.equal(pastedMeta(meta(text, [blocks[1] as Block], [])).published, null);
});

test('hostile copyright and header lines (long whitespace runs) are read in linear time', () => {
  const started = performance.now();
  const line = `© 2019${' '.repeat(100_000)}x`;
  pastedMeta(meta('', [], [chrome(line)]));
  assert.ok(performance.now() - started < 1000, 'copyright pattern backtracks');
});
