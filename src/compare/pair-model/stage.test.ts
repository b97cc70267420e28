import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import type { Article } from '../../model/article.js';
import { defaultStages } from '../../pipeline/registry.js';
import { createPipeline } from '../../pipeline/runner.js';
import { alignUnits, guardedPairs } from '../align.js';
import { claimFrame } from '../claims.js';
import { factUnits } from '../units.js';
import { FEATURES, stagesApart } from './features.js';
import { claimStages } from './stage.js';

// Fictional people, places and bodies, written for these tests.

function frame(text: string) {
  return claimFrame({ text, offset: 0, language: 'en', entities: [], quantities: [], dates: [], quotes: [], excluded: [], asides: [], negated: false });
}

const mainStage = (text: string) => claimStages(frame(text), undefined).main;

test('a claim tells its happening as planned, requested, under way or done', () => {
  assert.equal(mainStage('Minister Talia Brenner will travel to Kessling next week.'), 'planned');
  assert.equal(mainStage('Brenner plans to visit Kessling in the coming weeks.'), 'planned');
  assert.equal(mainStage('Brenner to visit Kessling'), 'planned', "a headline's future");
  assert.equal(mainStage('Oskar Veldt is to be the new envoy to Dornvale.'), 'planned');
  const flying = 'Brenner is flying to Kessling on Tuesday for talks.';
  const tuesday = { value: '2031-05-06', text: 'tuesday', at: flying.indexOf('Tuesday'), end: flying.indexOf(' for') };
  assert.equal(claimStages({ ...frame(flying), dates: [tuesday] }, undefined).main, 'ongoing', 'a progressive with a time: arranged');
  assert.equal(mainStage('Brenner is making her third visit to Kessling.'), 'other', 'a progressive without a time: a state now');
  assert.equal(mainStage('Botanists called on the ministry to repeal the Lurra logging rules.'), 'requested');
  assert.equal(mainStage('Brenner arrived in Kessling on Tuesday for talks.'), 'done');
  assert.equal(mainStage('The ministry has repealed the Lurra logging rules.'), 'done');
});

test('what sets no stage apart: a past progressive, a preposition before a participle, a headline present', () => {
  assert.equal(mainStage('The prosecutors were considering whether to file charges.'), 'other');
  assert.equal(mainStage('Varnholt forward Arlen Moss to injured reserve'), 'other');
  assert.equal(mainStage('Ministry Repeals Lurra Logging Rules'), 'other');
});

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

function units(a: string, b: string) {
  const articles: Article[] = [a, b].map((text, i) =>
    pipeline.run({ ...plainArticle(text, 'en', `${i}.txt`), published: { date: '2031-05-07', basis: 'url' } }),
  );
  return factUnits(articles, new Map(articles.map((x, i) => [x.id, `Outlet ${i}`])), new Map());
}

const STAGE = FEATURES.indexOf('stageDiffers');

test('a plan and the completed act are two facts, whatever the model says', () => {
  const u = units(
    'Foreign minister Talia Brenner will travel to Kessling on Friday for talks with president Oskar Veldt.',
    'Foreign minister Talia Brenner arrived in Kessling on Friday for talks with president Oskar Veldt.',
  );
  const pairs = guardedPairs(u);
  assert.ok(pairs.length > 0, 'the two claims share a frame');
  assert.ok(
    pairs.every((p) => p.features[STAGE] === 1 && stagesApart(p.features)),
    'the stage tells them apart',
  );
  assert.deepEqual(alignUnits(u, 0).pairs, [], 'not aligned even at a bar of 0');
});

test('a request of someone and the act itself are two facts', () => {
  const u = units(
    'Botanists from Lurra University called on the Dornvale ministry to repeal the Ostmark logging rules.',
    'The Dornvale ministry repealed the Ostmark logging rules on Monday.',
  );
  assert.ok(guardedPairs(u).length > 0, 'the two claims share a frame');
  assert.deepEqual(alignUnits(u, 0).pairs, []);
});

test('a restatement at one stage still aligns', () => {
  const u = units(
    'Foreign minister Talia Brenner arrived in Kessling on Friday for talks with president Oskar Veldt.',
    'Talia Brenner, the foreign minister, landed in Kessling on Friday for talks with Oskar Veldt.',
  );
  const { pairs } = alignUnits(u);
  assert.equal(pairs.length, 1);
  assert.ok(guardedPairs(u).every((p) => p.features[STAGE] === 0));
});

test('an arrangement on a day and a plan with no day are two moments of one trip', () => {
  const u = units(
    'Foreign minister Talia Brenner will travel to Kessling in the coming weeks for talks with president Oskar Veldt.',
    'Foreign minister Talia Brenner is flying to Kessling on Tuesday for talks with president Oskar Veldt.',
  );
  const pairs = guardedPairs(u);
  assert.ok(pairs.length > 0, 'the two claims share a frame');
  assert.ok(
    pairs.every((p) => p.features[STAGE] === 1),
    'the time slots of two precisions tell them apart',
  );
  assert.deepEqual(alignUnits(u, 0).pairs, []);
});

test('two plans, one with a day and one without, are still one plan', () => {
  const u = units(
    'Foreign minister Talia Brenner will travel to Kessling on Tuesday for talks with president Oskar Veldt.',
    'Foreign minister Talia Brenner will travel to Kessling for talks with president Oskar Veldt.',
  );
  assert.ok(guardedPairs(u).length > 0);
  assert.ok(guardedPairs(u).every((p) => p.features[STAGE] === 0));
});
