import { createRequire } from 'node:module';
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
  // UTF-32LE before UTF-16LE: its BOM starts with the UTF-16LE one.
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** How far into the bytes a `<meta charset>` or XML declaration is looked for (the HTML spec's prescan reads 1024). */
const SNIFF_BYTES = 2048;
/** How many bytes the wide-Unicode (UTF-16/32 without BOM) and binary checks read. */
const PROBE_BYTES = 8192;
/** How many bytes the statistical detector reads: enough for its models to settle, bounded for speed. */
const DETECT_BYTES = 64 * 1024;
/**
 * Share of the non-ASCII sequences that must be valid multi-byte UTF-8 for invalid UTF-8 to be read as UTF-8 with a
 * few stray legacy bytes rather than as a legacy charset. Set by reasoning, not tuned: text in a single-byte code
 * page almost never forms a valid multi-byte sequence (a lead byte must be followed by exactly the right number of
 * 0x80–0xBF bytes), so 90% valid sequences means UTF-8 with some damage.
 */
const MIXED_UTF8_MIN_SHARE = 0.9;
/** For UTF-16 without a BOM: share of code units whose high (or low) byte is zero, as in mostly-ASCII text. */
const UTF16_ZERO_SHARE = 0.4;
/** …while the other byte of the unit is almost never zero. */
const UTF16_OTHER_ZERO_MAX = 0.05;

/**
 * Turns bytes into text: a byte-order mark wins, then the charset declared by the transport (`declared`, e.g. HTTP
 * Content-Type), then one declared in the document's first 2 KB (`<meta charset>`, http-equiv, XML declaration),
 * then strict UTF-8, then UTF-8 with a few stray bytes, then byte-statistics detection. A declared legacy charset
 * loses to bytes that are valid multi-byte UTF-8: that mismatch is how most mojibake is born.
 * Binary data is refused rather than decoded into noise.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded | DecodeFailure {
  if (bytes.length === 0) return { reason: 'empty file' };
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      const text = decodeAs(bytes.subarray(bom.length), charset) ?? '';
      return { text, charset, messages: [info('bom', `byte-order mark: ${charset}`)] };
    }
  }
  const wide = sniffWideUnicode(bytes);
  if (wide) return { text: decodeAs(bytes, wide) ?? '', charset: wide, messages: [info('wide', `no byte-order mark; zero-byte pattern of ${wide}`)] };
  if (looksBinary(bytes)) return { reason: 'binary data, not text (NUL or control bytes)' };
  const messages: Message[] = [];
  const utf8 = utf8Health(bytes);
  const claims: Array<[string | undefined, string]> = [
    [declared, 'declared'],
    [sniffDeclaration(bytes), 'in-document'],
  ];
  for (const [claim, where] of claims) {
    if (!claim) continue;
    const label = normalizeLabel(claim);
    if (!label) {
      messages.push(message('decode', 'unknown-charset', `${where} charset "${claim}" is not supported; ignored`));
      continue;
    }
    if (label === 'utf-8' || label.startsWith('utf-16')) break; // the UTF-8 checks below decide
    if (utf8.multibyte > 0 && utf8.invalid === 0) {
      messages.push(message('decode', 'declared-but-utf8', `${where} charset ${label}, but the bytes are valid UTF-8: read as UTF-8`));
      break;
    }
    const text = decodeAs(bytes, label);
    if (text !== null) return { text, charset: label, messages: [...messages, info('declared', `${where} charset ${label}`)] };
  }
  if (utf8.invalid === 0 && utf8.multibyte === 0 && hasIso2022JpEscapes(bytes)) {
    return {
      text: new TextDecoder('iso-2022-jp').decode(bytes),
      charset: 'iso-2022-jp',
      messages: [...messages, info('iso-2022-jp', 'ISO-2022-JP escape sequences in 7-bit text')],
    };
  }
  if (utf8.text !== undefined) return { text: utf8.text, charset: 'utf-8', messages };
  if (utf8.multibyte >= MIXED_UTF8_MIN_SHARE * (utf8.multibyte + utf8.invalid)) {
    messages.push(message('decode', 'mixed-utf8', `${utf8.invalid} invalid UTF-8 sequences among ${utf8.multibyte} valid: stray bytes read as windows-1252`));
    return { text: decodeMixedUtf8(bytes), charset: 'utf-8', messages };
  }
  const detected = detectLegacyCharset(bytes);
  // A warning, not info: the charset is a statistical guess, and a wrong one garbles every non-ASCII character.
  messages.push(message('decode', 'detected', `invalid UTF-8: decoded as ${detected} (detected from byte statistics, no usable declaration)`));
  return { text: decodeAs(bytes, detected) ?? (decodeAs(bytes, 'windows-1252') as string), charset: detected, messages };
}

/**
 * Decodes bytes in a named charset (any TextDecoder label, plus UTF-32, which TextDecoder lacks), dropping a
 * leading byte-order mark; null when the charset is unknown here.
 */
export function decodeAs(bytes: Uint8Array, charset: string): string | null {
  // A bare "UTF-16"/"UTF-32" names no byte order: the byte-order mark tells it.
  const bom = /^(?:utf-?16|utf-?32)$/i.test(charset.trim()) ? BOMS.find(([b]) => b.every((x, i) => bytes[i] === x)) : undefined;
  const label = bom ? bom[1] : normalizeLabel(charset);
  if (label === 'utf-32le' || label === 'utf-32be') return decodeUtf32(bytes, label === 'utf-32le');
  if (label === null || label === 'replacement') return null;
  const text = new TextDecoder(label).decode(bytes);
  return label === 'windows-1252' ? text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (five are undefined and stay C1 controls). Node 20's TextDecoder
 * reads "windows-1252" (and its aliases latin1, ascii, iso-8859-1) as ISO-8859-1, giving C1 controls instead of
 * curly quotes and dashes; `decodeAs` corrects that with this public table.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Names detectors and old pages use that TextDecoder does not know, mapped to the WHATWG label that decodes the same
 * bytes (a superset where the name is a vendor variant: CP932 is Shift_JIS as Windows reads it).
 */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  cp932: 'shift_jis',
  cp949: 'euc-kr',
  cp866: 'ibm866',
  cp874: 'windows-874',
  maccyrillic: 'x-mac-cyrillic',
  'mac-cyrillic': 'x-mac-cyrillic',
  macroman: 'macintosh',
  'mac-roman': 'macintosh',
  'utf-8-sig': 'utf-8',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
  'utf-32-le': 'utf-32le',
  'utf-32-be': 'utf-32be',
  'utf-32': 'utf-32le',
  utf32: 'utf-32le',
  'ucs-4': 'utf-32le',
  'utf-32le': 'utf-32le',
  'utf-32be': 'utf-32be',
};

/** Maps a declared or detected charset label to one TextDecoder knows (or UTF-32), or null. */
export function normalizeLabel(label: string): string | null {
  let clean = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '')
    .replace(/_/g, '-');
  clean = LABEL_ALIASES[clean] ?? clean.replace(/^iso(?=8859)/, 'iso-').replace(/^(iso-8859)(?=\d)/, '$1-');
  if (clean.startsWith('utf-32')) return clean;
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

function info(rule: string, reason: string): Message {
  return message('decode', rule, reason, { severity: 'info' });
}

/** A charset named by the document itself near its start: the XML declaration, then `<meta charset>`/http-equiv. */
function sniffDeclaration(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const xml = /^\s{0,8}<\?xml[^>]{0,200}?\sencoding\s{0,5}=\s{0,5}["']([\w.:-]{1,40})["']/.exec(head);
  if (xml) return xml[1];
  // One pattern covers `<meta charset="x">` and `<meta http-equiv=… content="text/html; charset=x">`.
  const meta = /<meta\s[^>]{0,300}?charset\s{0,5}=\s{0,5}["']?([\w.:-]{1,40})/i.exec(head);
  return meta?.[1];
}

/** 7-bit Japanese mail and old pages switch to JIS X 0208 with ESC $ B (or ESC $ @); such bytes are valid ASCII too. */
function hasIso2022JpEscapes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, PROBE_BYTES);
  for (let i = 0; i + 2 < n; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return true;
  }
  return false;
}

/** Strict UTF-8: throws on the first invalid sequence. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Counts of valid multi-byte UTF-8 sequences and of invalid ones (a lead or continuation byte out of place), with
 * the decoded text when there are none (read once, used as the result). Valid
 * UTF-8, the usual case, is confirmed by the native decoder and its sequences counted by their lead bytes; the byte
 * walk below runs only on invalid input (it cost 0.3 µs a byte: 0.85 s for a megabyte of dashes).
 */
function utf8Health(bytes: Uint8Array): { multibyte: number; invalid: number; text?: string } {
  try {
    const text = STRICT_UTF8.decode(bytes);
    let leads = 0;
    for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0xc0) leads++;
    return { multibyte: leads, invalid: 0, text };
  } catch {
    // Invalid somewhere: count both kinds below.
  }
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      multibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** Length of the valid UTF-8 sequence starting at `i` (2–4), or 0 if none starts there. Follows RFC 3629 exactly. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** UTF-8 where valid; each invalid byte read as windows-1252 (the usual source of a stray byte in a UTF-8 file). */
function decodeMixedUtf8(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(start, i)), decodeAs(bytes.subarray(i, i + 1), 'windows-1252') as string);
    start = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(start)));
  return parts.join('');
}

