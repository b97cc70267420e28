import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceSpans, tokenOffsets, tokenSpans } from './tokenize.js';

function words(text: string): string[] {
  return tokenSpans(text).map((t) => text.slice(t.start, t.end));
}

function sentences(text: string): string[] {
  return sentenceSpans(text, tokenOffsets(text)).map((s) => text.slice(s.start, s.end));
}

test('tokens: clitics split off, abbreviations and initials keep their period, numbers and hyphenated words stay whole', () => {
  assert.deepEqual(words("Ms. Varga didn't sign Orlen's deal."), ['Ms.', 'Varga', 'did', "n't", 'sign', 'Orlen', "'s", 'deal', '.']);
  assert.deepEqual(words('They’re in the U.S. at 10:30 p.m.'), ['They', '’re', 'in', 'the', 'U.S.', 'at', '10:30', 'p.m.']);
  assert.deepEqual(words('J. Halloran paid $1,200.50 (about 3.5%) on 2026-03-04.'), [
    'J.',
    'Halloran',
    'paid',
    '$',
    '1,200.50',
    '(',
    'about',
    '3.5',
    '%',
    ')',
    'on',
    '2026-03-04',
    '.',
  ]);
  assert.deepEqual(words('A well-known O’Neill firm -- AT&T -- wait...'), ['A', 'well-known', 'O’Neill', 'firm', '--', 'AT&T', '--', 'wait', '...']);
});

test('tokens: offsets point into the text, web addresses are one token without trailing punctuation', () => {
  const text = 'See https://example.org/a?b=1, or www.example.org. Done 🎉!';
  const spans = tokenSpans(text);
  assert.deepEqual(words(text), ['See', 'https://example.org/a?b=1', ',', 'or', 'www.example.org', '.', 'Done', '🎉', '!']);
  for (let i = 1; i < spans.length; i++) assert.ok((spans[i - 1]?.end ?? 0) <= (spans[i]?.start ?? 0));
});

/** Fastest of three runs, in ms (the machine is shared: the minimum is the least disturbed). */
function fastest(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

test('tokens: linear on a long run without spaces (a hostile text)', () => {
  assert.equal(tokenSpans('a.'.repeat(1000)).length, 1);
  const short = fastest(() => tokenSpans('a.'.repeat(50_000)));
  const long = fastest(() => tokenSpans('a.'.repeat(400_000)));
  // Eight times the text: a linear pass takes about eight times as long, a quadratic one sixty-four.
  assert.ok(long < short * 20 + 50, `50k pairs ${short.toFixed(1)} ms, 400k pairs ${long.toFixed(1)} ms`);
});

test('sentences: end at final punctuation with closing quotes, not after titles, initials or mid-name abbreviations', () => {
  assert.deepEqual(sentences('Mr. Lindqvist arrived. He said: "It is over." Then he left!'), [
    'Mr. Lindqvist arrived.',
    'He said: "It is over."',
    'Then he left!',
  ]);
  assert.deepEqual(sentences('The U.S. Army said so. Its base is in the U.S. The talks end at 5 p.m. Monday.'), [
    'The U.S. Army said so.',
    'Its base is in the U.S.',
    'The talks end at 5 p.m. Monday.',
  ]);
  assert.deepEqual(sentences('C. Dorsey Jr. of Acme Inc. spoke. "Why?" she asked.'), ['C. Dorsey Jr. of Acme Inc. spoke.', '"Why?" she asked.']);
});

test('sentences: a blank line ends a sentence; lower case after a period does not start one', () => {
  assert.deepEqual(sentences('First heading\n\nSecond line. and more'), ['First heading', 'Second line. and more']);
  assert.deepEqual(sentences(''), []);
});
