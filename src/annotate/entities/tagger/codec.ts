import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The shipped weight file: "TGW1", the row count (u32), the quantisation step (f32), then one u8 bitmap bit per row
 * (row used or not) and the int16 weights of the used rows only; gzip over it all. Rows every weight of which
 * rounds to zero are dropped, which is the pruning: a hashed feature too weak to move a decision costs nothing.
 * Shared by the entity tagger and the part-of-speech tagger; `labels` is the row width of the table.
 */
const MAGIC = 'TGW1';
/** Weights are stored as multiples of maxAbs / INT16_RANGE. */
const INT16_RANGE = 32_767;

/** A hashed weight table: `rows` × labels weights. */
export interface WeightTable {
  rows: number;
  values: Float32Array;
}

export function encodeWeights(weights: WeightTable, labels: number, pruneBelow: number): Buffer {
  const { rows, values } = weights;
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const stepSize = maxAbs / INT16_RANGE || 1;
  const bitmap = new Uint8Array(Math.ceil(rows / 8));
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from(values.subarray(r * labels, (r + 1) * labels), (v) => (Math.abs(v) < pruneBelow ? 0 : Math.round(v / stepSize)));
    if (row.every((q) => q === 0)) continue;
    bitmap[r >> 3] = (bitmap[r >> 3] ?? 0) | (1 << (r & 7));
    kept.push(...row);
  }
  const header = Buffer.alloc(12);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(rows, 4);
  header.writeFloatLE(stepSize, 8);
  return gzipSync(Buffer.concat([header, Buffer.from(bitmap), Buffer.from(Int16Array.from(kept).buffer)]), { level: 9 });
}

export function decodeWeights(file: Buffer, labels: number): WeightTable {
  const raw = gunzipSync(file);
  if (raw.toString('latin1', 0, 4) !== MAGIC) throw new Error('tagger weights: unknown file format');
  const rows = raw.readUInt32LE(4);
  const stepSize = raw.readFloatLE(8);
  const bitmapBytes = Math.ceil(rows / 8);
  const bitmap = raw.subarray(12, 12 + bitmapBytes);
  const body = raw.subarray(12 + bitmapBytes);
  const kept = new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  const values = new Float32Array(rows * labels);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    if (((bitmap[r >> 3] ?? 0) & (1 << (r & 7))) === 0) continue;
    for (let y = 0; y < labels; y++) values[r * labels + y] = (kept[at++] ?? 0) * stepSize;
  }
  return { rows, values };
}

/** A weight table of only its used rows: bit r of `used` (bit r & 31 of word r >> 5) says whether row r is kept. */
export interface UsedRows {
  rows: number;
  used: Uint32Array;
  values: Float32Array;
}

/**
 * The used rows of a weight file as they are stored, without building the full table: the file's bitmap is the
 * used-row bitmap (a row is stored only when one of its weights is not zero), its weights are those rows in order.
 * The entity tagger packs its tables so (model.ts `PackedWeights`).
 */
export function decodeUsedRows(file: Buffer, labels: number): UsedRows {
  const raw = gunzipSync(file);
  if (raw.toString('latin1', 0, 4) !== MAGIC) throw new Error('tagger weights: unknown file format');
  const rows = raw.readUInt32LE(4);
  const stepSize = raw.readFloatLE(8);
  const bitmapBytes = Math.ceil(rows / 8);
  const used = new Uint32Array(Math.ceil(rows / 32));
  for (let b = 0; b < bitmapBytes; b++) used[b >> 2] = ((used[b >> 2] as number) | ((raw[12 + b] as number) << ((b & 3) * 8))) >>> 0;
  const body = raw.subarray(12 + bitmapBytes);
  const kept = new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  if (kept.length % labels !== 0) throw new Error(`tagger weights: rows are not ${labels} weights wide`);
  const values = new Float32Array(kept.length);
  for (let k = 0; k < kept.length; k++) values[k] = (kept[k] as number) * stepSize;
  return { rows, used, values };
}
