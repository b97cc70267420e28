import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mayHoldNumber, NUMBER_HINT } from './hint.js';

// The walk must answer exactly as the regex it fronts, on the cases where they could part: case folding (the
// Kelvin sign, the long s, "Ó"), letters beside a word (ASCII, accented, astral), hyphenated and two-word entries.
const PIECES = [
  'ten',
  'TEN',
  'Ten',
  'one',
  'third',
  'one-third',
  'dos',
  'tercios',
  'millón',
  'MILLÓN',
  'mil',
  'k',
  'm',
  'bn',
  '\u212a',
  '\u017f',
  'ſeven',
  'a',
  'é',
  'ó',
  'x',
  '𝐀',
  '😀',
  '-',
  ' ',
  "'",
  '’',
  '.',
  '\n',
  '7',
  'often',
  'miles',
];

test('mayHoldNumber answers as the hint regex on every mix of tricky pieces', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), fc.string({ maxLength: 3 }), (pieces, noise) => {
      const text = `${noise}${pieces.join('')}${noise}`;
      assert.equal(mayHoldNumber(text, 0, text.length), NUMBER_HINT.test(text), JSON.stringify(text));
      // A span inside a longer text reads only its own characters.
      const inner = `xx${text}yy`;
      assert.equal(mayHoldNumber(inner, 2, 2 + text.length), NUMBER_HINT.test(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});

test('mayHoldNumber: a word, a digit or neither', () => {
  assert.equal(mayHoldNumber('The council met twice.', 0, 22), false);
  assert.equal(mayHoldNumber('Thirty-one workers left.', 0, 24), true);
  assert.equal(mayHoldNumber('A \u212a-rated index.', 0, 17), true);
  assert.equal(mayHoldNumber('Room 4B.', 0, 8), true);
  assert.equal(mayHoldNumber('Someone left.', 0, 13), false);
});
