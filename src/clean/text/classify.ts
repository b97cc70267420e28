import type { Block } from '../../model/annotations.js';
import type { Line } from './lines.js';
import { CAPTION_START, COPYRIGHT, CREDIT_WORDS, PROMPT_PATTERNS, RELATED_HEADERS, SYNDICATION_PATTERNS } from './vocabulary.js';

/** What a line of pasted text is: kept structure, removed chrome, or material kept aside (credits, embeds). */
export type LineLabel =
  | { kind: 'blank' }
  | { kind: 'keep'; block: Block['kind'] }
  | { kind: 'chrome'; reason: string }
  | { kind: 'credit'; origin: string }
  | { kind: 'embed'; embed: 'social-post' | 'caption' | 'photo-credit'; author: string | null; date: string | null };

/** Tuned on the project's labelled sample lines (eval/lines): short lines next to chrome are chrome up to this size. */
const MAX_CHROME_NEIGHBOUR_WORDS = 5;
/** A headline or section heading is a short line without sentence-final punctuation. */
const MAX_HEADING_WORDS = 14;
const MAX_HEADLINE_WORDS = 25;

const TIMESTAMPS = /^(\d{1,2}:\d{2}(:\d{2})?\s*)+$/;
const SEPARATOR = /^[\p{P}\p{S}\s]{1,3}$/u;
const SOCIAL_SIGNATURE = /^[—–-]\s*([^()@\n]{1,80}?)\s*\((@[\w.]{1,40})\)\s*(.{4,40})$/u;
const ALL_CAPS_NAME = /^[\p{Lu}][\p{Lu}.'’-]*(\s+[\p{Lu}][\p{Lu}.'’-]*){0,4}$/u;
const LIST_ITEM = /^([-•*▪●◦‣–]|\d{1,2}[.)])\s+/u;
const BYLINE = /^(by|por|de)\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}(\s*(,|and|y)\s*\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3})*\s*$/iu;
const SENTENCE_END = /[.!?…"”»)]$/u;

/** Chrome kinds that make their short neighbours suspect (a player, a credit block, a prompt row). */
const CONTAGIOUS = new Set(['timestamp', 'prompt', 'separator', 'photo credit', 'caption', 'copyright', 'related links']);

/**
 * Labels every line of pasted text. Rules work on the shape of a line and its neighbours (length, punctuation,
 * case, position, closeness to other chrome), with word lists only for generic web furniture; see
 * docs/cleaning.md for the rule families and eval/ for their line-level precision and recall.
 */
export function classifyLines(lines: readonly Line[]): LineLabel[] {
  const labels: LineLabel[] = lines.map((line) => firstPass(line));
  markRelatedBlocks(lines, labels);
  spreadChrome(lines, labels);
  assignStructure(lines, labels);
  return labels;
}

function firstPass(line: Line): LineLabel {
  const t = line.text;
  if (t === '') return { kind: 'blank' };
  if (TIMESTAMPS.test(t)) return { kind: 'chrome', reason: 'timestamp' };
  if (SEPARATOR.test(t)) return { kind: 'chrome', reason: 'separator' };
  const origin = syndicationOrigin(t);
  if (origin && line.words <= 30) return { kind: 'credit', origin };
  if (COPYRIGHT.test(t) && line.words <= 15) return { kind: 'chrome', reason: 'copyright' };
  if (line.words <= 12 && PROMPT_PATTERNS.some((p) => p.test(t))) return { kind: 'chrome', reason: 'prompt' };
  const social = SOCIAL_SIGNATURE.exec(t);
  if (social && /\d{4}/.test(social[3] ?? ''))
    return { kind: 'embed', embed: 'social-post', author: `${social[1]?.trim()} (${social[2]})`, date: social[3]?.trim() ?? null };
  if (CAPTION_START.test(t) || (t.endsWith('(') && line.words > 5)) return { kind: 'embed', embed: 'caption', author: null, date: null };
  if (line.words <= 8 && CREDIT_WORDS.test(t) && !SENTENCE_END.test(t)) return { kind: 'embed', embed: 'photo-credit', author: t, date: null };
  if (line.words <= 5 && ALL_CAPS_NAME.test(t) && /[\p{Lu}]{2}/u.test(t)) return { kind: 'chrome', reason: 'photo credit' };
  return { kind: 'keep', block: 'paragraph' };
}

/** The origin named by a syndication credit, or null. */
export function syndicationOrigin(text: string): string | null {
  for (const pattern of SYNDICATION_PATTERNS) {
    const m = pattern.exec(text);
    const origin = m?.[1]?.trim().replace(/^the\s+(?=\p{Lu})/u, (s) => s);
    if (origin) return origin;
  }
  return null;
}

/** After a "Related"/"More on this topic" header, link-like lines (short, no final period) belong to it. */
function markRelatedBlocks(lines: readonly Line[], labels: LineLabel[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.words > 8 || !RELATED_HEADERS.some((p) => p.test(line.text))) continue;
    labels[i] = { kind: 'chrome', reason: 'related links' };
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as Line;
      if (next.text === '') continue;
      const label = labels[j] as LineLabel;
      if (label.kind !== 'keep' || next.words > 20 || (SENTENCE_END.test(next.text) && next.words >= 8)) break;
      labels[j] = { kind: 'chrome', reason: 'related links' };
    }
  }
}

