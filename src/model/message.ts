import type { Span } from './span.js';

/**
 * A problem or a decision recorded as data (vfile-style), never thrown: "removed: boilerplate",
 * "repaired: mojibake", "quote has no speaker". Only misuse and configuration faults throw.
 */
export interface Message {
  /** The pipeline stage (or reader) that wrote it. */
  stage: string;
  /** Stable rule id, `stage:rule`, so messages can be filtered and counted. */
  ruleId: string;
  reason: string;
  severity: 'info' | 'warning' | 'error';
  /** Where in the article's clean text (or, for readers, the raw input) the problem sits. */
  place?: Span;
  /** Line number in the input file (1-based) for readers of line-oriented formats. */
  line?: number;
}

/** Builds a message; a small helper so every writer fills the same fields. */
export function message(stage: string, rule: string, reason: string, extra: Partial<Pick<Message, 'severity' | 'place' | 'line'>> = {}): Message {
  return {
    stage,
    ruleId: `${stage}:${rule}`,
    reason,
    severity: extra.severity ?? 'warning',
    ...(extra.place ? { place: extra.place } : {}),
    ...(extra.line !== undefined ? { line: extra.line } : {}),
  };
}
