import { decodeHTMLStrict } from 'entities/decode';
import type { Repair } from '../../model/article.js';
import { type OffsetMap, TextBuilder } from '../../model/offset-map.js';
import { cp1252Char } from './code-pages.js';
import { type Fix, findMojibake } from './mojibake.js';

/** Text after repairs, with the map from repaired text back to the text before them. */
export interface Repaired {
  text: string;
  map: OffsetMap;
  repairs: Repair[];
}

/** Passes of mojibake repair: text mis-decoded three times (seen in the wild) needs three. */
const MAX_PASSES = 4;

/** Named and numeric HTML entities; each candidate is decoded by the `entities` package in strict mode. */
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Control characters no article means (see controlFixes); C1 controls (c1Fixes) are among them. */
const CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]+/g;
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;

/** Two Thai characters in a row: the text holds Thai words, so its "โ" is a letter, not a lost dash. */
const THAI_WORD = /[\u0E00-\u0E7F]{2}/;

/**
 * A piece of the text being repaired: `text` stands for input [rawStart, rawEnd). Linear pieces are unchanged
 * input; a repaired piece maps as a whole and remembers why it changed.
 */
interface Piece {
  text: string;
  rawStart: number;
  rawEnd: number;
  reasons: string[];
}

/**
 * Repairs broken encoding in decoded text: HTML entities left in plain text, UTF-8 read through a single-byte code
 * page (Windows-1252/Latin-1, 1251, 1250, 1253, 1254, 1257, ISO-8859-2, MacRoman, DOS 437), once or several times,
 * with bytes lost on the way; C1 controls that were Windows-1252 punctuation; and an em or en dash that a
 * Windows-874 round trip turned into a lone Thai letter. Each change is a Repair record; text that is not broken
 * comes back unchanged (measured on clean gold texts, see eval/sets/ftfy.ts).
 */
export function repairText(text: string, options: { decodeEntities?: boolean } = {}): Repaired {
  let pieces: Piece[] = [{ text, rawStart: 0, rawEnd: text.length, reasons: [] }];
  if (options.decodeEntities !== false) pieces = applyFixes(pieces, entityFixes(text));
  pieces = repairMojibake(pieces);
  const current = join(pieces);
  // C1 controls are among the controls: text with none (nearly all) needs neither scan for them.
  if (!CONTROL.test(current)) pieces = applyFixes(pieces, lossyThaiDashes(current));
  else {
    pieces = applyFixes(pieces, [...c1Fixes(current), ...lossyThaiDashes(current)]);
    const controls = controlFixes(join(pieces));
    // A control character inside a misread word (an undefined Windows-1252 byte kept as C1) can hide the word from
    // the mojibake reader; once removed, the rest may read as mojibake, so look again (repairing is then idempotent).
    if (controls.length > 0) pieces = repairMojibake(applyFixes(pieces, controls));
  }
  if (pieces.length === 1 && (pieces[0] as Piece).reasons.length === 0) {
    return { text, map: { runs: text.length ? [0, 0, text.length, text.length] : [] }, repairs: [] };
  }
  return build(text, pieces);
}

function repairMojibake(pieces: Piece[]): Piece[] {
  let out = pieces;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = findMojibake(join(out));
    if (fixes.length === 0) break;
    out = applyFixes(out, fixes);
  }
  return out;
}

function join(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join('');
}

/**
 * Applies fixes (in offsets of the current text) to the pieces. A fix may span several pieces (a second pass
 * undoing what a first pass produced); they merge into one piece covering all their input. A fix whose edge falls
 * inside an earlier repair, or that overlaps a fix before it, is dropped.
 */
function applyFixes(pieces: Piece[], fixes: Fix[]): Piece[] {
  if (fixes.length === 0) return pieces;
  const sorted = [...fixes].sort((a, b) => a.start - b.start);
  const split = splitAt(
    pieces,
    sorted.flatMap((f) => [f.start, f.end]),
  );
  const out: Piece[] = [];
  let fi = 0;
  let offset = 0;
  for (let i = 0; i < split.length; i++) {
    const piece = split[i] as Piece;
    while (fi < sorted.length && (sorted[fi] as Fix).start < offset) fi++;
    const fix = sorted[fi];
    if (!fix || fix.start !== offset) {
      out.push(piece);
      offset += piece.text.length;
      continue;
    }
    let j = i;
    let end = offset;
    while (j < split.length && end < fix.end) end += (split[j++] as Piece).text.length;
    if (end !== fix.end) {
      out.push(piece); // an edge inside a repaired piece: leave it
      offset += piece.text.length;
      fi++;
      continue;
    }
    const covered = split.slice(i, j);
    const first = covered[0] as Piece;
    const last = covered[covered.length - 1] as Piece;
    out.push({ text: fix.to, rawStart: first.rawStart, rawEnd: last.rawEnd, reasons: [...covered.flatMap((p) => p.reasons), fix.reason] });
    offset = end;
    i = j - 1;
    fi++;
  }
  return out;
}

