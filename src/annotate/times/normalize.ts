import type { DatePrecision, TimeMention } from '../../model/annotations.js';
import { addDays, addMonths, dayNumber, durationValue, easter, formatDay, formatWeek, nthWeekday, pad, weekdayOf, type Ymd } from './calendar.js';
import type { HolidayRule } from './lexicon.js';
import type { CalendarSpec, Clock, Direction, Part, ShiftSpec, Tense, TimeSpec, Unit } from './spec.js';

/**
 * Turns what an expression says into a TIMEX3 value, given the reference date ("today" for the article) and the
 * tense of its clause. Unknown parts stay `X`: with no reference, "March 9" is `XXXX-03-09`, never a guessed year.
 */

/** The reference date, as precise as its evidence: a copyright line gives only a year. */
export interface Reference {
  year: number;
  month: number | null;
  day: number | null;
}

/** A normalized value and what kind of value it is. */
export interface Resolved {
  value: string;
  type: TimeMention['type'];
  precision: DatePrecision;
  relative: boolean;
}

/**
 * How the reference relates to the text: the day it was written (`today`), or only a day near it (`nearby`: a
 * story's date lent to an undated article, so the tense cannot tell on which side of it a weekday falls, and the
 * nearest occurrence is taken; months and dates keep their tense, the error of a nearby day being small for them).
 */
export type ReferenceKind = 'today' | 'nearby';

/** Resolves one expression. */
export function resolve(spec: TimeSpec, ref: Reference | null, tense: Tense, kind: ReferenceKind = 'today'): Resolved {
  switch (spec.kind) {
    case 'calendar':
      return resolveCalendar(spec, ref, tense, kind === 'nearby');
    case 'shift':
      return resolveShift(spec.byTense ? { ...spec, amount: amountByTense(spec, ref, tense) } : spec, ref);
    case 'reference':
      // "now" is the reference moment; the past and the future are only a side of it (coarsest precision).
      return { value: spec.value, type: 'date', precision: spec.value === 'PRESENT_REF' ? 'day' : 'century', relative: true };
    case 'duration':
      return { value: durationValue(spec.amount, spec.unit), type: 'duration', precision: UNIT_PRECISION[spec.unit], relative: false };
    case 'set':
      return { value: spec.value, type: 'set', precision: setPrecision(spec.value), relative: false };
  }
}

const UNIT_PRECISION: Record<Unit, DatePrecision> = {
  second: 'time',
  minute: 'time',
  hour: 'time',
  day: 'day',
  week: 'week',
  weekend: 'week',
  fortnight: 'week',
  month: 'month',
  quarter: 'quarter',
  half: 'year',
  year: 'year',
  decade: 'decade',
  century: 'century',
};

function setPrecision(value: string): DatePrecision {
  if (/T(MO|MI|AF|EV|NI)$/.test(value)) return 'part-of-day';
  if (value.startsWith('XXXX-WXX') || value.endsWith('D')) return 'day';
  if (/^XXXX-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^XXXX-\d\d$/.test(value) || (value.endsWith('M') && !value.startsWith('PT'))) return 'month';
  if (value.startsWith('PT')) return 'time';
  if (value.endsWith('W')) return 'week';
  if (value.endsWith('Q')) return 'quarter';
  return 'year';
}

/** "T15:00", "T24:00", "TNI", or "" for a day. */
function timeSuffix(clock: Clock | undefined, part: Part | undefined): string {
  if (clock) return `T${pad(clock.hour)}:${pad(clock.minute ?? 0)}`;
  return part ? `T${part}` : '';
}

function dayPrecision(clock: Clock | undefined, part: Part | undefined): DatePrecision {
  return clock ? 'time' : part ? 'part-of-day' : 'day';
}

