import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import type { Story } from '../model/story.js';
import type { Fact } from './facts.js';
import { summarize, wholeSentence } from './summary.js';

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

test('the lead comes first, a conflict is stated, hedged and list-marker lines are left out', () => {
  // Two invented outlets reporting one flood; they disagree on the number of homes evacuated.
  const one = plainArticle(
    'The river Sella burst its banks in the town of Mirano on Sunday, flooding the old quarter.\nAbout 300 homes were evacuated overnight by the fire brigade.\nThe flood may have been the worst in a century.',
    'en',
    'one.txt',
  );
  const two = plainArticle(
    'The river Sella flooded the old quarter of Mirano on Sunday after days of rain.\n- 500 homes were evacuated overnight by the fire brigade.\nThe town council opened the sports hall as a shelter for the families.',
    'en',
    'two.txt',
  );
  const articles = new Map([one, two].map((a) => [a.id, a]));
  const cite = (a: typeof one, words: string) => {
    const start = a.text.indexOf(words);
    return { articleId: a.id, start, end: start + words.length };
  };
  const fact = (text: string, status: Fact['status'], sources: string[], citations: Fact['citations'], extra: Partial<Fact> = {}): Fact => ({
    text,
    status,
    independentSources: sources.length,
    sources,
    citations,
    conflictsWith: [],
    hedged: false,
    matched: [],
    conflictSlots: [],
    developsFrom: [],
    ...extra,
  });
  const lead1 = 'The river Sella burst its banks in the town of Mirano on Sunday, flooding the old quarter.';
  const lead2 = 'The river Sella flooded the old quarter of Mirano on Sunday after days of rain.';
  const facts: Fact[] = [
    fact(lead1, 'corroborated', ['One', 'Two'], [cite(one, lead1), cite(two, lead2)]),
    fact(
      'About 300 homes were evacuated overnight by the fire brigade.',
      'conflicting',
      ['One'],
      [cite(one, 'About 300 homes were evacuated overnight by the fire brigade.')],
      {
        conflictsWith: [2],
      },
    ),
    fact(
      '- 500 homes were evacuated overnight by the fire brigade.',
      'conflicting',
      ['Two'],
      [cite(two, '- 500 homes were evacuated overnight by the fire brigade.')],
      {
        conflictsWith: [1],
      },
    ),
    fact('The flood may have been the worst in a century.', 'single-source', ['One'], [cite(one, 'The flood may have been the worst in a century.')], {
      hedged: true,
    }),
  ];
  const story: Story = {
    id: 's-test',
    title: 'Flood in Mirano',
    articleIds: [one.id, two.id],
    sources: [
      { name: 'One', articleIds: [one.id] },
      { name: 'Two', articleIds: [two.id] },
    ],
    events: [],
  };
  const summary = summarize(story, articles, facts, []);
  assert.equal(summary[0]?.text, lead1);
  assert.equal(summary[0]?.independentSources, 2);
  const texts = summary.map((s) => s.text);
  assert.ok(texts.includes('About 300 homes were evacuated overnight by the fire brigade.'), texts.join(' | '));
  assert.ok(texts.includes('500 homes were evacuated overnight by the fire brigade.'), 'the other side, without its list marker');
  assert.ok(!texts.some((t) => /may have been/.test(t)), 'a hedged line is not in the summary');
  assert.ok(texts.every((t) => !/^[-–—•*]/.test(t)));
});
