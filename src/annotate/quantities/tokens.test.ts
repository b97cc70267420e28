import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { quantityTokens, TOKEN } from './tokens.js';

/** The tokens as the stage read them before: TOKEN over the span's slice. */
function byRegex(text: string, start: number, end: number): Array<[number, number, string]> {
  return [...text.slice(start, end).matchAll(TOKEN)].map((m) => [start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length, m[0].toLowerCase()]);
}

// Pieces where the walk and the regex could part: grouped numerals of every length, marks without digits after
// them, currency prefixes cut short, letters with joins, astral letters and emoji, accented and Greek letters.
const PIECES = [
  'US$',
  'MX$',
  'U',
  'S',
  '$',
  'M',
  'X',
  '€',
  '£',
  '¥',
  '%',
  '1',
  '12',
  '123',
  '1234',
  ',',
  '.',
  ',000',
  '.5',
  '-',
  "'",
  '’',
  'de',
  'Ñ',
  'É',
  'Σ',
  '𝐀',
  '😀',
  ' ',
  'k',
  '\u0301',
];

test('quantityTokens reads exactly the tokens of TOKEN over the span alone', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), fc.nat(), fc.nat(), (pieces, a, b) => {
      const text = pieces.join('');
      const walk = (start: number, end: number) => quantityTokens(text, { start, end }).map((t) => [t.start, t.end, t.lower]);
      assert.deepEqual(walk(0, text.length), byRegex(text, 0, text.length), JSON.stringify(text));
      let start = text.length === 0 ? 0 : a % (text.length + 1);
      if (start > 0 && start < text.length && (text.charCodeAt(start) & 0xfc00) === 0xdc00) start--;
      const end = start + (text.length === start ? 0 : b % (text.length - start + 1));
      assert.deepEqual(walk(start, end), byRegex(text, start, end), JSON.stringify([text, start, end]));
    }),
    { numRuns: 5000 },
  );
});

test('quantityTokens: grouped numerals, currency prefixes and joined words', () => {
  const text = 'US$1,200.50 and 12,3456 items, one-third of 1.200 workers';
  assert.deepEqual(
    quantityTokens(text, { start: 0, end: text.length }).map((t) => t.text),
    ['US$', '1,200.50', 'and', '12,345', '6', 'items', 'one-third', 'of', '1.200', 'workers'],
  );
});
