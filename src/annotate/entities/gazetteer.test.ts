import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gazetteerKey, spanHasKey } from './gazetteer.js';

test('spanHasKey answers as comparing the span’s gazetteerKey, ASCII or not', () => {
  const text = 'Talks in U.S. Capital, then MÉXICO and Bank of A.B.C. Holdings; İstanbul.';
  const spans: Array<[number, number]> = [];
  for (const word of ['U.S.', 'U.S. Capital', 'MÉXICO', 'Bank of A.B.C. Holdings', 'İstanbul', 'Talks']) {
    const start = text.indexOf(word);
    spans.push([start, start + word.length]);
  }
  const keys = ['us', 'us capital', 'mexico', 'bank of abc holdings', 'istanbul', 'talks', 'talk', 'talksx', 'u.s.', ''];
  for (const [start, end] of spans) {
    for (const key of keys) assert.equal(spanHasKey(text, start, end, key), gazetteerKey(text.slice(start, end)) === key, `${start} ${key}`);
  }
  assert.ok(spanHasKey(text, spans[1]?.[0] ?? 0, spans[1]?.[1] ?? 0, 'us capital'));
  assert.ok(spanHasKey(text, spans[2]?.[0] ?? 0, spans[2]?.[1] ?? 0, 'mexico'));
});
