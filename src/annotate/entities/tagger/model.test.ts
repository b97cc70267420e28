import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { seededRandom } from '../../../model/seeded-random.js';
import { decodeUsedRows, decodeWeights } from './codec.js';
import { addPackedScores, addScores, LABEL_COUNT, packedWeights, packUsedRows, type Weights } from './model.js';
import { weightsPath } from './weights.js';

/** A random table shaped like a shipped one: most rows pruned to zero, the rest int16 multiples of one step. */
function sparseTable(rows: number, usedShare: number, seed: number): Weights {
  const random = seededRandom(seed);
  const values = new Float32Array(rows * LABEL_COUNT);
  const step = 0.0137;
  for (let r = 0; r < rows; r++) {
    if (random() >= usedShare) continue;
    for (let y = 0; y < LABEL_COUNT; y++) values[r * LABEL_COUNT + y] = Math.round((random() - 0.5) * 2000) * step;
  }
  return { rows, values };
}

test('the packed table sums every feature row exactly as the full table does', () => {
  const weights = sparseTable(1 << 12, 0.12, 7);
  const packed = packedWeights(weights);
  assert.equal(packedWeights(weights), packed, 'packed once per table');
  const random = seededRandom(11);
  for (let trial = 0; trial < 500; trial++) {
    const count = 1 + Math.floor(random() * 20);
    const features = Uint32Array.from({ length: count }, () => Math.floor(random() * 0xffffffff));
    const full = new Float64Array(LABEL_COUNT);
    const fast = new Float64Array(LABEL_COUNT);
    addScores(weights, features, count, full);
    addPackedScores(packed, features, count, fast);
    assert.deepEqual(Array.from(fast), Array.from(full));
  }
  // Row 0 used or not, and the last row of the table, are the edges of the bitmap's ranks.
  const edges = Uint32Array.from([0, (1 << 12) - 1, 31, 32, 33]);
  const full = new Float64Array(LABEL_COUNT);
  const fast = new Float64Array(LABEL_COUNT);
  addScores(weights, edges, edges.length, full);
  addPackedScores(packed, edges, edges.length, fast);
  assert.deepEqual(Array.from(fast), Array.from(full));
});

test('a shipped weight file decoded straight into used rows packs to the table packed from its full decoding', () => {
  const file = readFileSync(weightsPath('en'));
  const direct = packUsedRows(decodeUsedRows(file, LABEL_COUNT));
  const full = packedWeights(decodeWeights(file, LABEL_COUNT));
  assert.equal(direct.mask, full.mask);
  assert.deepEqual(direct.index, full.index);
  assert.deepEqual(direct.values, full.values);
});

test('every shipped weight is a multiple of one power of two spanning under 40 bits, so the cached sums are exact', () => {
  for (const language of ['en', 'es'] as const) {
    const { values } = decodeUsedRows(readFileSync(weightsPath(language)), LABEL_COUNT);
    let unit = Number.POSITIVE_INFINITY;
    let largest = 0;
    for (const v of values) {
      if (v === 0) continue;
      largest = Math.max(largest, Math.abs(v));
      // The value's lowest set bit: halve the unit until the value is a whole multiple of it.
      let low = 2 ** Math.floor(Math.log2(Math.abs(v)));
      while (!Number.isInteger(v / low)) low /= 2;
      unit = Math.min(unit, low);
    }
    assert.ok(largest / unit < 2 ** 40, `${language}: weights span ${Math.log2(largest / unit).toFixed(1)} bits`);
  }
});
