import type { Block } from '../../model/annotations.js';
import { type Line, neighbour } from './lines.js';
import { bylineAgency, markRegions } from './regions.js';
import {
  creditShaped,
  endsSentence,
  hasSocialMarker,
  headingShaped,
  isDateLine,
  isEntryTime,
  isProse,
  listMarker,
  navSegments,
  pipeCells,
  socialSignature,
} from './shape.js';
import {
  AD_MARKER,
  AUTHOR_BOX_HEADER,
  CAPTION_START,
  COMMENT_HEADER,
  COOKIE_CONTEXT,
  COOKIE_WORD,
  COPYRIGHT,
  CREDIT_START,
  CREDIT_WORDS,
  EMBED_CLOSER,
  EMBED_OPENER,
  GALLERY_COUNTER,
  LEGAL_TEXT,
  PRIVACY_HEADER,
  PROMPT_PATTERNS,
  READING_TIME,
  RELATED_HEADERS,
  SOCIAL_COUNTER,
  SPONSORED_MARKER,
  STAFF_CREDIT,
  SYNDICATION_PATTERNS,
  TAG_LINE,
} from './vocabulary.js';

/** What a line of pasted text is: kept structure, removed chrome, or material kept aside (credits, embeds). */
export type LineLabel =
  | { kind: 'blank' }
  | { kind: 'keep'; block: Block['kind'] }
  | { kind: 'chrome'; reason: string }
  | { kind: 'credit'; credit: 'syndication' | 'staff'; origin: string | null }
  | { kind: 'embed'; embed: 'social-post' | 'caption' | 'photo-credit'; author: string | null; date: string | null };

/**
 * Size limits (in words) for the word-list rules: a prompt or a legal line is short, a cookie banner can be long;
 * a line longer than its limit is prose that merely mentions the words. Set by reading the dev pages
 * (samples/gold/lines/dev) for the longest real instance and leaving room.
 */
const MAX_PROMPT_WORDS = 14;
const MAX_COOKIE_WORDS = 90;
const MAX_LEGAL_WORDS = 30;
const MAX_COPYRIGHT_WORDS = 60;
const MAX_CREDIT_WORDS = 40;
const MAX_SHORT_CREDIT_WORDS = 8;
/** Short lines next to chrome are chrome too, up to this size (tuned on dev: 5 keeps short headings safe). */
const MAX_CHROME_NEIGHBOUR_WORDS = 5;
/** A run of this many short link-like lines (nav menus, share rows, tag clouds) is a link list. */
const MIN_LINK_RUN = 3;
const MAX_LINK_WORDS = 3;
/** A caption is a sentence or title of at most this many words, right above its credit. */
const MAX_CAPTION_WORDS = 50;
/** Items under a "Related" header are headline-like: at most this many words. */
const MAX_RELATED_ITEM_WORDS = 16;

const TIMESTAMPS = /^(\d{1,2}:\d{2}(:\d{2})?\s*\/?\s*){1,4}$/;
const SEPARATOR = /^[\p{P}\p{S}\s]{1,3}$/u;
const ALL_CAPS_LABEL = /^[\p{Lu}][\p{Lu}\p{N}.'’&-]*(\s+[\p{Lu}\p{N}][\p{Lu}\p{N}.'’&-]*){0,4}$/u;
const BYLINE =
  /^((written|reported|photographs|photos|words|text|texto|fotos|posted|story)\s+)?(by|por)\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}(\s*(,|and|y|&)\s*\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}){0,3}(,?\s+(staff|senior|chief)?\s*(writer|reporter|correspondent|editor))?\s*$/iu;
