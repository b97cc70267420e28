import { type Message, message } from '../model/message.js';

/** Decoded text with the charset chosen and what was decided on the way. */
export interface Decoded {
  text: string;
  charset: string;
  messages: Message[];
}

/** Why bytes could not be read as text at all. */
export type DecodeFailure = { reason: string };

const BOMS: ReadonlyArray<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * Turns bytes into text: a byte-order mark wins, then a declared charset, then strict UTF-8, then Windows-1252
 * (the usual charset of pages that are not UTF-8, and a superset of Latin-1 for printable text).
 * Binary data is refused rather than decoded into noise.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded | DecodeFailure {
  if (bytes.length === 0) return { reason: 'empty file' };
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      const text = new TextDecoder(charset).decode(bytes.subarray(bom.length));
      return { text, charset, messages: [message('decode', 'bom', `byte-order mark: ${charset}`, { severity: 'info' })] };
    }
  }
  if (looksBinary(bytes)) return { reason: 'binary data, not text (NUL or control bytes)' };
  const messages: Message[] = [];
  if (declared) {
    const label = normalizeLabel(declared);
    if (label && label !== 'utf-8') {
      try {
        return {
          text: new TextDecoder(label).decode(bytes),
          charset: label,
          messages: [message('decode', 'declared', `declared charset ${label}`, { severity: 'info' })],
        };
      } catch {
        messages.push(message('decode', 'unknown-charset', `declared charset "${declared}" is not supported; detecting instead`));
      }
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', messages };
  } catch {
    messages.push(message('decode', 'invalid-utf8', 'invalid UTF-8: decoded as windows-1252 instead'));
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', messages };
  }
}

/** Maps a declared charset label to one TextDecoder knows, or null. */
export function normalizeLabel(label: string): string | null {
  const clean = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

/**
 * Binary if a NUL byte appears in the first 8 KB (text formats other than UTF-16, which has a BOM here, never
 * hold one) or over 10% of it is C0 control bytes other than tab, newline, carriage return and form feed.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n * 0.1;
}
