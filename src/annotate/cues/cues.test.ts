import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import { runStage } from '../../pipeline/runner.js';
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
