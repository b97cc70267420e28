/**
 * Time as evidence for the story linker. Two reports of one happening are written days apart at most, or they
 * follow its development (an announcement, then the visit months later) and then share much more than the cast.
 * So the further apart two articles' own dates lie, the stronger the rest of their similarity must be: the
 * similarity is multiplied by a factor that is 1 up to `graceDays` and falls with the logarithm of the gap beyond.
 * Without both dates the factor is 1, so a date can only ever separate articles; withholding dates never helps a
 * wrong merge survive, and a correct date can only split what a reader would keep apart.
 */

/** How strongly a gap in time weakens the similarity of two articles. */
export interface TimeEvidence {
  /** Gap in days within which dates say nothing (one happening is reported over several days). */
  graceDays: number;
  /**
   * Loss of similarity per doubling of the gap beyond the grace period: the factor is
   * `1 / (1 + perDoubling · log2(gap / graceDays))`.
   */
  perDoubling: number;
}

const DAY_MS = 86_400_000;

/** The days an own date may stand for: one day, a month or a year (`[first, last]` day numbers). */
export type DaySpan = readonly [number, number];

/** Days covered by an own date with a year (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), else null (no date, or no year). */
export function daySpanOf(when: string | null): DaySpan | null {
  if (!when || !/^\d{4}(?:-\d\d(?:-\d\d)?)?/.test(when)) return null;
  const year = Number(when.slice(0, 4));
  if (when.length < 7) return [utcDay(year, 0, 1), utcDay(year + 1, 0, 1) - 1];
  const month = Number(when.slice(5, 7)) - 1;
  if (when.length < 10) return [utcDay(year, month, 1), utcDay(year, month + 1, 1) - 1];
  const day = utcDay(year, month, Number(when.slice(8, 10)));
  return Number.isFinite(day) ? [day, day] : null;
}

function utcDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month, day) / DAY_MS);
}

/**
 * The factor (0, 1] by which the gap between two own dates weakens the similarity of their articles. A coarse date
 * (a month, a year) is as close as the nearest day it may stand for.
 */
export function timeFactor(a: DaySpan | null, b: DaySpan | null, evidence: TimeEvidence): number {
  if (a === null || b === null || evidence.perDoubling <= 0) return 1;
  const gap = Math.max(0, a[0] - b[1], b[0] - a[1]);
  if (gap <= evidence.graceDays) return 1;
  return 1 / (1 + evidence.perDoubling * Math.log2(gap / Math.max(1, evidence.graceDays)));
}

/** The smallest span covering both (either may be null: undated). */
export function spanHull(a: DaySpan | null, b: DaySpan | null): DaySpan | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}
