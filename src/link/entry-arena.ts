/**
 * Bytes of one arena chunk: large enough that a chunk holds a few thousand entries (≈ 0.6 KB each on the link
 * benchmark), small enough that the last chunk's unused tail is negligible and no growing buffer is ever copied.
 */
const CHUNK_BYTES = 1 << 20;
/** Most UTF-8 bytes one UTF-16 code unit takes: what a string is given before it is encoded. */
const MAX_UTF8_PER_UNIT = 3;
/** Header words before an entry's data: its sample count, its tail's bytes and its number of texts. */
const HEADER_WORDS = 3;
/** A text's length word for null. */
const NULL_TEXT = 0xffffffff;
/**
 * Strings `intern` shares: short ones (dates, outlet names), at most this many distinct. Most articles of an archive
 * share a few thousand publication days and outlets, and as a string of their own each cost ≈ 32 bytes of heap per
 * filed article.
 */
const INTERN_MAX_LENGTH = 40;
const INTERN_MAX = 65_536;

/** Where `EntryArena.put` wrote an entry's data. */
export interface ArenaSlot {
  chunk: number;
  /** Byte offset of its header in the chunk (a multiple of 4). */
  at: number;
}

/**
 * The packed data of filed entries (packed-entry.ts), outside the V8 heap: a header of lengths, 32-bit samples, UTF-8
 * texts, then optional bytes (the tail), appended to chunks of `ArrayBuffer`. The linker keeps an entry for every
 * article ever filed, and as strings and typed arrays on the heap these were most of what grew with the archive
 * (≈ 0.7 of 1.6 KB an article from 40,000 to 100,000 on the link benchmark, docs/scale.md): every collection's heap
 * limit followed them. The lengths sit in the arena too, so an entry on the heap keeps two small integers to find
 * them. Appended, never freed: an entry's data does not change once filed, and an article the linker forgets
 * (`Linker.remove`, rare) leaves its bytes until the linker is restored from its saved state.
 */
export class EntryArena {
  private readonly chunks: Array<{ bytes: Uint8Array; words: Uint32Array }> = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private readonly interned = new Map<string, string>();

  /** Appends samples (unsigned 32-bit), texts (null kept as null) and optional bytes (`tail`); returns where. */
  put(samples: readonly number[], texts: ReadonlyArray<string | null>, tail?: Uint8Array): ArenaSlot {
    let textUnits = 0;
    for (const text of texts) textUnits += text?.length ?? 0;
    const headerBytes = 4 * (HEADER_WORDS + texts.length);
    const need = headerBytes + samples.length * 4 + textUnits * MAX_UTF8_PER_UNIT + (tail ? 3 + tail.length : 0);
    let last = this.chunks[this.chunks.length - 1];
    if (!last || this.used + need > last.bytes.length) {
      const buffer = new ArrayBuffer(Math.max(CHUNK_BYTES, align4(need)));
      last = { bytes: new Uint8Array(buffer), words: new Uint32Array(buffer) };
      this.chunks.push(last);
      this.used = 0;
    }
    const at = this.used;
    const header = at / 4;
    last.words[header] = samples.length;
    last.words[header + 1] = tail?.length ?? 0;
    last.words[header + 2] = texts.length;
    last.words.set(samples, header + HEADER_WORDS + texts.length);
    let textAt = at + headerBytes + samples.length * 4;
    texts.forEach((text, i) => {
      if (text === null) {
        last.words[header + HEADER_WORDS + i] = NULL_TEXT;
        return;
      }
      const { written } = this.encoder.encodeInto(text, last.bytes.subarray(textAt, textAt + text.length * MAX_UTF8_PER_UNIT));
      last.words[header + HEADER_WORDS + i] = written;
      textAt += written;
    });
    const tailAt = align4(textAt);
    if (tail) last.bytes.set(tail, tailAt);
    this.used = align4(tailAt + (tail?.length ?? 0));
    return { chunk: this.chunks.length - 1, at };
  }

  samples(slot: ArenaSlot): number[] {
    const words = (this.chunks[slot.chunk] as { words: Uint32Array }).words;
    const header = slot.at / 4;
    const count = words[header] as number;
    const from = header + HEADER_WORDS + (words[header + 2] as number);
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = words[from + i] as number;
    return out;
  }

  /** The `index`th text put with the entry. */
  text(slot: ArenaSlot, index: number): string | null {
    const { bytes, words } = this.chunks[slot.chunk] as { bytes: Uint8Array; words: Uint32Array };
    const header = slot.at / 4;
    const texts = words[header + 2] as number;
    let from = slot.at + 4 * (HEADER_WORDS + texts) + 4 * (words[header] as number);
    for (let i = 0; i < index; i++) from += textBytes(words[header + HEADER_WORDS + i] as number);
    const length = words[header + HEADER_WORDS + index] as number;
    return length === NULL_TEXT ? null : this.decoder.decode(bytes.subarray(from, from + length));
  }

  /** The tail's bytes (a view into the chunk: its offset is a multiple of 4; empty when none was put). */
  tail(slot: ArenaSlot): Uint8Array {
    const { bytes, words } = this.chunks[slot.chunk] as { bytes: Uint8Array; words: Uint32Array };
    const header = slot.at / 4;
    const texts = words[header + 2] as number;
    let end = slot.at + 4 * (HEADER_WORDS + texts) + 4 * (words[header] as number);
    for (let i = 0; i < texts; i++) end += textBytes(words[header + HEADER_WORDS + i] as number);
    const from = align4(end);
    return bytes.subarray(from, from + (words[header + 1] as number));
  }

  /** The one copy of a short string seen before (up to `INTERN_MAX` of them), else the string itself. */
  intern(text: string | null): string | null {
    if (text === null || text.length > INTERN_MAX_LENGTH) return text;
    const held = this.interned.get(text);
    if (held !== undefined) return held;
    if (this.interned.size < INTERN_MAX) this.interned.set(text, text);
    return text;
  }
}

function textBytes(length: number): number {
  return length === NULL_TEXT ? 0 : length;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
