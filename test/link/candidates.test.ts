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
  assert.deepEqual(met.ids.map((id, i) => [id, met.counts[i]]).sort(), [
    ['announced', 2],
    ['near', 2],
  ]);
  for (let i = 0; i < 300; i++) index.file(`busy${i}`, DAY - 3, ['n:kallweit']);
  const busy = index.candidates(DAY, ['n:kallweit']);
  assert.ok(!busy.has('announced') && busy.has('busy299'), 'a busy week spends the budget before months-old postings');
});

test('an undated article looks around the latest date filed', () => {
  const index = new CandidateIndex();
  index.file('march', DAY, ['n:kallweit']);
  index.file('undated', null, ['n:kallweit']);
  assert.deepEqual([...index.candidates(null, ['n:kallweit']).ids].sort(), ['march', 'undated']);
});

test('a key held by very many articles of the window is read only as far as the latest ones', () => {
  const index = new CandidateIndex();
  for (let i = 0; i < 500; i++) index.file(`a${String(i).padStart(3, '0')}`, DAY, ['t:vote']);
  const found = index.candidates(DAY, ['t:vote']);
  assert.ok(found.ids.length < 500, `read ${found.ids.length} postings of a common key`);
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
  assert.equal(index.candidates(DAY, ['n:varga']).ids.length, 0);
  index.summarise('story-varga', ['n:varga', 't:trial']);
  assert.deepEqual(index.stories(['n:varga', 't:verdict']), ['story-varga']);
  index.forgetStory('story-varga');
  assert.deepEqual(index.stories(['n:varga']), []);
});
