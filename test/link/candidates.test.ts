import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CandidateIndex } from '../../src/link/candidates.js';

const DAY = 20_000;

test('an article reads the nearest weeks first, and reaches back months only while they are quiet', () => {
  const index = new CandidateIndex();
  index.file('announced', DAY - 120, ['n:kallweit', 't:border']);
  index.file('near', DAY - 5, ['n:kallweit', 't:border']);
  index.file('other', DAY + 2, ['n:solvik']);
  const met = index.candidates(DAY, ['n:kallweit', 't:border']);
  assert.deepEqual(met.top(10), ['near', 'announced'], 'both share two keys: the nearer week first');
  for (let i = 0; i < 300; i++) index.file(`busy${i}`, DAY - 3, ['n:kallweit']);
  const busy = index.candidates(DAY, ['n:kallweit']);
  assert.ok(!busy.has('announced') && busy.has('busy299'), 'a busy week spends the budget before months-old postings');
});

test('the top candidates share the most keys, ties in the order met, without the article itself', () => {
  const index = new CandidateIndex();
  index.file('one-key', DAY, ['n:ostrova']);
  index.file('three-keys', DAY - 1, ['n:ostrova', 't:dam', 't:flood']);
  index.file('two-keys-early', DAY - 2, ['n:ostrova', 't:dam']);
  index.file('two-keys-late', DAY, ['n:ostrova', 't:flood']);
  index.file('itself', DAY, ['n:ostrova', 't:dam', 't:flood']);
  const met = index.candidates(DAY, ['n:ostrova', 't:dam', 't:flood']);
  // n:ostrova is read latest arrival first: two-keys-late is met before two-keys-early.
  assert.deepEqual(met.top(10, 'itself'), ['three-keys', 'two-keys-late', 'two-keys-early', 'one-key']);
  assert.deepEqual(met.top(2, 'itself'), ['three-keys', 'two-keys-late'], 'a tie is cut in the order met');
  assert.deepEqual(met.top(2), ['itself', 'three-keys']);
  index.candidates(DAY, ['t:dam']);
  assert.throws(() => met.top(1), /after the next one/);
});

test('an undated article looks around the latest date filed', () => {
  const index = new CandidateIndex();
  index.file('march', DAY, ['n:kallweit']);
  index.file('undated', null, ['n:kallweit']);
  assert.deepEqual(index.candidates(null, ['n:kallweit']).top(10).sort(), ['march', 'undated']);
});

test('a key held by very many articles of the window is read only as far as the latest ones', () => {
  const index = new CandidateIndex();
  for (let i = 0; i < 500; i++) index.file(`a${String(i).padStart(3, '0')}`, DAY, ['t:vote']);
  const found = index.candidates(DAY, ['t:vote']);
  const read = found.top(1_000).length;
  assert.ok(read < 500, `read ${read} postings of a common key`);
  assert.ok(found.has('a499'), 'the latest arrival is read');
  assert.ok(!found.has('a000'), 'the earliest arrival is not');
});

test('idle weeks retire; their story is found through the long-running index', () => {
  const index = new CandidateIndex();
  index.file('trial-opens', DAY, ['n:varga', 't:trial']);
  const retired: string[] = [];
  // Months of other news: the trial's week is neither filed into nor looked up.
  for (let i = 0; i < 25_000 && !retired.includes('trial-opens'); i++) {
    index.file(`filler${i}`, DAY + 100 + Math.floor(i / 1_000), [`t:f${i % 50}`]);
    retired.push(...index.retire());
  }
  assert.ok(retired.includes('trial-opens'), 'the idle week retired');
  assert.equal(index.isLive('trial-opens'), false);
  assert.equal(index.candidates(DAY, ['n:varga']).top(10).length, 0);
  index.summarise('story-varga', ['n:varga', 't:trial']);
  assert.deepEqual(index.stories(['n:varga', 't:verdict']), ['story-varga']);
  index.forgetStory('story-varga');
  assert.deepEqual(index.stories(['n:varga']), []);
});

test('a value cached by slot stays with its representative and is dropped when it leaves the postings', () => {
  const index = new CandidateIndex<string, string>();
  index.file('first', DAY, ['n:ostrova']);
  index.file('second', DAY, ['n:ostrova', 't:dam']);
  const first = index.slot('first') as number;
  index.cache(first, 'weighed first');
  const met = index.candidates(DAY, ['n:ostrova', 't:dam']);
  const slots = [...met.topSlots(10)];
  assert.deepEqual(
    slots.map((slot) => index.idAt(slot)),
    met.top(10),
    'top slots are the top ids',
  );
  assert.equal(index.cached(first), 'weighed first');
  assert.equal(index.cached(index.slot('second') as number), undefined);
  index.unfile('first', ['n:ostrova']);
  assert.equal(index.slot('first'), undefined);
  index.file('third', DAY, ['t:dam']);
  assert.equal(index.slot('third'), first, 'the freed slot is reused');
  assert.equal(index.cached(first), undefined, 'without the value of the representative that held it');
});
