import type { CodePage } from './code-pages.js';

/** One UTF-8 sequence found in a run re-encoded in a code page: chars [start, end) of the run read as `text`. */
export interface Sequence {
  start: number;
  end: number;
  text: string;
  /** A byte was lost on the way (U+FFFD or "?" in its place): the result is U+FFFD. */
  lossy: boolean;
  /** An ordinary space stood where byte 0xA0 belonged (no-break spaces are often flattened to spaces). */
  restoredSpace: boolean;
}

/** The UTF-8 reading of a run: its sequences, and whether every non-ASCII byte belonged to one. */
export interface Reading {
  sequences: Sequence[];
  complete: boolean;
}

/** Marks a byte whose value was lost (the text holds U+FFFD where it was). */
const UNKNOWN = -1;
const SPACE = 0x20;
const QUESTION = 0x3f;

/**
 * Re-encodes a run of characters in a code page and reads the bytes as UTF-8, tolerating the damage that real
 * mojibake carries: a lost byte (U+FFFD, or "?" from a lossy encoder), a 0xA0 byte flattened to a space, and
 * CESU-8 surrogate pairs (UTF-16 halves each encoded as UTF-8). Null when a character has no byte in that page.
 * One character is one byte in a single-byte page, so sequence offsets are character offsets.
 */
export function reread(chars: readonly string[], page: CodePage): Reading | null {
  const bytes: number[] = [];
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else if (ch === '\uFFFD') bytes.push(UNKNOWN);
    else {
      const byte = page.toByte.get(ch);
      if (byte === undefined) return null;
      bytes.push(byte);
    }
  }
  const sequences: Sequence[] = [];
  let complete = true;
  for (let i = 0; i < bytes.length; ) {
    const found = cesu8At(bytes, i) ?? sequenceAt(bytes, i);
    if (found) {
      sequences.push(found);
      i = found.end;
      continue;
    }
    if ((bytes[i] as number) >= 0x80) complete = false;
    i++;
  }
  return { sequences, complete };
}

function isContinuation(b: number | undefined, lo = 0x80, hi = 0xbf): boolean {
  return b !== undefined && b >= lo && b <= hi;
}

/** A UTF-8 sequence (2–4 bytes) starting at `i`, with lost bytes and flattened no-break spaces tolerated. */
function sequenceAt(bytes: number[], i: number): Sequence | null {
  const lead = bytes[i] as number;
  if (lead < 0xc2 || lead > 0xf4) return null;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  // The second byte's range is narrower after some leads (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
  const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  let code = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
  let lost = 0;
  let real = 0;
  let restoredSpace = false;
  for (let k = 1; k < length; k++) {
    let b = bytes[i + k];
    if (b === UNKNOWN || b === QUESTION) {
      lost++;
      code = code << 6;
      continue;
    }
    if (b === SPACE) {
      // Flattened 0xA0 bytes matter in two-byte sequences (à, Š, Р…) and in the three-byte blocks where U+xxA0
      // characters are common (Indic and Thai letters, punctuation, CJK symbols: leads E0–E3); elsewhere a space
      // is a space, not the tail of a Han character.
      if (length === 4 || (length === 3 && lead > 0xe3)) return null;
      b = 0xa0;
      restoredSpace = true;
    }
    if (!isContinuation(b, k === 1 ? lo : 0x80, k === 1 ? hi : 0xbf)) return null;
    real++;
    code = (code << 6) | ((b as number) & 0x3f);
  }
  if (lost > 0) {
    // A "?" only stands for a lost byte where the rest of the sequence makes the intent clear.
    const questionMarks = bytes.slice(i + 1, i + length).filter((b) => b === QUESTION).length;
    if (questionMarks > 0 && (length === 2 ? lead > 0xc3 : real === 0)) return null;
    if (restoredSpace) return null;
    return { start: i, end: i + length, text: '\uFFFD', lossy: true, restoredSpace: false };
  }
  return { start: i, end: i + length, text: String.fromCodePoint(code), lossy: false, restoredSpace };
}

/** A CESU-8 surrogate pair (ED A0–AF xx ED B0–BF xx), as Java and old MySQL wrote characters beyond U+FFFF. */
function cesu8At(bytes: number[], i: number): Sequence | null {
  if (bytes[i] !== 0xed || bytes[i + 3] !== 0xed) return null;
  if (!isContinuation(bytes[i + 1], 0xa0, 0xaf) || !isContinuation(bytes[i + 2])) return null;
  if (!isContinuation(bytes[i + 4], 0xb0, 0xbf) || !isContinuation(bytes[i + 5])) return null;
  const at = (k: number) => (bytes[i + k] as number) & 0x3f;
  const high = 0xd000 | (((bytes[i + 1] as number) & 0x3f) << 6) | at(2);
  const low = 0xd000 | (((bytes[i + 4] as number) & 0x3f) << 6) | at(5);
  return { start: i, end: i + 6, text: String.fromCharCode(high, low), lossy: false, restoredSpace: false };
}
