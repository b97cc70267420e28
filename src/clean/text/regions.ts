import { isFirstName } from '../../annotate/entities/gazetteer.js';
import type { Block } from '../../model/annotations.js';
import { baseReason, type LineLabel } from './classify.js';
import { type Line, neighbour } from './lines.js';
import { endsSentence, headingShaped, isProse, listMarker, pipeCells } from './shape.js';

/**
 * The page-level pass: where the article's prose starts and ends, which line is the headline, and what the kept
 * lines are (headline, dek, byline, heading, list item). Chrome that no single-line rule catches is found here by
 * position: above the headline, after the comments header or the footer's copyright line, after the last paragraph.
 */

/** Headlines have at least this many words (mastheads and section names have fewer) and at most MAX_HEADLINE_WORDS. */
const MIN_HEADLINE_WORDS = 4;
const MAX_HEADLINE_WORDS = 25;
const MAX_HEADING_WORDS = 14;
/** Most title-shaped lines of a headline's group (headline, dek, second dek). */
const MAX_HEADLINE_GROUP = 3;
/** A copyright line ends the page only when fewer prose lines than this follow it (else it is a photo's credit). */
const MAX_PROSE_AFTER_FOOTER = 2;
/** Pull quotes repeat a sentence of the text; shorter repeats are too common to mean anything. */
const MIN_REPEAT_WORDS = 8;
/** The repeat check compares every pair of lines; above this many lines it is skipped to stay fast. */
const MAX_LINES_FOR_REPEATS = 3000;
const MAX_BIO_WORDS = 60;

