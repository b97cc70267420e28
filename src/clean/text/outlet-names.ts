import type { Removal } from '../../model/article.js';
import { WEEKDAY_NAMES } from '../date-words.js';
import { knownOutletsIn } from '../outlet-registry.js';
import { squash } from '../title.js';

/** A name the page gives itself, where it was read, and how strongly that place names the site. */
export interface OutletCandidate {
  name: string;
  line: Removal;
  weight: number;
}

/**
 * Site furniture that names the site: "About X", "Search X", "Subscribe to X", "More X", "Who pays for X", "X
 * Newsletter(s)" (generic web vocabulary, English and Spanish). Group 1 is the name: one to four capitalised words.
 */
const NAME = /^((?:The\s+|El\s+|La\s+)?[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]{0,30}(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]{0,30}){0,3})(?:['’]s?\b.{0,40})?$/u;
const SITE_PREFIX =
  /^(?:about|search|subscribe to|follow|contact|more from|more|join|support|donate to|who pays for|acerca de|sobre|suscr[ií]bete a|s[ií]guenos en|m[aá]s de)\s+/i;
const SITE_SUFFIX = /\s+(?:newsletters?|boletines|bolet[ií]n|app|apps|on (?:facebook|twitter|instagram))$/i;

/** Words that follow "About"/"Contact" in furniture without naming the site (generic web vocabulary). */
const NOT_NAMES = /^(?:us|me|the author|home|menu|more|all|our team|our|you|nous|nosotros|nosotras|uns|mich|here|this|it)$/i;

/** The name in "About X" / "X Newsletter" furniture, or null. Case matters for the name only (never "About me"). */
function sitePhraseName(text: string): string | null {
  const prefix = SITE_PREFIX.exec(text);
  const suffix = prefix ? null : SITE_SUFFIX.exec(text);
  const rest = prefix ? text.slice(prefix[0].length) : suffix ? text.slice(0, suffix.index) : null;
  const name = rest === null ? null : (NAME.exec(rest)?.[1] ?? null);
  return name && !NOT_NAMES.test(name) ? name : null;
}

/** A domain written on the page as such ("www.example.com", "tips@example.com"): usually the site's own. */
const DOMAIN = /(?:\bwww\d?\.|@)([a-z0-9][a-z0-9-]{1,40})\.(?:com|net|org|info|news|co\.uk|com\.[a-z]{2}|[a-z]{2})\b/giu;
/** Platforms whose domains pages link to: never the page's own outlet (generic web vocabulary). */
const PLATFORMS = new Set([
  'facebook',
  'twitter',
  'x',
  'instagram',
  'youtube',
  'google',
  'apple',
  'linkedin',
  'pinterest',
  'tiktok',
  'whatsapp',
  'gmail',
  'wordpress',
  'blogspot',
  'bit',
  'amazon',
  'yahoo',
  'outlook',
  'hotmail',
  'disqus',
  'flickr',
  'reddit',
  'tumblr',
  'vimeo',
]);
/** Company-form words after a publisher's name in copyright lines ("CNBC LLC", "Healthline Media"): not the outlet's name. */
const LEGAL_SUFFIX =
  /[,\s&]+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|GmbH|AG|S\.A\.?|S\.L\.?|Corp\.?|Corporation|Co\.|Company|PLC|Group|Holdings|Media|Network|Communications|Interactive|Publishing|Newspapers?|Enterprises)$/i;
/** How much each place weighs (a header or byline names the outlet outright; recurring furniture adds up). */
const WEIGHT = { copyright: 3, phrase: 2, domain: 1.5, masthead: 1.5, registry: 2 } as const;
/** Removed lines scanned for registry names (the page's furniture is near its top and bottom; bounded work). */
const MAX_REGISTRY_LINES = 2000;
/** A line that is only a domain ("Example.com"): the site's name as its logo text. */
const DOMAIN_LINE = /^(?:www\d?\.)?[\p{L}\p{N}][\p{L}\p{N}-]{1,40}\.(?:com|net|org|info|news|co\.uk|com\.[a-z]{2}|[a-z]{2})$/iu;
/** Most words of a masthead line (the page's first line, when it is the site's name). */
const MAX_MASTHEAD_WORDS = 5;
/** Each further mention of a candidate's name anywhere on the page adds this much, up to MAX_RECURRENCE mentions. */
const RECURRENCE_WEIGHT = 0.5;
const MAX_RECURRENCE = 6;
/** Fewest characters of a squashed name that may be counted in the page (shorter keys match inside other words). */
const MIN_KEY_CHARS = 3;

/** "CNBC LLC" → "CNBC", "Al Jazeera Media Network" → "Al Jazeera": the publisher's name without its company form. */
export function withoutLegalForm(name: string): string {
  let out = name.trim();
  for (let i = 0; i < 2; i++) {
    const cut = out.replace(LEGAL_SUFFIX, '').trim();
    if (cut === '' || cut === out) break;
    out = cut;
  }
  return out;
}

/** Candidates from the page's furniture: site phrases and written domains in removed chrome lines. */
export function furnitureCandidates(removed: readonly Removal[]): OutletCandidate[] {
  const out: OutletCandidate[] = [];
  for (const r of removed) {
    if (r.text.length > 200 || !r.reason.startsWith('chrome:')) continue;
    const name = sitePhraseName(r.text)?.trim();
    if (name && /\p{L}{2}/u.test(name)) out.push({ name, line: r, weight: WEIGHT.phrase });
    if (DOMAIN_LINE.test(r.text)) out.push({ name: r.text.replace(/^www\d?\./i, ''), line: r, weight: WEIGHT.domain });
    else
      for (const m of r.text.matchAll(DOMAIN)) {
        const name = m[1]?.toLowerCase();
        if (name && !PLATFORMS.has(name)) out.push({ name: m[0].replace(/^(?:@|www\d?\.)/i, ''), line: r, weight: WEIGHT.domain });
      }
  }
  return out;
}

/** Outlets of the source registry named in the page's furniture ("More from The Harbour Gazette"). */
export function registryCandidates(removed: readonly Removal[]): OutletCandidate[] {
  const out: OutletCandidate[] = [];
  for (const r of removed.slice(0, MAX_REGISTRY_LINES)) {
    // Credits and captions name where a text or photo came from, not who publishes the page.
    if (r.text.length > 200 || !r.reason.startsWith('chrome:')) continue;
    for (const name of knownOutletsIn(r.text)) out.push({ name, line: r, weight: WEIGHT.registry });
  }
  return out;
}

/** The page's first line as a masthead candidate: short, capitalised, not a sentence, a date or a prompt. */
export function mastheadCandidate(first: Removal | null): OutletCandidate[] {
  if (!first) return [];
  const t = first.text;
  const words = t.split(/\s+/).length;
  const firstWord = /^[\p{L}-]+/u.exec(t)?.[0]?.toLowerCase() ?? '';
  if (words > MAX_MASTHEAD_WORDS || !/^[\p{Lu}\p{N}]/u.test(t) || /[.!?:,]$/.test(t) || /\d{3,}/.test(t) || !/\p{L}{2}/u.test(t)) return [];
  if (WEEKDAY_NAMES.has(firstWord) || NOT_NAMES.test(t) || /^(?:skip|jump|zum|ir al|aller)\b/i.test(t)) return [];
  return [{ name: t, line: first, weight: WEIGHT.masthead }];
}

/**
 * The page's outlet among its candidates: weights of the places that name it, plus how often the name recurs on the
 * page (a publisher's company name is written once, the site's name all over). Null when there is no candidate.
 */
export function pickOutlet(candidates: readonly OutletCandidate[], pageText: string): OutletCandidate | null {
  const flat = squash(pageText.slice(0, 300_000));
  const scores = new Map<string, { best: OutletCandidate; score: number }>();
  for (const c of candidates) {
    const key = keyOf(c.name);
    if (key.length < 2) continue;
    const entry = scores.get(key) ?? { best: c, score: 0 };
    entry.score += c.weight;
    if (c.weight > entry.best.weight) entry.best = c;
    scores.set(key, entry);
  }
  let winner: { best: OutletCandidate; score: number } | null = null;
  for (const [key, entry] of scores) {
    const recurrence = key.length >= MIN_KEY_CHARS ? Math.min(MAX_RECURRENCE, occurrences(flat, key)) : 0;
    const score = entry.score + RECURRENCE_WEIGHT * recurrence;
    if (!winner || score > winner.score) winner = { best: entry.best, score };
  }
  return winner?.best ?? null;
}

/** Comparison key of a name, without a domain suffix ("The Hill", "thehill.com" → "thehill"). */
function keyOf(name: string): string {
  return squash(name.replace(/\.(?:com|net|org|info|news|co\.uk|com\.[a-z]{2}|[a-z]{2})$/i, ''));
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && n < MAX_RECURRENCE; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}
