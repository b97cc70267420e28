/** A date of some precision as the stretch of time it names, in UTC milliseconds: "2026-03" is all of March. */
export interface DateRange {
  start: number;
  end: number;
  precision: 'year' | 'month' | 'day';
}

const DAY = 86_400_000;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.+Z-]{0,30})?$/;

/** The range a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value covers; null for vaguer values (`XXXX-03`, `2026-W12`, `PRESENT_REF`). */
export function dateRange(value: string): DateRange | null {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1), precision: 'year' };
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  if (m[3] === undefined) return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1), precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > 31) return null;
  const start = Date.UTC(year, month, day);
  return { start, end: start + DAY, precision: 'day' };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A tick on the time axis: where it sits and what it says. */
export interface Tick {
  at: number;
  label: string;
}

/**
 * Axis ticks for a time span, at most about a dozen: days for a few weeks, months for up to three years, years
 * beyond. Labels name the year at its first tick so a long axis stays readable.
 */
export function ticks(start: number, end: number): Tick[] {
  const span = end - start;
  const out: Tick[] = [];
  if (span <= 45 * DAY) {
    const step = Math.max(1, Math.ceil(span / DAY / 10));
    for (let t = Math.ceil(start / DAY) * DAY; t <= end; t += step * DAY) {
      const d = new Date(t);
      out.push({ at: t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
    }
    return out;
  }
  if (span <= 3 * 365 * DAY) {
    const step = Math.max(1, Math.ceil(span / (30 * DAY) / 12));
    const first = new Date(start);
    for (let m = first.getUTCMonth() + (first.getUTCDate() > 1 ? 1 : 0), y = first.getUTCFullYear(); ; m += step) {
      const t = Date.UTC(y, m, 1);
      if (t > end) break;
      const d = new Date(t);
      out.push({
        at: t,
        label: d.getUTCMonth() === 0 || out.length === 0 ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : (MONTHS[d.getUTCMonth()] ?? ''),
      });
    }
    return out;
  }
  const years = span / (365 * DAY);
  const step = Math.max(1, Math.ceil(years / 12));
  for (let y = new Date(start).getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= end; y += step) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  return out;
}

/** A date value as a person reads it: "24 Sep 2026", "Sep 2026", "2026"; other values as written. */
export function formatDate(value: string | null): string {
  if (value === null) return 'undated';
  const range = dateRange(value);
  if (!range) return value;
  const d = new Date(range.start);
  if (range.precision === 'year') return String(d.getUTCFullYear());
  if (range.precision === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
