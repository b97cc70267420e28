import { readFileSync } from 'node:fs';
import { gazetteerKind } from '../../annotate/entities/gazetteer.js';
import { decodeKnown, knownKey, UPOS } from '../../annotate/pos/tagger.js';
import { POS_KNOWN_PATH } from '../../annotate/pos/weights.js';
import { isKnownOutlet, isWireService } from '../outlet-registry.js';
import { domainName, squash } from '../title.js';
import type { LineLabel } from './classify.js';
import { countWords, type Line } from './lines.js';
import { isPersonName } from './regions.js';

/**
 * Names a pasted page may give itself, each with features of where and how the page writes it. The page's outlet
 * is written in its furniture: a logo line, menu and footer items that start with it ("Example News Store"), "About
 * X", "© 2026 X", "X Staff", its domain ("example.com"); a photo credit or an "according to X" names someone else.
 * The features say which of these places hold a name; a trained model (outlet-model.ts) weighs them.
 */
export interface OutletCandidate {
  /** The name as the page writes it most often (or the domain written on the page). */
  name: string;
  /** Comparison key: squashed, without a domain ending ("The Hill", "TheHill.com" → "thehill"). */
  key: string;
  /** The first line that names it in furniture, with its raw span (the evidence shown for the outlet). */
  line: Line;
  features: number[];
}

/** Feature names, in the order of `OutletCandidate.features` (the weights file is checked against them). */
export const OUTLET_FEATURES = [
  'lines',
  'short lines',
  'prefix of short lines',
  'whole line',
  'in first lines',
  'in last lines',
  'copyright line',
  'site phrase',
  'furniture suffix',
  'byline or header cell',
  'domain agrees',
  'is a domain',
  'domain mentions',
  'prose mentions',
  'lower-case share',
  'credit or attribution context',
  'words',
  'one word',
  'all capitals',
  'right extension',
  'left extension',
  'in the registry',
  'first line',
  'common words',
  'place name',
  'person name',
  'cues',
  'key length',
  'company form',
  'copyright only',
  'two cues',
  'short lines of a rare word',
  'copyright and furniture',
  'title suffix',
  'wire service',
  'brand shape',
  'top and bottom',
  'domain initials',
  'lines before the article',
  'lines after the article',
  'before and after the article',
  'lines inside the article',
  'share of the most named',
  'staff phrase',
  'spoken to',
  'addresses in prose',
  'email domain',
  'a domain holds it',
  'it holds a domain',
  'social handle',
  'next to the headline',
  'most cues on the page',
  'candidates on the page',
  'the most written domain',
  'press word',
] as const;

/** Lines of at most this many words are furniture-sized: logos, menu items, footer links, bylines. */
const MAX_SHORT_WORDS = 8;
/** Lines of more words are prose; names there are mentions, not furniture (candidates are never made from prose). */
const MAX_CANDIDATE_LINE_WORDS = 12;
/** Longest n-gram taken as a name ("Kabar tentang Dunia Islam" is four words). */
const MAX_NAME_TOKENS = 4;
/** Lines counted as the page's top and bottom (masthead, footer). */
const TOP_LINES = 5;
const BOTTOM_LINES = 20;
/** Non-blank lines either side of the headline where a logo or a "Site | Section" kicker stands. */
const HEADLINE_NEIGHBOURS = 3;
/** Shortest key compared by containment with a domain ("katapult" in katapult-magazin.de); shorter ones are parts of too many. */
const MIN_CONTAINED_KEY = 4;
/** Bounds on the work per page: lines read, candidates scored. */
const MAX_LINES = 4000;
const MAX_LINE_CHARS = 400;
const MAX_CANDIDATES = 400;

/** A word of a name: letters or digits, with inner dots, ampersands, apostrophes, hyphens and plus signs ("L.A.", "9to5Mac", "e-Eighteen.com"). */
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’.+-]{0,40}[\p{L}\p{N}+])?/gu;
const DOMAIN_TOKEN =
  /^(?:www\d?\.)?([\p{L}\p{N}][\p{L}\p{N}-]{0,40}\.)+(?:com|net|org|info|news|de|fr|es|it|ca|at|ch|nl|uk|in|au|br|no|ru|tv|io|co|eu|pl|be|se|dk|fi|jp|cn|mx|ar)$/iu;
