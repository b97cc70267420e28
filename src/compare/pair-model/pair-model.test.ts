import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import type { Article } from '../../model/article.js';
import { defaultStages } from '../../pipeline/registry.js';
import { createPipeline } from '../../pipeline/runner.js';
import { alignUnits, guardedPairs } from '../align.js';
import { factUnits } from '../units.js';
import { FEATURES } from './features.js';
import { checkedModel, probability, SHIPPED_MODELS, shippedModel } from './model.js';

// Fictional places, people and companies, written for these tests.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

function units(a: string, b: string) {
  const articles: Article[] = [a, b].map((text, i) =>
    pipeline.run({ ...plainArticle(text, 'en', `${i}.txt`), published: { date: '2031-05-07', basis: 'url' } }),
  );
  return factUnits(articles, new Map(articles.map((x, i) => [x.id, `Outlet ${i}`])), new Map());
}

test('the shipped models load, match the features the code computes, and give probabilities', () => {
  const SHIPPED_MODEL = shippedModel();
  for (const m of [SHIPPED_MODELS.even, SHIPPED_MODELS.odd, SHIPPED_MODELS.all]) assert.equal(checkedModel(m, FEATURES), m);
  assert.ok(
    SHIPPED_MODEL.weights.some((w) => w !== 0),
    'trained weights, not zeros',
  );
  const p = probability(SHIPPED_MODEL, SHIPPED_MODEL.mean);
  assert.ok(p > 0 && p < 1);
  assert.throws(() => checkedModel({ ...SHIPPED_MODEL, features: ['overlap'] }, FEATURES), /retrain/);
});

test('a shared name alone never aligns: the same minister on two different subjects', () => {
  const u = units(
    'Minister Talia Brenner praised the new harbour bridge as a great thing for the whole region of Dornvale.',
    'Minister Talia Brenner will attend the football final between Varnholt and Eskel next spring in the capital.',
  );
  assert.deepEqual(guardedPairs(u), [], 'no guarded pair: they share a name and a title, no happening');
  assert.deepEqual(alignUnits(u, 0).pairs, []);
});

test('two paraphrases of one happening with the same frame align, with the matched slots', () => {
  const u = units(
    'Police arrested Marten Oakridge in Varnholt on Tuesday after a long search for the stolen paintings.',
    'Marten Oakridge was detained by police in Varnholt on Tuesday over the theft of the paintings.',
  );
  const { pairs } = alignUnits(u);
  assert.equal(pairs.length, 1);
  assert.ok(pairs[0]?.slots.includes('predicate: arrest'), pairs[0]?.slots.join('; '));
  assert.ok((pairs[0]?.score ?? 0) >= 0.5);
});
