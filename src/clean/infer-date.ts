import { weekdayOf } from '../annotate/times/calendar.js';
import { detectTimes } from '../annotate/times/detect.js';
import type { Detection } from '../annotate/times/spec.js';
import type { Article, Published } from '../model/article.js';

/**
 * How much of the text is the lead, where the reported happening is told ("… is flying to Lisbon on Tuesday").
 * About the first two paragraphs of a news story.
 */
const LEAD_CHARS = 700;
/** Most text scanned for dates (the lead and the paragraphs after it; a date deep in the text dates history). */
const MAX_SCAN_CHARS = 4000;
/** Most caption text scanned. */
const MAX_CAPTION_CHARS = 2000;

interface FullDate {
  date: string;
  weekday: number;
  /** Written with its weekday ("Tuesday, Sept. 2, 2025"): a writer's way of naming the day of the news. */
  withWeekday: boolean;
  /** Span in the text, or null for a date read in a caption (out of the text). */
  place: { start: number; end: number } | null;
}

/**
 * An estimate of the publication date from the text itself, for an article that no date line or metadata dates
 * (basis `inferred`): the lead tells the happening by its weekday ("is flying to Mexico on Tuesday") and a full date
 * of that weekday is written in the article ("Tuesday, Sept. 2, 2025", possibly in a caption): that day. Else a full
 * date written with its weekday in the lead. Nothing else: a date without that agreement may be history, a caption's
 * photo day or a copyright year, and an embedded post is out of the text and never read.
 */
export function inferPublished(article: Pick<Article, 'text' | 'embeds' | 'language'>): Published | null {
  const text = article.text.slice(0, MAX_SCAN_CHARS);
  const inText = fullDates(detectTimes(text, article.language), text.length);
  const captions = article.embeds
    .filter((e) => e.kind === 'caption')
    .map((e) => e.text)
    .join('\n')
    .slice(0, MAX_CAPTION_CHARS);
  const inCaptions = captions ? fullDates(detectTimes(captions, article.language), captions.length).map((d) => ({ ...d, place: null })) : [];
  const inLead = detectTimes(text.slice(0, LEAD_CHARS), article.language);
  const leadWeekdays = inLead.filter((d) => d.spec.kind === 'calendar' && d.spec.weekday !== undefined && d.spec.day === undefined && d.tense !== 1);
  // A lead that names the happening's day of the month without a year ("on Tuesday (6 January)") dates it: a full
  // date of the same weekday on another day ("4 November 2008", a Tuesday, recounted further down) is history.
  const leadDays = inLead.flatMap((d) =>
    d.spec.kind === 'calendar' && d.spec.year === undefined && d.spec.month !== undefined && d.spec.day !== undefined
      ? [`${String(d.spec.month).padStart(2, '0')}-${String(d.spec.day).padStart(2, '0')}`]
      : [],
  );
  const agrees = (d: FullDate) => leadDays.length === 0 || leadDays.includes(d.date.slice(5));
  for (const mention of leadWeekdays) {
    const weekday = mention.spec.kind === 'calendar' ? mention.spec.weekday : undefined;
    const match = [...inText, ...inCaptions].find((d) => d.weekday === weekday && agrees(d));
    if (match) return { date: match.date, basis: 'inferred', place: match.place ?? { start: mention.start, end: mention.end } };
  }
  const stated = inText.find((d) => d.withWeekday && d.place !== null && d.place.start < LEAD_CHARS);
  return stated ? { date: stated.date, basis: 'inferred', place: stated.place as { start: number; end: number } } : null;
}

/** Past or present full dates whose written weekday, if any, is the right one (a wrong weekday is a typo or a trap). */
function fullDates(detections: readonly Detection[], limit: number): FullDate[] {
  const out: FullDate[] = [];
  for (const d of detections) {
    const s = d.spec;
    if (d.end > limit || d.tense === 1 || s.kind !== 'calendar' || s.year === undefined || s.month === undefined || s.day === undefined) continue;
    const weekday = weekdayOf({ year: s.year, month: s.month, day: s.day });
    if (s.weekday !== undefined && s.weekday !== weekday) continue;
    const date = `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
    out.push({ date, weekday, withWeekday: s.weekday !== undefined, place: { start: d.start, end: d.end } });
  }
  return out;
}
