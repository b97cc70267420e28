/** A date of some precision as the stretch of time it names, in UTC milliseconds: "2026-03" is all of March. */
export interface DateRange {
  start: number;
  end: number;
  /** `day` draws as a point; the others as a bar across their stretch. */
  precision: 'year' | 'period' | 'month' | 'week' | 'day';
  /** How a person reads the value: "24 Sep 2026", "Q1 2026", "autumn 2026". */
  label: string;
}

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** TIMEX3 season codes: first month (0-based) and name. Northern-hemisphere months, as TIMEX3 defines them. */
const SEASONS: Readonly<Record<string, [number, string]>> = { SP: [2, 'spring'], SU: [5, 'summer'], FA: [8, 'autumn'], WI: [11, 'winter'] };

const CALENDAR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.+Z-]{0,30})?$/;
const PERIOD = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2})$/;

/**
 * The range a TIMEX3-style value covers: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (with an optional time), and the periods
 * `YYYY-Qn`, `YYYY-Hn`, `YYYY-SP|SU|FA|WI`, `YYYY-Wnn`. Null for values with no place on a calendar (`XXXX-03`,
 * `PRESENT_REF`, durations).
 */
export function dateRange(value: string): DateRange | null {
  const period = PERIOD.exec(value);
  if (period) return periodRange(Number(period[1]), period[2] as string);
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1), precision: 'year', label: String(year) };
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  if (m[3] === undefined) return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1), precision: 'month', label: `${MONTHS[month]} ${year}` };
  const day = Number(m[3]);
  if (day < 1 || day > 31) return null;
  const start = Date.UTC(year, month, day);
  return { start, end: start + DAY, precision: 'day', label: `${day} ${MONTHS[month]} ${year}` };
}

function periodRange(year: number, code: string): DateRange | null {
  const months = (first: number, count: number, label: string): DateRange => ({
    start: Date.UTC(year, first, 1),
    end: Date.UTC(year, first + count, 1),
    precision: 'period',
    label,
  });
  const season = SEASONS[code];
  if (season) return months(season[0], 3, `${season[1]} ${year}`);
  const n = Number(code.slice(1));
  if (code.startsWith('Q')) return months((n - 1) * 3, 3, `Q${n} ${year}`);
  if (code.startsWith('H')) return months((n - 1) * 6, 6, `${n === 1 ? 'first' : 'second'} half of ${year}`);
  if (code.startsWith('W')) {
    if (n < 1 || n > 53) return null;
    // ISO weeks: week 1 holds 4 January, and weeks start on Monday.
    const jan4 = Date.UTC(year, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (n - 1) * 7 * DAY;
    return { start: monday, end: monday + 7 * DAY, precision: 'week', label: `week ${n} of ${year}` };
  }
  return null;
}

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
  const step = Math.max(1, Math.ceil(span / (365 * DAY) / 12));
  for (let y = new Date(start).getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= end; y += step) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  return out;
}

/** A date value as a person reads it ("24 Sep 2026", "Q1 2026"); other values as written; null as "undated". */
export function formatDate(value: string | null): string {
  if (value === null) return 'undated';
  return dateRange(value)?.label ?? value;
}
