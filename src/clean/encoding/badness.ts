import { BOX_DRAWING, COMMON_EXTENDED_B, IN_WORD_PUNCTUATION, OPENING_ONLY, RARE_LETTER, SCRIPT_GROUPS, TYPOGRAPHIC } from './patterns.js';

/**
 * A cost for how unlike ordinary writing a short stretch of text is, used only to compare a stretch with its
 * re-decoded version: a repair is made when it lowers the cost clearly. The idea comes from ftfy (Robyn Speer,
 * Apache-2.0): mojibake shows as improbable neighbours — symbols wedged inside words, a capital accented letter
 * after a lowercase one, letters of two scripts glued together, C1 controls. The rules here are our own, stated on
 * Unicode properties rather than on lists of mojibake strings.
 */

enum Kind {
  Space,
  Ascii,
  Lower,
  Upper,
  Caseless,
  Mark,
  InWord,
  Typographic,
  Symbol,
  Box,
  NoBreakSpace,
  Control,
  Invalid,
  Other,
}

interface CharInfo {
  kind: Kind;
  ascii: boolean;
  /** Math symbol (Sm): combines with other symbols in formulas. */
  math: boolean;
  /** Currency sign other than "$" (which also ends words in "US$", "R$"). */
  currency: boolean;
  /** Script group of a letter (0 for non-letters); see SCRIPT_GROUPS. */
  script: number;
  rare: boolean;
}

/** Costs of each improbable feature; set by reasoning about how often each occurs in clean text, then checked on
 *  the tuning half of the ftfy cases (see eval/sets/ftfy.ts). */
const COST = {
  /** A C1 control, unassigned or private-use character: almost never intended. */
  invalid: 3,
  /** Letters of two script groups side by side. */
  scriptMix: 3,
  /** …except a Greek letter beside Latin ones, common in science ("IL2Rγc", "5 μm"). */
  latinGreekMix: 0.5,
  /** Œ/œ not followed by a Latin letter: the ligature only occurs inside words ("cœur"). */
  strandedLigature: 1,
  /** A non-ASCII lowercase letter between two capitals ("ZURÃœC"). */
  caseAlternation: 1,
  /** A letter too rare in running text to be the intended character (IPA, long s). */
  rareLetter: 2,
  /** A non-ASCII capital right after a lowercase letter ("aÃ", "eÅ"); ASCII camel case is common and free. */
  lowerThenUpper: 1,
  /**
   * A symbol before a letter (unless a math operator), and again if a letter also precedes it ("Ã©s" pays twice).
   * A symbol closing a word is free ("Brand™", "m²") unless it is a currency sign, which precedes amounts, never
   * follows letters ("Â£").
   */
  symbolBesideLetter: 1,
  /** Box drawing beside a letter, per side: weaker, since line art and leetspeak put them there on purpose. */
  boxBesideLetter: 0.5,
  /** Two different non-math symbols side by side ("€™"). */
  symbolPair: 1,
  /**
   * Any other two different non-ASCII symbols or punctuation marks side by side ("×‘", "√†"): weak alone, since
   * formulas combine them ("5×£35", "∆°"), strong in the long chains mojibake of non-Latin scripts makes.
   */
  weakSymbolPair: 0.5,
  /** A square root followed by punctuation or another symbol instead of its operand (MacRoman's "√©" for "é"). */
  rootWithoutOperand: 1,
  /** A non-ASCII lowercase letter continuing an all-caps word ("SÖģ"). */
  lowerAfterCaps: 1,
  /** A non-ASCII letter opening a word and glued to a symbol ("Â© 2026", "20Â°C"): a spurious lead byte. */
  letterGluedToSymbol: 1,
  /** A combining mark on nothing (after a space or symbol) or repeating the mark before it. */
  strayMark: 1,
  /** Typographic punctuation wedged between two letters ("Î•Î"). */
  wedgedPunctuation: 1,
  /** A no-break space after a letter and before an ordinary space: the remains of a split sequence. */
  strayNoBreakSpace: 1,
  /** A lone non-ASCII capital standing as a word after a lowercase word ("jusqu'Ã nos"). */
  loneCapitalWord: 2,
} as const;

/** Memo of classified code points of the Basic Multilingual Plane (fixed size, so hostile text cannot grow it). */
const BMP: Array<CharInfo | undefined> = new Array(0x10000);
/**
 * Memo of astral code points (emoji, historic scripts), bounded: classifying one takes a dozen Unicode-property
 * regexes, which made a megabyte of emoji cost 30 times a megabyte of prose (bench/adversarial.ts).
 */
