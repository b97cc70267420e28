/**
 * Where the online linker looks for the stories a new article could join, at a cost that does not grow with the
 * archive. Two indexes:
 * - **Postings by week**: week of publication → anchor key → the representatives filed under it. An article reads
 *   each key's postings from its own week outwards, latest arrivals first, and stops after `PER_KEY_SCAN`: one
 *   report of a happening is written within days of the others, so in a busy archive the budget is spent on the
 *   nearest weeks, and in a quiet one it reaches back to the previous announcement months before.
 * - **Long-running stories**: anchor key → the stories whose summary (their heaviest keys over all members) holds it,
 *   latest first. A story still developing months later (a trial, a war) is found through it after its weeks have
 *   left the postings.
 * Weeks that no article has been filed into or looked up for `RETIRE_AFTER` arrivals retire: their articles leave
 * the postings, and the linker summarises their stories into the second index and drops their cached vectors, so
 * the state held for lookups follows the articles of the weeks in use, not the archive.
 */

import { grown } from './vectors.js';

/** Days per posting bucket. */
const BUCKET_DAYS = 7;
/**
 * Buckets either side of an article's own over which a key's postings are counted to tell whether it is too common
 * to look up (`MAX_WINDOW_POSTING`): about a month each way, the days one happening is reported over.
 */
const WINDOW_BUCKETS = 4;
/**
 * Postings read per query key, nearest weeks and latest arrivals first. Bounds the per-article cost: a key with
 * more postings is read only this far. Set on the link benchmark (bench/link-child.ts, 10,000 synthetic articles with
 * known stories): 100 gave the B³ F1 of the old linker reading every posting up to 2,000 (0.971); 200, tried first
 * with a fixed ±4-week window, gave 0.972 (docs/scale.md).
 */
const PER_KEY_SCAN = 100;
/** Keys held by more articles than this within the window are too common to find a story by (and costly to scan). */
const MAX_WINDOW_POSTING = 2_000;
/** A posting list of one key in one week keeps its latest arrivals up to this: the rest only cost memory. */
const BUCKET_POSTING_CAP = 1_000;
/**
 * Buckets either side of an article's own that its lookup keeps in use (see `retire`): its own week and one each
 * way, so an article dated near a week's boundary still finds the days before it live. Wider (`WINDOW_BUCKETS`, as
 * before) kept about 48 days of a 1,000-a-day archive live, half of 100,000 articles (docs/scale.md).
 */
const USE_BUCKETS = 1;
/**
 * A week no article was filed into or looked up for during this many arrivals retires. A grace, not the window: the
 * weeks in use stay whatever the volume. 5,000 (was 20,000) on 20,000 synthetic entries at 1,000 a day
 * (bench/link-child.ts, with `USE_BUCKETS` 1): B³ F1 0.958 either way (3,000 of the 20,000 retired by the end
 * instead of none; 2–3 weeks stay live).
 */
export const RETIRE_AFTER = 5_000;
/** Arrivals between two retirement sweeps. */
export const SWEEP_EVERY = 1_000;
/** Stories listed per key in the long-running index, latest summarised first. */
const STORY_POSTING_CAP = 200;
/** Query keys looked up in the long-running index (the heaviest ones). */
const STORY_QUERY_KEYS = 16;
/** Long-running stories returned per lookup, most keys shared first. */
const STORY_MATCHES = 8;

/** Day number (days since 1970) → posting bucket. */
function bucketOf(day: number): number {
  return Math.floor(day / BUCKET_DAYS);
}

/** What one postings lookup met, valid until the index's next lookup. */
export interface Met {
  /**
   * The `limit` representatives sharing the most query keys, leaving out `skip`; ties in the order met (nearest
   * weeks and latest arrivals first).
   */
  top(limit: number, skip?: string): string[];
  /** `top` as slots (`idAt`, `cached`), in a scratch array valid until the next lookup. */
  topSlots(limit: number, skip?: string): Int32Array;
  /** Whether the lookup met this representative. */
  has(id: string): boolean;
}

