import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { beginTokenizing, generation, lowerText, wordId, wordText } from './words.js';

// Spellings where ids could part from the text: case pairs, the capital sigma (lower-cased alone, not in context),
// a dotted capital I (longer in lower case), astral letters, apostrophes. Invented fragments.
const PIECES = ['a', 'A', 'May', 'may', 'MAY', 'Σ', 'ΟΔΟΣ', 'İ', 'i̇', '𝐀', 'don', "'", '’', 'x', 'é', 'É', '1990', '-'];
const SPELLING = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));

test('a span gets the id of its spelling, wherever it stands, and the id gives the spelling back', () => {
  fc.assert(
    fc.property(fc.array(SPELLING, { minLength: 1, maxLength: 12 }), (words) => {
      const text = words.join(' ');
      let at = 0;
      for (const word of words) {
        const id = wordId(text, at, at + word.length);
        assert.equal(wordText(id), word);
        assert.equal(wordId(word, 0, word.length), id);
        assert.equal(lowerText(id), word.toLowerCase());
        at += word.length + 1;
      }
    }),
  );
});

test('the table is emptied only between tokenizations, past its bound, and the generation says so', () => {
  const before = generation();
  wordId('Zorbland', 0, 8);
  for (let k = 0; k < 60_000 && generation() === before; k++) {
    const word = `w${k}`;
    wordId(word, 0, word.length);
    if (k % 1000 === 999) beginTokenizing();
  }
  assert.ok(generation() > before, 'a table past its bound is emptied');
  // Emptied whole: the next spelling is the new generation's first id.
  assert.equal(wordId('Zorbland', 0, 8), 0);
  assert.equal(wordText(0), 'Zorbland');
});
