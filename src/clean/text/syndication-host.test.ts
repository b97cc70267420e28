import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDocument } from '../../ingest/records.js';
import { cleanDocument } from '../index.js';
import { cleanPastedText } from './clean-text.js';
import { syndicationHost } from './syndication-host.js';

const BODY = [
  'The harbour board voted on Tuesday to extend the northern pier by forty metres, ending a dispute that had run since spring.',
  'Board chair Ilse Varnholt said the extension would let two ferries dock at once during the summer season.',
  'Fishermen who had opposed the plan said they would watch the construction schedule closely.',
];

function clean(lines: string[]) {
  const raw = lines.join('\n');
  return { raw, article: cleanDocument(makeDocument({ kind: 'text', path: 'pasted.txt' }, 'text', raw)) };
}

test('a syndicated copy is published by the holder of its own rights notice; the credited origin stays provenance', () => {
  const { raw, article } = clean([
    '© 2026 Radio Norrvik',
    'Listen Live',
    '',
    'Harbour board approves longer pier',
    '',
    ...BODY,
    '',
    'This article originally appeared in The Meridian Times. © 2026 The Meridian Times',
    'More On This Topic',
  ]);
  assert.equal(article.outlet, 'Radio Norrvik');
  assert.equal(article.provenance.syndicatedFrom, 'The Meridian Times');
  const evidence = article.metaLines?.find((m) => m.field === 'outlet');
  assert.equal(evidence && raw.slice(evidence.raw.start, evidence.raw.end), '© 2026 Radio Norrvik');
});

test('a credited copy with no other rights notice, or with two, names no host', () => {
  const credit = 'This story was first published by the Island Courier.';
  const host = (lines: string[]) => {
    const cleaned = cleanPastedText(lines.join('\n'));
    return syndicationHost(cleaned.lines, cleaned.labels);
  };
  assert.equal(host(['Harbour board approves longer pier', '', ...BODY, '', credit]), null);
  assert.equal(host(['© 2026 Radio Norrvik', 'Harbour board approves longer pier', '', ...BODY, '', credit, '© 2026 Lindqvist Holdings']), null);
  assert.equal(host(['© 2026 Radio Norrvik', 'Harbour board approves longer pier', '', ...BODY, '', credit])?.name, 'Radio Norrvik');
  // Alone, "© <year> <name>" is often a parent company's notice: only the credit makes it the host's (the model decides).
  assert.equal(host(['Harbour board approves longer pier', '', ...BODY, '', '© 2026 Varnholt Holdings']), null);
});

test('prose that says something "appeared in" a report is not a syndication credit and stays in the text', () => {
  const line = 'The figures only came to light after the claim appeared in the latest round of published expenses, officials said.';
  const { article } = clean(['Harbour board approves longer pier', '', BODY[0] as string, line, BODY[1] as string]);
  assert.equal(article.provenance.syndicatedFrom, null);
  assert.ok(article.text.includes(line));
});

test('a bracket after a menu item is not a wire byline; after a person name it is', () => {
  const menu = clean(['Harbour board approves longer pier', '', 'Nordic Isles (English)', '', ...BODY]).article;
  assert.equal(menu.provenance.syndicatedFrom, null);
  assert.deepEqual(menu.authors, []);
  const wire = clean(['Harbour board approves longer pier', 'Ana Ruiz (Meridian Wire)', '', ...BODY]).article;
  assert.equal(wire.provenance.syndicatedFrom, 'Meridian Wire');
  assert.deepEqual(wire.authors, ['Ana Ruiz']);
});