const ASTRAL = new Map<number, CharInfo>();
const MAX_ASTRAL = 4096;

function info(code: number): CharInfo {
  if (code > 0xffff) {
    let astral = ASTRAL.get(code);
    if (!astral) {
      astral = classify(String.fromCodePoint(code), code);
      if (ASTRAL.size < MAX_ASTRAL) ASTRAL.set(code, astral);
    }
    return astral;
  }
  let hit = BMP[code];
  if (!hit) {
    hit = classify(String.fromCharCode(code), code);
    BMP[code] = hit;
  }
  return hit;
}

/** Code points of a text with their classes, in one pass (no intermediate arrays of strings). */
function scan(text: string): { codes: number[]; infos: CharInfo[] } {
  const codes: number[] = [];
  const infos: CharInfo[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    codes.push(code);
    infos.push(info(code));
    i += code > 0xffff ? 2 : 1;
  }
  return { codes, infos };
}

function classify(ch: string, code: number): CharInfo {
  const base = { ascii: code < 0x80, script: 0, rare: false, math: /\p{Sm}/u.test(ch), currency: ch !== '$' && /\p{Sc}/u.test(ch) };
  if (code < 0x80) {
    if (/\s/.test(ch)) return { ...base, kind: Kind.Space };
    if (/[a-z]/.test(ch)) return { ...base, kind: Kind.Lower, script: 1 };
    if (/[A-Z]/.test(ch)) return { ...base, kind: Kind.Upper, script: 1 };
    if (IN_WORD_PUNCTUATION.has(ch)) return { ...base, kind: Kind.InWord };
    return { ...base, kind: Kind.Ascii };
  }
  if (code >= 0x80 && code <= 0x9f) return { ...base, kind: Kind.Control };
  if (ch === '\u00A0') return { ...base, kind: Kind.NoBreakSpace };
  if (/[\p{Cn}\p{Co}\p{Cs}]/u.test(ch)) return { ...base, kind: Kind.Invalid };
  if (/\p{L}/u.test(ch)) {
    const script = SCRIPT_GROUPS.find(([re]) => re.test(ch))?.[1] ?? 100;
    const rare = (RARE_LETTER.test(ch) && !COMMON_EXTENDED_B.test(ch)) || /\p{Lm}/u.test(ch);
    const kind = /\p{Lu}|\p{Lt}/u.test(ch) ? Kind.Upper : /\p{Ll}/u.test(ch) ? Kind.Lower : Kind.Caseless;
    return { ...base, kind, script, rare };
  }
  if (/\p{M}/u.test(ch)) return { ...base, kind: Kind.Mark };
  if (/\s/u.test(ch)) return { ...base, kind: Kind.Space };
  if (IN_WORD_PUNCTUATION.has(ch)) return { ...base, kind: Kind.InWord };
  if (BOX_DRAWING.test(ch)) return { ...base, kind: Kind.Box };
  if (TYPOGRAPHIC.test(ch)) return { ...base, kind: Kind.Typographic };
  if (/[\p{S}\p{No}\p{Lm}]/u.test(ch) || ch === '\u00AD') return { ...base, kind: Kind.Symbol };
  return { ...base, kind: Kind.Other };
}

const LATIN = 1;
const GREEK = 2;
const SQUARE_ROOT = 0x221a;
const SMALL_OE = 0x153;
const CAPITAL_OE = 0x152;

/**
 * True when a letter of a script other than Latin or Greek touches a Latin letter. A re-reading that does this is
 * not a repair but a coincidence: accented Latin read as Hangul ("Brontë…" → "Bront뇔"), Armenian or Han from
 * hopeless garble. Greek is allowed: science writes "IL2Rγc".
 */
export function gluesScriptToLatin(text: string): boolean {
  const { infos } = scan(text);
  for (let i = 1; i < infos.length; i++) {
    const a = (infos[i - 1] as CharInfo).script;
    const b = (infos[i] as CharInfo).script;
    if (a !== b && (a === LATIN || b === LATIN) && a !== 0 && b !== 0 && a !== GREEK && b !== GREEK) return true;
  }
  return false;
}

function isLetter(c: CharInfo | undefined): boolean {
  return c !== undefined && (c.kind === Kind.Lower || c.kind === Kind.Upper || c.kind === Kind.Caseless);
}

