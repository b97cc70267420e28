import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LinePrint, rewriteChain, rewriteFeatures } from '../../src/link/rewrites.js';

const print = (stems: number[][]): LinePrint => ({ spans: stems.flatMap((_, i) => [10 * i, 10 * i + 9]), stems });

test('rewrite chains follow sentences retold in order, the same at every call; a stem that is not a 16-bit hash is refused', () => {
  const original = print([
    [1, 2, 3, 4, 5, 6, 60],
    [7, 8, 9, 10, 11, 12, 61],
    [13, 14, 15, 16, 17, 18, 62],
    [19, 20, 21, 22, 23, 24, 63],
  ]);
  // The first three sentences retold in order, the last moved to the front, plus one of its own.
  const rewrite = print([
    [19, 20, 21, 22, 23, 24, 63],
    [1, 2, 3, 4, 5, 6, 40],
    [7, 8, 9, 10, 11, 12, 41],
    [50, 51, 52, 53, 54, 55, 56],
    [13, 14, 15, 16, 17, 18, 42],
  ]);
  const chain = rewriteChain(original, rewrite);
  assert.deepEqual(chain, [
    [0, 1],
    [1, 2],
    [2, 4],
  ]);
  const features = rewriteFeatures(original, rewrite);
  assert.throws(() => rewriteChain(print([[1, 0x10000]]), rewrite), /not a 16-bit hash/);
  assert.throws(() => rewriteChain(original, print([[-1]])), /not a 16-bit hash/);
  assert.deepEqual(rewriteChain(original, rewrite), chain, 'a refused print leaves nothing behind');
  assert.deepEqual(rewriteFeatures(original, rewrite), features);
});
