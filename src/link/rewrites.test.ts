import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEPENDENT, REWRITE, WIRE } from '../../test/link/rewrite-texts.js';
import { plainArticle } from '../../test/plain-article.js';
import { containment, copyPrint } from './copies.js';
import { LINKER_DEFAULTS, Linker } from './linker.js';
import {
  checkedRewriteModel,
  isRewrite,
  linePrint,
  MIN_CHAIN,
  REWRITE_FEATURES,
  rewriteChain,
  rewriteFeatures,
  rewriteMessage,
  rewriteOrder,
  shippedRewriteModel,
} from './rewrites.js';

const article = (text: string, name: string) => plainArticle(text, 'en', name);

/** Invented (fictional town and people): a five-sentence wire item, a rewrite of all of it, and a report of its own. */
const SHORT_WIRE = [
  'The Brenmoor county council voted on Tuesday to close the Saltmarsh footbridge after inspectors found cracked timber beams.',
  'Pedestrians will use a temporary pontoon crossing opened by army engineers near the old grain warehouse.',
  'Replacement of the bridge deck is estimated at three hundred thousand pounds and should take eleven weeks.',
  'Council leader Anneke Sorel said rising tides and salt spray had weakened the structure faster than predicted.',
  'Cyclists have been asked to take the ring road detour via Pellow Lane until the summer.',
].join(' ');
const SHORT_REWRITE = [
  'Inspectors found cracked timber beams in the Saltmarsh footbridge, and Brenmoor county council voted on Tuesday to close it.',
  'A temporary pontoon crossing opened by army engineers near the old grain warehouse will carry pedestrians instead.',
  'Replacing the bridge deck should take eleven weeks and is estimated at three hundred thousand pounds.',
  'Rising tides and salt spray weakened the structure faster than predicted, council leader Anneke Sorel said.',
  'Until the summer, cyclists are asked to follow the ring road detour via Pellow Lane.',
].join(' ');
const SHORT_OWN = [
  'Shopkeepers near the Saltmarsh footbridge in Brenmoor fear the closure will keep customers away this spring.',
  'A baker on the Brenmoor quay said footbridge traffic brought her half her morning trade.',
  'Parents at Saltmarsh primary school asked Brenmoor county council for a crossing warden at the pontoon.',
  'Anneke Sorel of Brenmoor county council promised a public meeting about the footbridge next month.',
  'Residents of Saltmarsh have long complained that the footbridge was neglected by the council.',
].join(' ');

/** Two texts on one event that name it (six content words) in every sentence and share nothing else. */
const EVENT = 'Brenmoor county council Saltmarsh footbridge closure';
const EVENT_NOTICE = [
  `Engineers inspecting timber beams recommended the ${EVENT} on Tuesday.`,
  `Army sappers will build a pontoon during the ${EVENT} near the grain warehouse.`,
  `Repairs after the ${EVENT} will cost three hundred thousand pounds.`,
  `Tidal salt spray caused the damage behind the ${EVENT}, inspectors wrote.`,
  `Cyclists must ride the ring road detour during the ${EVENT} until summer.`,
  `Opposition members demanded an audit of maintenance spending before the ${EVENT}.`,
  `A public meeting about the ${EVENT} is planned at the library next month.`,
].join(' ');
const EVENT_REACTIONS = [
  `Shopkeepers on the quay fear the ${EVENT} will empty their tills.`,
  `A baker said the ${EVENT} halves her morning trade overnight.`,
  `Parents asked for a crossing warden because of the ${EVENT} at school time.`,
  `Fishermen welcomed the ${EVENT} as overdue after years of neglect.`,
  `Tourist guides rerouted walking tours around the ${EVENT} this week.`,
  `The rowing club offered volunteers to ferry pensioners across during the ${EVENT}.`,
  `Residents collected signatures against the length of the ${EVENT} outside the church.`,
].join(' ');

