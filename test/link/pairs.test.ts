import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edge } from '../../src/link/average-link.js';
import { EntryArena } from '../../src/link/entry-arena.js';
import { StoryQuery, type StoryVector, storyPairs, storySimilarity } from '../../src/link/story-similarity.js';
import { cosine, SpreadVector, similarPairs, type Vector } from '../../src/link/vectors.js';
import { seededRandom } from '../../src/model/seeded-random.js';

/** The postings as a map of arrays: how `similarPairs` found pairs before its postings were typed arrays. */
function referencePairs(vectors: readonly Vector[], maxPosting: number): Edge[] {
  const postings = new Map<number, Array<{ at: number; w: number }>>();
  vectors.forEach((v, at) => {
    v.ids.forEach((key, i) => {
      const list = postings.get(key) ?? [];
      list.push({ at, w: v.weights[i] as number });
      postings.set(key, list);
    });
  });
  for (const [key, list] of postings) if (list.length > maxPosting) postings.delete(key);
  const edges: Edge[] = [];
  vectors.forEach((v, a) => {
    const dots = new Map<number, number>();
    v.ids.forEach((key, i) => {
      for (const { at: b, w } of postings.get(key) ?? []) if (b > a) dots.set(b, (dots.get(b) ?? 0) + (v.weights[i] as number) * w);
    });
    for (const [b, sim] of dots) edges.push({ a, b, sim });
  });
  return edges;
}

function randomVectors(count: number, vocabulary: number, seed: number): Vector[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const ids = new Set<number>();
    const size = 1 + Math.floor(rand() * 12);
    while (ids.size < size) ids.add(Math.floor(rand() ** 2 * vocabulary));
    return { ids: Int32Array.from(ids), weights: Float64Array.from(ids, () => rand()) };
  });
}

test('similar pairs: the same pairs, sums and order as postings of objects', () => {
  for (const [seed, maxPosting] of [
    [1, Number.POSITIVE_INFINITY],
    [2, 5],
    [3, 2_000],
  ] as const) {
    const vectors = randomVectors(150, 300, seed);
    const pairs = similarPairs(vectors, maxPosting);
    assert.ok(pairs.length > 100, 'the vectors share keys');
    assert.deepEqual(pairs, referencePairs(vectors, maxPosting));
  }
  // Term ids beyond any seen before grow the scratch arrays.
  const far = [
    { ids: Int32Array.from([5_000_000, 3]), weights: Float64Array.from([0.5, 0.25]) },
    { ids: Int32Array.from([3, 5_000_000]), weights: Float64Array.from([2, 4]) },
  ];
  assert.deepEqual(similarPairs(far), [{ a: 0, b: 1, sim: 0.5 * 4 + 0.25 * 2 }]);
});

/** Both levels as they were built from two lists of pairs and a map of the participants' cosines. */
function referenceStoryPairs(vectors: readonly StoryVector[], floor: { story: number; topic: number }) {
  const n = vectors.length;
  const who = new Map<number, number>();
  for (const e of similarPairs(vectors.map((v) => v.who))) who.set(e.a * n + e.b, e.sim);
  const story: Edge[] = [];
  const topic: Edge[] = [];
  const add = (a: number, b: number, w: number, what: number) => {
    const t = (w + what) / 2;
    if (t > 0 && t >= floor.topic) topic.push({ a, b, sim: t });
    if (w > 0 && what > 0 && Math.sqrt(w * what) >= floor.story) story.push({ a, b, sim: Math.sqrt(w * what) });
  };
  for (const e of similarPairs(vectors.map((v) => v.what))) {
    add(e.a, e.b, who.get(e.a * n + e.b) ?? 0, e.sim);
    who.delete(e.a * n + e.b);
  }
  for (const [key, w] of who) add(Math.floor(key / n), key % n, w, 0);
  return { story, topic };
}

test('story pairs: the same edges, values and order at both levels as before', () => {
  const who = randomVectors(120, 150, 4);
  const what = randomVectors(120, 400, 5);
  const vectors = who.map((w, i) => ({ who: w, what: what[i] as Vector, when: null }));
  for (const floor of [
    { story: 0, topic: 0 },
    { story: 0.05, topic: 0.03 },
    { story: 0.05, topic: Number.POSITIVE_INFINITY },
  ]) {
    const pairs = storyPairs(vectors, floor);
    assert.ok(pairs.story.length > 50);
    assert.deepEqual(pairs, referenceStoryPairs(vectors, floor));
  }
});

test('entry arena: texts, nulls, samples and tails read back as written, an oversized one in a chunk of its own', () => {
  const arena = new EntryArena();
  const big = 'x'.repeat(1_500_000);
  const written = [
    { samples: [0, 4, 2 ** 32 - 4], texts: ['{"names":{"Zoë Ångström":2,"東京":1}}', 'é', null], tail: Uint8Array.of(1, 2, 3) },
    { samples: [], texts: ['', null, ''], tail: undefined },
    { samples: [8], texts: [big, 'b', 'c'], tail: Uint8Array.of(9) },
    { samples: [12, 16], texts: [null, 'after', '東'], tail: undefined },
  ];
  const slots = written.map(({ samples, texts, tail }) => arena.put(samples, texts, tail));
  written.forEach(({ samples, texts, tail }, i) => {
    const slot = slots[i] as (typeof slots)[number];
    assert.deepEqual(arena.samples(slot), samples);
    assert.deepEqual(
      texts.map((_, t) => arena.text(slot, t)),
      texts,
    );
    assert.deepEqual([...arena.tail(slot)], [...(tail ?? [])]);
  });
  assert.notEqual(slots[2]?.chunk, slots[0]?.chunk);
});

test('a spread query gives cosine and story similarity bit for bit, against shorter, as long and longer vectors', () => {
  // A small vocabulary so that pairs share many terms, and in an order unlike either vector's.
  const vectors = randomVectors(120, 30, 17);
  const spread = new SpreadVector();
  const query = new StoryQuery();
  const time = { graceDays: 2, perDoubling: 0.5 };
  let compared = 0;
  for (let q = 0; q + 1 < vectors.length; q += 2) {
    const story = { who: vectors[q] as Vector, what: vectors[q + 1] as Vector, when: [q, q] as const };
    spread.spread(vectors[q] as Vector);
    query.set(story);
    for (let o = 0; o + 1 < vectors.length; o += 2) {
      const other = { who: vectors[o] as Vector, what: vectors[o + 1] as Vector, when: [3 * o, 3 * o] as const };
      assert.equal(spread.cosine(vectors[o] as Vector), cosine(vectors[q] as Vector, vectors[o] as Vector));
      assert.equal(query.similarity(other, time), storySimilarity(story, other, time));
      compared++;
    }
    spread.clear();
    query.clear();
  }
  // Cleared: nothing of the last query is left in the spread.
  spread.spread({ ids: new Int32Array(0), weights: new Float64Array(0) });
  assert.equal(spread.cosine(vectors[0] as Vector), 0);
  assert.equal(compared, 60 * 60);
});
