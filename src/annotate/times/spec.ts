import type { HolidayRule } from './lexicon.js';

/**
 * What detection reads out of a temporal expression before any reference date is known. Keeping this separate
 * from the TIMEX3 value lets an article's times be resolved again later with another reference date (the story's).
 */

/** Calendar units a duration or a shift can count in. */
export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

/** TIMEX3 parts of the day: morning, midday, afternoon, evening, night. */
export type Part = 'MO' | 'MI' | 'AF' | 'EV' | 'NI';

/** TIMEX3 season codes. */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** A fuzzy position inside a period ("early March", "late Sunday night", "a finales de año"). */
export type PeriodMod = 'START' | 'MID' | 'END';

/** -1: the last one before the reference, 1: the next one after it, 0: the one containing it. */
export type Direction = -1 | 0 | 1;

/** A clock time. `hour` 24 is midnight at the end of the day (TIMEX3 `T24`). */
export interface Clock {
  hour: number;
  minute: number | null;
}

/**
 * A point or period on the calendar, with the fields the text gives. Missing fields above the finest given one
 * come from the reference date ("March 9" → year from the reference; "Friday" → week from the reference).
 */
export interface CalendarSpec {
  kind: 'calendar';
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  season?: Season;
  quarter?: number;
  half?: number;
  /** "the 1990s" → 199. */
  decade?: number;
  /** "the 20th century" → 19. */
  century?: number;
  /** A holiday's date rule ("Thanksgiving": fourth Thursday of November). */
  holiday?: HolidayRule;
  part?: Part;
  clock?: Clock;
  /** Year counted from the reference year ("July last year" → -1, "next year's first quarter" → 1). */
  yearOffset?: number;
  /** Written direction ("last March", "next Friday", "el jueves pasado"); null leaves it to the tense. */
  direction?: Direction | null;
  mod?: PeriodMod;
}

/** A period counted from the reference: "yesterday" (day -1), "last week" (week -1), "two years ago" (year -2). */
export interface ShiftSpec {
  kind: 'shift';
  unit: Unit;
  amount: number;
  part?: Part;
  clock?: Clock;
  mod?: PeriodMod;
  /** "a few years ago": the amount is vague, so only the direction is known (PAST_REF / FUTURE_REF). */
  vague?: boolean;
  /**
   * "the next day", "the following year", "that day": counted from the last date the text mentioned before it (a
   * narrative's own timeline), not from the reference; the reference is used when no such date precedes it.
   */
  anaphoric?: boolean;
  /**
   * "the weekend", "the quarter": the one before the reference in a past or cue-less clause (-1 for a quarter, the
   * last weekend), the current or coming one in a future clause; `amount` is then ignored.
   */
  byTense?: boolean;
}

/** "now", "recently", "the future", "in the coming weeks". */
export interface ReferenceSpec {
  kind: 'reference';
  value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';
}

/** "90 days", "a decade", "several years" (amount null → X). */
export interface DurationSpec {
  kind: 'duration';
  amount: number | null;
  unit: Unit;
}

/** "every week", "daily", "each Thursday": the TIMEX3 value is known from the text alone. */
export interface SetSpec {
  kind: 'set';
  value: string;
}

export type TimeSpec = CalendarSpec | ShiftSpec | ReferenceSpec | DurationSpec | SetSpec;

/** Which way the clause around an expression points: -1 past, 1 future, 0 present progressive, null no cue. */
export type Tense = -1 | 0 | 1 | null;

/** One detected expression: its span in the analysed text, what it says, and the tense of its clause. */
export interface Detection {
  start: number;
  end: number;
  spec: TimeSpec;
  tense: Tense;
}