const URLISH = /(?:https?:\/\/|www\d?\.|@)([a-z0-9.-]{3,80}\.[a-z]{2,6})\b/giu;
/** A domain written bare ("Example.com", "example.co.uk"): ends in a common top-level domain. */
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@./-])[\p{L}\p{N}][\p{L}\p{N}-]{1,40}\.(?:com|net|org|co\.uk|com\.au|de|fr|es|it|ca|at|ch|nl|in|no|ru|tv|io)(?![\p{L}\p{N}])/giu;
/** What every URLISH match contains, tested first. */
const URL_MARK = /:\/\/|www|@/i;
/** A social handle ("@ExampleNews", "Follow us @example_news"): not an e-mail address, not a domain after the @. */
const HANDLE = /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9_]{2,30})(?![\p{L}\p{N}_.@-])/gu;
/** The ending every BARE_DOMAIN match contains, tested first (a literal dot is found fast; the look-behind is not). */
const BARE_DOMAIN_END = /\.(?:com|net|org|co\.uk|com\.au|de|fr|es|it|ca|at|ch|nl|in|no|ru|tv|io)(?![\p{L}\p{N}])/iu;
const COPYRIGHT = /©|\(c\)|\bcopyright\b|\ball rights reserved\b|\bderechos reservados\b|\brechte vorbehalten\b/i;
/** Furniture phrases before the site's name (generic web vocabulary, English, Spanish, German, French). */
const SITE_PHRASE =
  /(?:^|\s)(?:about|search|subscribe to|follow|contact|more from|join|support|donate to|sign up for|welcome to|talk to|why|download|published on|published by|appeared on|appeared in|get more|the team at|acerca de|sobre|suscr[ií]bete a|s[ií]guenos en|m[aá]s de|über|suche auf|folgen sie|à propos de|suivez|jobs (?:at|bei)|careers at|advertise (?:with|on)|werben (?:bei|auf))(?:\s+the)?\s*$/iu;
/** What may follow a site phrase's name ("Follow X on …", "Download the X app", "Subscribe to X: …"); else the name runs on. */
const PHRASE_TAIL = /^(?:[.,!:|]|\s{1,3}(?:on|online|app|newsletters?|auf|en|sur)(?![\p{L}\p{N}]))/iu;
/** Furniture words after the site's name ("X Staff", "X Newsletters", "X App"): generic web vocabulary. */
const FURNITURE_SUFFIX =
  /^(?:staff|contributor|correspondent|newsletters?|apps?|podcasts?|team|store|shop|editorial|redaktion|redacci[oó]n|plus|tv|radio|videos?|live|español|en español|home ?page|main menu|logo|startseite|is (?:supported by|part of|published by|owned by))\b/iu;
/** The separator before a page title's site part ("Headline | Site", "Headline - Site"). */
const TITLE_SEPARATOR = /\s(?:\||-|–|—|::|·|•|»)\s+$/u;
/** Company-form words after a publisher's name ("X Holdings, Inc.", "X Media Group Ltd"): a company rather than its site. */
const COMPANY_FORM =
  /^(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|GmbH|AG|S\.A\.?|S\.L\.?|Corp\.?|Corporation|Co\.|Company|PLC|plc|Group|Holdings|Media|Network|Communications|Interactive|Publishing|Newspapers|Enterprises|Oyj|KG|SE|Verlag)\b/u;
/** Words before a name that say the text or photo came from it, or that it is quoted (not the page's outlet). */
const ATTRIBUTION_BEFORE =
  /(?:photo|photos|image|images|picture|foto|fotos|bild|credit|credits|source|fuente|quelle|via|according to|reported|reports|said|says|citing|cited|courtesy of|según|dijo|laut|zufolge|selon|getty|copyright)\s*[:/|(-]?\s*$/iu;
/**
 * Words before a name that make the writer its staff ("Senior editor at X", "a reporter for the X", "Redakteurin bei
 * X"): in a byline or an author's note, mostly the page's own outlet.
 */
const STAFF_BEFORE =
  /(?:editor|editors|reporter|reporters|writer|correspondent|columnist|contributor|journalist|producer|redakteur|redakteurin|autorin|redactor|redactora|periodista|journaliste|rédacteur|rédactrice)\s+(?:at|for|with|of|bei|für|de|en|à|pour)\s+(?:the\s+)?$/iu;
/**
 * Words before a name a source speaks to ("told X", "said in a statement to X", "speaking to X"): the page's own
 * outlet interviewing as often as another outlet quoted, so a cue of its own rather than an attribution.
 */
const SPOKEN_TO_BEFORE =
  /(?:\btold|\b(?:statement|email|interview|comments?)\s+(?:to|with)|\b(?:spoke|speaking|talked|talking)\s+(?:to|with)|\bconfirmed\s+to|\bcontacted\s+by)\s+(?:the\s+)?$/iu;
/** The words STAFF_BEFORE and SPOKEN_TO_BEFORE end in before their spaces (and an optional "the"), in lower case. */
const STAFF_WORDS = ['at', 'for', 'with', 'of', 'bei', 'für', 'de', 'en', 'à', 'pour'];
const SPOKEN_TO_WORDS = ['told', 'to', 'with', 'by'];

/**
 * Whether `before` ends in one of `words`, white space, and optionally "the" and white space: what STAFF_BEFORE and
 * SPOKEN_TO_BEFORE need to match, tested first since their scan from every position was the costliest regex of the
 * outlet features. `trimEnd` removes exactly what `\s` matches.
 */
function endsInCue(before: string, words: readonly string[]): boolean {
  const trimmed = before.trimEnd();
  if (trimmed.length === before.length) return false;
  const tail = trimmed.slice(-8).toLowerCase();
  if (words.some((w) => tail.endsWith(w))) return true;
  if (!tail.endsWith('the')) return false;
  const inner = trimmed.slice(0, -3);
  const innerTrimmed = inner.trimEnd();
  if (innerTrimmed.length === inner.length) return false;
  const innerTail = innerTrimmed.slice(-8).toLowerCase();
  return words.some((w) => innerTail.endsWith(w));
}

/** Common platform domains pages link to: never the page's outlet. */
const PLATFORMS = new Set([
  'facebook',
  'twitter',
  'x',
  'instagram',
  'youtube',
  'youtu',
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
  'wikipedia',
  'wikimedia',
  'creativecommons',
  'w3',
]);

interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
  /** Whether the word can start or end a name (`brandish`), read once per token. */
  brandish: boolean;
}