test('a reworded retelling with commentary is a rewrite; an independent report of the same event is not', () => {
  const wire = linePrint(article(WIRE, 'wire.txt'));
  const rewrite = linePrint(article(REWRITE, 'rewrite.txt'));
  const independent = linePrint(article(INDEPENDENT, 'independent.txt'));
  const chain = rewriteChain(wire, rewrite);
  assert.ok(chain.length >= MIN_CHAIN, `chain of ${chain.length}`);
  // The chain runs forward in both texts and skips the commentary sentences (1 and 5 of the rewrite).
  for (let k = 1; k < chain.length; k++) {
    assert.ok((chain[k]?.[0] as number) > (chain[k - 1]?.[0] as number));
    assert.ok((chain[k]?.[1] as number) > (chain[k - 1]?.[1] as number));
  }
  assert.ok(!chain.some(([, j]) => j === 1 || j === 5));
  assert.equal(isRewrite(wire, rewrite), true);
  assert.equal(isRewrite(rewrite, wire), true);
  assert.equal(isRewrite(wire, independent), false);
  assert.equal(isRewrite(rewrite, independent), false);
});

test('a short wire item retold whole is a rewrite, though fewer sentences chain than a long retelling needs', () => {
  const wire = linePrint(article(SHORT_WIRE, 'short-wire.txt'));
  const rewrite = linePrint(article(SHORT_REWRITE, 'short-rewrite.txt'));
  const own = linePrint(article(SHORT_OWN, 'short-own.txt'));
  // Every sentence is retold, and that is fewer sentences than the chain rule the model replaced asked for.
  assert.equal(rewriteChain(wire, rewrite).length, wire.stems.length);
  assert.ok(wire.stems.length < MIN_CHAIN);
  assert.equal(isRewrite(wire, rewrite), true);
  assert.equal(isRewrite(rewrite, wire), true);
  // The report of its own names the same bridge, council and leader, in no retold sentence.
  assert.equal(isRewrite(wire, own), false);
  assert.equal(isRewrite(rewrite, own), false);
});

test("sentences that share only the event's own words, repeated throughout both texts, retell nothing", () => {
  const notice = linePrint(article(EVENT_NOTICE, 'notice.txt'));
  const reactions = linePrint(article(EVENT_REACTIONS, 'reactions.txt'));
  // Every sentence pair shares six stems (the event's words), so the plain chain runs through both texts…
  assert.equal(rewriteChain(notice, reactions).length, 7);
  // …but none of them is rare in either text, so the chains of rare stems are empty and the pair is no rewrite.
  const x = rewriteFeatures(notice, reactions);
  assert.equal(x[REWRITE_FEATURES.indexOf('rareChain2')], 0);
  assert.equal(x[REWRITE_FEATURES.indexOf('rareChain3')], 0);
  assert.equal(isRewrite(notice, reactions), false);
  // A real retelling keeps its rare words: the same features are high for the wire story and its rewrite.
  const retold = rewriteFeatures(linePrint(article(WIRE, 'wire.txt')), linePrint(article(REWRITE, 'rewrite.txt')));
  assert.ok((retold[REWRITE_FEATURES.indexOf('rareChain2')] as number) >= 5, `rare chain of ${retold[2]}`);
});

test('the features are the same either way round, and a model for other features is refused', () => {
  const wire = linePrint(article(WIRE, 'wire.txt'));
  const rewrite = linePrint(article(REWRITE, 'rewrite.txt'));
  assert.deepEqual(rewriteFeatures(wire, rewrite), rewriteFeatures(rewrite, wire));
  assert.deepEqual(shippedRewriteModel().features, [...REWRITE_FEATURES]);
  const stale = { ...shippedRewriteModel(), features: ['chain6', 'chain5', 'rareChain2', 'rareChain3', 'cover6'] };
  assert.throws(() => checkedRewriteModel(stale), /retrain/);
});