/**
 * UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes fall: mostly-ASCII text in UTF-16LE has a
 * zero in every second byte, UTF-32LE in bytes 2 and 3 of every four. Runs before the binary check, which would
 * otherwise refuse the zeros.
 */
function sniffWideUnicode(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, PROBE_BYTES) & ~3;
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3] = (zeros[i & 3] as number) + 1;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  const quads = n / 4;
  if (z2 === quads && z3 === quads && z0 < quads) return 'utf-32le';
  if (z0 === quads && z1 === quads && z3 < quads) return 'utf-32be';
  const units = n / 2;
  const odd = z1 + z3;
  const even = z0 + z2;
  if (odd >= UTF16_ZERO_SHARE * units && even <= UTF16_OTHER_ZERO_MAX * units) return 'utf-16le';
  if (even >= UTF16_ZERO_SHARE * units && odd <= UTF16_OTHER_ZERO_MAX * units) return 'utf-16be';
  return null;
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let i = 0;
  if (view.byteLength >= 4 && view.getUint32(0, littleEndian) === 0xfeff) i = 4;
  for (; i + 4 <= view.byteLength; i += 4) {
    const code = view.getUint32(i, littleEndian);
    parts.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code));
  }
  return parts.join('');
}

/**
 * A legacy charset from byte statistics, for bytes that are not UTF-8 and declare nothing usable. Uses the
 * `jschardet` package (a port of current chardet, 0BSD): on chardet-encoding-tests with declarations stripped it
 * scored best of the packages measured (see eval/sets/chardet.ts; `chardet` lost on Cyrillic, Greek and Hebrew
 * code pages); writing statistical models for dozens of code pages by hand is not worth it. Falls back to
 * windows-1252, the usual charset of undeclared Western pages, when it names nothing we can decode.
 */
function detectLegacyCharset(bytes: Uint8Array): string {
  const found = charsetDetector().detect(bytes.subarray(0, DETECT_BYTES)).encoding;
  const label = found ? normalizeLabel(found) : null;
  return label && label !== 'utf-8' && decodeAs(new Uint8Array(0), label) !== null ? label : 'windows-1252';
}

/**
 * jschardet, loaded on first use: its 39 modules and statistical models cost about 60 ms of start-up, and almost
 * every input is UTF-8 or declares its charset (bench `cli` section). A CommonJS package, so `require` loads it
 * synchronously where it is needed.
 */
let detector: typeof import('jschardet') | null = null;
function charsetDetector(): typeof import('jschardet') {
  detector ??= createRequire(import.meta.url)('jschardet') as typeof import('jschardet');
  return detector;
}

/**
 * Binary if a NUL byte appears in the first 8 KB (text formats other than UTF-16/32, handled before, never hold
 * one) or over 10% of it is C0 control bytes other than tab, newline, carriage return and form feed.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, PROBE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n * 0.1;
}
