/** How many answers, and how large in all, a cache keeps. */
export interface CacheBounds {
  entries: number;
  /** Total size of the answers kept, in the unit `sizeOf` counts. */
  size: number;
}

/**
 * The list and search cache's bounds. A story page of 50 is about 15 KB of JSON, so 512 answers hold every page of
 * the 100,000-article bench store read by cursor (20,935 stories, 419 pages) with the recent searches beside them;
 * 32 M UTF-16 code units hold at least ~100 pages of 1,000 items (about 300 KB each).
 */
export const LIST_CACHE: CacheBounds = { entries: 512, size: 32 * 1024 * 1024 };

/**
 * The dossier cache's bounds: stored dossiers of the bench's 5–42-article stories are 0.1–0.5 MB each, so 64 MB
 * keeps the 20 it loads and about a hundred more; one dossier of a huge story (tens of MB) passes through without
 * emptying it for long.
 */
export const DOSSIER_CACHE: CacheBounds = { entries: 256, size: 64 * 1024 * 1024 };

interface Entry<T> {
  mark: string;
  answer: Promise<T>;
  size: number;
}

/**
 * Recent answers of reads, each kept with the store's change mark (`Store.changeMark`) read before the read ran, and
 * given only to a request that finds the same mark: any committed write changes the mark, so a new article shows in
 * the next list or search and a changed story's dossier is read again. Least recently used answers go first past the
 * bounds. Concurrent requests for one answer share one read (50 clients asking for the first page after a write run
 * one query, not 50).
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private total = 0;
  private mark: string | null = null;

  constructor(
    private readonly bounds: CacheBounds,
    private readonly sizeOf: (answer: T) => number,
  ) {}

  /** The answer kept for `key` at `mark`, or `read`'s, kept. */
  get(key: string, mark: string, read: () => Promise<T>): Promise<T> {
    if (mark !== this.mark) this.clear(mark); // every answer kept is of another mark: none can be given again
    const kept = this.entries.get(key);
    if (kept && kept.mark === mark) {
      this.entries.delete(key); // re-inserted last: Map order is the recency order
      this.entries.set(key, kept);
      return kept.answer;
    }
    const entry: Entry<T> = { mark, answer: read(), size: 0 };
    this.entries.set(key, entry);
    entry.answer.then(
      (answer) => {
        if (this.entries.get(key) !== entry) return;
        entry.size = this.sizeOf(answer);
        this.total += entry.size;
        this.evict();
      },
      () => this.drop(key, entry), // a failed read is not kept: the next request tries again
    );
    this.evict();
    return entry.answer;
  }

  /** Answers kept now (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private clear(mark: string): void {
    this.entries.clear();
    this.total = 0;
    this.mark = mark;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.bounds.entries && this.total <= this.bounds.size) return;
      this.drop(key, entry);
    }
  }

  private drop(key: string, entry: Entry<T>): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }
}