const STAFF_BYLINE = /^(redacci[oó]n|staff|agencias?|newsroom)(\s+\p{Lu}[\p{L}.'’-]*){0,4}$/iu;

/** Chrome reasons that make their short neighbours suspect (a player, a credit block, a prompt row, a menu). */
const CONTAGIOUS = new Set([
  'timestamp',
  'prompt',
  'separator',
  'caps label',
  'copyright',
  'related links',
  'navigation',
  'link list',
  'cookie banner',
  'legal',
  'gallery',
  'reading time',
]);

/**
 * Labels every line of pasted text. Rules work on the shape of a line and its neighbours (length, punctuation,
 * case, position, runs of short lines, closeness to other chrome, where the prose starts and ends), with word lists
 * only for generic web furniture. See samples/gold/README.md for the labels and eval/sets/lines.ts for the scores.
 */
export function classifyLines(lines: readonly Line[]): LineLabel[] {
  const labels: LineLabel[] = lines.map((line) => intrinsic(line));
  markTables(lines, labels);
  markHeaderBlocks(lines, labels);
  markLinkRuns(lines, labels);
  markEmbeds(lines, labels);
  markCaptions(lines, labels);
  markEntryTimes(lines, labels);
  spreadChrome(lines, labels);
  markRegions(lines, labels);
  return labels;
}

const chrome = (reason: string): LineLabel => ({ kind: 'chrome', reason });
const keep = (block: Block['kind']): LineLabel => ({ kind: 'keep', block });

/** What a line is on its own, before neighbours are considered. */
function intrinsic(line: Line): LineLabel {
  const t = line.text;
  const w = line.words;
  if (t === '') return { kind: 'blank' };
  if (TIMESTAMPS.test(t)) return isEntryTime(t) ? keep('dateline') : chrome('timestamp');
  if (SEPARATOR.test(t)) return chrome('separator');
  const origin = w <= 30 ? syndicationOrigin(t) : null;
  if (origin) return { kind: 'credit', credit: 'syndication', origin };
  // "Written by A on March 3, 2026" dates the article: a byline's date line, not a staff credit at its foot.
  if (w <= MAX_CREDIT_WORDS && STAFF_CREDIT.test(t) && !isDateLine(t)) return { kind: 'credit', credit: 'staff', origin: null };
  if (w <= MAX_COPYRIGHT_WORDS && COPYRIGHT.test(t)) return chrome('copyright');
  if ((w <= MAX_COOKIE_WORDS && COOKIE_WORD.test(t) && COOKIE_CONTEXT.test(t)) || PRIVACY_HEADER.test(t)) return chrome('cookie banner');
  if (w <= MAX_LEGAL_WORDS && LEGAL_TEXT.test(t)) return chrome('legal');
  if (COMMENT_HEADER.test(t)) return chrome('comments');
  if (AUTHOR_BOX_HEADER.test(t)) return chrome('author box');
  if (AD_MARKER.test(t)) return chrome('advertisement');
  if (SPONSORED_MARKER.test(t)) return chrome('sponsored');
  if (w <= MAX_PROMPT_WORDS && PROMPT_PATTERNS.some((p) => p.test(t))) return chrome('prompt');
  if (READING_TIME.test(t)) return chrome('reading time');
  if (GALLERY_COUNTER.test(t)) return chrome('gallery');
  if (SOCIAL_COUNTER.test(t)) return chrome('share count');
  if (w <= MAX_LEGAL_WORDS && TAG_LINE.test(t) && !endsSentence(t)) return chrome('tags');
  const closer = EMBED_CLOSER.exec(t);
  if (EMBED_OPENER.test(t) || closer) return { kind: 'embed', embed: 'social-post', author: closer?.[3]?.trim() ?? null, date: null };
  const social = socialSignature(t);
  if (social) return { kind: 'embed', embed: 'social-post', author: social.author, date: social.date };
  if (CAPTION_START.test(t) || (t.endsWith('(') && w > 5)) return { kind: 'embed', embed: 'caption', author: null, date: null };
  if (w <= 12 && CREDIT_START.test(t)) return { kind: 'embed', embed: 'photo-credit', author: t, date: null };
  if (w <= MAX_SHORT_CREDIT_WORDS && CREDIT_WORDS.test(t) && !endsSentence(t)) return { kind: 'embed', embed: 'photo-credit', author: t, date: null };
  if (w <= 10 && (BYLINE.test(t) || bylineAgency(t) !== null || STAFF_BYLINE.test(t))) return keep('byline');
  if (w <= 5 && ALL_CAPS_LABEL.test(t) && /\p{Lu}{2}/u.test(t)) return chrome('caps label');
  if (pipeCells(t) === 0 && isDateLine(t)) return keep('dateline');
  const nav = navSegments(t);
  if (nav?.every((s) => s.split(/\s+/).length <= 4)) return chrome('navigation');
  return keep('paragraph');
}

/** The origin named by a syndication credit, or null. */
export function syndicationOrigin(text: string): string | null {
  for (const pattern of SYNDICATION_PATTERNS) {
    const origin = pattern.exec(text)?.[1]?.trim();
    if (origin) return origin;
  }
  return null;
}

/** Consecutive pipe rows with the same number of cells, some with figures, are a data table: body, not a menu. */
function markTables(lines: readonly Line[], labels: LineLabel[]): void {
  for (let i = 0; i < lines.length; i++) {
    const cells = pipeCells((lines[i] as Line).text);
    if (cells < 2) continue;
    let end = i;
    while (end + 1 < lines.length && pipeCells((lines[end + 1] as Line).text) === cells) end++;
    const rows = lines.slice(i, end + 1);
    if (rows.length >= 2 && rows.some((r) => /\d/.test(r.text))) for (let j = i; j <= end; j++) labels[j] = keep('paragraph');
    i = end;
  }
}

/** Lines under a "Related"/"Read more"/"Contents" or "About the author" header belong to it, up to the block's end. */
function markHeaderBlocks(lines: readonly Line[], labels: LineLabel[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const label = labels[i] as LineLabel;
    const related = line.words <= 8 && RELATED_HEADERS.some((p) => p.test(line.text.replace(/:$/, '')));
    const authorBox = label.kind === 'chrome' && label.reason === 'author box';
    if (!related && !authorBox) continue;
    const reason = related ? 'related links' : 'author box';
    labels[i] = chrome(reason);
    let items = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as Line;
      if (next.text === '') {
        if (items > 0) break;
        continue;
      }
      const nextLabel = labels[j] as LineLabel;
      const fits = related
        ? nextLabel.kind === 'keep' && next.words <= MAX_RELATED_ITEM_WORDS && !(/[.]["”’]?$/.test(next.text) && next.words >= 8)
        : nextLabel.kind === 'keep';
      if (!fits) break;
      labels[j] = chrome(reason);
      items++;
    }
  }
}

function isLinkLike(line: Line, label: LineLabel): boolean {
  if (label.kind === 'chrome') return label.reason !== 'advertisement' && line.words <= MAX_LINK_WORDS + 1;
  return (
    label.kind === 'keep' &&
    label.block === 'paragraph' &&
    line.words <= MAX_LINK_WORDS &&
    !endsSentence(line.text) &&
    !/:$/.test(line.text) &&
    listMarker(line.text) === null
  );
}

/** A short line with a paragraph right under it (no blank line between) is that paragraph's heading, not a link. */
function headsParagraph(lines: readonly Line[], labels: readonly LineLabel[], i: number): boolean {
  const next = lines[i + 1];
  const label = labels[i + 1];
  const line = lines[i] as Line;
  return next !== undefined && !line.segment && label?.kind === 'keep' && isProse(next) && headingShaped(line.text);
}

/** Runs of short link-like lines (menus, share rows, footers, tag clouds) are link lists. */
function markLinkRuns(lines: readonly Line[], labels: LineLabel[]): void {
  let run: number[] = [];
  const flush = (): void => {
    const last = run[run.length - 1];
    if (last !== undefined && headsParagraph(lines, labels, last)) run.pop();
    if (run.filter((j) => (labels[j] as LineLabel).kind === 'keep').length > 0 && run.length >= MIN_LINK_RUN) {
      for (const j of run) if ((labels[j] as LineLabel).kind === 'keep') labels[j] = chrome('link list');
    }
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind === 'blank') continue;
    if (isLinkLike(lines[i] as Line, label)) run.push(i);
    else flush();
  }
  flush();
}

/** The post text above a signature line (when it has hashtags, handles or links) and the lines inside platform frames. */
function markEmbeds(lines: readonly Line[], labels: LineLabel[]): void {
  for (let i = 0; i < lines.length; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind !== 'embed' || label.embed !== 'social-post') continue;
    const text = (lines[i] as Line).text;
    if (EMBED_OPENER.test(text)) {
      for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
        if (EMBED_CLOSER.test((lines[j] as Line).text)) {
          for (let k = i + 1; k < j; k++) if ((labels[k] as LineLabel).kind === 'keep') labels[k] = { ...label, author: null };
          break;
        }
      }
      continue;
    }
    const before = neighbour(labels, i, -1);
    const prev = lines[before];
    if (prev && (labels[before] as LineLabel).kind === 'keep' && hasSocialMarker(prev.text)) labels[before] = { ...label };
  }
}

