import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import type { Article } from '../../model/article.js';
import { defaultStages } from '../../pipeline/registry.js';
import { createPipeline } from '../../pipeline/runner.js';
import { alignUnits, guardedPairs, SAME_FACT } from '../align.js';
import { type FactUnit, factUnits } from '../units.js';
import { argumentOnly, FEATURES, momentsApart, toldApart } from './features.js';
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

// Stages of one fictional case, told by two outlets: each outlet's sentences are its own claims.
const TRIAL = [
  'Dario Feltham pleaded not guilty to the murder of Lena Ostrova at his first hearing in Varnholt in March. The trial drew crowds to the court in Varnholt every day. Feltham was found guilty of the murder of Lena Ostrova by a jury in Varnholt on Friday.',
  'A jury in Varnholt on Friday convicted Dario Feltham of murdering Lena Ostrova. Feltham had denied the murder of Ostrova when he first appeared in court in March. He will be sentenced next month.',
];

/**
 * Whether the two claims starting with these words pass the gate (a guarded pair, so the decision is the model's
 * and the stage rules', not the gate's) and whether they are aligned as one fact.
 */
function decision(u: ReturnType<typeof story>, first: string, second: string): { guarded: boolean; aligned: boolean } {
  const i = u.findIndex((x) => x.text.startsWith(first));
  const j = u.findIndex((x) => x.text.startsWith(second));
  assert.ok(i >= 0 && j >= 0, `claims "${first}" and "${second}" in ${u.map((x) => x.text).join(' / ')}`);
  const same = (p: { i: number; j: number } | { a: number; b: number }) => {
    const [x, y] = 'i' in p ? [p.i, p.j] : [p.a, p.b];
    return (x === i && y === j) || (x === j && y === i);
  };
  return { guarded: guardedPairs(u).some(same), aligned: alignUnits(u).pairs.some(same) };
}

test('a not-guilty plea and the later verdict of one case are two facts; the verdict told twice is one', () => {
  const u = story(TRIAL);
  assert.deepEqual(decision(u, 'Dario Feltham pleaded', 'A jury in Varnholt'), { guarded: true, aligned: false }, 'plea beside verdict');
  assert.deepEqual(decision(u, 'Feltham was found guilty', 'A jury in Varnholt'), { guarded: true, aligned: true }, 'the verdict in other words');
});

test('two scores of one game at different points are not one fact', () => {
  const u = story([
    'The Kessling Herons stretched their lead over Varnholt to 62-46 early in the fourth quarter. Mara Voss scored 31 points for the Herons.',
    'The Kessling Herons stretched their lead over Varnholt to 50-44 late in the third quarter. Voss finished with 31 points.',
  ]);
  assert.deepEqual(
    decision(u, 'The Kessling Herons stretched their lead over Varnholt to 62', 'The Kessling Herons stretched their lead over Varnholt to 50'),
    {
      guarded: true,
      aligned: false,
    },
  );
});

test('a killing told as background of new rioting does not corroborate the killing itself; a restatement does', () => {
  const u = story([
    'Riots broke out again in Kessling on Sunday night after police shot dead Tomas Arlen on Friday. The city council met on Monday to discuss a curfew for the old town.',
    'Police shot dead Tomas Arlen in Kessling on Friday. His family has asked for an independent inquiry into the shooting.',
    'Tomas Arlen was shot dead by police in Kessling on Friday, the city said. Shops in the old town stayed closed on Monday.',
  ]);
  assert.deepEqual(decision(u, 'Riots broke out', 'Police shot dead'), { guarded: true, aligned: false }, 'background beside the news');
  assert.deepEqual(decision(u, 'Police shot dead', 'Tomas Arlen was shot dead'), { guarded: true, aligned: true }, 'the killing in other words');
});

test('two scores of one game with no figure in common are two moments, never one fact', () => {
  const u = units('Varnholt stretched its lead to 62-46 in the second half.', "Arlen Moss's three-point play stretched the Varnholt lead to 50-44.");
  const pairs = guardedPairs(u);
  assert.ok(pairs.length > 0, 'the two claims share a frame');
  assert.ok(pairs.every((p) => momentsApart(p.features) && toldApart(p.features)));
  assert.deepEqual(alignUnits(u, 0).pairs, [], 'not aligned even at a bar of 0');
});

test('a plea and a verdict met only on the charges are two facts; "found guilty" is no verb of saying', () => {
  const u = units(
    'A Lurra man has pleaded not guilty to two murder charges for the deaths of a Kessling couple.',
    'A Lurra man was found guilty Thursday on two murder charges for the deaths of a Kessling couple.',
  );
  const found = u[1]?.frame.verbs.find((v) => u[1]?.frame.text.startsWith('found', v.at));
  assert.equal(found?.reporting, false, 'a verdict, not reported speech');
  const pairs = guardedPairs(u);
  assert.ok(pairs.length > 0, 'the two claims share a frame');
  assert.ok(pairs.every((p) => argumentOnly(p.features, (u[p.i] as FactUnit).frame, (u[p.j] as FactUnit).frame)));
  assert.deepEqual(alignUnits(u, 0).pairs, []);
});