const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){1,3}$/u;
const AGENCY_IN_BYLINE = /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}\s*\((\p{Lu}[\p{L} .&'’-]{1,40})\)$/u;
const INITIAL = /^\p{Lu}\.$/u;
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’-]+$|^\p{Lu}\.$|^(?:de|del|la|van|von|da|di|y)$/u;
const BYLINE_PREFIX = /^((written|reported|photographs|photos|words|text|texto|fotos|posted|story)\s+)?(by|por)\s+/i;

const keep = (block: Block['kind']): LineLabel => ({ kind: 'keep', block });
const chrome = (reason: string): LineLabel => ({ kind: 'chrome', reason });

function isKept(label: LineLabel | undefined, block?: Block['kind']): boolean {
  return label?.kind === 'keep' && (block === undefined || label.block === block);
}

/** Finds the article's regions and types its kept lines; see the module comment. */
export function markRegions(lines: readonly Line[], labels: LineLabel[]): void {
  const main = mainRun(lines, labels);
  const bodyStart = main ? main.start : -1;
  if (bodyStart >= 0) {
    cutAfter(lines, labels, bodyStart, (_, label) => label.kind === 'chrome' && label.reason === 'comments', 'comments');
    const proseAfter = proseCountsAfter(lines, labels);
    cutAfter(lines, labels, bodyStart, (line, label, i) => isFooter(line, label, proseAfter[i] ?? 0), 'footer');
  }
  const headline = pickHeadline(lines, labels, bodyStart);
  if (headline >= 0) {
    labels[headline] = keep('headline');
    for (let i = 0; i < headline; i++) if (isKept(labels[i], 'paragraph')) labels[i] = chrome('above headline');
  }
  const bodyEnd = main ? lastBodyLine(lines, labels, main.start, main.end) : lines.length - 1;
  markTail(lines, labels, bodyEnd);
  if (bodyStart >= 0) markBios(lines, labels, bodyStart);
  const norm = normalizer(lines);
  markRepeats(lines, labels, norm);
  typeKeptLines(lines, labels, headline, bodyStart, norm);
}

/** Normalised text of line `i`, computed at most once per page: the repeat and the headline checks both need it. */
type Normalized = (i: number) => string;

function normalizer(lines: readonly Line[]): Normalized {
  const memo = new Map<number, string>();
  return (i) => {
    let norm = memo.get(i);
    if (norm === undefined) {
      norm = normalize((lines[i] as Line).text);
      memo.set(i, norm);
    }
    return norm;
  };
}

/** From the first line after `from` that `isStart` accepts, every kept line to the end is chrome. */
function cutAfter(
  lines: readonly Line[],
  labels: LineLabel[],
  from: number,
  isStart: (line: Line, label: LineLabel, i: number) => boolean,
  reason: string,
): void {
  for (let i = from + 1; i < lines.length; i++) {
    if (!isStart(lines[i] as Line, labels[i] as LineLabel, i)) continue;
    for (let j = i + 1; j < lines.length; j++) if (isKept(labels[j])) labels[j] = chrome(reason);
    return;
  }
}

/** A copyright notice (with a year or "rights") that only a line or two of prose follows: the page's footer. */
function isFooter(line: Line, label: LineLabel, proseAfter: number): boolean {
  return label.kind === 'chrome' && label.reason === 'copyright' && /\d{4}|rights/i.test(line.text) && proseAfter < MAX_PROSE_AFTER_FOOTER;
}

/** For each line, how many kept prose lines follow it (one backward pass, so footer checks stay linear). */
function proseCountsAfter(lines: readonly Line[], labels: readonly LineLabel[]): number[] {
  const counts = new Array<number>(lines.length).fill(0);
  let seen = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    counts[i] = seen;
    if (isKept(labels[i], 'paragraph') && isProse(lines[i] as Line)) seen++;
  }
  return counts;
}

function isHeadlineCandidate(line: Line, label: LineLabel | undefined): boolean {
  return (
    isKept(label, 'paragraph') &&
    line.words >= MIN_HEADLINE_WORDS &&
    line.words <= MAX_HEADLINE_WORDS &&
    headingShaped(line.text) &&
    listMarker(line.text) === null
  );
}

/**
 * The headline sits above the byline/dateline (or, without them, above the first paragraph). Title-shaped lines
 * form groups (a headline and its dek are adjacent; a site's tagline is separated from the headline by its menu);
 * the first line of the last group before that point is the headline.
 */
function pickHeadline(lines: readonly Line[], labels: readonly LineLabel[], bodyStart: number): number {
  const limit = bodyStart >= 0 ? bodyStart : lines.length;
  let bound = limit;
  for (let i = 0; i < limit; i++) {
    if (isKept(labels[i], 'byline') || isKept(labels[i], 'dateline')) {
      bound = i;
      break;
    }
  }
  let first = -1;
  let last = -1;
  let size = 0;
  let inGroup = false;
  for (let i = 0; i < bound; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind === 'blank') continue;
    const candidate = isHeadlineCandidate(lines[i] as Line, label);
    if (candidate) {
      if (!inGroup) {
        first = i;
        size = 0;
      }
      last = i;
      size++;
    }
    inGroup = candidate;
  }
  // A headline has a dek or two under it; a longer group is a list of teasers, whose last line is the one next to
  // the article (the page printed its teaser rail before its headline).
  return size > MAX_HEADLINE_GROUP ? last : first;
}

/** What a line of prose is worth to the main run beyond its words (a teaser's one-sentence blurb is worth little). */
const PROSE_COST = 12;
/** What a kept line that is not prose, or a chrome line, costs the run that spans it. */
const SHORT_COST = 3;
const CHROME_COST = 6;
/** A table's row or a long unstopped paragraph is the article's, however short its words: it carries the run. */
const DATA_ROW_SCORE = 1;
/** Share of the heaviest run's weight another run needs to be the article's too. */
const MIN_RUN_SHARE = 0.7;

/**
 * The article's main run of lines: the stretch whose prose outweighs the furniture inside it (the maximum-sum run
 * over line scores, as in body-text extraction by tag density). Prose lines score their words less a cost, other
 * kept lines and chrome a cost each, so one stray sentence among menus (a market-data notice, a teaser's blurb) does
 * not start or end the article, while a few lines of furniture between paragraphs do not split it. Linear.
 */
