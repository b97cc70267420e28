import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import { runStage } from '../../pipeline/runner.js';
import { quotes } from '../quotes/quotes.js';
import { cues } from './cues.js';

// Fictional sentences written for these tests.
function kinds(text: string, language = 'en'): string[] {
  return (runStage(cues(), plainArticle(text, language)).layers.cues ?? []).map((c) => `${c.kind}:${c.text}`);
}

test('English hedges, attribution, future and negation, whole words only', () => {
  assert.deepEqual(kinds('The mayor reportedly resigned, according to two aides. She is expected to leave but will not comment.'), [
    'hedge:reportedly',
    'attribution:according to',
    'future:is expected to',
    'future:will',
    'negation:not',
  ]);
  assert.deepEqual(kinds('Nothing in the notebook was renotable.'), ['negation:Nothing']);
});

test('"May" the month and "Will" the name are not cues; "estimated" matches the estimat* prefix', () => {
  assert.deepEqual(kinds('Will Ortega arrived on May 5 with an estimated 300 guests.'), ['hedge:estimated']);
});

test('Spanish: presuntamente, según, se espera', () => {
  assert.deepEqual(kinds('El alcalde presuntamente mintió, según la prensa. Se espera que no renuncie.', 'es'), [
    'hedge:presuntamente',
    'attribution:según',
    'future:Se espera',
    'negation:no',
  ]);
});

test('the kinds option keeps only the kinds asked for', () => {
  const article = runStage(cues({ kinds: ['hedge'] }), plainArticle('He allegedly said he will not run.'));
  assert.deepEqual(
    article.layers.cues?.map((c) => c.kind),
    ['hedge'],
  );
});

test('a charged word inside a fixed technical expression is not loaded; alone it is', () => {
  const found = kinds('Engineers removed two improvised explosive devices from the depot. The council called it an explosive report.');
  assert.deepEqual(
    found.filter((k) => k.startsWith('loaded')),
    ['loaded:explosive'],
  );
  const article = runStage(cues(), plainArticle('Engineers removed two improvised explosive devices from the depot.'));
  assert.equal(
    article.layers.cues?.some((c) => c.kind === 'loaded'),
    false,
  );
});

test('framing signals are read in the outlet’s voice: quoted words do not count; first person and imperatives do', () => {
  const withQuotes = runStage(quotes(), plainArticle('“This is a shocking and reckless plan,” the mayor said.\nConsider what we lose if the ferry stops.'));
  const found = (runStage(cues(), withQuotes).layers.cues ?? []).map((c) => `${c.kind}:${c.text}`);
  assert.equal(found.includes('loaded:reckless'), false, found.join(' '));
  assert.ok(found.includes('imperative:Consider'), found.join(' '));
  assert.ok(found.includes('first-person:we'), found.join(' '));
});

test('promotional language is a signal of its own; "US" is not the pronoun "us"', () => {
  const found = kinds('The successful summit demonstrates the US resolve to help us all.');
  assert.ok(found.includes('promotional:successful'));
  assert.ok(found.includes('promotional:demonstrates'));
  assert.deepEqual(
    found.filter((k) => k.startsWith('first-person')),
    ['first-person:us'],
  );
});
