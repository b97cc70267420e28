import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../model/seeded-random.js';
import { shapeOf } from './features.js';

/** The shape as the regex replacements define it (what every ASCII word's one-pass shape must equal). */
function regexShape(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\d/g, 'd')
    .replace(/(.)\1+/g, '$1');
}

test('the one-pass shape of ASCII words is the regex shape, runs and line breaks included', () => {
  const random = seededRandom(5);
  for (let trial = 0; trial < 5_000; trial++) {
    const length = 1 + Math.floor(random() * 12);
    // Every ASCII code, with letters and digits weighted up so runs of each class are common.
    const word = Array.from({ length }, () => {
      const r = random();
      if (r < 0.3) return 'AZQ'.charAt(Math.floor(random() * 3));
      if (r < 0.6) return 'azq'.charAt(Math.floor(random() * 3));
      if (r < 0.75) return '059'.charAt(Math.floor(random() * 3));
      return String.fromCharCode(Math.floor(random() * 128));
    }).join('');
    assert.equal(shapeOf(word), regexShape(word), JSON.stringify(word));
  }
  for (const word of ['Über', 'ÉTAT', 'naïve', 'Zoë-2', '\n\n', 'a\r\rb']) assert.equal(shapeOf(word), regexShape(word));
});