/** Running tallies for one key while the page is read. */
interface Tally {
  key: string;
  surfaces: Map<string, number>;
  line: Line | null;
  /** Lines naming it (lines are read in order, so a line is counted when it differs from the last one counted). */
  lines: number;
  lastLine: number;
  short: number;
  prefix: number;
  whole: number;
  top: boolean;
  bottom: boolean;
  copyright: boolean;
  phrase: boolean;
  suffix: boolean;
  header: boolean;
  isDomain: boolean;
  prose: number;
  attributed: number;
  /** Mentions after a staff phrase ("editor at X") and after a source speaking to it ("told X"). */
  staff: number;
  spokenTo: number;
  /** Addresses (a URL, an e-mail, a bare domain) naming it in prose lines, and whether one is an e-mail address. */
  addresses: number;
  email: boolean;
  furniture: number;
  /** Lines naming it that are copyright lines, and whether a company form follows it there ("X Media Group Ltd"). */
  copyrightLines: number;
  company: boolean;
  /** Named after a headline as its last cell ("Headline | X", "Headline - X"), as page titles end. */
  titleSuffix: boolean;
  /** Named on a line next to the headline (a logo above it, a "X | Section" kicker, a credit line below it). */
  nearHeadline: boolean;
  /** Lines naming it above the article (masthead, menus), below it (footer), and between its first and last paragraph. */
  before: number;
  after: number;
  inside: number;
  next: Map<string, number>;
  prev: Map<string, number>;
  words: number;
  upper: boolean;
}

/** The comparison key of a name: squashed, a domain ending dropped ("TheHill.com" → "thehill"). */
export function outletKey(name: string): string {
  // A domain has a dot: without one the name is its own key (most names; this skips the host regex).
  if (!name.includes('.')) return squash(name);
  const host = /^(?:https?:\/\/)?(?:www\d?\.)?([^/\s]+)$/i.exec(name.trim())?.[1] ?? '';
  const domain = DOMAIN_TOKEN.test(host) ? domainName(`http://${host}`) : null;
  return squash(domain ?? name);
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let word = m[0];
    const start = m.index;
    const possessive = word.length > 2 && isPossessiveEnd(word);
    if (possessive) word = word.slice(0, -2);
    out.push({ text: word, start, end: start + m[0].length, possessive, brandish: brandish(word) && !RIGHTS_WORDS.has(word.toLowerCase()) });
  }
  return out;
}

/** Whether a word starts with an ASCII digit: a number or a year must, so most words skip their regexes. */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** Whether a word ends in "'s" or "’s" (either case of the s). */
function isPossessiveEnd(word: string): boolean {
  const s = word.charCodeAt(word.length - 1);
  const mark = word.charCodeAt(word.length - 2);
  return (s === 0x73 || s === 0x53) && (mark === 0x27 || mark === 0x2019);
}

/** A word that can start or end a name: capitalised, led by a digit, a domain, or an inner capital ("eBay"). */
function brandish(word: string): boolean {
  // A capital anywhere covers a capitalised first letter and an inner capital; a domain needs a dot. An ASCII capital
  // or digit first (most names) settles it without the regex.
  const first = word.charCodeAt(0);
  if ((first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39)) return true;
  return BRANDISH.test(word) || (word.includes('.') && DOMAIN_TOKEN.test(word));
}
const BRANDISH = /^\p{N}|\p{Lu}/u;
/**
 * Words of a rights notice ("All Rights Reserved", "Alle Rechte vorbehalten", "Derechos Reservados", "Riproduzione
 * riservata"): they neither start nor end a name, so the notice itself is never a candidate (a name may hold them
 * inside).
 */
const RIGHTS_WORDS = new Set([
  'all',
  'rights',
  'reserved',
  'copyright',
  'alle',
  'rechte',
  'vorbehalten',
  'derechos',
  'reservados',
  'todos',
  'riproduzione',
  'riservata',
  'tous',
  'droits',
  'réservés',
  'kein',
]);
/** A brand's spelling: a capital after a small letter ("ScienceAlert") or letters and digits in one word ("Tag24"). */
const BRAND_SHAPE = /\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u;

/**
 * The candidate names of a pasted page with their features. `headerOutlet` is the outlet the header lines stated
 * (header.ts: "By A, Outlet", "Outlet | date"), a cue like the others.
 */
