import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { OffsetMap } from '../../src/model/offset-map.js';
import { isInside, type Span } from '../../src/model/span.js';

/**
 * Shared generators and checks for the property tests. One fixed seed so a failure reproduces; `npm test -- --long`
 * (TRIANGULATE_LONG=1) runs many more cases.
 */
export const SEED = 20_260_509;

/** How many cases a property runs: `short` in `npm test`, `long` with `--long`. */
export function runs(short: number, long = short * 20): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: process.env.TRIANGULATE_LONG ? long : short };
}

/**
 * Pieces that trip parsers: quote marks of every kind, mojibake, digits with separators, dots, capitalised words,
 * dashes, brackets, zero-width and bidi controls, NUL and other controls, emoji, markup and entity fragments, and
 * words the annotation stages look for (months, "said", "according to", currencies).
 */
const HOSTILE_PIECES = [
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '«',
  '»',
  '„',
  '‹',
  '›',
  '「',
  '」',
  '``',
  "''",
  'Ã',
  'Ã©',
  'â€™',
  'â€œ',
  'â€"',
  'Â',
  'Ã‰',
  'Ð',
  'ÐŸÑ€',
  'ï»¿',
  '\uFFFD',
  '0',
  '7',
  '1,500',
  '1.200',
  '3.5',
  '30%',
  '$4',
  '€12m',
  '2026',
  '12:30',
  '1/2',
  '½',
  '²',
  '٣',
  '१२',
  '.',
  '...',
  '…',
  'U.S.',
  'p.m.',
  'No.',
  'Dr.',
  'Mr',
  'St.',
  'Ana',
  'Ruiz',
  'Harbour',
  'Board',
  'The',
  'AFP',
  'NEW YORK',
  'PORTVILLE —',
  'McDonald',
  "O'Neill",
  '—',
  '–',
  '-',
  '--',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '((',
  '))',
  '<',
  '>',
  '</p>',
  '<p>',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&',
  ';',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u00A0',
  '\u2028',
  '\u3000',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u202E',
  '\u202D',
  '\u200F',
  '\u061C',
  'مرحبا',
  'שלום',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009D',
  '😀',
  '👩‍👩‍👧',
  '🇺🇸',
  '\u{1F3FD}',
  'e\u0301',
  '\u0301',
  'said',
  'told reporters',
  'according to',
  'dijo que',
  'según',
  'reportedly',
  'not',
  'will',
  'on Monday',
  'last week',
  'March 3, 2026',
  '3 March',
  'yesterday',
  'ago',
  'mayo de 2025',
  'Q3',
  'FY2026',
  'million',
  'workers',
  'per cent',
  'percent',
  'km',
  'mph',
  'more than',
  'about',
  'up to',
  'Advertisement',
  'Share this article',
  '©',
  '@handle',
  '#tag',
  'http://a.example/b?c=d',
  'Photo:',
];

/** A lone UTF-16 surrogate: invalid on its own, and a classic cause of crashes in encoders and slicers. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Ordinary prose words, so hostile pieces also appear inside plausible sentences. */
const WORDS = ['the', 'council', 'voted', 'to', 'close', 'port', 'after', 'a', 'strike', 'in', 'and', 'of', 'said', 'on', 'Tuesday'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: loneSurrogate },
  // A long run of one piece: the shape that makes a backtracking pattern or a quadratic scan blow up.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 2, max: 300 })).map(([p, n]) => p.repeat(n)) },
);

/** Any text a hostile or broken page might hold, mostly short; separators favour spaces and line breaks. */
export function hostileText(maxPieces = 60): fc.Arbitrary<string> {
  const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '. ');
  return fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }).map((parts) => parts.map(([p, s]) => p + s).join(''));
}

/** Fully random strings, any code point, plus lone surrogates: for "never throws" checks. */
export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), hostileText());

/** Spans inside the text whose `text` field (when given) is exactly what they cover. */
export function assertSpans(text: string, spans: ReadonlyArray<Span & { text?: string }>, label: string): void {
  for (const span of spans) {
    assert.ok(isInside(span, text.length), `${label} span [${span.start}, ${span.end}) outside a text of ${text.length}`);
    if (span.text !== undefined) assert.equal(text.slice(span.start, span.end), span.text, `${label} text differs from its span`);
  }
}

/**
 * An offset map is sound when its runs tile the clean text from 0 in order, point into the raw text in order
 * (monotonic, never overlapping, never past its end), and `toRaw` therefore never moves backwards.
 */
export function assertOffsetMap(map: OffsetMap, textLength: number, rawLength: number, label: string): void {
  const runs = map.runs;
  assert.equal(runs.length % 4, 0, `${label}: runs come in fours`);
  let clean = 0;
  let raw = 0;
  for (let i = 0; i < runs.length; i += 4) {
    const [c, r, cl, rl] = runs.slice(i, i + 4) as [number, number, number, number];
    assert.equal(c, clean, `${label}: run ${i / 4} starts at clean ${c}, expected ${clean}`);
    assert.ok(r >= raw, `${label}: run ${i / 4} goes back in the raw text (${r} < ${raw})`);
    assert.ok(cl >= 0 && rl >= 0, `${label}: negative run length`);
    assert.ok(r + rl <= rawLength, `${label}: run ${i / 4} ends at raw ${r + rl}, past ${rawLength}`);
    clean = c + cl;
    raw = r + rl;
  }
  assert.equal(clean, textLength, `${label}: runs cover ${clean} of ${textLength} clean characters`);
}