/** A credit line makes the sentence or title right above it a caption ("Photo: …", "Name / Agency"). */
function markCaptions(lines: readonly Line[], labels: LineLabel[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const label = labels[i] as LineLabel;
    const isCredit = label.kind === 'embed' && label.embed === 'photo-credit';
    const before = neighbour(labels, i, -1);
    const prev = lines[before];
    const prevLabel = labels[before];
    const captionAbove =
      prev !== undefined &&
      prevLabel?.kind === 'keep' &&
      prevLabel.block === 'paragraph' &&
      prev.words <= MAX_CAPTION_WORDS &&
      prev.words >= 3 &&
      (endsSentence(prev.text) || headingShaped(prev.text));
    if (!captionAbove) continue;
    if (isCredit || (label.kind === 'keep' && label.block === 'paragraph' && creditShaped(line))) {
      labels[before] = { kind: 'embed', embed: 'caption', author: null, date: null };
      if (!isCredit) labels[i] = { kind: 'embed', embed: 'photo-credit', author: line.text, date: null };
    }
  }
}

/** A clock time heads a live-blog entry only when text follows it; otherwise it is a player's counter. */
function markEntryTimes(lines: readonly Line[], labels: LineLabel[]): void {
  for (let i = 0; i < lines.length; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind !== 'keep' || label.block !== 'dateline' || !isEntryTime((lines[i] as Line).text)) continue;
    const after = neighbour(labels, i, 1);
    const next = labels[after];
    if (next?.kind !== 'keep' || next.block === 'dateline' || (lines[after] as Line).words < 3) labels[i] = chrome('timestamp');
  }
}