/** The improbability cost of `text` (see the module comment); 0 for ordinary text in any script. */
export function badness(text: string): number {
  const { codes: chars, infos } = scan(text);
  let cost = 0;
  for (let i = 0; i < infos.length; i++) {
    const c = infos[i] as CharInfo;
    const prev = infos[i - 1];
    const next = infos[i + 1];
    switch (c.kind) {
      case Kind.Control:
      case Kind.Invalid:
        cost += COST.invalid;
        break;
      case Kind.Symbol:
        // A math operator before a letter is a formula ("√x", "×n"); other symbols do not open words.
        if (isLetter(next) && !c.math) cost += COST.symbolBesideLetter;
        if (isLetter(prev) && (isLetter(next) || c.currency)) cost += COST.symbolBesideLetter;
        if (chars[i] === SQUARE_ROOT && next !== undefined && isMark(next)) cost += COST.rootWithoutOperand;
        cost += pairCost(prev, c, chars[i - 1] !== chars[i]);
        break;
      case Kind.Typographic:
        if (isLetter(prev) && (isLetter(next) || OPENING_ONLY.has(chars[i] as number))) cost += COST.wedgedPunctuation;
        cost += pairCost(prev, c, chars[i - 1] !== chars[i]);
        break;
      case Kind.Box:
        if (isLetter(prev)) cost += COST.boxBesideLetter;
        if (isLetter(next)) cost += COST.boxBesideLetter;
        break;
      case Kind.Mark:
        if (!isLetter(prev) && prev?.kind !== Kind.Mark) cost += COST.strayMark;
        else if (prev?.kind === Kind.Mark && chars[i - 1] === chars[i]) cost += COST.strayMark;
        break;
      case Kind.NoBreakSpace:
        if (isLetter(prev) && next?.kind === Kind.Space) cost += COST.strayNoBreakSpace;
        break;
      default:
        if (!isLetter(c)) break;
        if (c.rare) cost += COST.rareLetter;
        if (isLetter(prev) && prev?.script !== c.script) cost += mixCost(prev?.script ?? 0, c.script);
        if ((chars[i] === SMALL_OE || chars[i] === CAPITAL_OE) && next?.script !== LATIN) cost += COST.strandedLigature;
        if (c.kind === Kind.Lower && !c.ascii && prev?.kind === Kind.Upper && next?.kind === Kind.Upper) cost += COST.caseAlternation;
        if (c.kind === Kind.Lower && !c.ascii && prev?.kind === Kind.Upper && infos[i - 2]?.kind === Kind.Upper) cost += COST.lowerAfterCaps;
        if (prev?.kind === Kind.Lower && c.kind === Kind.Upper && !c.ascii) cost += COST.lowerThenUpper;
        if (c.kind === Kind.Upper && !c.ascii && isLoneWordAfterLowercase(infos, i)) cost += COST.loneCapitalWord;
        if (!c.ascii && !isLetter(prev) && next?.kind === Kind.Symbol) cost += COST.letterGluedToSymbol;
    }
  }
  return cost;
}

/** Symbols and punctuation of the non-ASCII kinds, for pair costs. */
function isMark(c: CharInfo): boolean {
  return !c.ascii && (c.kind === Kind.Symbol || c.kind === Kind.Typographic || c.kind === Kind.InWord);
}

/** Cost of two different marks side by side; two typographic marks ("…”", "’”") are ordinary. */
function pairCost(prev: CharInfo | undefined, c: CharInfo, different: boolean): number {
  if (!prev || !different || !isMark(prev)) return 0;
  if (prev.kind === Kind.Symbol && c.kind === Kind.Symbol && !prev.math && !c.math) return COST.symbolPair;
  if (prev.kind !== Kind.Symbol && c.kind !== Kind.Symbol) return 0;
  return COST.weakSymbolPair;
}

function mixCost(a: number, b: number): number {
  return (a === LATIN && b === GREEK) || (a === GREEK && b === LATIN) ? COST.latinGreekMix : COST.scriptMix;
}

/** "… jusqu'Ã nos": a one-letter capital word whose previous word ends in a lowercase letter. */
function isLoneWordAfterLowercase(infos: CharInfo[], i: number): boolean {
  const next = infos[i + 1];
  if (next !== undefined && next.kind !== Kind.Space) return false;
  const before = infos[i - 1];
  if (before === undefined || (before.kind !== Kind.Space && before.kind !== Kind.InWord)) return false;
  return infos[i - 2]?.kind === Kind.Lower;
}
