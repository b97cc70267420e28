import type { AnchorBasis } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { withLayers } from '../../pipeline/stage.js';
import { chooseReference, embedZones, formatReference, parseReference } from './anchor.js';
import { dayNumber, fromDayNumber } from './calendar.js';
import { detectTimes } from './detect.js';
import type { Reference } from './normalize.js';
import { annotateTimes, TIMES_DEFAULTS, type TimesOptions } from './stage.js';

/**
 * Story-level anchoring, for the linker: an article with no date of its own ("met Wednesday", no year anywhere)
 * takes its reference date from the other articles of its story, and its relative times are resolved again with
 * anchor `story`. Articles dated by their own metadata or text keep their values.
 */

/** The reference date an article has on its own evidence (metadata, text or an outlet caption), with its basis. */
export function ownReference(article: Article, options: TimesOptions = {}): { date: string; basis: AnchorBasis } | null {
  const settings = { ...TIMES_DEFAULTS, ...options };
  const detections = detectTimes(article.text.slice(0, settings.maxChars), article.language, layer(article, 'sentences'));
  const choice = chooseReference(article, detections, embedZones(article), settings.captionAnchor);
  return choice.reference ? { date: formatReference(choice.reference), basis: choice.basis } : null;
}

/**
 * The date a story lends its undated articles: the median of its articles' own day-precision reference dates (the
 * middle of the coverage, robust to one late follow-up). Dates from metadata or text are used when any article has
 * one; caption dates only when none has. Null when no article has a day-precision date.
 */
export function storyReferenceDate(articles: readonly Article[], options: TimesOptions = {}): string | null {
  return medianReference(articles.map((a) => ownReference(a, options)));
}

/**
 * `storyReferenceDate` from the articles' own references (`ownReference`, null for an article without one), for a
 * caller that has them stored (the linker reads those its workers computed).
 */
export function medianReference(references: ReadonlyArray<{ date: string; basis: AnchorBasis } | null>): string | null {
  const own = references.filter((r) => r !== null);
  const strong = own.filter((r) => r.basis === 'metadata' || r.basis === 'text');
  const days = (strong.length > 0 ? strong : own)
    .map((r) => parseReference(r.date))
    .filter((r): r is Reference & { month: number; day: number } => r !== null && r.month !== null && r.day !== null)
    .map((r) => dayNumber({ year: r.year, month: r.month, day: r.day }))
    .sort((a, b) => a - b);
  const middle = days[Math.floor((days.length - 1) / 2)];
  return middle === undefined ? null : formatReference(fromDayNumber(middle));
}

/** Re-resolves an article's times against a story date (`YYYY-MM-DD`); unchanged when the article has its own date. */
export function reanchorTimes(article: Article, storyDate: string, options: TimesOptions = {}): Article {
  const reference = parseReference(storyDate);
  if (!reference) return article;
  const { mentions } = annotateTimes(article, { ...TIMES_DEFAULTS, ...options }, { reference, basis: 'story' });
  return withLayers(article, { times: mentions });
}
