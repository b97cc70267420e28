/**
 * Spans are the currency of the whole engine: every annotation, citation and removal points back into a text
 * with half-open `[start, end)` offsets in UTF-16 code units (what `String.prototype.slice` uses).
 */
export interface Span {
  start: number;
  end: number;
}

/** A pointer from any statement in the output back to the exact words of one article's clean text. */
export interface Citation extends Span {
  articleId: string;
}

/** True when the span lies inside a text of the given length and is not inverted. */
export function isInside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

/** The covered text; throws on a span outside the text because a silent clamp would hide an offset bug. */
export function sliceSpan(text: string, span: Span): string {
  if (!isInside(span, text.length)) {
    throw new RangeError(`span [${span.start}, ${span.end}) is outside a text of length ${text.length}`);
  }
  return text.slice(span.start, span.end);
}

/** Length of the overlap of two spans (0 when disjoint). */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Whether `outer` fully covers `inner`. */
export function covers(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Orders spans by start, then longer first, so nested spans follow their parent. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/** Shrinks a span so it does not start or end on whitespace; an all-space span collapses to its start. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a)
  );
}