export function outletCandidates(lines: readonly Line[], labels: readonly LineLabel[], headerOutlet: string | null): OutletCandidate[] {
  const tallies = new Map<string, Tally>();
  const nonBlank = lines.slice(0, MAX_LINES).filter((l) => l.text !== '');
  const firstText = nonBlank[0]?.text ?? '';
  const topFrom = new Set(nonBlank.slice(0, TOP_LINES).map((l) => l.index));
  const bottomFrom = new Set(nonBlank.slice(-BOTTOM_LINES).map((l) => l.index));
  const domains = new Map<string, number>();
  const { first: articleFirst, last: articleLast } = articleLines(labels);
  const nearHeadline = headlineNeighbours(nonBlank, labels);
  /** Squashed social handles the page writes, with counts ("@ExampleNews" → examplenews). */
  const handles = new Map<string, number>();
  const tally = (key: string, words: number): Tally => {
    let t = tallies.get(key);
    if (!t) {
      t = {
        key,
        surfaces: new Map(),
        line: null,
        lines: 0,
        lastLine: -1,
        short: 0,
        prefix: 0,
        whole: 0,
        top: false,
        bottom: false,
        copyright: false,
        phrase: false,
        suffix: false,
        header: false,
        isDomain: false,
        prose: 0,
        attributed: 0,
        staff: 0,
        spokenTo: 0,
        addresses: 0,
        email: false,
        furniture: 0,
        copyrightLines: 0,
        company: false,
        titleSuffix: false,
        nearHeadline: false,
        before: 0,
        after: 0,
        inside: 0,
        next: new Map(),
        prev: new Map(),
        words,
        upper: false,
      };
      tallies.set(key, t);
    }
    return t;
  };
  function countHandle(handle: string): void {
    const key = squash(handle);
    if (key.length >= 2 && !PLATFORMS.has(key)) handles.set(key, (handles.get(key) ?? 0) + 1);
  }
  function countDomain(host: string): void {
    // Squashed like the names' keys, so that business-standard.com agrees with "Business Standard".
    const label = squash(domainName(`http://${host.toLowerCase()}`) ?? '');
    if (label && !PLATFORMS.has(label)) domains.set(label, (domains.get(label) ?? 0) + 1);
  }
  // Pass 1: names in furniture-sized lines (and copyright lines), and every domain written on the page.
  const hosts: Array<{ host: string; email: boolean }> = [];
  // Lines pass 1 found a copyright notice in, whole (not cut to MAX_LINE_CHARS): pass 2 need not test them again.
  const copyrightLines = new Set<number>();
  const testedWhole = new Set<number>();
  for (const line of nonBlank) {
    const text = line.text.slice(0, MAX_LINE_CHARS);
    hosts.length = 0;
    // Cheap tests for what every match holds first: most lines write no address.
    if (URL_MARK.test(text)) for (const m of text.matchAll(URLISH)) hosts.push({ host: m[1] ?? '', email: m[0].startsWith('@') });
    if (BARE_DOMAIN_END.test(text)) for (const m of text.matchAll(BARE_DOMAIN)) hosts.push({ host: m[0], email: false });
    if (text.includes('@')) for (const m of text.matchAll(HANDLE)) countHandle(m[1] ?? '');
    for (const h of hosts) countDomain(h.host);
    const label = labels[line.index];
    const copyright = COPYRIGHT.test(text);
    if (text.length === line.text.length) {
      testedWhole.add(line.index);
      if (copyright) copyrightLines.add(line.index);
    }
    if (line.words > MAX_CANDIDATE_LINE_WORDS && !copyright) {
      // An address in prose ("write to desk@example.com", "first published on example.com") names a site even
      // where names are not read: the domain is a candidate of its own.
      for (const h of hosts) addressIn(line, h.host, h.email);
      continue;
    }
    readNames(line, text, label, copyright, true);
  }
  // Pass 2: how often the candidates are mentioned in prose, and in what context.
  for (const line of nonBlank) {
    if (line.words <= MAX_CANDIDATE_LINE_WORDS) continue;
    if (testedWhole.has(line.index) ? copyrightLines.has(line.index) : COPYRIGHT.test(line.text)) continue;
    readNames(line, line.text.slice(0, MAX_LINE_CHARS * 10), labels[line.index], false, false);
  }
  if (headerOutlet) {
    const t = tallies.get(outletKey(headerOutlet));
    if (t) t.header = true;
    else {
      const made = tally(outletKey(headerOutlet), tokensOf(headerOutlet).length);
      made.surfaces.set(headerOutlet, 1);
      made.header = true;
    }
  }
  for (const [label, count] of domains) {
    const t = tallies.get(label);
    if (t) t.isDomain ||= count > 0;
  }

  function addressIn(line: Line, host: string, email: boolean): void {
    const key = squash(domainName(`http://${host.toLowerCase()}`) ?? '');
    if (key.length < 2 || PLATFORMS.has(key) || (!tallies.has(key) && tallies.size >= MAX_CANDIDATES * 4)) return;
    const t = tally(key, 1);
    t.surfaces.set(host, (t.surfaces.get(host) ?? 0) + 1);
    t.isDomain = true;
    t.addresses++;
    if (email) t.email = true;
    if (!t.line) t.line = line;
  }

  function readNames(line: Line, text: string, label: LineLabel | undefined, copyright: boolean, create: boolean): void {
    const tokens = tokensOf(text);
    // What follows a name depends only on its last word, and up to MAX_NAME_TOKENS spans end on each word: the text
    // after a word and its tests are read once per word (a bit says a test was run, the next bit its result).
    const afterTexts: Array<string | undefined> = [];
    const afterTests = new Uint8Array(tokens.length);
    const afterIs = (last: number, tested: number, regex: RegExp): boolean => {
      let bits = afterTests[last] as number;
      if ((bits & tested) === 0) {
        let after = afterTexts[last];
        if (after === undefined) {
          const end = (tokens[last] as Token).end;
          after = text.slice(end, end + 30).replace(/^[\s:,.-]+/, '');
          afterTexts[last] = after;
        }
        bits |= tested | (regex.test(after) ? tested << 1 : 0);
        afterTests[last] = bits;
      }
      return (bits & (tested << 1)) !== 0;
    };
    // Each neighbour word's lower case, made once per word.
    const lowers: Array<string | undefined> = [];
    const lowerOf = (index: number): string => {
      let lower = lowers[index];
      if (lower === undefined) {
        lower = (tokens[index] as Token).text.toLowerCase();
        lowers[index] = lower;
      }
      return lower;
    };
    const short = line.words <= MAX_SHORT_WORDS;
    const credit = label?.kind === 'credit' || label?.kind === 'embed';
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i] as Token;
      // A number does not start a name ("© 2026 Example" names Example), nor does a year end one.
      if (!first.brandish || (startsWithDigit(first.text) && /^\d+$/.test(first.text))) continue;
      // What stands before a name depends only on where it starts: read once for every length, and only when a
      // span from here is a candidate (most capitalised words of prose are not).
      let before: string | undefined;
      let attributed = false;
      let sitePhrase = false;
      let staff = false;
      let spokenTo = false;
      for (let n = 1; n <= MAX_NAME_TOKENS && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1] as Token;
        // A name runs over spaces only: punctuation between words ("Home | News", "Sport, Culture") ends it.
        if (n > 1 && !onlySpaces(text, (tokens[i + n - 2] as Token).end, last.start)) break;
        if (n > 1 && (tokens[i + n - 2] as Token).possessive) break;
        if (!last.brandish || (startsWithDigit(last.text) && /^(?:19|20)\d\d$/.test(last.text))) continue;
        const surface = text.slice(first.start, last.possessive ? last.end - 2 : last.end);
        const key = keyOf(surface);
        if (key === null) continue;
        if (!create && !tallies.has(key)) continue;
        if (create && tallies.size >= MAX_CANDIDATES * 4 && !tallies.has(key)) continue;
        if (before === undefined) {
          before = text.slice(Math.max(0, first.start - 40), first.start);
          attributed = credit || ATTRIBUTION_BEFORE.test(before);
          sitePhrase = SITE_PHRASE.test(before);
          staff = endsInCue(before, STAFF_WORDS) && STAFF_BEFORE.test(before);
          spokenTo = endsInCue(before, SPOKEN_TO_WORDS) && SPOKEN_TO_BEFORE.test(before);
        }
        const t = tally(key, n);
        if (attributed) t.attributed++;
        if (staff) t.staff++;
        if (spokenTo) t.spokenTo++;
        // "Sign up for X's newsletter", "Originally published on X", "X Staff": the site names itself in prose too.
        const phrase = sitePhrase && (i + n === tokens.length || last.possessive || PHRASE_TAIL.test(text.slice(last.end, last.end + 16)));
        if (phrase) t.phrase = true;
        if (afterIs(i + n - 1, SUFFIX_TESTED, FURNITURE_SUFFIX)) t.suffix = true;
        if (!create) {
          t.prose++;
          continue;
        }
        t.surfaces.set(surface, (t.surfaces.get(surface) ?? 0) + 1);
        if (t.lastLine !== line.index) {
          t.lastLine = line.index;
          t.lines++;
          if (copyright) t.copyrightLines++;
          if (line.index < articleFirst) t.before++;
          else if (line.index > articleLast) t.after++;
          else t.inside++;
        }
        if (!attributed) t.furniture++;
        if (!attributed && !t.line) t.line = line;
        if (/\p{Lu}/u.test(surface)) t.upper = true;
        if (short) {
          t.short++;
          if (i === 0 && tokens.length > n) t.prefix++;
        }
        if (i === 0 && n === tokens.length) t.whole++;
        if (topFrom.has(line.index)) t.top = true;
        if (nearHeadline.has(line.index)) t.nearHeadline = true;
        if (bottomFrom.has(line.index)) t.bottom = true;
        if (i + n === tokens.length && TITLE_SEPARATOR.test(before) && countWords(text.slice(0, first.start)) > n + 1) t.titleSuffix = true;
        if (copyright) t.copyright = true;
        if (afterIs(i + n - 1, COMPANY_TESTED, COMPANY_FORM) || COMPANY_FORM.test(surface.slice(surface.lastIndexOf(' ') + 1))) t.company = true;
        if (surface.includes('.') && DOMAIN_TOKEN.test(surface)) t.isDomain = true;
        if (i + n < tokens.length) countIn(t.next, lowerOf(i + n));
        if (i > 0) countIn(t.prev, lowerOf(i - 1));
      }
    }
  }

  const ranked = [...tallies.values()].filter((t) => t.line !== null || t.header).sort((a, b) => b.lines + b.addresses - (a.lines + a.addresses));
  const flatLower = lowerWords(nonBlank, new Set(ranked.slice(0, MAX_CANDIDATES).map((t) => mostFrequent(t.surfaces).toLowerCase())));
  const firstKey = squash(firstText);
  const mostLines = ranked[0]?.lines ?? 1;
  const pageDomains = [...domains.keys()];
  // The domain the page writes most (at least twice): its links and addresses are mostly its own.
  let mainDomain = '';
  let mainCount = 1;
  for (const [d, n] of domains) if (n > mainCount) [mainDomain, mainCount] = [d, n];
  const out: OutletCandidate[] = [];
  const cueCounts: number[] = [];
  for (const t of ranked.slice(0, MAX_CANDIDATES)) {
    const name = mostFrequent(t.surfaces);
    const facts = nameFacts(name);
    if (t.words === 1 && facts.functionWord) continue;
    const line = t.line ?? (nonBlank[0] as Line);
    const mentions = t.short + t.prose + t.attributed;
    const lowerCount = t.upper ? (flatLower.get(name.toLowerCase()) ?? 0) : 0;
    const lowerShare = t.upper ? lowerCount / Math.max(1, mentions + lowerCount) : 0;
    const domainCount = domains.get(t.key) ?? domains.get(`the${t.key}`) ?? (t.key.startsWith('the') ? domains.get(t.key.slice(3)) : undefined) ?? 0;
    const common = facts.common;
    // Agreement: how many different kinds of place name it (one weak cue is often a menu word or a partner).
    const cues = [t.copyright, t.phrase, t.suffix, t.top, t.bottom, t.whole > 0, domainCount > 0 || t.isDomain, t.header].filter(Boolean).length;
    cueCounts.push(cues);
    const bare = t.key.startsWith('the') && t.key.length > 3 + MIN_CONTAINED_KEY ? t.key.slice(3) : t.key;
    out.push({
      name: displayName(t.surfaces, name),
      key: t.key,
      line,
      features: [
        Math.log1p(t.lines),
        Math.log1p(t.short),
        Math.log1p(t.prefix),
        Math.log1p(t.whole),
        t.top ? 1 : 0,
        t.bottom ? 1 : 0,
        t.copyright ? 1 : 0,
        t.phrase ? 1 : 0,
        t.suffix ? 1 : 0,
        t.header ? 1 : 0,
        domainCount > 0 ? 1 : 0,
        t.isDomain ? 1 : 0,
        Math.log1p(domainCount),
        Math.log1p(t.prose),
        lowerShare,
        Math.log1p(t.attributed),
        t.words,
        t.words === 1 ? 1 : 0,
        facts.allCapitals ? 1 : 0,
        extension(t.next, t.short + t.prose),
        extension(t.prev, t.short + t.prose),
        facts.inRegistry ? 1 : 0,
        firstKey.startsWith(t.key) ? 1 : 0,
        common,
        t.words <= 3 && facts.place ? 1 : 0,
        facts.person ? 1 : 0,
        cues,
        Math.log(t.key.length),
        t.company ? 1 : 0,
        t.copyright && t.lines === t.copyrightLines ? 1 : 0,
        cues >= 2 ? 1 : 0,
        Math.log1p(t.short) * (1 - common),
        t.copyright && t.lines > t.copyrightLines ? 1 : 0,
        t.titleSuffix ? 1 : 0,
        facts.wire ? 1 : 0,
        facts.brandShape ? 1 : 0,
        t.top && t.bottom ? 1 : 0,
        initialsAgree(name, domains) ? 1 : 0,
        Math.log1p(t.before),
        Math.log1p(t.after),
        t.before > 0 && t.after > 0 ? 1 : 0,
        Math.log1p(t.inside),
        t.lines / Math.max(1, mostLines),
        Math.log1p(t.staff),
        Math.log1p(t.spokenTo),
        Math.log1p(t.addresses),
        t.email ? 1 : 0,
        bare.length >= MIN_CONTAINED_KEY && pageDomains.some((d) => d !== bare && d.includes(bare)) ? 1 : 0,
        pageDomains.some((d) => d.length >= MIN_CONTAINED_KEY && d !== bare && bare.includes(d)) ? 1 : 0,
        Math.log1p(handles.get(t.key) ?? handles.get(bare) ?? 0),
        t.nearHeadline ? 1 : 0,
        0,
        Math.log1p(Math.min(ranked.length, MAX_CANDIDATES)),
        mainDomain !== '' && bare.length >= MIN_CONTAINED_KEY - 1 && mainDomain.includes(bare) ? 1 : 0,
        facts.press ? 1 : 0,
      ],
    });
  }
  // Relative to the page: whether no other name is written in more kinds of site place.
  const mostCues = Math.max(0, ...cueCounts);
  out.forEach((c, i) => {
    c.features[MOST_CUES] = cueCounts[i] === mostCues ? 1 : 0;
  });
  return out.filter(
    (c) =>
      c.features[OUTLET_FEATURES.indexOf('lines')] !== 0 ||
      c.features[OUTLET_FEATURES.indexOf('byline or header cell')] === 1 ||
      c.features[OUTLET_FEATURES.indexOf('addresses in prose')] !== 0,
  );
}

