import type { Rewrite } from '../model/story.js';

/**
 * Rewrite notes already made, by the ids of the two articles, kept from one story build to the next: a note depends
 * only on the two articles' texts (their line prints), dates and credited origins, which never change for an id (the
 * hash of its content), and a linker pass rebuilds every story an article joined, so the pairs of a large story were
 * compared again at every pass (docs/scale.md, "The linker's intake"). Two generations: the notes used or made by the
 * build under way and those of the one before; a build (`turn`) drops what the last one did not use, so the notes
 * kept follow the stories being rebuilt, not the archive, and each generation holds at most `max`.
 */
export class RewriteNotes {
  private previous = new Map<string, Rewrite>();
  private current = new Map<string, Rewrite>();

  constructor(private readonly max: number) {}

  get(key: string): Rewrite | undefined {
    const held = this.current.get(key);
    if (held) return held;
    const before = this.previous.get(key);
    if (before) {
      this.previous.delete(key);
      this.set(key, before);
    }
    return before;
  }

  set(key: string, note: Rewrite): void {
    if (this.current.size < this.max) this.current.set(key, note);
  }

  /** Ends a build: the notes it did not use are dropped at the end of the next. */
  turn(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