/** One week of postings. */
interface Bucket<K> {
  /**
   * Anchor key → the slots filed under it this week, in order of arrival; a key held by one article maps to its slot
   * itself. Most keys of a week are held by one or a few articles, and a map and a list for each were the largest
   * part of the postings (1.7 KB of the linker's 7.9 per live synthetic article).
   */
  postings: Map<K, number | number[]>;
  /** The representatives filed in it. */
  ids: Set<string>;
  /** The arrival it was last filed into or looked up at. */
  used: number;
}

/**
 * `K`: the type of anchor keys (the linker passes term ids, vectors.ts `TermIds`); `V`: what a caller caches per live
 * representative (`cache`), dropped with its slot. Postings are kept per week, so a
 * week retires by dropping its map, and hold representatives as slot numbers, reused once retired, so a lookup counts
 * shared keys in a typed array instead of a map of id strings (the lookup was the part of filing an article that grew
 * most as the live weeks filled, docs/scale.md).
 */
export class CandidateIndex<K = string, V = never> {
  /** Live buckets (weeks), by number. */
  private readonly buckets = new Map<number, Bucket<K>>();
  /** Representative → its slot (absent once retired). */
  private readonly slotOf = new Map<string, number>();
  /** Slot → its representative and bucket, while filed. */
  private readonly slots: Array<{ id: string; bucket: number } | undefined> = [];
  /**
   * Slot → the caller's cached value for its representative (`cache`): read by slot, a candidate's value costs one
   * array read where a map keyed by id strings cost a hash look-up that missed the cache as the live weeks filled
   * (the linker's weighed vectors: 10% of its CPU at 30,000 synthetic articles, docs/scale.md).
   */
  private readonly values: Array<V | undefined> = [];
  /** `topSlots`'s output (scratch). */
  private topOut = new Int32Array(512);
  /**
   * `mostMet`'s counting sort (scratch): made per lookup, two arrays of up to 65 counts each had a backing store of
   * their own outside the heap, freed only by a collection.
   */
  private perCount = new Int32Array(128);
  private runStart = new Int32Array(128);
  private readonly freeSlots: number[] = [];
  /** Per slot: the lookup that last met it (`lookups`) and how many query keys it shared then. */
  private metBy = new Int32Array(1_024);
  private sharedKeys = new Int32Array(1_024);
  /** The slots the current lookup met, in the order met (scratch: a lookup meets thousands). */
  private met = new Int32Array(4_096);
  private lookups = 0;
  /**
   * Anchor key → the long-running stories listed under it, as numbers (`storyNumber`), in the order listed. Numbers,
   * not story keys: a lookup counts the stories of 16 keys, up to 3,200 once many weeks have retired, and counting
   * them in a map of key strings grew with the retired archive (docs/scale.md, sixth round). A key listing one story
   * holds its number, not a list: most summary keys are one story's (names, numbers), and a map for each was ≈ 0.1 KB
   * per summary key, kept for every story ever retired.
   */
  private readonly storyPostings = new Map<K, number | number[]>();
  /** Story key → the keys it is listed under in the long-running index. */
  private readonly storySummaries = new Map<string, readonly K[]>();
  /** Story key → its number while it is listed; numbers of forgotten stories are reused. */
  private readonly storyNumber = new Map<string, number>();
  private readonly storyKeys: Array<string | undefined> = [];
  private readonly freeStoryNumbers: number[] = [];
  /** Per story number: the lookup that last met it (`storyLookups`) and how many query keys it shared then. */
  private storyMetBy = new Int32Array(1_024);
  private storySharedKeys = new Int32Array(1_024);
  private storyLookups = 0;
  private arrivals = 0;
  /** Latest dated bucket filed: where undated articles are filed and looked up (they arrive "now"). */
  private clock = 0;