/** Short non-sentence lines next to contagious chrome are chrome too (player rows, credit blocks, nav bars). */
function spreadChrome(lines: readonly Line[], labels: LineLabel[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as Line;
      const label = labels[i] as LineLabel;
      if (label.kind !== 'keep' || line.words > MAX_CHROME_NEIGHBOUR_WORDS || SENTENCE_END.test(line.text) || LIST_ITEM.test(line.text)) continue;
      const before = neighbour(labels, i, -1);
      const after = neighbour(labels, i, 1);
      const source = isContagious(labels, before) ? before : isContagious(labels, after) ? after : -1;
      if (source >= 0) {
        labels[i] = { kind: 'chrome', reason: `next to ${reasonOf(labels[source] as LineLabel)}` };
        changed = true;
      }
    }
  }
}

function reasonOf(label: LineLabel): string {
  if (label.kind === 'chrome') return label.reason.replace(/^next to /, '');
  return label.kind === 'embed' ? label.embed.replace('-', ' ') : label.kind;
}

function isContagious(labels: readonly LineLabel[], index: number): boolean {
  const label = labels[index];
  if (!label) return false;
  if (label.kind === 'chrome') return CONTAGIOUS.has(label.reason.replace(/^next to /, ''));
  return label.kind === 'embed' && label.embed !== 'social-post';
}

function neighbour(labels: readonly LineLabel[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < labels.length; j += step) if ((labels[j] as LineLabel).kind !== 'blank') return j;
  return -1;
}

/** Types kept lines: the headline (first short kept line), bylines, headings, list items, repeated headlines. */
function assignStructure(lines: readonly Line[], labels: LineLabel[]): void {
  let headline: string | null = null;
  let seenBody = false;
  for (let i = 0; i < lines.length; i++) {
    const label = labels[i] as LineLabel;
    if (label.kind !== 'keep') continue;
    const line = lines[i] as Line;
    const t = line.text;
    const headingShape = !SENTENCE_END.test(t) && !t.endsWith(':') && /^[\p{Lu}\p{N}"“'‘¿¡]/u.test(t);
    if (LIST_ITEM.test(t)) labels[i] = { kind: 'keep', block: 'list-item' };
    else if (headline !== null && normalize(t) === headline) labels[i] = { kind: 'chrome', reason: 'repeated headline' };
    else if (!seenBody && headline === null && headingShape && line.words <= MAX_HEADLINE_WORDS) {
      headline = normalize(t);
      labels[i] = { kind: 'keep', block: 'headline' };
    } else if (line.words <= 10 && BYLINE.test(t)) labels[i] = { kind: 'keep', block: 'byline' };
    else if (headingShape && line.words <= MAX_HEADING_WORDS) labels[i] = { kind: 'keep', block: seenBody ? 'heading' : 'subheadline' };
    else seenBody = true;
  }
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