/** Splits unchanged pieces at the given current-text offsets (repaired pieces are never split). */
function splitAt(pieces: Piece[], cuts: number[]): Piece[] {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  const out: Piece[] = [];
  let offset = 0;
  let k = 0;
  for (const piece of pieces) {
    const end = offset + piece.text.length;
    let from = offset;
    while (k < points.length && (points[k] as number) <= offset) k++;
    if (piece.reasons.length === 0) {
      while (k < points.length && (points[k] as number) < end) {
        const at = points[k++] as number;
        out.push(linearSlice(piece, offset, from, at));
        from = at;
      }
    }
    out.push(from === offset ? piece : linearSlice(piece, offset, from, end));
    offset = end;
  }
  return out;
}

function linearSlice(piece: Piece, pieceStart: number, from: number, to: number): Piece {
  return {
    text: piece.text.slice(from - pieceStart, to - pieceStart),
    rawStart: piece.rawStart + (from - pieceStart),
    rawEnd: piece.rawStart + (to - pieceStart),
    reasons: [],
  };
}

/** Builds the repaired text, its map to the input, and one Repair per repaired piece. */
function build(input: string, pieces: Piece[]): Repaired {
  const builder = new TextBuilder(input);
  const repairs: Repair[] = [];
  for (const piece of pieces) {
    if (piece.reasons.length === 0) {
      builder.copy(piece.rawStart, piece.rawEnd);
      continue;
    }
    const start = builder.size;
    builder.replace(piece.rawStart, piece.rawEnd, piece.text);
    repairs.push({ from: input.slice(piece.rawStart, piece.rawEnd), to: piece.text, reason: describe(piece.reasons), place: { start, end: builder.size } });
  }
  const built = builder.build();
  return { text: built.text, map: built.map, repairs };
}

/** "mojibake: utf-8 read as windows-1252 (2 passes)" rather than the same reason twice. */
function describe(reasons: string[]): string {
  const unique = [...new Set(reasons)];
  const passes = reasons.length - unique.length + 1;
  return unique.join('; ') + (passes > 1 && unique.length === 1 ? ` (${passes} passes)` : '');
}

function entityFixes(text: string): Fix[] {
  const fixes: Fix[] = [];
  for (const m of text.matchAll(ENTITY)) {
    const to = decodeHTMLStrict(m[0]);
    if (to !== m[0] && to !== '') fixes.push({ start: m.index, end: m.index + m[0].length, to, reason: 'html entity in text' });
  }
  return fixes;
}

/**
 * C1 controls left after mojibake repair: Windows-1252 punctuation read as Latin-1 ("parlé\u0085" for "parlé…").
 * Bytes Windows-1252 leaves undefined stay.
 */
function c1Fixes(text: string): Fix[] {
  const fixes: Fix[] = [];
  for (const m of text.matchAll(/[\u0080-\u009F]/g)) {
    const to = cp1252Char(m[0]);
    if (to !== m[0]) fixes.push({ start: m.index, end: m.index + 1, to, reason: 'c1 control read as windows-1252' });
  }
  return fixes;
}

/**
 * Control characters no article means (C0 but tab, newline, carriage return and form feed; DEL; C1 left after the
 * Windows-1252 reading): removed, each with a repair record, so stored text and everything shown from it (titles,
 * terminals, Markdown) carry no escape sequence, and the record says what was there.
 */
function controlFixes(text: string): Fix[] {
  const fixes: Fix[] = [];
  for (const m of text.matchAll(CONTROLS)) fixes.push({ start: m.index, end: m.index + m[0].length, to: '', reason: 'control characters removed' });
  return fixes;
}

/**
 * "U+2014 → bytes E2 80 94 → read as Windows-874 → 'โ' + two dropped bytes": a lone "โ" (byte E2, the lead byte of
 * UTF-8 punctuation U+2000–U+2FFF) between Latin words, in a text without a single Thai word, is a lost dash (the
 * usual member of that range between words; quotes and apostrophes are glued to one side only).
 */
function lossyThaiDashes(text: string): Fix[] {
  if (!text.includes('\u0E42') || THAI_WORD.test(text)) return [];
  const out: Fix[] = [];
  for (let i = text.indexOf('\u0E42'); i >= 0; i = text.indexOf('\u0E42', i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (/[\p{Script=Latin}\s.,;]/u.test(before) && /[\p{Script=Latin}\s]/u.test(after)) {
      out.push({ start: i, end: i + 1, to: '—', reason: 'mojibake: dash lost through windows-874' });
    }
  }
  return out;
}