function mainRun(lines: readonly Line[], labels: readonly LineLabel[]): { start: number; end: number } | null {
  // Each stretch between resets (where its sum falls to zero) is a candidate run, kept with its best end.
  const runs: Array<{ start: number; end: number; sum: number }> = [];
  let current: { start: number; end: number; sum: number } | null = null;
  let sum = 0;
  for (let i = 0; i < lines.length; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind === 'blank') continue;
    const line = lines[i] as Line;
    const prose = isKept(label, 'paragraph') && isProse(line);
    const score = prose
      ? line.words - PROSE_COST
      : label.kind === 'chrome'
        ? -CHROME_COST
        : label.kind !== 'keep'
          ? 0
          : isKept(label, 'paragraph') && continuesBody(line)
            ? DATA_ROW_SCORE
            : -SHORT_COST;
    if (current === null || sum <= 0) {
      // A run starts at a line that carries it (prose, a table's row), so a new start waits for one.
      if (score <= 0) continue;
      current = { start: i, end: i, sum: 0 };
      runs.push(current);
      sum = 0;
    }
    sum += score;
    if (sum > current.sum) {
      current.sum = sum;
      current.end = i;
    }
  }
  const best = Math.max(0, ...runs.map((r) => r.sum));
  // A menu pasted into the middle of the text splits it in two runs of like weight; teasers around it weigh less.
  const main = runs.filter((r) => r.sum >= best * MIN_RUN_SHARE);
  const first = main[0];
  const last = main[main.length - 1];
  const run = first && last ? { start: extendRun(lines, labels, first.start, -1), end: extendRun(lines, labels, last.end, 1) } : null;
  // The article is most of a page's prose: a run holding less is a fragment of a text broken up by its own short
  // lines (a clean text has no chrome to bound it), so the prose from first to last stands instead. So does a page
  // whose prose lines are all too short to carry a run (a brief of one or two sentences): no run, but an article.
  let inRun = 0;
  let total = 0;
  let firstProse = -1;
  let lastProse = -1;
  lines.forEach((line, i) => {
    if (!isKept(labels[i], 'paragraph') || !isProse(line)) return;
    total += line.words;
    if (run && i >= run.start && i <= run.end) inRun += line.words;
    if (firstProse < 0) firstProse = i;
    lastProse = i;
  });
  if (run && inRun >= total * MIN_PROSE_SHARE) return run;
  return firstProse >= 0 ? { start: firstProse, end: lastProse } : null;
}

/**
 * Prose that no furniture separates from the run is still the article, before and after it: a recipe's or a
 * result table's short lines between paragraphs cost the run more than they are worth, but a page puts a menu or a
 * share row between its article and the teasers around it. Labels in a text (a shouted subhead, an ad slot) do not
 * separate.
 */
function extendRun(lines: readonly Line[], labels: readonly LineLabel[], from: number, step: 1 | -1): number {
  let end = from;
  let boxed = 0;
  for (let i = from + step; i >= 0 && i < lines.length; i += step) {
    const label = labels[i] as LineLabel;
    const reason = label.kind === 'chrome' ? baseReason(label) : null;
    // An inline "Read also" box holds a link or two; a longer related list is the page's, after the article.
    boxed = reason === 'related links' ? boxed + 1 : 0;
    if (reason !== null && !IN_TEXT_CHROME.has(reason) && !(reason === 'related links' && boxed <= MAX_BOX_LINES)) break;
    if (isKept(label, 'paragraph') && isProse(lines[i] as Line)) end = i;
  }
  return end;
}

/** Chrome found inside articles' text as well as around them: it does not end the article's run. */
const IN_TEXT_CHROME = new Set(['caps label', 'advertisement', 'separator']);
/** Lines of an inline related-links box (its header and a few links) that the article's run reaches across. */
const MAX_BOX_LINES = 4;
/** Share of the page's prose words the article's run must hold to bound the article. */
const MIN_PROSE_SHARE = 0.5;

