import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import type { ClaimFrame } from './claims.js';
import { matchFrames } from './frames.js';
import { factUnits } from './units.js';

// Fictional people and places, written for these tests.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

/** The frame of the claim `claim` (its whole text) of a short article. */
function frameIn(text: string, claim: string, name: string): ClaimFrame {
  const article = pipeline.run({ ...plainArticle(text, 'en', name), published: { date: '2031-05-07', basis: 'url' } });
  const unit = factUnits([article], new Map([[article.id, name]]), new Map()).find((u) => u.text.replace(/[.]$/u, '') === claim);
  assert.ok(unit, `no claim "${claim}" in: ${text}`);
  return unit.frame;
}

test('"the city" stands for the town the article names, as a named place', () => {
  const frame = frameIn(
    'Mayor Ilse Varga arrived in Lindqvar on Monday for talks on the harbour. This visit, her first to the city since taking office, drew crowds.',
    'This visit, her first to the city since taking office',
    'one.txt',
  );
  const city = frame.args.find((x) => x.shown === 'Lindqvar');
  assert.ok(city, frame.args.map((x) => x.key).join(', '));
  assert.equal(city.named, true);
  assert.equal(city.entity, 'place');
  assert.ok(frame.places.has(city.key));
  assert.ok(!frame.args.some((x) => x.key === 'city'), 'the head noun is no argument of its own');
});

test('a description resolved to the named person aligns with the claim that names her; unresolved it does not', () => {
  const named = frameIn('Mira Dalen checked into a clinic near the coast.', 'Mira Dalen checked into a clinic near the coast', 'one.txt');
  const told = 'The actress checked into rehab on her own';
  const described = frameIn(`Mira Dalen starred in the film Harbour Lights. ${told}.`, told, 'two.txt');
  const match = matchFrames(named, described);
  assert.ok(match, 'one check-in told with the name and with a description');
  assert.ok(
    match.slots.some((s) => s.startsWith('actor:') && s.includes('Mira Dalen')),
    match.slots.join(' | '),
  );
  // The same words with no name before them describe no one the article gives.
  assert.equal(matchFrames(named, frameIn(`${told}.`, told, 'three.txt')), null);
});

test('a description never stands for a name its own claim gives', () => {
  const frame = frameIn(
    'Talks opened in Lindqvar on Monday. The city sent envoys to Brasko on Tuesday.',
    'The city sent envoys to Brasko on Tuesday',
    'one.txt',
  );
  const brasko = frame.args.filter((x) => x.shown === 'Brasko');
  assert.equal(brasko.length, 1, frame.args.map((x) => x.shown).join(', '));
  assert.ok(frame.args.some((x) => x.shown === 'Lindqvar'));
});

test("a description with the name right after it is that name, not the article's earlier one", () => {
  const frame = frameIn(
    'Floods hit Lindqvar on Monday. Rescuers reached the town of Orsund by boat.',
    'Rescuers reached the town of Orsund by boat',
    'one.txt',
  );
  assert.ok(!frame.args.some((x) => x.shown === 'Lindqvar'), frame.args.map((x) => x.shown).join(', '));
});

test("a subject pronoun the entity layer left is the article's subject only when one person plainly dominates it", () => {
  const opening = 'Mira Dalen starred in the film Harbour Lights. Critics praised';
  const closing = 'for the role. The film closed in May after a long run. She checked into rehab on her own.';
  const claim = 'She checked into rehab on her own';
  const one = frameIn(`${opening} Dalen ${closing}`, claim, 'one.txt');
  assert.ok(
    one.args.some((x) => x.key === 'dalen' && x.named === false),
    one.args.map((x) => x.key).join(', '),
  );
  const two = frameIn(`${opening} Ilse Varga ${closing}`, claim, 'two.txt');
  assert.ok(!two.args.some((x) => x.entity === 'person'), two.args.map((x) => x.key).join(', '));
});
