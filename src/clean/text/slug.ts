import { countWords, type Line } from './lines.js';

/** Most words a slug segment ("Harbour Gazette", "LISBON", "Evening Edition") may have. */
const MAX_SLUG_WORDS = 8;
/** The first segment is usually the headline, which may be longer. */
const MAX_FIRST_WORDS = 25;
/** Fewest words the trailing body segment must have for the line to count as a slug chain. */
const MIN_BODY_WORDS = 12;

/**
 * Some pages paste as one line of slash-separated slugs before the first paragraph: "Headline/ Outlet/ CITY/
 * Author/ Section/ First sentence…". Splits such a line into its segments (raw offsets kept) so each can be
 * labelled on its own; other lines pass through unchanged.
 */
export function splitSlugChains(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  // A line keeps its object until a split shifts the numbering: most pages have no chain, and every line was copied.
  const unsplit = (line: Line): Line => (line.index === out.length ? line : { ...line, index: out.length });
  for (const line of lines) {
    const parts = segments(line);
    if (parts.length < 3) {
      out.push(unsplit(line));
      continue;
    }
    const body = parts[parts.length - 1] as Line;
    const slugs = parts.slice(0, -1);
    if (body.words < MIN_BODY_WORDS || slugs.some((s, i) => s.words === 0 || s.words > (i === 0 ? MAX_FIRST_WORDS : MAX_SLUG_WORDS))) {
      out.push(unsplit(line));
      continue;
    }
    for (const part of parts) out.push({ ...part, index: out.length, segment: true });
  }
  return out;
}

function segments(line: Line): Line[] {
  const parts: Line[] = [];
  const text = line.text;
  let from = 0;
  // A separator is "/" followed by whitespace (so dates "9/11" and URLs "a/b" never split).
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
    if (text[i + 1] === ' ' || text[i + 1] === '\t') {
      parts.push(piece(line, from, i));
      from = i + 1;
    }
  }
  if (parts.length === 0) return [];
  parts.push(piece(line, from, text.length));
  return parts;
}

function piece(line: Line, from: number, to: number): Line {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(line.text[s] as string)) s++;
  while (e > s && /\s/.test(line.text[e - 1] as string)) e--;
  const text = line.text.slice(s, e);
  return { index: 0, start: line.start + s, end: line.start + e, text, words: countWords(text) };
}