/** The last line of the article's own text: the last prose line, extended over the short sentences that follow it. */
function lastBodyLine(lines: readonly Line[], labels: readonly LineLabel[], bodyStart: number, runEnd: number): number {
  let end = bodyStart;
  for (let i = bodyStart; i <= runEnd; i++) if (isKept(labels[i], 'paragraph') && isProse(lines[i] as Line)) end = i;
  for (let i = end + 1; i < lines.length; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind === 'blank') continue;
    const line = lines[i] as Line;
    const next = lines[neighbour(labels, i, 1)];
    // A lead-in ("Final standings after 36 races:") or a table's header row belongs to the rows under it.
    const leadsRows = (/:$/.test(line.text) && line.words >= 4) || (next !== undefined && isKept(labels[next.index], 'paragraph') && continuesBody(next));
    if (!isKept(label, 'paragraph') || !(endsSentence(line.text) ? line.words >= 3 : continuesBody(line) || leadsRows)) break;
    end = i;
  }
  return end;
}

/** Numbers on a line that make it a data row ("3 Kevin Harvick 5033 4 6 15 26"): tables close many articles. */
const MIN_DATA_ROW_NUMBERS = 3;
/** Words of a last paragraph that ends without a full stop yet is body, not a related headline (those are shorter). */
const MIN_UNSTOPPED_PROSE_WORDS = 20;

/** A line with no full stop that still belongs to the body after its last prose line: a long paragraph or a table row. */
function continuesBody(line: Line): boolean {
  return line.words >= MIN_UNSTOPPED_PROSE_WORDS || (line.text.match(/(?:^|\s)[\d.,:%+-]*\d[\d.,:%]*(?=\s|$)/g)?.length ?? 0) >= MIN_DATA_ROW_NUMBERS;
}

/** After the article's last line, only list items (and the heading right above them) are still the article. */
function markTail(lines: readonly Line[], labels: LineLabel[], bodyEnd: number): void {
  for (let i = bodyEnd + 1; i < lines.length; i++) {
    if (!isKept(labels[i])) continue;
    const line = lines[i] as Line;
    if (listMarker(line.text) && line.words >= 3) continue;
    const next = neighbour(labels, i, 1);
    const headsList = headingShaped(line.text) && next >= 0 && isKept(labels[next]) && listMarker((lines[next] as Line).text) !== null;
    if (!headsList) labels[i] = chrome('after article');
  }
}

/** A line after the start of the text that opens with a byline's full name is the author's bio. */
function markBios(lines: readonly Line[], labels: LineLabel[], bodyStart: number): void {
  const names = lines.flatMap((line, i) => (isKept(labels[i], 'byline') ? bylineNames(line.text) : [])).filter((n) => n.includes(' '));
  if (names.length === 0) return;
  for (let i = bodyStart + 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (isKept(labels[i], 'paragraph') && line.words <= MAX_BIO_WORDS && names.some((n) => line.text.startsWith(`${n} `))) labels[i] = chrome('author bio');
  }
}

/** A kept line whose words all reappear inside a longer kept line is a pull quote (or another repeat). */
function markRepeats(lines: readonly Line[], labels: LineLabel[], norm: Normalized): void {
  if (lines.length > MAX_LINES_FOR_REPEATS) return;
  const kept = lines.flatMap((line, i) => (isKept(labels[i], 'paragraph') ? [{ i, norm: norm(i), words: line.words }] : []));
  // Longest first, so each line is compared only with the lines longer than it (the others cannot hold it).
  const longestFirst = [...kept].sort((a, b) => b.norm.length - a.norm.length);
  for (const short of kept) {
    if (short.words < MIN_REPEAT_WORDS) continue;
    for (const long of longestFirst) {
      if (long.norm.length <= short.norm.length) break;
      if (long.norm.includes(short.norm)) {
        labels[short.i] = chrome('repeated text');
        break;
      }
    }
  }
}

