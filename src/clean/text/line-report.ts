import { classifyLines, type LineLabel } from './classify.js';
import { type Line, splitLines } from './lines.js';
import { splitSlugChains } from './slug.js';

/**
 * What a line of pasted text is, in the vocabulary of the line gold set (samples/gold/README.md): kept structure
 * (body, headline, byline, dateline, heading, list-item) or removed material (chrome, caption, credit, embed).
 */
export type LineKind = 'body' | 'headline' | 'byline' | 'dateline' | 'heading' | 'list-item' | 'chrome' | 'caption' | 'credit' | 'embed';

/** Every kind, kept ones first. */
export const LINE_KINDS: readonly LineKind[] = ['body', 'headline', 'byline', 'dateline', 'heading', 'list-item', 'chrome', 'caption', 'credit', 'embed'];

/** Kinds whose lines stay in the clean text. */
export const KEPT_KINDS: ReadonlySet<LineKind> = new Set(['body', 'headline', 'byline', 'dateline', 'heading', 'list-item']);

/** One non-blank raw line with the cleaner's verdict. */
export interface LineVerdict {
  /** 1-based line number in the text (counting LF, CRLF and CR breaks). */
  line: number;
  kind: LineKind;
  /** The rule's reason ("chrome: timestamp"), as recorded in `removed`. */
  reason: string;
  text: string;
}

/** Pasted text as lines (slug chains split into segments) with one label each: the input of `cleanPastedText`. */
export function classifyText(raw: string): { lines: Line[]; labels: LineLabel[] } {
  const lines = splitSlugChains(splitLines(raw));
  return { lines, labels: classifyLines(lines) };
}

/**
 * The cleaner's verdict per raw line, for measuring and debugging (eval/sets/lines.ts). When a slug chain split a
 * line into segments, the segment covering most characters speaks for the line.
 */
export function lineVerdicts(raw: string): LineVerdict[] {
  const { lines, labels } = classifyText(raw);
  const byLine = new Map<number, { verdict: LineVerdict; size: number }>();
  let lineNo = 1;
  let scanned = 0;
  lines.forEach((line, i) => {
    for (; scanned < line.start; scanned++) {
      const code = raw.charCodeAt(scanned);
      if (code === 10 || (code === 13 && raw.charCodeAt(scanned + 1) !== 10)) lineNo++;
    }
    const label = labels[i] as LineLabel;
    if (label.kind === 'blank') return;
    const size = line.end - line.start;
    const current = byLine.get(lineNo);
    if (current && current.size >= size) return;
    byLine.set(lineNo, { verdict: { line: lineNo, kind: kindOf(label), reason: reasonOf(label), text: line.text }, size });
  });
  return [...byLine.values()].map((v) => v.verdict);
}

/** Maps the cleaner's internal label to the gold vocabulary. */
export function kindOf(label: Exclude<LineLabel, { kind: 'blank' }>): LineKind {
  switch (label.kind) {
    case 'chrome':
      return 'chrome';
    case 'credit':
      return 'credit';
    case 'embed':
      return label.embed === 'caption' ? 'caption' : label.embed === 'photo-credit' ? 'credit' : 'embed';
    case 'keep':
      switch (label.block) {
        case 'headline':
        case 'byline':
        case 'dateline':
        case 'heading':
        case 'list-item':
          return label.block;
        default:
          return 'body';
      }
  }
}

/** The reason a line is recorded under in `removed` (or its block kind when kept). */
export function reasonOf(label: Exclude<LineLabel, { kind: 'blank' }>): string {
  switch (label.kind) {
    case 'chrome':
      return `chrome: ${label.reason}`;
    case 'credit':
      return `credit: ${label.credit}`;
    case 'embed':
      return `embed: ${label.embed}`;
    case 'keep':
      return `kept: ${label.block}`;
  }
}