  /** Whether a representative is still in the postings (not retired). */
  isLive(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The slot of a live representative (undefined once retired). */
  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** The representative filed in a live slot. */
  idAt(slot: number): string {
    return (this.slots[slot] as { id: string }).id;
  }

  /** The value cached for a live slot's representative, if any. */
  cached(slot: number): V | undefined {
    return this.values[slot];
  }

  /** Caches a value for a live slot's representative until it is unfiled or retired. */
  cache(slot: number, value: V): void {
    this.values[slot] = value;
  }

  /** Files a representative under its keys in the bucket of its own day (null: undated). */
  file(id: string, day: number | null, keys: Iterable<K>): void {
    const b = this.bucketFor(day);
    if (day !== null) this.clock = Math.max(this.clock, b);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = { id, bucket: b };
    // Grown with `slots`, in order, so it stays an array without holes (`cache` may come later, for any slot).
    this.values[slot] = undefined;
    this.slotOf.set(id, slot);
    if (slot >= this.metBy.length) {
      this.metBy = grown(this.metBy, slot);
      this.sharedKeys = grown(this.sharedKeys, slot);
    }
    this.metBy[slot] = 0;
    const bucket = this.useBucket(b);
    bucket.ids.add(id);
    for (const key of keys) appendTo(bucket.postings, key, slot, BUCKET_POSTING_CAP);
    this.arrivals++;
  }

  /** Takes a representative out of the postings (a no-op once retired). */
  unfile(id: string, keys: Iterable<K>): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const bucket = this.buckets.get((this.slots[slot] as { bucket: number }).bucket) as Bucket<K>;
    this.free(id, slot);
    bucket.ids.delete(id);
    for (const key of keys) removeFrom(bucket.postings, key, slot);
  }

  /**
   * Representatives sharing the query keys, read from the week of `day` outwards. The weeks around `day` count as in
   * use (see `retire`).
   */
  candidates(day: number | null, keys: readonly K[]): Met {
    const center = this.bucketFor(day);
    for (let b = center - USE_BUCKETS; b <= center + USE_BUCKETS; b++) {
      const bucket = this.buckets.get(b);
      if (bucket) bucket.used = this.arrivals;
    }
    // Every live week, nearest first (the earlier of two as near): a few weeks at a steady volume, so asking each for
    // a key costs about what asking a key for its weeks did.
    const nearest = [...this.buckets.keys()].sort((x, y) => Math.abs(x - center) - Math.abs(y - center) || x - y);
    const near = nearest.map((b) => this.buckets.get(b) as Bucket<K>);
    const window = nearest.filter((b) => Math.abs(b - center) <= WINDOW_BUCKETS).map((b) => this.buckets.get(b) as Bucket<K>);
    const lookup = ++this.lookups;
    let metCount = 0;
    const meet = (slot: number) => {
      if (this.metBy[slot] !== lookup) {
        this.metBy[slot] = lookup;
        this.sharedKeys[slot] = 0;
        if (metCount === this.met.length) this.met = grown(this.met, metCount);
        this.met[metCount++] = slot;
      }
      this.sharedKeys[slot] = (this.sharedKeys[slot] as number) + 1;
    };
    for (const key of keys) {
      let inWindow = 0;
      for (const bucket of window) inWindow += sizeOf(bucket.postings.get(key));
      if (inWindow > MAX_WINDOW_POSTING) continue;
      let budget = PER_KEY_SCAN;
      for (const bucket of near) {
        const held = bucket.postings.get(key);
        if (held === undefined) continue;
        if (typeof held === 'number') {
          meet(held);
          budget--;
        } else for (let i = held.length - 1; i >= 0 && budget > 0; i--, budget--) meet(held[i] as number);
        if (budget === 0) break;
      }
    }
    const topSlots = (limit: number, skip?: string) => {
      this.assertCurrent(lookup);
      const skipSlot = skip === undefined ? undefined : this.slotOf.get(skip);
      return this.mostMet(this.met.subarray(0, metCount), limit, skipSlot === undefined || this.metBy[skipSlot] !== lookup ? -1 : skipSlot);
    };
    return {
      topSlots,
      top: (limit, skip) => Array.from(topSlots(limit, skip), (slot) => this.idAt(slot)),
      has: (id) => {
        this.assertCurrent(lookup);
        const slot = this.slotOf.get(id);
        return slot !== undefined && this.metBy[slot] === lookup;
      },
    };
  }

