import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edge } from '../../src/link/average-link.js';
import { EntryArena } from '../../src/link/entry-arena.js';
import { similarPairs, type Vector } from '../../src/link/vectors.js';
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

test('entry arena: texts and samples read back as written, an oversized one in a chunk of its own', () => {
  const arena = new EntryArena();
  const big = 'x'.repeat(1_500_000);
  const written = [
    { samples: [0, 4, 2 ** 32 - 4], text: '{"names":{"Zoë Ångström":2,"東京":1}}' },
    { samples: [], text: '' },
    { samples: [8], text: big },
    { samples: [12, 16], text: 'after' },
  ];
  const slots = written.map(({ samples, text }) => arena.put(samples, text));
  written.forEach(({ samples, text }, i) => {
    const slot = slots[i] as (typeof slots)[number];
    assert.deepEqual(arena.samples(slot), samples);
    assert.equal(arena.text(slot), text);
  });
  assert.notEqual(slots[2]?.chunk, slots[0]?.chunk);
});
