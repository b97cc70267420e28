import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { cues } from '../annotate/cues/cues.js';
import { quotes } from '../annotate/quotes/quotes.js';
import type { Article } from '../model/article.js';
import { runStage } from '../pipeline/runner.js';
import { framingOf } from './framing.js';

// An invented commentary: a loaded headline, an imperative, the first person, and a loaded word only inside a quote.
function commentary(): Article {
  const plain = plainArticle(
    'Reckless council wrecks the harbour plan\nConsider what the town loses if the ferry stops.\nWe have watched this harbour decline for a decade.\n“It is a disastrous, brazen plan,” said the mayor of Lunde.\nThe council will vote again in June.',
  );
  const blocks = (plain.layers.blocks ?? []).map((b, i) => (i === 0 ? { ...b, kind: 'headline' as const } : b));
  const withHeadline: Article = { ...plain, layers: { ...plain.layers, blocks } };
  return runStage(cues(), runStage(quotes(), withHeadline));
}

test('framing signals: a loaded headline is listed with its citation, quoted words are not, opinion form counted', () => {
  const article = commentary();
  const f = framingOf([article]);
  assert.equal(f.sentences, 4, 'the headline is not counted as prose');
  assert.deepEqual(
    f.loadedWords.map((w) => w.word),
    ['reckless'],
  );
  const cited = f.loadedWords[0]?.citations?.[0];
  assert.equal(article.text.slice(cited?.start, cited?.end), 'Reckless');
  assert.equal(f.imperatives, 1);
  assert.equal(f.firstPersonShare, 1 / 4);
  assert.equal(f.opinionShare, 2 / 4);
});
