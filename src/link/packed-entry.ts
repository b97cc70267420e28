import type { Anchors } from './anchors.js';
import type { CopyPrint } from './copies.js';
import type { ArenaSlot, EntryArena } from './entry-arena.js';
import type { LinkerEntry } from './linker.js';
import type { LinePrint } from './rewrites.js';
import { daySpanOf } from './time.js';

/**
 * An entry as the linker holds it once filed, with its anchors held as JSON and its copy print's samples as 32-bit
 * integers (what `copyPrint` makes) in the linker's arena, outside the V8 heap (entry-arena.ts), read back on access.
 * After filing, the linker reads an article's anchors only when its raw vector is no longer kept (a retired article's
 * story touched again) or its story is built, while as parsed objects (anchor words as keys of dictionary-mode
 * objects) its anchors and print were the largest part of the linker's heap: 3.7 KB of 4.0 KB per synthetic entry at
 * 20,000 (bench/link-child.ts), ≈ 0.6 KB packed. Every other field stays a plain, mutable property, so the linker
 * treats it as any entry.
 */
export class PackedEntry implements LinkerEntry, ArenaSlot {
  id: string;
  title: string | null;
  headline: boolean;
  outlet: string | null;
  published: string | null;
  label: string;
  origin: string | null;
  copyOf: string | null;
  shares: string[];
  story: string | null;
  group: string | null;
  /** The article's own date (`anchors.when`), kept unpacked: vectors are weighed by its span. */
  readonly when: string | null;
  /**
   * The first day `when` stands for (null: undated), read once: candidate lookups pick each long-running story's
   * latest members by it, and parsing the dates of every member at each lookup grew with the stories' length.
   */
  readonly day: number | null;
  readonly chunk: number;
  readonly at: number;
  readonly sampleCount: number;
  readonly textBytes: number;
  private readonly exact: string;
  private readonly arena: EntryArena;
  /**
   * The line print as typed arrays (sentence spans, stems per sentence, the stems: ≈0.6 KB for a 300-word article where
   * its JSON took 1.2 KB), read only when the entry is a copy candidate of a new article or its story is built.
   */
  private readonly packedLines: { spans: Uint32Array; counts: Uint8Array; stems: Uint16Array } | undefined;

  constructor(entry: LinkerEntry, arena: EntryArena) {
    this.arena = arena;
    this.id = entry.id;
    this.title = entry.title;
    this.headline = entry.headline;
    this.outlet = entry.outlet;
    this.published = entry.published;
    this.label = entry.label;
    this.origin = entry.origin;
    this.copyOf = entry.copyOf;
    this.shares = entry.shares;
    this.story = entry.story;
    this.group = entry.group;
    this.when = entry.anchors.when;
    this.day = firstDayOf(this.when);
    ({
      chunk: this.chunk,
      at: this.at,
      sampleCount: this.sampleCount,
      textBytes: this.textBytes,
    } = arena.put(entry.print.samples, JSON.stringify(entry.anchors)));
    this.exact = entry.print.exact;
    this.packedLines = entry.lines && {
      spans: Uint32Array.from(entry.lines.spans),
      counts: Uint8Array.from(entry.lines.stems.map((s) => s.length)),
      stems: Uint16Array.from(entry.lines.stems.flat()),
    };
  }

  get lines(): LinePrint | undefined {
    const packed = this.packedLines;
    if (packed === undefined) return undefined;
    let at = 0;
    const stems = Array.from(packed.counts, (n) => Array.from(packed.stems.subarray(at, (at += n))));
    return { spans: Array.from(packed.spans), stems };
  }

  get anchors(): Anchors {
    return JSON.parse(this.arena.text(this)) as Anchors;
  }

  get print(): CopyPrint {
    return { exact: this.exact, samples: this.arena.samples(this) };
  }

  /** The plain entry, fields in the order of a fresh one, so saved JSON does not change when an entry is packed. */
  toJSON(): LinkerEntry {
    return {
      id: this.id,
      title: this.title,
      headline: this.headline,
      outlet: this.outlet,
      published: this.published,
      label: this.label,
      origin: this.origin,
      anchors: this.anchors,
      print: this.print,
      ...(this.packedLines === undefined ? {} : { lines: this.lines }),
      copyOf: this.copyOf,
      shares: this.shares,
      story: this.story,
      group: this.group,
    };
  }
}

/** The first day an entry's own date stands for, or null when undated; without unpacking a packed entry. */
export function dayOf(entry: LinkerEntry): number | null {
  return entry instanceof PackedEntry ? entry.day : firstDayOf(entry.anchors.when);
}

function firstDayOf(when: string | null): number | null {
  return daySpanOf(when)?.[0] ?? null;
}

/** An entry's own date without unpacking a packed one. */
export function whenOf(entry: LinkerEntry): string | null {
  return entry instanceof PackedEntry ? entry.when : entry.anchors.when;
}
