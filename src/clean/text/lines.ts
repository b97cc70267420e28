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
  return text.match(WORD_RUN)?.length ?? 0;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || code === 0x200b || code === 12 || code === 11;
}

/** Index of the nearest non-blank line before (`step` -1) or after (+1) line i, or -1; labels mark blanks. */
export function neighbour(labels: readonly { kind: string }[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < labels.length; j += step) if (labels[j]?.kind !== 'blank') return j;
  return -1;
}
