import type { Repair } from '../../model/article.js';
import { type OffsetMap, TextBuilder } from '../../model/offset-map.js';

/** Text after repairs, with the map from repaired text back to the text before them. */
export interface Repaired {
  text: string;
  map: OffsetMap;
  repairs: Repair[];
}

/** Windows-1252 bytes 0x80–0x9F as the characters a UTF-8 → 1252 misreading produces. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * A run that looks like UTF-8 read as Windows-1252/Latin-1: a lead character (Â-ß → 2-byte, à-ï → 3-byte,
 * ð-ô → 4-byte sequences) followed by continuation characters (0x80–0xBF in 1252). Bounded repetition keeps it
 * linear; each candidate is verified by actually re-decoding, so the pattern only proposes.
 */
const MOJIBAKE_RUN = /(?:[\u00C2-\u00F4][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0081\u008D\u008F\u0090\u009D]{1,3}){1,16}/g;

const MOJIBAKE_ANY = new RegExp(MOJIBAKE_RUN.source);

/** Thai letters, to tell a Thai text from a lone Windows-874 misreading. */
const THAI = /[\u0E00-\u0E7F]/g;

/** Common named and numeric HTML entities left undecoded in plain text. */
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp|mdash|ndash|hellip|rsquo|lsquo|rdquo|ldquo);/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/**
 * Repairs broken encoding in decoded text: UTF-8 read as Windows-1252 (also twice), an em or en dash that a
 * Windows-874 round trip turned into a lone Thai letter, and HTML entities left in plain text. Each change is a
 * Repair record; text that is not broken comes back unchanged (verified on clean gold texts, see eval).
 */
export function repairText(text: string, options: { decodeEntities?: boolean } = {}): Repaired {
  const edits: Array<{ start: number; end: number; to: string; reason: string }> = [];
  for (const m of text.matchAll(MOJIBAKE_RUN)) {
    const fixed = undoCp1252(m[0]);
    if (fixed !== null) edits.push({ start: m.index, end: m.index + m[0].length, to: fixed, reason: 'mojibake: utf-8 read as windows-1252' });
  }
  edits.push(...lossyThaiDashes(text));
  if (options.decodeEntities !== false) {
    for (const m of text.matchAll(ENTITY)) {
      const to = decodeEntity(m[1] as string);
      if (to !== null) edits.push({ start: m.index, end: m.index + m[0].length, to, reason: 'html entity in text' });
    }
  }
  if (edits.length === 0) return { text, map: { runs: text.length ? [0, 0, text.length, text.length] : [] }, repairs: [] };
  edits.sort((a, b) => a.start - b.start);
  const builder = new TextBuilder(text);
  const repairs: Repair[] = [];
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor) continue;
    builder.copy(cursor, edit.start);
    const start = builder.size;
    builder.replace(edit.start, edit.end, edit.to);
    repairs.push({ from: text.slice(edit.start, edit.end), to: edit.to, reason: edit.reason, place: { start, end: builder.size } });
    cursor = edit.end;
  }
  builder.copy(cursor, text.length);
  const built = builder.build();
  return { text: built.text, map: built.map, repairs };
}

/** Re-encodes a run as Windows-1252 bytes and decodes them as UTF-8; null unless that succeeds cleanly. */
function undoCp1252(run: string): string | null {
  let current = run;
  // Up to two rounds: text that was mis-decoded twice needs undoing twice.
  for (let round = 0; round < 2; round++) {
    const bytes: number[] = [];
    for (const ch of current) {
      const code = ch.codePointAt(0) as number;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
      else {
        const i = CP1252_HIGH.indexOf(ch);
        if (i < 0 && !(code >= 0x80 && code <= 0x9f)) return round === 0 ? null : current;
        bytes.push(i >= 0 ? 0x80 + i : code);
      }
    }
    let decoded: string;
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return round === 0 ? null : current;
    }
    if (decoded === current) return round === 0 ? null : current;
    current = decoded;
    if (!MOJIBAKE_ANY.test(current)) break;
  }
  return current;
}

/**
 * "U+2014 → bytes E2 80 94 → read as Windows-874 → 'โ' + two dropped bytes": a lone Thai letter between Latin
 * words in a text with no other Thai is a lost dash. Only when Thai letters are under 1% of letters.
 */
function lossyThaiDashes(text: string): Array<{ start: number; end: number; to: string; reason: string }> {
  const thai = text.match(THAI)?.length ?? 0;
  if (thai === 0) return [];
  const letters = text.match(/\p{L}/gu)?.length ?? 1;
  if (thai / letters > 0.01) return [];
  const out: Array<{ start: number; end: number; to: string; reason: string }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '\u0E42' && ch !== '\u0E40') continue;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (/[\p{Script=Latin}\s.,;]/u.test(before) && /[\p{Script=Latin}\s]/u.test(after)) {
      out.push({ start: i, end: i + 1, to: '—', reason: 'mojibake: dash lost through windows-874' });
    }
  }
  return out;
}

function decodeEntity(body: string): string | null {
  if (body.startsWith('#x')) return fromCode(Number.parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return fromCode(Number.parseInt(body.slice(1), 10));
  return NAMED[body] ?? null;
}

function fromCode(code: number): string | null {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}
