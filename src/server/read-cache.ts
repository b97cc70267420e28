import type { JsonAnswer } from './reads.js';

/**
 * Answers kept at most. A story page of 50 is about 15 KB of JSON, so this holds every page of the 100,000-article
 * bench store (14,276 stories, 286 pages: the pages row walks all of them) with the recent searches beside them.
 */
export const CACHE_ENTRIES = 512;
/** Bytes of JSON kept at most (UTF-16 code units counted): a 1,000-item page is about 300 KB, so at least ~100 of those. */
export const CACHE_CHARS = 32 * 1024 * 1024;

interface Entry {
  mark: string;
  answer: Promise<JsonAnswer>;
  chars: number;
}

/**
 * The recent answers of list and search reads, each kept with the store's change mark (`Store.changeMark`) read
 * before the read ran, and given only to a request that finds the same mark: any committed write changes the mark,
 * so a new article shows in the next list or search. Least recently used answers go first past the bounds.
 * Concurrent requests for one answer share one read (50 clients asking for the first page after a write run one
 * query, not 50).
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  private mark: string | null = null;

  /** The answer kept for `key` at `mark`, or `read`'s, kept. */
  get(key: string, mark: string, read: () => Promise<JsonAnswer>): Promise<JsonAnswer> {
    if (mark !== this.mark) this.clear(mark); // every answer kept is of an older mark: none can be given again
    const kept = this.entries.get(key);
    if (kept && kept.mark === mark) {
      this.entries.delete(key); // re-inserted last: Map order is the recency order
      this.entries.set(key, kept);
      return kept.answer;
    }
    const entry: Entry = { mark, answer: read(), chars: 0 };
    this.entries.set(key, entry);
    entry.answer.then(
      (answer) => {
        if (this.entries.get(key) !== entry) return;
        entry.chars = answer.body.length;
        this.chars += entry.chars;
        this.evict();
      },
      () => this.drop(key, entry), // a failed read is not kept: the next request tries again
    );
    this.evict();
    return entry.answer;
  }

  /** Answers kept now (for tests and the bench). */
  get size(): number {
    return this.entries.size;
  }

  private clear(mark: string): void {
    this.entries.clear();
    this.chars = 0;
    this.mark = mark;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= CACHE_ENTRIES && this.chars <= CACHE_CHARS) return;
      this.drop(key, entry);
    }
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.chars -= entry.chars;
  }
}