const MOST_CUES = OUTLET_FEATURES.indexOf('most cues on the page');

/** Indices of the non-blank lines next to the headline (none when the cleaner found no headline). */
function headlineNeighbours(nonBlank: readonly Line[], labels: readonly LineLabel[]): Set<number> {
  const at = nonBlank.findIndex((l) => {
    const label = labels[l.index];
    return label?.kind === 'keep' && label.block === 'headline';
  });
  const near = new Set<number>();
  if (at < 0) return near;
  for (let k = Math.max(0, at - HEADLINE_NEIGHBOURS); k <= Math.min(nonBlank.length - 1, at + HEADLINE_NEIGHBOURS); k++) {
    if (k !== at) near.add((nonBlank[k] as Line).index);
  }
  return near;
}

/**
 * Words of periodicals' and broadcasters' names ("Harbour Gazette", "Tagesanzeiger Kurier", "Radio Meridian"): generic
 * press vocabulary in the languages of the pages, never a particular title. Alone such a word is mostly a menu
 * item ("News"); beside another word it is mostly a name.
 */
const PRESS_WORDS = new Set([
  'news',
  'times',
  'post',
  'daily',
  'journal',
  'herald',
  'tribune',
  'gazette',
  'chronicle',
  'telegraph',
  'courier',
  'observer',
  'express',
  'standard',
  'record',
  'review',
  'magazine',
  'press',
  'reporter',
  'today',
  'weekly',
  'radio',
  'tv',
  'zeitung',
  'nachrichten',
  'anzeiger',
  'rundschau',
  'kurier',
  'presse',
  'tagblatt',
  'magazin',
  'diario',
  'noticias',
  'gaceta',
  'heraldo',
  'periódico',
  'quotidien',
  'gazzetta',
  'corriere',
  'giornale',
  'notizie',
  'nieuws',
  'krant',
]);