function resolveCalendar(s: CalendarSpec, ref: Reference | null, tense: Tense, nearest: boolean): Resolved {
  const type = s.clock || s.part ? 'time' : 'date';
  const time = timeSuffix(s.clock, s.part);
  if (s.century !== undefined) return { value: pad(s.century, 2), type, precision: 'century', relative: false };
  if (s.decade !== undefined) return { value: pad(s.decade, 3), type, precision: 'decade', relative: false };
  const relative = s.year === undefined;
  // "July last year": the year is counted from the reference year, and unknown without one.
  const counted = s.yearOffset === undefined ? undefined : ref ? ref.year + s.yearOffset : null;
  const fixedYear = s.year ?? counted;
  if (s.holiday) return resolveHoliday(s.holiday, fixedYear, ref, s.direction ?? null, tense, relative);
  if (s.month !== undefined) {
    const year = fixedYear !== undefined ? fixedYear : ref ? yearForMonth(s.month, s.day, s.weekday, ref, s.direction ?? null, tense) : null;
    const y = year === null ? 'XXXX' : pad(year, 4);
    if (s.day === undefined) return { value: `${y}-${pad(s.month)}`, type, precision: 'month', relative };
    return { value: `${y}-${pad(s.month)}-${pad(s.day)}${time}`, type, precision: dayPrecision(s.clock, s.part), relative };
  }
  const period = periodOf(s);
  if (period) {
    const year = fixedYear !== undefined ? fixedYear : ref ? yearForPeriod(period.index, period.count, ref, s.direction ?? null) : null;
    return { value: `${year === null ? 'XXXX' : pad(year, 4)}-${period.code}`, type, precision: period.precision, relative };
  }
  if (fixedYear !== undefined) return { value: fixedYear === null ? 'XXXX' : pad(fixedYear, 4), type, precision: 'year', relative };
  const refDay = ref && ref.month !== null && ref.day !== null ? { year: ref.year, month: ref.month, day: ref.day } : null;
  if (s.weekday !== undefined) {
    if (!refDay) return { value: `XXXX-WXX-${s.weekday}${time}`, type, precision: dayPrecision(s.clock, s.part), relative: true };
    return {
      value: formatDay(dateForWeekday(s.weekday, refDay, s.direction ?? null, tense, nearest)) + time,
      type,
      precision: dayPrecision(s.clock, s.part),
      relative: true,
    };
  }
  // Only a clock time or a part of the day: the reference day.
  return { value: (refDay ? formatDay(refDay) : 'XXXX-XX-XX') + time, type, precision: dayPrecision(s.clock, s.part), relative: true };
}

/** A holiday's day: its year chosen like a month and day's (its date in the reference year decides the side). */
function resolveHoliday(
  rule: HolidayRule,
  fixedYear: number | null | undefined,
  ref: Reference | null,
  written: Direction | null,
  tense: Tense,
  relative: boolean,
): Resolved {
  const dateIn = (year: number): Ymd =>
    'easterOffset' in rule
      ? addDays(easter(year), rule.easterOffset)
      : 'nth' in rule
        ? nthWeekday(year, rule.month, rule.weekday, rule.nth)
        : { year, ...rule };
  let year = fixedYear ?? null;
  if (year === null && fixedYear === undefined && ref) {
    const inRefYear = dateIn(ref.year);
    year = yearForMonth(inRefYear.month, inRefYear.day, undefined, ref, written, tense);
  }
  if (year !== null) return { value: formatDay(dateIn(year)), type: 'date', precision: 'day', relative };
  const fixed = 'day' in rule ? `XXXX-${pad(rule.month)}-${pad(rule.day)}` : 'XXXX-XX-XX';
  return { value: fixed, type: 'date', precision: 'day', relative };
}

interface Period {
  index: number;
  count: number;
  code: string;
  precision: DatePrecision;
}

const SEASON_INDEX = { SP: 1, SU: 2, FA: 3, WI: 4 } as const;

