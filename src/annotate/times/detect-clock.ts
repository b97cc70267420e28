import { CLOCK_CONTEXT, HOUR_WORDS } from './cues.js';
import { isWord, type Rule, type Scan, wordIn } from './grammar.js';
import { CLOCK_WORDS, MERIDIEMS, PARTS_OF_DAY, TIME_ZONES } from './lexicon.js';
import type { Clock } from './spec.js';
import { isPunct, numberValue } from './tokens.js';

/**
 * Clock times: "3 p.m.", "10:30 a.m. ET", "noon", "midnight", "15:00 GMT", "9 o'clock", Spanish "las 3 de la
 * tarde", "a las 10.30 horas". A bare "3:30" needs a word that makes it a time ("at", "las") since it may be a score.
 */

/** "H", "H:MM" or "H.MM" at `i`. */
function hourMinute(scan: Scan, i: number): { hour: number; minute: number | null; end: number } | null {
  const t = scan.tokens[i];
  const hour = numberValue(t);
  if (!t || hour === null || t.lower.length > 2 || hour > 24) return null;
  const sep = scan.tokens[i + 1];
  const minuteToken = scan.tokens[i + 2];
  if (sep && !sep.gap && (isPunct(sep, ':') || isPunct(sep, '.')) && minuteToken && !minuteToken.gap && minuteToken.lower.length === 2) {
    const minute = numberValue(minuteToken);
    if (minute !== null && minute < 60) return { hour, minute, end: i + 3 };
  }
  return { hour, minute: null, end: i + 1 };
}

/** "a.m.", "pm", "p. m." at `i`. */
function meridiem(scan: Scan, i: number): { pm: boolean; end: number } | null {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  const whole = MERIDIEMS.get(t.lower);
  if (whole) return { pm: whole === 'pm', end: isPunct(scan.tokens[i + 1], '.') && !scan.tokens[i + 1]?.gap ? i + 2 : i + 1 };
  if ((t.lower === 'a' || t.lower === 'p') && isPunct(scan.tokens[i + 1], '.') && isWord(scan, i + 2, 'm')) {
    const end = isPunct(scan.tokens[i + 3], '.') ? i + 4 : i + 3;
    return { pm: t.lower === 'p', end };
  }
  return null;
}

function withZone(scan: Scan, end: number): number {
  return wordIn(scan, end, TIME_ZONES) && scan.tokens[end]?.gap ? end + 1 : end;
}

function clockSpec(clock: Clock) {
  return { kind: 'calendar' as const, clock };
}

export const clockTime: Rule = (scan, i) => {
  const t = scan.tokens[i];
  if (!t) return null;
  const named = t.kind === 'word' ? CLOCK_WORDS.get(t.lower) : undefined;
  if (named !== undefined) return { start: i, end: i + 1, spec: clockSpec({ hour: named, minute: 0 }) };
  // Spanish "las 3 de la tarde", "las 10 horas", "la 1".
  if (scan.spanish && (t.lower === 'las' || t.lower === 'la')) return spanishClock(scan, i);
  const hm = hourMinute(scan, i);
  if (!hm) return null;
  const m = meridiem(scan, hm.end);
  if (m) {
    if (hm.hour < 1 || hm.hour > 12) return null;
    const hour = (hm.hour % 12) + (m.pm ? 12 : 0);
    return { start: i, end: withZone(scan, m.end), spec: clockSpec({ hour, minute: hm.minute ?? 0 }) };
  }
  const oclock =
    isWord(scan, hm.end, 'o') && (isPunct(scan.tokens[hm.end + 1], "'") || isPunct(scan.tokens[hm.end + 1], '’')) && isWord(scan, hm.end + 2, 'clock');
  const afterHour = oclock ? hm.end + 3 : hm.end;
  // "4 in the morning", "9 o'clock at night"
  const part = dayPartAfterClock(scan, afterHour);
  if (part && hm.hour >= 1 && hm.hour <= 12) {
    const hour = (part.pm && hm.hour < 12 ? hm.hour + 12 : hm.hour) % 24;
    return { start: i, end: part.end, spec: clockSpec({ hour, minute: hm.minute ?? 0 }) };
  }
  if (oclock) return { start: i, end: afterHour, spec: clockSpec({ hour: hm.hour, minute: 0 }) };
  if (hm.minute === null) return null;
  const zoned = withZone(scan, hm.end);
  const marked = zoned > hm.end || wordIn(scan, hm.end, HOUR_WORDS);
  // "at 2.46 billion", "about 0.55 share": a dotted number is a time only when "h"/"horas" or a zone marks it.
  const dotted = isPunct(scan.tokens[i + 1], '.');
  if (!marked && (dotted || !wordIn(scan, i - 1, CLOCK_CONTEXT))) return null;
  const end = wordIn(scan, hm.end, HOUR_WORDS) ? hm.end + 1 : zoned;
  return { start: i, end, spec: clockSpec({ hour: hm.hour, minute: hm.minute }) };
};

function spanishClock(scan: Scan, i: number) {
  const hm = hourMinute(scan, i + 1);
  if (!hm || hm.hour > 24) return null;
  let end = hm.end;
  let hour = hm.hour;
  let minute = hm.minute;
  if (isWord(scan, end, 'y') && (isWord(scan, end + 1, 'media') || isWord(scan, end + 1, 'cuarto'))) {
    minute = isWord(scan, end + 1, 'media') ? 30 : 15;
    end += 2;
  }
  if (isWord(scan, end, 'de') && isWord(scan, end + 1, 'la')) {
    const part = PARTS_OF_DAY.get(scan.tokens[end + 2]?.lower ?? '');
    if (part) {
      if ((part === 'AF' || part === 'NI' || part === 'EV') && hour < 12) hour += 12;
      end += 3;
    }
  } else if (wordIn(scan, end, HOUR_WORDS)) {
    end++;
  } else if (minute === null) {
    return null;
  }
  return { start: i, end: withZone(scan, end), spec: clockSpec({ hour, minute: minute ?? 0 }) };
}

/** "in the morning", "in the afternoon", "in the evening", "at night" after a clock hour. */
function dayPartAfterClock(scan: Scan, i: number): { pm: boolean; end: number } | null {
  if (isWord(scan, i, 'at') && isWord(scan, i + 1, 'night')) return { pm: true, end: i + 2 };
  if (!isWord(scan, i, 'in') || !isWord(scan, i + 1, 'the')) return null;
  const part = PARTS_OF_DAY.get(scan.tokens[i + 2]?.lower ?? '');
  if (!part || scan.spanish) return null;
  return { pm: part !== 'MO', end: i + 3 };
}