/**
 * Short non-sentence lines next to contagious chrome are chrome too, and so on along a run: one sweep down and one
 * up reach every line a repeated pass would (linear, where a fixed-point loop is quadratic on hostile input). A
 * sponsored marker also takes the headline under it.
 */
function spreadChrome(lines: readonly Line[], labels: LineLabel[]): void {
  for (const step of [-1, 1] as const) {
    const start = step === -1 ? 0 : lines.length - 1;
    for (let i = start; i >= 0 && i < lines.length; i -= step) {
      const line = lines[i] as Line;
      const label = labels[i] as LineLabel;
      if (label.kind !== 'keep' || label.block !== 'paragraph' || endsSentence(line.text) || listMarker(line.text) || headsParagraph(lines, labels, i))
        continue;
      const source = neighbour(labels, i, step);
      const from = labels[source];
      if (step === -1 && from?.kind === 'chrome' && from.reason === 'sponsored' && line.words <= MAX_PROMPT_WORDS) labels[i] = chrome('sponsored');
      else if (line.words <= MAX_CHROME_NEIGHBOUR_WORDS && from && isContagious(from)) labels[i] = chrome(`next to ${baseReason(from)}`);
    }
  }
}

export function baseReason(label: LineLabel): string {
  if (label.kind === 'chrome') return label.reason.replace(/^next to /, '');
  return label.kind === 'embed' ? label.embed.replace('-', ' ') : label.kind;
}

function isContagious(label: LineLabel | undefined): boolean {
  if (!label) return false;
  if (label.kind === 'chrome') return CONTAGIOUS.has(baseReason(label));
  return label.kind === 'embed' && label.embed !== 'social-post';
}