/** What a candidate's features read off its name alone, the same on every page that writes it. */
interface NameFacts {
  functionWord: boolean;
  common: number;
  inRegistry: boolean;
  wire: boolean;
  place: boolean;
  person: boolean;
  allCapitals: boolean;
  brandShape: boolean;
  /** A name of two or more words, one of them a press word. */
  press: boolean;
}

/** Facts of names seen lately, by name: a page's furniture names recur on every page of its site. */
const nameFactsMemo = new Map<string, NameFacts>();

function nameFacts(name: string): NameFacts {
  let facts = nameFactsMemo.get(name);
  if (facts === undefined) {
    const inRegistry = isKnownOutlet(name);
    facts = {
      functionWord: isFunctionWord(name),
      common: commonShare(name),
      inRegistry,
      wire: inRegistry && isWireService(name),
      place: isPlace(name),
      person: isPersonName(name),
      allCapitals: /^[^\p{Ll}]*\p{Lu}{4}[^\p{Ll}]*$/u.test(name),
      brandShape: BRAND_SHAPE.test(name),
      press: pressName(name),
    };
    // Bounded like the word tags' memo below.
    if (nameFactsMemo.size >= MAX_MEMO) nameFactsMemo.clear();
    nameFactsMemo.set(name, facts);
  }
  return facts;
}

