import type { Unit } from './spec.js';

/**
 * Calendar arithmetic and TIMEX3 formatting. Dates are plain year/month/day numbers handled through UTC day
 * counts, so no time zone can move a date.
 */

/** A calendar day. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (negative before). */
export function dayNumber(d: Ymd): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

/** The calendar day of a day number. */
export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(d: Ymd): number {
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** Adds days. */
export function addDays(d: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(d) + days);
}

/** Adds months to a year and month (the day is not needed for month-precision values). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The ISO-8601 week of a day: its week-numbering year and week number. */
function isoWeek(d: Ymd): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekdayOf(d));
  const firstDay = dayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - firstDay) / 7) + 1 };
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easter(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The `nth` given weekday of a month (nth -1: the last one). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): Ymd {
  if (nth < 0) {
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1));
}

/** Zero-padded number. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD`. */
export function formatDay(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** `YYYY-Www`. */
export function formatWeek(d: Ymd): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

const DURATION_LETTERS: Record<Unit, { letter: string; factor: number; time: boolean }> = {
  second: { letter: 'S', factor: 1, time: true },
  minute: { letter: 'M', factor: 1, time: true },
  hour: { letter: 'H', factor: 1, time: true },
  day: { letter: 'D', factor: 1, time: false },
  week: { letter: 'W', factor: 1, time: false },
  weekend: { letter: 'D', factor: 2, time: false },
  fortnight: { letter: 'W', factor: 2, time: false },
  month: { letter: 'M', factor: 1, time: false },
  quarter: { letter: 'Q', factor: 1, time: false },
  half: { letter: 'M', factor: 6, time: false },
  year: { letter: 'Y', factor: 1, time: false },
  decade: { letter: 'Y', factor: 10, time: false },
  century: { letter: 'Y', factor: 100, time: false },
};

/** The next smaller unit, for writing half units exactly ("2 1/2 years" → P2Y6M, "a minute and a half" → PT1M30S). */
const SMALLER: Partial<Record<Unit, { unit: Unit; factor: number }>> = {
  year: { unit: 'month', factor: 12 },
  half: { unit: 'month', factor: 6 },
  quarter: { unit: 'month', factor: 3 },
  week: { unit: 'day', factor: 7 },
  day: { unit: 'hour', factor: 24 },
  hour: { unit: 'minute', factor: 60 },
  minute: { unit: 'second', factor: 60 },
};

/** A TIMEX3 duration: "P90D", "P10Y" (a decade), "PT3H", "P2Y6M", "PXY" when the amount is vague. */
export function durationValue(amount: number | null, unit: Unit): string {
  if (amount === null) return joinDuration([['X', unit]]);
  const whole = Math.floor(amount);
  const smaller = SMALLER[unit];
  const rest = smaller ? Math.round((amount - whole) * smaller.factor * 1000) / 1000 : 0;
  if (smaller && rest > 0 && Number.isInteger(rest))
    return joinDuration(
      whole > 0
        ? [
            [whole, unit],
            [rest, smaller.unit],
          ]
        : [[rest, smaller.unit]],
    );
  return joinDuration([[Math.round(amount * 100) / 100, unit]]);
}

function joinDuration(parts: ReadonlyArray<readonly [number | 'X', Unit]>): string {
  let date = '';
  let time = '';
  for (const [n, unit] of parts) {
    const { letter, factor, time: isTime } = DURATION_LETTERS[unit];
    const text = `${n === 'X' ? 'X' : Math.round(n * factor * 100) / 100}${letter}`;
    if (isTime) time += text;
    else date += text;
  }
  return `P${date}${time ? `T${time}` : ''}`;
}
