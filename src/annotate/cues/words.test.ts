import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { WORD, wordsIn } from './words.js';

/** The regex's words from `from`, cut at the first that runs past `to`, as the matcher read them before. */
function byRegex(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
    if (m.index + m[0].length > to) break;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function byWalk(text: string, from: number, to: number): Array<[number, number]> {
  const starts: number[] = [];
  const ends: number[] = [];
  wordsIn(text, from, to, starts, ends);
  return starts.map((s, k) => [s, ends[k] as number]);
}

// Pieces where the two could part: clitics with either apostrophe, \b after them (ASCII word characters, "_",
// accented letters), hyphen and apostrophe joins, digits, astral letters and emoji, spaces. Invented fragments.
const PIECES = [
  "n't",
  'n’t',
  "'ll",
  '’ll',
  'n',
  't',
  'l',
  "'",
  '’',
  '-',
  '_',
  ' ',
  'do',
  'é',
  'Ñ',
  '7',
  '𝐀',
  '😀',
  '\u0301',
  'x',
  '.',
  'well-known',
  "o'",
  'll',
];

test('wordsIn finds exactly the words of the regex, whole text and inside spans', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), fc.nat(), fc.nat(), (pieces, a, b) => {
      const text = pieces.join('');
      assert.deepEqual(byWalk(text, 0, text.length), byRegex(text, 0, text.length), JSON.stringify(text));
      // Spans start at token boundaries in the stage, never inside a surrogate pair: step back off a low half.
      let from = text.length === 0 ? 0 : a % (text.length + 1);
      if (from > 0 && from < text.length && (text.charCodeAt(from) & 0xfc00) === 0xdc00) from--;
      const to = from + (text.length === from ? 0 : b % (text.length - from + 1));
      assert.deepEqual(byWalk(text, from, to), byRegex(text, from, to), JSON.stringify([text, from, to]));
    }),
    { numRuns: 5000 },
  );
});

test('wordsIn: clitics stand alone only where no word runs through them', () => {
  const text = "They won't go; n't alone, we'll see 'll";
  assert.deepEqual(
    byWalk(text, 0, text.length).map(([s, e]) => text.slice(s, e)),
    ['They', "won't", 'go', "n't", 'alone', "we'll", 'see', "'ll"],
  );
});