function pressName(name: string): boolean {
  const words = name.toLowerCase().split(/[\s.-]+/);
  return words.length >= 2 && words.some((w) => PRESS_WORDS.has(w));
}

/**
 * Keys of name forms, computed once each (a page repeats its furniture, and a site's pages repeat it); null for a key
 * that cannot name an outlet (too short, no letter, a platform).
 */
const keys = new Map<string, string | null>();

function keyOf(surface: string): string | null {
  let key = keys.get(surface);
  if (key === undefined) {
    const k = outletKey(surface);
    key = k.length < 2 || !/\p{L}/u.test(k) || PLATFORMS.has(k) ? null : k;
    // Bounded like the word tags' memo.
    if (keys.size >= MAX_MEMO) keys.clear();
    keys.set(surface, key);
  }
  return key;
}

/**
 * The article's first and last line: the headline (or first paragraph) and the last paragraph the cleaner kept. A
 * page's own name sits in the furniture on either side of it; a name inside it is mostly a source or a credit.
 */
function articleLines(labels: readonly LineLabel[]): { first: number; last: number } {
  let first = -1;
  let last = -1;
  labels.forEach((label, i) => {
    if (label.kind !== 'keep' || (label.block !== 'paragraph' && label.block !== 'headline')) return;
    if (first < 0) first = i;
    if (label.block === 'paragraph') last = i;
  });
  return first < 0 ? { first: labels.length, last: labels.length } : { first, last: Math.max(first, last) };
}

/** Whether a name of two or more words has initials that a domain on the page spells ("Harbour Gazette" and hg.example). */
function initialsAgree(name: string, domains: ReadonlyMap<string, number>): boolean {
  if (domains.size === 0) return false;
  const words = name.split(' ').filter((w) => w !== '');
  if (words.length < 2) return false;
  const initials = squash(words.map((w) => w.charAt(0)).join(''));
  return initials.length >= 2 && domains.has(initials);
}