function periodOf(s: CalendarSpec): Period | null {
  if (s.quarter !== undefined) return { index: s.quarter, count: 4, code: `Q${s.quarter}`, precision: 'quarter' };
  if (s.half !== undefined) return { index: s.half, count: 2, code: `H${s.half}`, precision: 'year' };
  if (s.season !== undefined) return { index: SEASON_INDEX[s.season], count: 4, code: s.season, precision: 'season' };
  return null;
}

/**
 * The year of a month (and day) with no year written. A written "last"/"next" is strict. A bare month in a past
 * clause is at or before the reference month, in a future clause at or after it, and with no cue the nearest
 * occurrence ("December" in a February article is the one just past). A month and day is the nearest occurrence,
 * moved a year only when the clause points the other way by more than DAY_TENSE_SLACK days: "extended the offer to
 * Nov. 20" in a Nov. 2 article is the coming Nov. 20, not last year's. A weekday written with the date picks the
 * year where that day is that weekday, when one of the three nearest years fits.
 */
function yearForMonth(month: number, day: number | undefined, weekday: number | undefined, ref: Reference, written: Direction | null, tense: Tense): number {
  if (ref.month === null) return ref.year;
  const refDay = ref.day ?? 15;
  if (day !== undefined && weekday !== undefined) {
    const fits = [ref.year, ref.year - 1, ref.year + 1].filter((y) => weekdayOf({ year: y, month, day }) === weekday);
    if (fits.length > 0) return fits[0] as number;
  }
  const target = dayNumber({ year: ref.year, month: ref.month, day: refDay });
  const offset = (y: number) => dayNumber({ year: y, month, day: day ?? 15 }) - target;
  const nearest = [ref.year, ref.year - 1, ref.year + 1].reduce((best, y) => (Math.abs(offset(y)) < Math.abs(offset(best)) ? y : best));
  if (day === undefined) {
    const choice = directed(month - ref.month, written, tense === 0 ? null : tense);
    return choice === null ? nearest : ref.year + choice;
  }
  if (written !== null && written !== undefined) return ref.year + (directed(month * 32 + day - (ref.month * 32 + refDay), written, null) ?? 0);
  if (tense === -1 && offset(nearest) > DAY_TENSE_SLACK) return nearest - 1;
  if (tense === 1 && offset(nearest) < -DAY_TENSE_SLACK) return nearest + 1;
  return nearest;
}

/**
 * How far (days) a month-and-day may lie on the other side of the reference from what its clause's tense says
 * before it moves a year. Calibrated on TBAQ (training): deadlines told in past clauses ("was extended to Nov. 20")
 * sit days to weeks after the reference; 60 kept them and still moves "announced on Dec. 28" in a January article.
 */
const DAY_TENSE_SLACK = 60;

/** Year offset (-1, 0, 1) chosen by a written direction or the tense, or null when neither says. */
function directed(cmp: number, written: Direction | null, tense: Tense): number | null {
  if (written === -1) return cmp < 0 ? 0 : -1;
  if (written === 1) return cmp > 0 ? 0 : 1;
  if (written === 0) return 0;
  if (tense === -1) return cmp <= 0 ? 0 : -1;
  if (tense === 1 || tense === 0) return cmp >= 0 ? 0 : 1;
  return null;
}

/**
 * The year of a quarter, half or season with no year: the reference year unless "last"/"next" is written. Tense is
 * not used: results for a finished quarter are announced in future clauses ("expects to report third-quarter
 * earnings"), which put most quarters a year off on TBAQ.
 */
function yearForPeriod(index: number, count: number, ref: Reference, written: Direction | null): number {
  if (ref.month === null) return ref.year;
  const refIndex = count === 2 ? Math.ceil(ref.month / 6) : Math.ceil(ref.month / 3);
  return ref.year + (directed(index - refIndex, written, null) ?? 0);
}

/**
 * The day of a weekday with no date: "last"/"next" are strict; otherwise the reference day itself when it is that
 * weekday, else the previous one in a past or cue-less clause (news reports what happened) and the next one in a
 * future or progressive clause; with a `nearest` reference, the closer one.
 */
