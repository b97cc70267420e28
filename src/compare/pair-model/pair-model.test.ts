import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import type { Article } from '../../model/article.js';
import { defaultStages } from '../../pipeline/registry.js';
import { createPipeline } from '../../pipeline/runner.js';
import { alignUnits, guardedPairs, SAME_FACT } from '../align.js';
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

// One story of three outlets on one fictional meeting: many claims share its names and topic words.
const MEETING = [
  'Foreign minister Talia Brenner of Dornvale met Varnholt president Oskar Veldt in Kessling on Tuesday. The meeting between Brenner and Veldt could set the tone for relations between Dornvale and Varnholt this year. Brenner arrived in Kessling on Monday evening after a stop in Lurra. Veldt has pressed Dornvale for months to curb smuggling across the river border.',
  'Talia Brenner held talks with Oskar Veldt in Kessling on Tuesday, her first visit to Varnholt as foreign minister. The meeting between Brenner and Veldt highlighted both cooperation and friction between Dornvale and Varnholt. Veldt said Varnholt would send more patrol boats to the river border. Brenner is due to travel on to Ostmark on Thursday.',
  'Dornvale foreign minister Talia Brenner and Varnholt president Oskar Veldt met in Kessling on Tuesday. Brenner and Veldt spoke for two hours about smuggling, the river border and a stalled trade accord. Varnholt has threatened a 20% duty on goods from Dornvale. Brenner travels on to Ostmark on Thursday.',
];

function story(texts: readonly string[]) {
  const articles: Article[] = texts.map((text, i) =>
    pipeline.run({ ...plainArticle(text, 'en', `${i}.txt`), published: { date: '2031-05-07', basis: 'url' } }),
  );
  return factUnits(articles, new Map(articles.map((x, i) => [x.id, `Outlet ${i}`])), new Map());
}

function alignedTexts(u: ReturnType<typeof story>): Set<string> {
  return new Set(alignUnits(u).pairs.map((p) => [u[p.a]?.text, u[p.b]?.text].sort().join(' | ')));
}

test('two claims on one topic that tell different things pass the gate but are not aligned', () => {
  const u = story(MEETING);
  const pressed = u.findIndex((x) => x.text.startsWith('Veldt has pressed'));
  const spoke = u.findIndex((x) => x.text.startsWith('Brenner and Veldt spoke'));
  const guarded = guardedPairs(u).find((p) => (p.i === pressed && p.j === spoke) || (p.i === spoke && p.j === pressed));
  assert.ok(guarded, 'the two claims share a predicate class and arguments: the model decides, not the gate');
  assert.ok(probability(shippedModel(), guarded.features) < SAME_FACT, 'months of pressure and one two-hour talk are two claims');
  assert.ok(!alignedTexts(u).has([u[pressed]?.text, u[spoke]?.text].sort().join(' | ')));
});

test('a claim restated in other words by another outlet is aligned in the same story', () => {
  const aligned = alignedTexts(story(MEETING));
  assert.ok(
    aligned.has(['Brenner is due to travel on to Ostmark on Thursday.', 'Brenner travels on to Ostmark on Thursday.'].join(' | ')),
    [...aligned].join('\n'),
  );
  assert.ok(
    aligned.has(
      [
        'Dornvale foreign minister Talia Brenner and Varnholt president Oskar Veldt met in Kessling on Tuesday.',
        'Foreign minister Talia Brenner of Dornvale met Varnholt president Oskar Veldt in Kessling on Tuesday.',
      ].join(' | '),
    ),
    [...aligned].join('\n'),
  );
});
