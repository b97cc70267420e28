/**
 * Normalizes a date string found in metadata ("2025-09-02T22:10:00-05:00", "Tue, 02 Sep 2025 10:00:00 GMT",
 * "September 2, 2025") to `YYYY-MM-DD` as written: the calendar date in the writer's own time zone, never shifted
 * to UTC (which moves late-evening stories to the next day).
 */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : undefined);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const named = /(?:^|\s)(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s) ?? null;
  if (named) {
    const month = monthNumber(named[2] as string);
    if (month) return valid(Number(named[3]), month, Number(named[1]));
  }
  const us = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (us) {
    const month = monthNumber(us[1] as string);
    if (month) return valid(Number(us[3]), month, Number(us[2]));
  }
  const slash = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (slash) return valid(Number(slash[1]), Number(slash[2]), Number(slash[3]));
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1–12 for an English month name or abbreviation ("Sept." included), else 0. */
export function monthNumber(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.indexOf(key) + 1;
}

function valid(year: number, month: number, day?: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}
