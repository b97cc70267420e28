import type { Span } from './span.js';

/**
 * Maps offsets in an article's clean text back to offsets in the raw input it was cleaned from, so a citation can
 * land on the bytes a user actually saved. Stored as runs: each run says "clean [c, c+cl) came from raw [r, r+rl)".
 * Runs of equal length map character by character; a run whose lengths differ (a repaired "â€”" → "—", a decoded
 * "&amp;") maps as a whole. Generated text (paragraph breaks a cleaner inserted) is a run with `rl = 0`.
 * Kept as one flat number array so it survives a JSON round trip at a quarter of the object size.
 */
export interface OffsetMap {
  /** Flat runs `[c, r, cl, rl, c, r, cl, rl, …]`, ordered by `c` and by `r` (monotonic). */
  runs: number[];
}

/** The identity map for a text that is its own raw input. */
export function identityMap(length: number): OffsetMap {
  return { runs: length > 0 ? [0, 0, length, length] : [] };
}

/** Raw offset of a clean offset; `side` picks the run edge for offsets that fall in a non-linear run. */
export function toRaw(map: OffsetMap, offset: number, side: 'start' | 'end' = 'start'): number {
  const runs = map.runs;
  const count = runs.length / 4;
  if (count === 0) return 0;
  // Binary search for the last run with c <= offset (an end offset prefers the run it closes).
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const c = runs[mid * 4] as number;
    if (c < offset || (c === offset && side === 'start')) lo = mid;
    else hi = mid - 1;
  }
  const c = runs[lo * 4] as number;
  const r = runs[lo * 4 + 1] as number;
  const cl = runs[lo * 4 + 2] as number;
  const rl = runs[lo * 4 + 3] as number;
  const into = Math.max(0, Math.min(offset - c, cl));
  if (cl === rl) return r + into;
  if (into === 0) return r;
  if (into >= cl) return r + rl;
  return side === 'start' ? r : r + rl;
}

/** Raw span of a clean span. */
export function toRawSpan(map: OffsetMap, span: Span): Span {
  return { start: toRaw(map, span.start, 'start'), end: toRaw(map, span.end, 'end') };
}

/**
 * Composes two maps: `outer` maps text C to text B, `inner` maps B to raw A; the result maps C to A.
 * Used when cleaning runs in steps (decode → extract → repair), each with its own map.
 */
export function composeMaps(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  const out = new MapBuilder();
  const runs = outer.runs;
  const innerRuns = inner.runs;
  for (let i = 0; i < runs.length; i += 4) {
    const c = runs[i] as number;
    const r = runs[i + 1] as number;
    const cl = runs[i + 2] as number;
    const rl = runs[i + 3] as number;
    if (cl !== rl || rl === 0) {
      const from = toRaw(inner, r, 'start');
      const to = rl === 0 ? from : toRaw(inner, r + rl, 'end');
      out.push(c, from, cl, to - from);
      continue;
    }
    // Linear run: walk the inner runs it overlaps, so exactness survives composition.
    let j = firstRunEndingAfter(innerRuns, r) * 4;
    let cursor = r;
    const end = r + rl;
    while (cursor < end && j < innerRuns.length) {
      const ic = innerRuns[j] as number;
      const ir = innerRuns[j + 1] as number;
      const icl = innerRuns[j + 2] as number;
      const irl = innerRuns[j + 3] as number;
      const s = Math.max(cursor, ic);
      const e = Math.min(end, ic + icl);
      if (e > s) {
        if (icl === irl) out.push(c + (s - r), ir + (s - ic), e - s, e - s);
        else out.push(c + (s - r), ir, e - s, irl);
        cursor = e;
      }
      j += 4;
    }
  }
  return out.build();
}

/** Index of the first run whose clean range ends after `offset`. */
function firstRunEndingAfter(runs: number[], offset: number): number {
  let lo = 0;
  let hi = runs.length / 4;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid * 4] as number) + (runs[mid * 4 + 2] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Accumulates runs, merging adjacent linear runs so maps stay small. */
export class MapBuilder {
  private readonly runs: number[] = [];

  push(c: number, r: number, cl: number, rl: number): void {
    if (cl === 0 && rl === 0) return;
    const n = this.runs.length;
    if (n >= 4 && cl === rl) {
      const pc = this.runs[n - 4] as number;
      const pr = this.runs[n - 3] as number;
      const pcl = this.runs[n - 2] as number;
      const prl = this.runs[n - 1] as number;
      if (pcl === prl && pc + pcl === c && pr + prl === r) {
        this.runs[n - 2] = pcl + cl;
        this.runs[n - 1] = prl + rl;
        return;
      }
    }
    this.runs.push(c, r, cl, rl);
  }

  build(): OffsetMap {
    return { runs: [...this.runs] };
  }
}

/**
 * Builds a clean text and its map together, so no cleaner can produce a text without knowing where each piece came
 * from. `copy` keeps raw text, `replace` swaps raw text for a repaired version, `insert` adds generated text.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly map = new MapBuilder();
  private length = 0;
  private rawCursor = 0;

  constructor(private readonly raw: string) {}

  /** Appends `raw[start, end)` unchanged. */
  copy(start: number, end: number): this {
    if (end <= start) return this;
    this.append(this.raw.slice(start, end), start, end);
    return this;
  }

  /** Appends `text` as the cleaned form of `raw[start, end)`. */
  replace(start: number, end: number, text: string): this {
    this.append(text, start, end);
    return this;
  }

  /** Appends generated text that has no source (a paragraph break between extracted blocks). */
  insert(text: string): this {
    this.append(text, this.rawCursor, this.rawCursor);
    return this;
  }

  /** Current length of the clean text. */
  get size(): number {
    return this.length;
  }

  /** Last character appended, or '' when empty. */
  get lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last.charAt(last.length - 1) : '';
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: this.map.build() };
  }

  private append(text: string, rawStart: number, rawEnd: number): void {
    if (text.length === 0 && rawEnd === rawStart) return;
    this.parts.push(text);
    this.map.push(this.length, rawStart, text.length, rawEnd - rawStart);
    this.length += text.length;
    this.rawCursor = Math.max(this.rawCursor, rawEnd);
  }
}