  /**
   * The `limit` slots of `met` sharing the most keys (`sharedKeys`), leaving out `skip`, ties in the order of `met`.
   * A counting sort over the few possible counts (at most the query keys) places each kept slot straight into its
   * rank: a lookup meets thousands of representatives, and listing every one as an id to pick 300 grew with how
   * full the live weeks were (docs/scale.md).
   */
  private mostMet(met: Int32Array, limit: number, skip: number): Int32Array {
    let most = 0;
    for (const slot of met) if (slot !== skip) most = Math.max(most, this.sharedKeys[slot] as number);
    if (most >= this.perCount.length) {
      this.perCount = grown(this.perCount, most);
      this.runStart = grown(this.runStart, most);
    }
    const perCount = this.perCount.fill(0, 0, most + 1);
    for (const slot of met) {
      const count = this.sharedKeys[slot] as number;
      if (slot !== skip) perCount[count] = (perCount[count] as number) + 1;
    }
    // Where each count's run starts in the output (highest count first), and how many of the lowest kept count fit.
    const start = this.runStart;
    let kept = 0;
    let lowest = most + 1;
    for (let count = most; count > 0 && kept < limit; count--) {
      start[count] = kept;
      kept = Math.min(limit, kept + (perCount[count] as number));
      lowest = count;
    }
    if (kept > this.topOut.length) this.topOut = grown(this.topOut, kept - 1);
    const out = this.topOut.subarray(0, kept);
    for (const slot of met) {
      const count = this.sharedKeys[slot] as number;
      if (slot === skip || count < lowest) continue;
      const at = start[count] as number;
      // Only the lowest kept count's run can be cut short (at `kept`); every higher count's run fits whole.
      if (at >= kept) continue;
      out[at] = slot;
      start[count] = at + 1;
    }
    return out;
  }

  private assertCurrent(lookup: number): void {
    if (lookup !== this.lookups) throw new Error('a candidate lookup was read after the next one');
  }

  /**
   * Long-running stories sharing the heaviest query keys, most keys shared first, ties in the order met (heavier
   * query keys first); keys may name stories since merged. Counted, not sorted: once weeks retire, the lists of the
   * query keys hold up to 16 × 200 stories, and sorting them per article grew the cost with the archive.
   */
  stories(keys: readonly K[]): string[] {
    const lookup = ++this.storyLookups;
    const met: number[] = [];
    for (let q = 0; q < keys.length && q < STORY_QUERY_KEYS; q++) {
      const list = this.storyPostings.get(keys[q] as K);
      if (list === undefined) continue;
      for (const story of typeof list === 'number' ? [list] : list) {
        if (this.storyMetBy[story] !== lookup) {
          this.storyMetBy[story] = lookup;
          this.storySharedKeys[story] = 0;
          met.push(story);
        }
        this.storySharedKeys[story] = (this.storySharedKeys[story] as number) + 1;
      }
    }
    return mostShared(
      met,
      met.map((story) => this.storySharedKeys[story] as number),
      STORY_MATCHES,
    ).map((story) => this.storyKeys[story] as string);
  }

  /** Lists a story in the long-running index under its summary keys (replacing its earlier summary). */
  summarise(story: string, keys: readonly K[]): void {
    this.forgetStory(story);
    const number = this.freeStoryNumbers.pop() ?? this.storyKeys.length;
    this.storyKeys[number] = story;
    this.storyNumber.set(story, number);
    if (number >= this.storyMetBy.length) {
      this.storyMetBy = grown(this.storyMetBy, number);
      this.storySharedKeys = grown(this.storySharedKeys, number);
    }
    // A reused number must not pass for met by the current lookup.
    this.storyMetBy[number] = 0;
    this.storySummaries.set(story, keys);
    // A summary's keys are distinct and a number is listed only under its story's keys (`forgetStory` took it out of
    // the old ones), so appending keeps each list in the order listed, as a map of numbers did.
    for (const key of keys) appendTo(this.storyPostings, key, number, STORY_POSTING_CAP);
  }

