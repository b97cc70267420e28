import { createInflateRaw, inflateRawSync } from 'node:zlib';

/*
 * Multi-member gzip, decoded member by member. Node's gunzip reads concatenated members too, but on one corrupt
 * member (or stray bytes between members) it errors, dropping everything after it and what it had decoded of the
 * same input chunk. WARC files as Common Crawl writes them hold one record per member, so decoding each member on
 * its own lets a bad one cost one record: an Error is yielded in its place and decoding resumes at the next gzip
 * header. zlib's `bytesWritten` says exactly where a member's deflate data ended in the input, which is where its
 * 8-byte trailer and then the next member begin. Small members (nearly all: a news page compresses to tens of KB)
 * are inflated in one synchronous call; a large or damaged one is streamed, so its output never sits in memory whole.
 */

/** Bytes written to zlib per call: bounds the output of one call (deflate expands at most about 1,000 times). */
const SLICE_BYTES = 16 * 1024;
/** A gzip header's optional name and comment are short; a longer one means these bytes are not a header. */
const MAX_HEADER_BYTES = 64 * 1024;
const TRAILER_BYTES = 8;
/**
 * Members whose compressed data fits in this many buffered bytes are inflated synchronously. Measured on 6,000
 * generated members: the streamed path spent most of its time waiting for zlib's thread pool, one call per member
 * does not; above this size the retries on a partial buffer would cost more than streaming.
 */
const SYNC_INPUT_BYTES = 1024 * 1024;
/** Output bound of the synchronous path; a member that inflates to more is streamed instead. */
const SYNC_OUTPUT_BYTES = 32 * 1024 * 1024;
const MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/**
 * Yielded after each member's bytes: a reader of one-record-per-member files (WARC) ends a line there, so a member
 * of garbage without a final newline (or a gzip bomb of zeros) cannot swallow the first line of the next member.
 * Compared by identity.
 */
export const MEMBER_END: Buffer = Buffer.alloc(0);

/** The unread input: a buffer that grows by pulling chunks from the source. */
class Input {
  buffer: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  /** Appends the next chunk; false at the end of input. */
  async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }
}

/** Decompressed bytes of each member in turn; an Error where a member was corrupt, truncated or not gzip at all. */
export async function* gzipMembers(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer | Error> {
  const input = new Input(source);
  // After a failure, further failures are the search for the next real member: one error is reported, not each.
  let resyncing = false;
  for (;;) {
    if (input.buffer.length === 0 && !(await input.pull())) return;
    const header = headerLength(input.buffer);
    if (header === 'more') {
      if (await input.pull()) continue;
      if (!resyncing) yield new Error('the file ends inside a gzip header');
      return;
    }
    if (header === 'bad') {
      if (!resyncing) yield new Error('not gzip data where a gzip member should start');
      resyncing = true;
      await skipToHeader(input, 1);
      continue;
    }
    input.buffer = input.buffer.subarray(header);
    const whole = await inflateWhole(input);
    const outcome = whole ? 'ok' : yield* inflateMember(input, resyncing);
    if (whole) yield whole;
    yield MEMBER_END;
    if (outcome === 'failed') {
      resyncing = true;
      await skipToHeader(input, 0);
      continue;
    }
    resyncing = false;
    while (input.buffer.length < TRAILER_BYTES && (await input.pull()));
    input.buffer = input.buffer.subarray(Math.min(TRAILER_BYTES, input.buffer.length));
  }
}

/**
 * Inflates a member in one call when its data is in the buffer (pulling more while it is small), leaving
 * `input.buffer` after the data; null, with the input untouched, when it must be streamed: too large, or damaged
 * (the streamed path reports where).
 */
async function inflateWhole(input: Input): Promise<Buffer | null> {
  for (;;) {
    try {
      // With `info`, zlib returns the engine too, whose bytesWritten is the input the member used.
      const result = inflateRawSync(input.buffer, { info: true, maxOutputLength: SYNC_OUTPUT_BYTES }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      input.buffer = input.buffer.subarray(result.engine.bytesWritten);
      return result.buffer;
    } catch (error) {
      const needsMore = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
      if (!needsMore || input.buffer.length >= SYNC_INPUT_BYTES || !(await input.pull())) return null;
    }
  }
}

/**
 * Inflates one member's deflate data from `input`, leaving `input.buffer` at the bytes after it ('ok'), or, when
 * the data is corrupt or cut short, at the start of the slice that failed, to search for the next header ('failed').
 */
async function* inflateMember(input: Input, quiet: boolean): AsyncGenerator<Buffer | Error, 'ok' | 'failed'> {
  const inflate = createInflateRaw();
  const out: Buffer[] = [];
  let ended = false;
  let failure: Error | null = null;
  // zlib does not call a write's callback once it has failed, so an error also wakes the waiting write.
  let wake: () => void = () => {};
  inflate.on('data', (chunk: Buffer) => out.push(chunk));
  inflate.on('end', () => {
    ended = true;
    wake();
  });
  inflate.on('error', (error) => {
    failure = error;
    wake();
  });
  try {
    for (;;) {
      while (input.buffer.length > 0) {
        const slice = input.buffer.subarray(0, SLICE_BYTES);
        const before = inflate.bytesWritten;
        await new Promise<void>((resolve) => {
          wake = resolve;
          inflate.write(slice, () => resolve());
        });
        if (out.length > 0) yield Buffer.concat(out.splice(0));
        if (failure !== null) {
          if (!quiet) yield new Error(`corrupt gzip data (${(failure as Error).message})`);
          return 'failed';
        }
        if (ended) {
          input.buffer = input.buffer.subarray(inflate.bytesWritten - before);
          return 'ok';
        }
        input.buffer = input.buffer.subarray(slice.length);
      }
      if (!(await input.pull())) {
        if (!quiet) yield new Error('the file ends inside a gzip member (truncated)');
        return 'failed';
      }
    }
  } finally {
    inflate.destroy();
  }
}

/** Drops input up to the next gzip magic at or after `from`; the buffer is empty if the input ends first. */
async function skipToHeader(input: Input, from: number): Promise<void> {
  let searchFrom = from;
  for (;;) {
    const at = input.buffer.indexOf(MAGIC, searchFrom);
    if (at !== -1) {
      input.buffer = input.buffer.subarray(at);
      return;
    }
    // Keep the last two bytes: a header may straddle two chunks.
    input.buffer = input.buffer.subarray(Math.max(0, input.buffer.length - 2));
    searchFrom = 0;
    if (!(await input.pull())) {
      input.buffer = Buffer.alloc(0);
      return;
    }
  }
}

/** Length of the gzip member header at the start of `b` (RFC 1952), 'more' if incomplete, 'bad' if not a header. */
function headerLength(b: Buffer): number | 'more' | 'bad' {
  if (b.length < 10) return b.subarray(0, 3).equals(MAGIC.subarray(0, Math.min(3, b.length))) ? 'more' : 'bad';
  if (b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return 'bad';
  const flags = b[3] ?? 0;
  if (flags & 0xe0) return 'bad';
  let at = 10;
  if (flags & 4) {
    if (b.length < at + 2) return 'more';
    at += 2 + b.readUInt16LE(at);
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    const zero = b.indexOf(0, at);
    if (zero === -1) return b.length - at > MAX_HEADER_BYTES ? 'bad' : 'more';
    at = zero + 1;
  }
  if (flags & 2) at += 2;
  return b.length < at ? 'more' : at;
}
