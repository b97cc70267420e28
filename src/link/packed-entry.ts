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
  /**
   * Bytes of the line print in the arena (0: the entry has none): sentence spans, stems per sentence and the stems
   * (`encodeLines`), ≈ 0.6 KB for a 300-word article where its JSON took 1.2 KB, read only when the entry is a copy
   * candidate of a new article or its story is built. Until the sixth round these were three typed arrays on the
   * heap per entry, ≈ 60 MB at 100,000 real articles (docs/scale.md).
   */
  readonly tailBytes: number;
  private readonly exact: string;
  private readonly arena: EntryArena;

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
      tailBytes: this.tailBytes,
    } = arena.put(entry.print.samples, JSON.stringify(entry.anchors), entry.lines && encodeLines(entry.lines)));
    this.exact = entry.print.exact;
  }

  get lines(): LinePrint | undefined {
    return this.tailBytes === 0 ? undefined : decodeLines(this.arena.tail(this));
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
      ...(this.tailBytes === 0 ? {} : { lines: this.lines }),
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
