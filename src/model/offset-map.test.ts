import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeMaps, identityMap, TextBuilder, toRaw, toRawSpan } from './offset-map.js';

test('TextBuilder maps copied, replaced and inserted text back to raw offsets', () => {
  const raw = 'junk\nHello wâ€”orld\nmore junk\nBye';
  const b = new TextBuilder(raw);
  b.copy(5, 12); // "Hello w"
  b.replace(12, 15, '—');
  b.copy(15, 19); // "orld"
  b.insert('\n\n');
  b.copy(30, 33); // "Bye"
  const { text, map } = b.build();
  assert.equal(text, 'Hello w—orld\n\nBye');
  assert.equal(toRaw(map, 0), 5);
  assert.equal(toRaw(map, 6), 11);
  assert.deepEqual(toRawSpan(map, { start: 7, end: 8 }), { start: 12, end: 15 });
  assert.equal(toRaw(map, 8), 15);
  assert.equal(toRaw(map, text.indexOf('Bye')), 30);
  assert.equal(raw.slice(toRaw(map, 14), toRaw(map, 17, 'end')), 'Bye');
});

test('composeMaps chains two cleaning steps', () => {
  const raw = 'AAxyzBB';
  const first = new TextBuilder(raw).copy(2, 5).build(); // "xyz" ← raw[2,5)
  const second = new TextBuilder(first.text).copy(1, 3).build(); // "yz" ← first[1,3)
  const map = composeMaps(second.map, first.map);
  assert.deepEqual(toRawSpan(map, { start: 0, end: 2 }), { start: 3, end: 5 });
  assert.deepEqual(composeMaps(identityMap(4), identityMap(4)), identityMap(4));
});
