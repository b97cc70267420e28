import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEPENDENT, REWRITE, WIRE } from '../../test/link/rewrite-texts.js';
import { plainArticle } from '../../test/plain-article.js';
import { containment, copyPrint } from './copies.js';
import { LINKER_DEFAULTS, Linker } from './linker.js';
import { isRewrite, linePrint, MIN_CHAIN, rewriteChain, rewriteMessage, rewriteOrder } from './rewrites.js';

const article = (text: string, name: string) => plainArticle(text, 'en', name);

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
