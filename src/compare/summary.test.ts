import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeSentence } from './summary.js';

// Fictional sentences written for these tests.
const cite = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { articleId: 'a', start, end: start + part.length };
};

test('a bullet or a dateline before a sentence is moved out of the citation', () => {
  const text =
    'Intro.\n- The harbour authority reopened the northern pier to cargo ships on Friday.\nPORTO VELHO — The council approved the new water tariff after a long night of debate.';
  const bullet = wholeSentence(text, cite(text, '- The harbour authority reopened the northern pier to cargo ships on Friday.'));
  assert.equal(bullet?.text, 'The harbour authority reopened the northern pier to cargo ships on Friday.');
  assert.equal(text.slice(bullet?.citation.start, bullet?.citation.end), bullet?.text);
  const dateline = wholeSentence(text, cite(text, 'PORTO VELHO — The council approved the new water tariff after a long night of debate.'));
  assert.equal(dateline?.text, 'The council approved the new water tariff after a long night of debate.');
});

test('words starting inside a quote, in lower case, or without a final stop are not whole sentences', () => {
  const text =
    '"The pier is safe. We reopened it for the fishing fleet and for the ferries," the harbour master told the council. and then the harbour master left the room after the vote. The harbour master left the room after the vote without a word';
  assert.equal(wholeSentence(text, cite(text, 'We reopened it for the fishing fleet and for the ferries," the harbour master told the council.')), null);
  assert.equal(wholeSentence(text, cite(text, 'and then the harbour master left the room after the vote.')), null);
  assert.equal(wholeSentence(text, cite(text, 'The harbour master left the room after the vote without a word')), null);
  const whole = '"The pier is safe. We reopened it for the fishing fleet and for the ferries," the harbour master told the council.';
  assert.equal(wholeSentence(text, cite(text, whole))?.text, whole);
});
