/**
 * Bytes of one arena chunk: large enough that a chunk holds a few thousand entries (≈ 0.6 KB each on the link
 * benchmark), small enough that the last chunk's unused tail is negligible and no growing buffer is ever copied.
 */
const CHUNK_BYTES = 1 << 20;
/** Most UTF-8 bytes one UTF-16 code unit takes: what a string is given before it is encoded. */
const MAX_UTF8_PER_UNIT = 3;

/** Where `EntryArena.put` wrote an entry's data. */
export interface ArenaSlot {
  chunk: number;
  /** Byte offset of the samples in the chunk (a multiple of 4); the text follows them. */
  at: number;
  sampleCount: number;
  textBytes: number;
  /** Bytes of the tail (0: none), from the first multiple of 4 after the text. */
  tailBytes: number;
}

/**
 * The packed data of filed entries (packed-entry.ts), outside the V8 heap: 32-bit samples followed by a UTF-8 text,
 * appended to chunks of `ArrayBuffer`. The linker keeps an entry for every article ever filed, and as strings and
 * typed arrays on the heap these were most of what grew with the archive (≈ 0.7 of 1.6 KB an article from 40,000 to
 * 100,000 on the link benchmark, docs/scale.md): every collection's heap limit followed them. Appended, never
 * freed: an entry's data does not change once filed, and an article the linker forgets (`Linker.remove`, rare)
 * leaves its bytes until the linker is restored from its saved state.
 */
export class EntryArena {
  private readonly chunks: Array<{ bytes: Uint8Array; words: Uint32Array }> = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** Appends samples (unsigned 32-bit), a text and optional bytes (`tail`); returns where they are. */
  put(samples: readonly number[], text: string, tail?: Uint8Array): ArenaSlot {
    const need = samples.length * 4 + text.length * MAX_UTF8_PER_UNIT + (tail ? 3 + tail.length : 0);
    let last = this.chunks[this.chunks.length - 1];
    if (!last || this.used + need > last.bytes.length) {
      const buffer = new ArrayBuffer(Math.max(CHUNK_BYTES, align4(need)));
      last = { bytes: new Uint8Array(buffer), words: new Uint32Array(buffer) };
      this.chunks.push(last);
      this.used = 0;
    }
    const at = this.used;
    last.words.set(samples, at / 4);
    const textAt = at + samples.length * 4;
    const { written } = this.encoder.encodeInto(text, last.bytes.subarray(textAt, textAt + text.length * MAX_UTF8_PER_UNIT));
    const tailAt = align4(textAt + written);
    if (tail) last.bytes.set(tail, tailAt);
    this.used = align4(tailAt + (tail?.length ?? 0));
    return { chunk: this.chunks.length - 1, at, sampleCount: samples.length, textBytes: written, tailBytes: tail?.length ?? 0 };
  }

  samples(slot: ArenaSlot): number[] {
    const words = (this.chunks[slot.chunk] as { words: Uint32Array }).words;
    const out = new Array<number>(slot.sampleCount);
    for (let i = 0; i < slot.sampleCount; i++) out[i] = words[slot.at / 4 + i] as number;
    return out;
  }

  text(slot: ArenaSlot): string {
    const bytes = (this.chunks[slot.chunk] as { bytes: Uint8Array }).bytes;
    const from = slot.at + slot.sampleCount * 4;
    return this.decoder.decode(bytes.subarray(from, from + slot.textBytes));
  }

  /** The tail's bytes (a view into the chunk: its offset is a multiple of 4). */
  tail(slot: ArenaSlot): Uint8Array {
    const bytes = (this.chunks[slot.chunk] as { bytes: Uint8Array }).bytes;
    const from = align4(slot.at + slot.sampleCount * 4 + slot.textBytes);
    return bytes.subarray(from, from + slot.tailBytes);
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
