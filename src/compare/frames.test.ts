import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { matchFrames } from './frames.js';
import { RELATED_TABLES, relatedSet, withRelatedPredicates } from './related-predicates.js';
import { factUnits } from './units.js';

// Fictional people and places, written for these tests.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

/** The frame of the first claim of a one-sentence article. */
function frameOf(text: string, name: string) {
  const article = pipeline.run({ ...plainArticle(text, 'en', name), published: { date: '2031-05-07', basis: 'url' } });
  const unit = factUnits([article], new Map([[article.id, name]]), new Map())[0];
  assert.ok(unit, `no claim in: ${text}`);
  return unit.frame;
}

const KILLED = frameOf('Gunmen killed the shopkeeper Tomas Ferrow in Lindqvar on Monday, May 5.', 'one.txt');
const DIED = frameOf('Tomas Ferrow died in Lindqvar on Monday, May 5, after he was hit by several bullets.', 'two.txt');

test('the learned table relates "killed" and "died" (ECB+ chains), and a related class with a name in another role and the same date aligns', () => {
  assert.ok(RELATED_TABLES.all.some(([x, y]) => x === 'die' && y === 'kill'));
  const match = matchFrames(KILLED, DIED);
  assert.ok(match, 'one killing told as a death');
  assert.ok(match.slots.some((s) => s.startsWith('predicate: kill ~ die') || s.startsWith('predicate: die ~ kill')));
  assert.ok(match.slots.some((s) => s.includes('Ferrow')));
});

test('without the relation the two classes never meet', () => {
  assert.equal(
    withRelatedPredicates(relatedSet([]), () => matchFrames(KILLED, DIED)),
    null,
  );
});

test('a shared place alone never aligns, even with one predicate class', () => {
  const a = frameOf('Protesters marched through the town of Lindqvar against the new toll on the bridge.', 'one.txt');
  const b = frameOf('Farmers marched into the city of Lindqvar to demand higher grain prices.', 'two.txt');
  assert.equal(matchFrames(a, b), null);
});

test('a name shared in another role with nothing else specific does not align', () => {
  const a = frameOf('Investigators questioned Ilse Varga about the missing ledgers.', 'one.txt');
  const b = frameOf('Ilse Varga questioned the budget of the harbour authority.', 'two.txt');
  assert.equal(matchFrames(a, b), null);
});

test('a noun modifier after a name is no predicate ("the Halvard defence team")', () => {
  const frame = frameOf('Ingrid Solvang joined the Halvard defence team last week.', 'one.txt');
  assert.ok(!frame.predicates.has('defenc') && !frame.predicates.has('protect'), [...frame.predicates].join(', '));
  assert.ok(frame.args.some((x) => x.shown === 'defence'));
});

test('two related classes meet as the main happening of a claim, not as side verbs of two other stories', () => {
  const table = relatedSet([['announce', 'release', 1, 0]]);
  const mains = withRelatedPredicates(table, () =>
    matchFrames(
      frameOf('Velmor Industries announced new accounts for its harbour yards.', 'one.txt'),
      frameOf('Velmor Industries released new accounts for the harbour yards.', 'two.txt'),
    ),
  );
  assert.ok(mains, 'one release told two ways');
  const sides = withRelatedPredicates(table, () =>
    matchFrames(
      frameOf('The council met the dockers after Velmor Industries announced new accounts.', 'one.txt'),
      frameOf('Farmers blocked the road after Velmor Industries released new accounts.', 'two.txt'),
    ),
  );
  assert.equal(sides, null);
});

test('a predicate the lexicon does not know is shown as written, not as its stem', () => {
  const match = matchFrames(
    frameOf('Ilse Varga secured the harbour contract for Velmor Industries.', 'one.txt'),
    frameOf('Ilse Varga secured the harbour contract for the Velmor yards.', 'two.txt'),
  );
  assert.ok(match);
  assert.equal(match.slots[0], 'predicate: secured');
});

test('a shared name with no compatible predicate never aligns, even as the doer of both', () => {
  const a = frameOf('Ilse Varga opened the new harbour bridge in Lindqvar.', 'one.txt');
  const b = frameOf('Ilse Varga resigned from the harbour council in Lindqvar.', 'two.txt');
  assert.equal(matchFrames(a, b), null);
});
