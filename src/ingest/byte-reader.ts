import { MEMBER_END } from './gzip-members.js';

/** A line that was over the caller's bound: consumed and dropped, only its size and its last bytes kept. */
export interface TooLong {
  tooLong: number;
  /** The line's last TAIL_BYTES bytes: a record header glued to the end of garbage is found there. */
  tail: Buffer;
}

/** Bytes kept from the end of an over-long line. */
const TAIL_BYTES = 32;

/**
 * Pull-style reader over a byte stream: bounded lines and counted blocks. Line-oriented formats (JSONL, URL lists)
 * and WARC's "headers, then exactly Content-Length bytes" framing both need reads that never buffer more than a
 * caller-chosen bound; Node's readline has no line bound and streams have no "consume n bytes, keep the first k".
 * An Error in the source (a corrupt gzip member) is thrown where it sits, and reading can go on after it. The end of a
 * gzip member (MEMBER_END) ends a line, as a newline would.
 */
export class ByteReader {
  private readonly source: AsyncIterator<Buffer | string | Error>;
  private chunk: Buffer = Buffer.alloc(0);
  private head = 0;
  private ended = false;

  constructor(stream: AsyncIterable<Buffer | string | Error>) {
    this.source = stream[Symbol.asyncIterator]();
  }

  /**
   * The next line without its `\n` or `\r\n`; null at the end of input. A line longer than `max` bytes is consumed
   * whole but only its length is returned, so one hostile line costs an error, not the process.
   */
  async line(max: number): Promise<Buffer | TooLong | null> {
    const parts: Buffer[] = [];
    let size = 0;
    let dropped = 0;
    let tail = Buffer.alloc(0);
    let sawNewline = false;
    while (!sawNewline) {
      const more = await this.available(true);
      if (more === 'boundary') {
        if (size === 0 && dropped === 0) continue;
        break;
      }
      if (!more) {
        if (size === 0 && dropped === 0) return null;
        break;
      }
      const nl = this.chunk.indexOf(10, this.head);
      const end = nl === -1 ? this.chunk.length : nl + 1;
      const piece = this.chunk.subarray(this.head, end);
      this.head = end;
      sawNewline = nl !== -1;
      if (dropped > 0 || size + piece.length > max + 2) {
        dropped += size + piece.length;
        tail = Buffer.from(Buffer.concat([tail, ...parts, piece]).subarray(-TAIL_BYTES - 2));
        parts.length = 0;
        size = 0;
      } else {
        parts.push(piece);
        size += piece.length;
      }
    }
    if (dropped > 0) return { tooLong: dropped, tail: withoutEol(tail).subarray(-TAIL_BYTES) };
    const line = withoutEol(Buffer.concat(parts, size));
    return line.length > max ? { tooLong: line.length, tail: line.subarray(-TAIL_BYTES) } : line;
  }

  /** Puts bytes back in front of the unread input (a record found to hold the start of the next one). */
  unread(bytes: Buffer): void {
    this.chunk = Buffer.concat([bytes, this.chunk.subarray(this.head)]);
    this.head = 0;
  }

  /** Consumes `n` bytes, keeping only the first `keep`; `complete` is false when the input ended first. */
  async take(n: number, keep: number): Promise<{ bytes: Buffer; complete: boolean }> {
    const kept: Buffer[] = [];
    let keptSize = 0;
    let left = n;
    while (left > 0) {
      if (!(await this.available())) return { bytes: Buffer.concat(kept, keptSize), complete: false };
      const step = Math.min(this.chunk.length - this.head, left);
      if (keptSize < keep) {
        const piece = this.chunk.subarray(this.head, this.head + Math.min(step, keep - keptSize));
        kept.push(piece);
        keptSize += piece.length;
      }
      this.head += step;
      left -= step;
    }
    return { bytes: Buffer.concat(kept, keptSize), complete: true };
  }

  /**
   * Whether unread bytes remain, pulling the next chunk when the current one is used up; 'boundary' at the end of a
   * gzip member when the caller stops there (lines do, blocks read on).
   */
  private async available(stopAtBoundary = false): Promise<boolean | 'boundary'> {
    while (this.head >= this.chunk.length) {
      if (this.ended) return false;
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      if (next.value === MEMBER_END) {
        if (stopAtBoundary) return 'boundary';
        continue;
      }
      if (next.value instanceof Error) throw next.value;
      this.chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      this.head = 0;
    }
    return true;
  }
}

function withoutEol(line: Buffer): Buffer {
  let end = line.length;
  if (line[end - 1] === 10) end--;
  if (line[end - 1] === 13) end--;
  return line.subarray(0, end);
}