function dateForWeekday(weekday: number, ref: Ymd, written: Direction | null, tense: Tense, nearest: boolean): Ymd {
  const refWeekday = weekdayOf(ref);
  const back = (refWeekday - weekday + 7) % 7;
  const forward = (weekday - refWeekday + 7) % 7;
  if (written === -1) return addDays(ref, -(back || 7));
  if (written === 1) return addDays(ref, forward || 7);
  if (nearest) return addDays(ref, back <= forward ? -back : forward);
  if (tense === 1 || tense === 0 || (written === 0 && tense !== -1)) return addDays(ref, forward);
  return addDays(ref, -back);
}

/** The weekend or quarter a "the weekend" / "the quarter" means: the last one unless the clause looks ahead. */
function amountByTense(s: ShiftSpec, ref: Reference | null, tense: Tense): number {
  if (tense === 1 || tense === 0) return 0;
  if (s.unit !== 'weekend') return -1;
  const onWeekend = ref && ref.month !== null && ref.day !== null && weekdayOf({ year: ref.year, month: ref.month, day: ref.day }) >= 6;
  return onWeekend ? 0 : -1;
}

function resolveShift(s: ShiftSpec, ref: Reference | null): Resolved {
  if (s.vague) return { value: s.amount < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'date', precision: 'century', relative: true };
  const time = timeSuffix(s.clock, s.part);
  const type = s.clock || s.part ? 'time' : 'date';
  const refDay = ref && ref.month !== null && ref.day !== null ? { year: ref.year, month: ref.month, day: ref.day } : null;
  const unknown = (value: string, precision: DatePrecision): Resolved => ({ value, type, precision, relative: true });
  switch (s.unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
      if (!refDay) return unknown(`XXXX-XX-XX${time}`, dayPrecision(s.clock, s.part));
      return { value: formatDay(addDays(refDay, s.unit === 'day' ? s.amount : 0)) + time, type, precision: dayPrecision(s.clock, s.part), relative: true };
    case 'week':
    case 'weekend':
    case 'fortnight': {
      const suffix = s.unit === 'weekend' ? '-WE' : '';
      if (!refDay) return unknown(`XXXX-WXX${suffix}`, 'week');
      return { value: formatWeek(addDays(refDay, 7 * s.amount * (s.unit === 'fortnight' ? 2 : 1))) + suffix, type, precision: 'week', relative: true };
    }
    case 'month':
    case 'quarter':
    case 'half': {
      if (!ref || ref.month === null) return unknown(ref ? `${pad(ref.year, 4)}-XX` : 'XXXX-XX', UNIT_PRECISION[s.unit]);
      const months = s.unit === 'month' ? 1 : s.unit === 'quarter' ? 3 : 6;
      const m = addMonths(ref.year, ref.month, s.amount * months);
      if (s.unit === 'month') return { value: `${pad(m.year, 4)}-${pad(m.month)}`, type, precision: 'month', relative: true };
      const code = s.unit === 'quarter' ? `Q${Math.ceil(m.month / 3)}` : `H${Math.ceil(m.month / 6)}`;
      return { value: `${pad(m.year, 4)}-${code}`, type, precision: UNIT_PRECISION[s.unit], relative: true };
    }
    case 'year':
    case 'decade':
    case 'century': {
      if (!ref) return unknown('XXXX', UNIT_PRECISION[s.unit]);
      if (s.unit === 'year') return { value: pad(ref.year + s.amount, 4), type, precision: 'year', relative: true };
      const size = s.unit === 'decade' ? 10 : 100;
      const value = Math.floor((ref.year + s.amount * size) / size);
      return { value: pad(value, s.unit === 'decade' ? 3 : 2), type, precision: UNIT_PRECISION[s.unit], relative: true };
    }
  }
}
