/** One line of raw text with its trimmed extent. */
export interface Line {
  index: number;
  /** Trimmed extent in the raw text. */
  start: number;
  end: number;
  text: string;
  words: number;
  /** Set on the segments of a slug chain ("Headline/ Outlet/ CITY/ …"), which share one raw line. */
  segment?: boolean;
}

/** Splits raw text into lines (LF, CRLF or CR), trimming each; offsets stay in raw coordinates. */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  const n = raw.length;
  while (from <= n) {
    let to = from;
    while (to < n && raw.charCodeAt(to) !== 10 && raw.charCodeAt(to) !== 13) to++;
    let start = from;
    let end = to;
    while (start < end && isBlank(raw.charCodeAt(start))) start++;
    while (end > start && isBlank(raw.charCodeAt(end - 1))) end--;
    const text = raw.slice(start, end);
    lines.push({ index: lines.length, start, end, text, words: countWords(text) });
    if (to >= n) break;
    from = to + (raw.charCodeAt(to) === 13 && raw.charCodeAt(to + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** Words as runs of letters or digits (so "0:00" is two, "—" is none). */
export function countWords(text: string): number {
  // Counted in one pass over character codes: every line is counted, and matching built an array of its words.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    else {
      const point = text.codePointAt(i) ?? c;
      word = WORD_CHAR.test(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    }
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || code === 0x200b || code === 12 || code === 11;
}

/** Index of the nearest non-blank line before (`step` -1) or after (+1) line i, or -1; labels mark blanks. */
export function neighbour(labels: readonly { kind: string }[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < labels.length; j += step) if (labels[j]?.kind !== 'blank') return j;
  return -1;
}
