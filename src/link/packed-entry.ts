import type { Anchors } from './anchors.js';
import type { CopyPrint } from './copies.js';
import type { ArenaSlot, EntryArena } from './entry-arena.js';
import type { LinkerEntry } from './linker.js';
import type { LinePrint } from './rewrites.js';
import { daySpanOf } from './time.js';

/** Texts of a packed entry in the arena, by index. */
const ANCHORS_TEXT = 0;
const EXACT_TEXT = 1;
const TITLE_TEXT = 2;
const LABEL_TEXT = 3;

/**
 * What a packed entry holds for an entry that shares no passage: one array for every such entry instead of an empty
 * one each (the linker replaces an entry's `shares`, never adds to a filed one's).
 */
const NO_SHARES: string[] = Object.freeze([]) as unknown as string[];

/**
 * An entry as the linker holds it once filed, with its anchors held as JSON, its copy print's samples as 32-bit
 * integers (what `copyPrint` makes), its exact hash, title and label as text in the linker's arena, outside the V8
 * heap (entry-arena.ts), read back on access. After filing, the linker reads an article's anchors only when its raw
 * vector is no longer kept (a retired article's story touched again) or its story is built, while as parsed objects
 * (anchor words as keys of dictionary-mode objects) its anchors and print were the largest part of the linker's heap:
 * 3.7 KB of 4.0 KB per synthetic entry at 20,000 (bench/link-child.ts), ≈ 0.6 KB packed. What stays on the heap is
 * kept for every article ever filed, so it is kept small: short strings that repeat across articles (dates, outlet,
 * origin) shared through the arena (`intern`), the lengths in the arena, no empty `shares` of its own (396 → ≈ 230
 * bytes per synthetic entry with its map entry). Every other field stays a plain, mutable property, so the linker
 * treats it as any entry.
 */
export class PackedEntry implements LinkerEntry, ArenaSlot {
  id: string;
  headline: boolean;
  outlet: string | null;
  published: string | null;
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
  private readonly arena: EntryArena;

  constructor(entry: LinkerEntry, arena: EntryArena) {
    this.arena = arena;
    this.id = entry.id;
    this.headline = entry.headline;
    this.outlet = arena.intern(entry.outlet);
    this.published = arena.intern(entry.published);
    this.origin = arena.intern(entry.origin);
    this.copyOf = entry.copyOf;
    this.shares = entry.shares.length === 0 ? NO_SHARES : entry.shares;
    this.story = entry.story;
    this.group = entry.group;
    this.when = arena.intern(entry.anchors.when);
    this.day = firstDayOf(this.when);
    // The line print (sentence spans, stems per sentence and the stems, `encodeLines`) goes last, as the tail: ≈ 0.6 KB
    // for a 300-word article where its JSON took 1.2 KB, read only when the entry is a copy candidate of a new article
    // or its story is built. Until the sixth round these were three typed arrays on the heap per entry, ≈ 60 MB at
    // 100,000 real articles (docs/scale.md).
    ({ chunk: this.chunk, at: this.at } = arena.put(
      entry.print.samples,
      [JSON.stringify(entry.anchors), entry.print.exact, entry.title, entry.label],
      entry.lines && encodeLines(entry.lines),
    ));
  }

  /** The article's headline or lead sentence (titles.ts), read back from the arena: only story builds read it. */
  get title(): string | null {
    return this.arena.text(this, TITLE_TEXT);
  }

  get label(): string {
    return this.arena.text(this, LABEL_TEXT) as string;
  }

  get lines(): LinePrint | undefined {
    const tail = this.arena.tail(this);
    return tail.length === 0 ? undefined : decodeLines(tail);
  }

  get anchors(): Anchors {
    return JSON.parse(this.arena.text(this, ANCHORS_TEXT) as string) as Anchors;
  }

  get print(): CopyPrint {
    return { exact: this.arena.text(this, EXACT_TEXT) as string, samples: this.arena.samples(this) };
  }

  /** The plain entry, fields in the order of a fresh one, so saved JSON does not change when an entry is packed. */
  toJSON(): LinkerEntry {
    const lines = this.lines;
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
      ...(lines === undefined ? {} : { lines }),
      copyOf: this.copyOf,
      shares: this.shares,
      story: this.story,
      group: this.group,
    };
  }
}

/**
 * A line print as bytes: a header of three 32-bit counts (spans, sentences, stems), the spans (32 bits each), the
 * stems (16-bit hashes, sentence after sentence), then each sentence's stem count (at most `MAX_STEMS`, one byte).
 */
function encodeLines(lines: LinePrint): Uint8Array {
  const sentences = lines.stems.length;
  let stemCount = 0;
  for (const stems of lines.stems) stemCount += stems.length;
  const stemsAt = 4 * (3 + lines.spans.length);
  const countsAt = stemsAt + 2 * stemCount;
  const buffer = new ArrayBuffer(countsAt + sentences);
  const words = new Uint32Array(buffer, 0, 3 + lines.spans.length);
  words[0] = lines.spans.length;
  words[1] = sentences;
  words[2] = stemCount;
  words.set(lines.spans, 3);
  const stems = new Uint16Array(buffer, stemsAt, stemCount);
  const counts = new Uint8Array(buffer, countsAt, sentences);
  let at = 0;
  lines.stems.forEach((sentence, i) => {
    stems.set(sentence, at);
    at += sentence.length;
    counts[i] = sentence.length;
  });
  return new Uint8Array(buffer);
}

/** The line print `encodeLines` wrote (`bytes` starting at a multiple of 4 of its buffer). */
function decodeLines(bytes: Uint8Array): LinePrint {
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, 3);
  const [spanCount, sentences, stemCount] = [header[0] as number, header[1] as number, header[2] as number];
  const stemsAt = bytes.byteOffset + 4 * (3 + spanCount);
  const stems = new Uint16Array(bytes.buffer, stemsAt, stemCount);
  const counts = new Uint8Array(bytes.buffer, stemsAt + 2 * stemCount, sentences);
  let at = 0;
  return {
    spans: Array.from(new Uint32Array(bytes.buffer, bytes.byteOffset + 12, spanCount)),
    stems: Array.from(counts, (n) => Array.from(stems.subarray(at, (at += n)))),
  };
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