test('the same sentences in another order are no chain: order is part of the evidence', () => {
  const sentences = REWRITE.split(/(?<=\.) /);
  const shuffled = [...sentences.filter((_, k) => k % 2 === 1).reverse(), ...sentences.filter((_, k) => k % 2 === 0).reverse()].join(' ');
  assert.equal(isRewrite(linePrint(article(WIRE, 'wire.txt')), linePrint(article(shuffled, 'shuffled.txt'))), false);
});

test('the rewrite message says how much is retold and points at the first retold sentence of the rewrite', () => {
  const rewriteArticle = article(REWRITE, 'rewrite.txt');
  const msg = rewriteMessage(linePrint(rewriteArticle), linePrint(article(WIRE, 'wire.txt')));
  assert.equal(msg.ruleId, 'link:rewrite');
  assert.match(msg.reason, /^\d+ of its 9 sentences retell the original's, in the same order$/);
  assert.ok(msg.place);
  assert.match(rewriteArticle.text.slice(msg.place.start, msg.place.end), /^The northern ferry terminal at Kestrel Point is set to close/);
  const unrelated = rewriteMessage(linePrint(article(INDEPENDENT, 'independent.txt')), linePrint(article(WIRE, 'wire.txt')));
  assert.equal(unrelated.reason, 'shares long passages with the original');
});

test('the original is the earlier published; undated, the one crediting an origin', () => {
  type Dated = { id: string; published: string | null; origin: string | null };
  const a: Dated = { id: 'a', published: '2031-05-02', origin: null };
  const b: Dated = { id: 'b', published: '2031-05-01', origin: null };
  assert.equal(rewriteOrder(a, b).original.id, 'b');
  assert.equal(rewriteOrder(b, a).original.id, 'b');
  const credited: Dated = { id: 'z', published: null, origin: 'Coastal Wire' };
  const plain: Dated = { id: 'c', published: null, origin: null };
  assert.equal(rewriteOrder(plain, credited).original.id, 'z');
  assert.equal(rewriteOrder(credited, plain).rewrite.id, 'c');
});

test('the linker counts a rewrite from another outlet as one source with its original, and says why', () => {
  const wire = { ...article(WIRE, 'wire.txt'), outlet: 'Coastal Wire Service', published: { date: '2031-05-01', basis: 'meta' as const } };
  const rewrite = { ...article(REWRITE, 'rewrite.txt'), outlet: 'Dunmore Daily', published: { date: '2031-05-02', basis: 'meta' as const } };
  const independent = { ...article(INDEPENDENT, 'independent.txt'), outlet: 'Island Echo', published: { date: '2031-05-02', basis: 'meta' as const } };
  const linker = new Linker();
  for (const a of [rewrite, independent, wire]) linker.add(a);
  // Packed once filed (typed arrays), the line print reads back as it was made.
  assert.deepEqual(linker.serialize().entries.find((e) => e.id === rewrite.id)?.lines, linePrint(rewrite));
  const story = linker.stories().find((s) => s.articleIds.includes(wire.id));
  assert.ok(story);
  const joined = story.sources.find((s) => s.articleIds.includes(wire.id));
  assert.deepEqual(joined?.articleIds.slice().sort(), [wire.id, rewrite.id].sort());
  assert.equal(joined?.rewrites?.length, 1);
  assert.equal(joined?.rewrites?.[0]?.articleId, rewrite.id);
  assert.equal(joined?.rewrites?.[0]?.of, wire.id);
  // Joined by the retold sentences, not by shared word runs (the copy print alone keeps them apart).
  assert.match(joined?.rewrites?.[0]?.reason ?? '', /sentences retell the original's, in the same order/);
  assert.ok(containment(copyPrint(WIRE), copyPrint(REWRITE)) < LINKER_DEFAULTS.derivedContainment);
  if (story.articleIds.includes(independent.id)) {
    const own = story.sources.find((s) => s.articleIds.includes(independent.id));
    assert.deepEqual(own?.articleIds, [independent.id]);
    assert.equal(own?.rewrites, undefined);
  }
});