  /** Takes a story out of the long-running index (merged away or gone). */
  forgetStory(story: string): void {
    const number = this.storyNumber.get(story);
    if (number === undefined) return;
    for (const key of this.storySummaries.get(story) ?? []) removeFrom(this.storyPostings, key, number);
    this.storySummaries.delete(story);
    this.storyNumber.delete(story);
    this.storyKeys[number] = undefined;
    this.freeStoryNumbers.push(number);
  }

  /**
   * Every `SWEEP_EVERY` arrivals: the representatives of buckets unused for `RETIRE_AFTER` arrivals, taken out of
   * the postings with their buckets. The caller summarises their stories.
   */
  retire(): string[] {
    if (this.arrivals % SWEEP_EVERY !== 0) return [];
    const out: string[] = [];
    for (const [b, bucket] of this.buckets) {
      if (this.arrivals - bucket.used < RETIRE_AFTER) continue;
      for (const id of bucket.ids) {
        this.free(id, this.slotOf.get(id) as number);
        out.push(id);
      }
      this.buckets.delete(b);
    }
    return out.sort();
  }

  /** Forgets a representative's slot, for the next one filed. */
  private free(id: string, slot: number): void {
    this.slotOf.delete(id);
    this.slots[slot] = undefined;
    this.values[slot] = undefined;
    this.freeSlots.push(slot);
  }

  private bucketFor(day: number | null): number {
    return day === null ? this.clock : bucketOf(day);
  }

  private useBucket(b: number): Bucket<K> {
    let bucket = this.buckets.get(b);
    if (!bucket) this.buckets.set(b, (bucket = { postings: new Map(), ids: new Set(), used: this.arrivals }));
    bucket.used = this.arrivals;
    return bucket;
  }
}

/** Appends `value` to the list held under `key` (a lone value is held as itself), dropping the oldest beyond `cap`. */
function appendTo<K>(lists: Map<K, number | number[]>, key: K, value: number, cap: number): void {
  const held = lists.get(key);
  if (held === undefined) lists.set(key, value);
  else if (typeof held === 'number') lists.set(key, [held, value]);
  else {
    held.push(value);
    if (held.length > cap) held.shift();
  }
}

/** Takes `value` out of the list held under `key` (`appendTo`), a list left with one value holding it as itself. */
function removeFrom<K>(lists: Map<K, number | number[]>, key: K, value: number): void {
  const held = lists.get(key);
  if (held === value) lists.delete(key);
  if (typeof held !== 'object') return;
  const at = held.indexOf(value);
  if (at >= 0) held.splice(at, 1);
  if (held.length === 1) lists.set(key, held[0] as number);
}

/** Postings held under one key in one bucket. */
function sizeOf(held: number | readonly number[] | undefined): number {
  return held === undefined ? 0 : typeof held === 'number' ? 1 : held.length;
}

/**
 * The `limit` ids sharing the most keys (`counts[i]` for `ids[i]`; ties in the order given), by counting rather than
 * sorting: a lookup meets thousands of ids, and sorting them, then sorting the ties by id, was the largest part of
 * filing an article (9.5% of the linker's CPU at 30,000 articles with the ties sorted).
 */
function mostShared<T>(ids: readonly T[], counts: readonly number[], limit: number): T[] {
  const byCount: T[][] = [];
  ids.forEach((id, i) => {
    (byCount[counts[i] as number] ??= []).push(id);
  });
  const out: T[] = [];
  for (let count = byCount.length - 1; count > 0 && out.length < limit; count--) {
    const tied = byCount[count];
    if (tied) out.push(...tied.slice(0, limit - out.length));
  }
  return out;
}
