import { type Article, layer } from '../../model/article.js';
import { withLayers } from '../../pipeline/stage.js';
import { chooseReference, embedZones, formatReference, parseReference } from './anchor.js';
import { dayNumber, fromDayNumber } from './calendar.js';
import { detectTimes } from './detect.js';
import { annotateTimes, DEFAULT_MAX_CHARS } from './stage.js';

/**
 * Story-level anchoring, for the linker: an article with no date of its own ("met Wednesday", no year anywhere)
 * takes its reference date from the other articles of its story, and its relative times are resolved again with
 * anchor `story`. Articles dated by their own metadata or text keep their values.
 */

/** The reference date an article has on its own evidence (metadata or text), as `YYYY-MM-DD` or coarser, else null. */
export function ownReferenceDate(article: Article): string | null {
  const detections = detectTimes(article.text.slice(0, DEFAULT_MAX_CHARS), article.language, layer(article, 'sentences'));
  const choice = chooseReference(article, detections, embedZones(article));
  return choice.reference && (choice.basis === 'metadata' || choice.basis === 'text') ? formatReference(choice.reference) : null;
}

/**
 * The date a story lends its undated articles: the median of its articles' own day-precision reference dates
 * (the middle of the coverage, robust to one late follow-up), or null when none has one.
 */
export function storyReferenceDate(articles: readonly Article[]): string | null {
  const days = articles
    .map((a) => parseReference(ownReferenceDate(a)))
    .filter((r) => r !== null && r.month !== null && r.day !== null)
    .map((r) => dayNumber({ year: r?.year ?? 0, month: r?.month ?? 1, day: r?.day ?? 1 }))
    .sort((a, b) => a - b);
  const middle = days[Math.floor((days.length - 1) / 2)];
  return middle === undefined ? null : formatReference({ ...fromDayNumber(middle) });
}

/** Re-resolves an article's times against a story date (`YYYY-MM-DD`); unchanged when the article has its own date. */
export function reanchorTimes(article: Article, storyDate: string): Article {
  const reference = parseReference(storyDate);
  if (!reference) return article;
  const { mentions } = annotateTimes(article, DEFAULT_MAX_CHARS, { reference, basis: 'story' });
  return withLayers(article, { times: mentions });
}