/** Types the kept lines: list items, headings, the dek right under the headline, a bare name as byline, repeated headlines; table rows stay paragraphs. */
function typeKeptLines(lines: readonly Line[], labels: LineLabel[], headline: number, bodyStart: number, norm: Normalized): void {
  const headlineText = headline >= 0 ? norm(headline) : null;
  const headerEnd = bodyStart >= 0 ? bodyStart : lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (!isKept(labels[i], 'paragraph')) continue;
    const line = lines[i] as Line;
    const t = line.text;
    const marker = listMarker(t);
    const inHeader = i > headline && i < headerEnd;
    const prev = labels[neighbour(labels, i, -1)];
    const underHeadline = inHeader && (isKept(prev, 'headline') || isKept(prev, 'subheadline'));
    if (pipeCells(t) >= 2) continue;
    if (marker === 'bullet' || (marker === 'number' && !isIsolated(lines, labels, i))) labels[i] = keep('list-item');
    else if (headlineText !== null && i !== headline && norm(i) === headlineText) labels[i] = chrome('repeated headline');
    else if (inHeader && headline >= 0 && PERSON_NAME.test(t) && line.words <= 4) labels[i] = keep('byline');
    else if (underHeadline && headingShaped(t) && line.words >= MIN_HEADLINE_WORDS && line.words <= MAX_HEADLINE_WORDS) labels[i] = keep('subheadline');
    else if (headingShaped(t) && line.words <= MAX_HEADING_WORDS) labels[i] = keep('heading');
  }
}

/** A numbered line with no numbered neighbour is a numbered section heading, not a list. */
function isIsolated(lines: readonly Line[], labels: readonly LineLabel[], i: number): boolean {
  const near = [neighbour(labels, i, -1), neighbour(labels, i, 1)];
  return headingShaped((lines[i] as Line).text) && near.every((j) => j < 0 || listMarker((lines[j] as Line).text) !== 'number');
}

/**
 * The agency a wire byline credits ("Ana Ruiz (Meridian Wire)" → "Meridian Wire"), or null. The words before the
 * brackets must be a person's name: on the pasted pages every other line of this shape was a menu item ("New Zealand
 * (English)", "Häufige Fragen (FAQ)", "La Voz (Español)"), and its bracket became the article's credited origin.
 */
export function bylineAgency(line: string): string | null {
  const agency = AGENCY_IN_BYLINE.exec(line)?.[1]?.trim();
  return agency && isPersonName(line.slice(0, line.lastIndexOf('(')).trim()) ? agency : null;
}

/** Two to four capitalised name words, the first an initial or a listed first name ("K. Lindqvist", "Ana María Ruiz"). */
export function isPersonName(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => NAME_WORD.test(w))) return false;
  const first = words[0] as string;
  return INITIAL.test(first) || isFirstName(first);
}

/** Author names in a byline ("By A and B, Staff Writer" → ["A", "B"]). */
export function bylineNames(line: string): string[] {
  return line
    .replace(BYLINE_PREFIX, '')
    .replace(/\s*\([^)]{0,60}\)\s*$/, '')
    .replace(/,?\s+(staff|senior|chief)?\s*(writer|reporter|correspondent|editor)\s*$/i, '')
    .split(/\s*(?:,|\band\b|\by\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Lower case, each run of characters other than letters and digits one space, no space at either end. One walk over
 * the characters: every kept line of every page is normalised, and the regex replace was most of that cost.
 */
function normalize(text: string): string {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; ) {
    const code = lower.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (code < 128) word = (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
    else {
      const point = lower.codePointAt(i) as number;
      if (point > 0xffff) width = 2;
      word = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push(lower.slice(start));
  return words.join(' ');
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