function countIn(counts: Map<string, number>, word: string): void {
  counts.set(word, (counts.get(word) ?? 0) + 1);
}

/** Bits of `afterIs` in `readNames`: a test was run (its result is the next bit up). */
const SUFFIX_TESTED = 1;
const COMPANY_TESTED = 4;

const SPACES = /\s*/y;

/** Whether `text` holds only white space from `start` to `end` (what `trim()` removes), without slicing it. */
function onlySpaces(text: string, start: number, end: number): boolean {
  SPACES.lastIndex = start;
  SPACES.test(text);
  return SPACES.lastIndex >= end;
}

/** A name the gazetteer lists as anything but an organisation (a place, mostly). */
function isPlace(name: string): boolean {
  const kind = gazetteerKind(name);
  return kind !== undefined && kind !== 'org';
}

/** Share of a name's mentions followed (or preceded) by its most common neighbour word: near 1, the name is part of a longer one. */
function extension(neighbours: ReadonlyMap<string, number>, mentions: number): number {
  if (mentions === 0) return 0;
  let best = 0;
  for (const n of neighbours.values()) best = Math.max(best, n);
  return Math.min(1, best / mentions);
}

/** The form the page writes a name in most often (its features are read on it). */
function mostFrequent(surfaces: ReadonlyMap<string, number>): string {
  let best = '';
  let count = -1;
  for (const [s, n] of surfaces) if (n > count) [best, count] = [s, n];
  return best;
}

/**
 * The name as given: the same words in mixed case when the page has them, since capitals are usually the stylesheet's
 * (a masthead "MERIDIAN WIRE" beside "© 2026 Meridian Wire").
 */
function displayName(surfaces: ReadonlyMap<string, number>, frequent: string): string {
  if (/\p{Ll}/u.test(frequent)) return frequent;
  const mixed = new Map([...surfaces].filter(([s]) => /\p{Ll}/u.test(s) && s.toLowerCase() === frequent.toLowerCase()));
  return mixed.size === 0 ? frequent : mostFrequent(mixed);
}

/**
 * How often the page writes each of `wanted` (lower-cased names of one or two words) in lower case ("space", "live
 * science"): a name that is a common word. Only the wanted forms are counted.
 */
function lowerWords(lines: readonly Line[], wanted: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  // What a word may be: a wanted form (WANTED), the first word of a wanted pair (PAIR_START), or both; one lookup.
  const roles = new Map<string, number>();
  for (const form of wanted) {
    roles.set(form, (roles.get(form) ?? 0) | WANTED);
    const space = form.indexOf(' ');
    if (space > 0) roles.set(form.slice(0, space), (roles.get(form.slice(0, space)) ?? 0) | PAIR_START);
  }
  const lower = (w: string): boolean => !/\p{Lu}/u.test(w);
  for (const line of lines) {
    const words = line.text.slice(0, MAX_LINE_CHARS * 10).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const role = roles.get(w);
      if (role === undefined || !lower(w)) continue;
      if (role & WANTED) counts.set(w, (counts.get(w) ?? 0) + 1);
      const next = words[i + 1];
      if (!(role & PAIR_START) || next === undefined || !lower(next)) continue;
      const pair = `${w} ${next}`;
      if (wanted.has(pair)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}

const WANTED = 1;
const PAIR_START = 2;

let known: ReadonlyMap<number, number> | null = null;
/** Each word's tag in the tagger's dictionary of frequent unambiguous words (-1: not listed). */
const wordTags = new Map<string, number>();
const MAX_MEMO = 50_000;

/**
 * Share of a name's words that are common English words (in the part-of-speech tagger's dictionary of frequent
 * unambiguous words: "Home", "Share", "Deals"), so menu words are told from names. Read once, lazily.
 */
function commonShare(name: string): number {
  const words = name.split(/\s+/);
  let common = 0;
  for (const w of words) if (isCommonWord(w) || isCommonWord(w.toLowerCase())) common++;
  return common / words.length;
}

function isCommonWord(w: string): boolean {
  const tag = wordTag(w);
  return tag >= 0 && UPOS[tag] !== 'PROPN';
}

function wordTag(w: string): number {
  let tag = wordTags.get(w);
  if (tag === undefined) {
    known ??= decodeKnown(readFileSync(POS_KNOWN_PATH));
    tag = known.get(knownKey(w)) ?? -1;
    // Bounded memo: names repeat across a page and across pages (knownKey hashes a word's facts, which costs).
    if (wordTags.size >= MAX_MEMO) wordTags.clear();
    wordTags.set(w, tag);
  }
  return tag;
}

const CLOSED_CLASSES = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'SCONJ']);

/** A word of a closed class ("This", "Our", "With"): capitalised at a line's start, never a name on its own. */
function isFunctionWord(word: string): boolean {
  const tag = wordTag(word.toLowerCase());
  return tag >= 0 && CLOSED_CLASSES.has(UPOS[tag] as string);
}
