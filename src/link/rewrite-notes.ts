import type { Rewrite } from '../model/story.js';

/**
 * Values a story build made, by key, kept for the next build: a linker pass rebuilds every story an article joined,
 * so what a large story's build computed for its members was computed again at every pass (docs/scale.md, "The
 * linker's intake"). Two generations: the values used or made by the build under way and those of the one before; a
 * build (`turn`) drops what the last one did not use, so what is kept follows the stories being rebuilt, not the
 * archive, and each generation weighs at most `max` (`weigh`: 1 a value unless given).
 */
export class Generations<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();
  private weight = 0;

  constructor(
    private readonly max: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  get(key: string): T | undefined {
    const held = this.current.get(key);
    if (held !== undefined) return held;
    const before = this.previous.get(key);
    if (before !== undefined) {
      this.previous.delete(key);
      this.set(key, before);
    }
    return before;
  }

  set(key: string, value: T): void {
    const held = this.current.get(key);
    const weight = this.weigh(value) - (held === undefined ? 0 : this.weigh(held));
    if (this.weight + weight > this.max) {
      if (held !== undefined) {
        this.current.delete(key);
        this.weight -= this.weigh(held);
      }
      return;
    }
    this.current.set(key, value);
    this.weight += weight;
  }

  /** Counts `more` toward the bound for a value of this build that grew in place; false when there is no room. */
  grow(more: number): boolean {
    if (this.weight + more > this.max) return false;
    this.weight += more;
    return true;
  }

  /** Ends a build: the values it did not use are dropped at the end of the next. */
  turn(): void {
    this.previous = this.current;
    this.current = new Map();
    this.weight = 0;
  }
}

/**
 * Rewrite notes already made, by the ids of the two articles (the one sharing passages, then the other): a note
 * depends only on the two articles' texts (their line prints), dates and credited origins, which never change for an
 * id (the hash of its content). Held by the first id, so a member's notes move between generations at once: one
 * key per pair (≈ 27 pairs a member in a large synthetic story) made the lookups a tenth of a later pass. At most
 * `max` notes a generation.
 */
export class RewriteNotes {
  private readonly byFirst: Generations<Map<string, Rewrite>>;

  constructor(max: number) {
    this.byFirst = new Generations(max, (notes) => notes.size);
  }

  get(a: string, b: string): Rewrite | undefined {
    return this.byFirst.get(a)?.get(b);
  }

  set(a: string, b: string, note: Rewrite): void {
    const notes = this.byFirst.get(a);
    if (notes === undefined) this.byFirst.set(a, new Map([[b, note]]));
    else if (this.byFirst.grow(1)) notes.set(b, note);
  }

  turn(): void {
    this.byFirst.turn();
  }
}
