import { gazetteerKind } from '../annotate/entities/gazetteer.js';
import type { ClaimFrame, ClaimQuantity, DateAt } from './claims.js';
import { sameArgument } from './frames.js';
import { oncePer } from './once-per.js';

/**
 * One claim told twice in the same words but for one short stretch ("killed 12 people on Friday in Dunmore" and
 * "killed 19 people on Friday in Dunmore"): that stretch is the one slot the tellings fill differently, so its
 * attachment is the same on both sides by construction and the value alone decides. This reads what the frame
 * rules cannot be sure of on paraphrases (which verb a figure hangs on, whose a name is), and it also settles
 * the non-changes: a stretch holding no value that disagrees ("killed" for "slew", "1,500" for "1500", "about"
 * added) is the same claim.
 */

/** A value two claims fill differently in the same words. */
export interface RetoldConflict {
  kind: 'number' | 'date' | 'place' | 'actor' | 'negation' | 'speaker';
  values: [string, string];
}

/**
 * Most words the differing stretch may hold on either side: a name, a figure with its qualifier, a date with its
 * weekday. Longer stretches are a different clause, read by the frame rules.
 */
const MAX_SLOT_WORDS = 6;
/**
 * Share of the longer claim's words the two tellings must have in common around the stretch, and the fewest such
 * words: a short claim differing in one word out of three is not "the same words". Set on the even ECB+ topics'
 * controlled changes and non-changes (eval conflicts-ecbplus, TRIANGULATE_EVAL_SPLIT=even).
 */
const SAME_WORDS = 0.6;
const MIN_SAME_WORDS = 4;

interface Word {
  w: string;
  /** As written: a capital tells a name's word from a common one. */
  raw: string;
  start: number;
  end: number;
}

interface Stretch {
  start: number;
  end: number;
  words: Word[];
}

/** Words with the marks inside them ("1,500", "6:41", "didn't"); one pass, no backtracking. */
const WORD = /[\p{L}\p{N}]+(?:['’.,:][\p{L}\p{N}]+)*/gu;

/** A claim's words, read once per claim (it is compared with each of its candidate partners). */
const wordsOf = oncePer((frame: ClaimFrame): readonly Word[] =>
  [...frame.text.matchAll(WORD)].map((m) => ({ w: m[0].toLowerCase().replace(/’/gu, "'"), raw: m[0], start: m.index, end: m.index + m[0].length })),
);

/** The stretch of each claim between their common first and last words, or null when they are not one telling. */
function differingStretch(a: ClaimFrame, b: ClaimFrame): [Stretch, Stretch] | null {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  let head = 0;
  while (head < wa.length && head < wb.length && wa[head]?.w === wb[head]?.w) head++;
  let tail = 0;
  while (tail < wa.length - head && tail < wb.length - head && wa[wa.length - 1 - tail]?.w === wb[wb.length - 1 - tail]?.w) tail++;
  const common = head + tail;
  const ma = wa.slice(head, wa.length - tail);
  const mb = wb.slice(head, wb.length - tail);
  if (ma.length === 0 && mb.length === 0) return null;
  if (ma.length > MAX_SLOT_WORDS || mb.length > MAX_SLOT_WORDS) return null;
  // A name fills one slot however many words it is written with ("Arcade Joseph Comeaux Jr." for "Sean Tipton").
  const slotWords = (m: Word[]) => (m.length > 0 && m.every(capitalised) ? 1 : m.length);
  if (common < MIN_SAME_WORDS || common < SAME_WORDS * (common + Math.max(slotWords(ma), slotWords(mb)))) return null;
  const span = (all: readonly Word[], middle: Word[]) => {
    // An empty stretch is the point where the other side inserted words: values touching it are the slot.
    const at = middle[0]?.start ?? all[head]?.start ?? all[head - 1]?.end ?? 0;
    return { start: at, end: middle[middle.length - 1]?.end ?? at, words: middle };
  };
  return [span(wa, ma), span(wb, mb)];
}

/**
 * Every word of the stretch is part of a figure or a time the frame read, or a capitalised word (a name, its title or
 * its possessive "'s").
 */
function valueOnly(frame: ClaimFrame, stretch: Stretch): boolean {
  const inside = (w: Word) =>
    frame.quantities.some((q) => q.at <= w.start && w.end <= q.at + q.text.length) || frame.dates.some((d) => d.at <= w.start && w.end <= d.end);
  return stretch.words.every((w) => inside(w) || capitalised(w));
}

/** A figure as written with nothing counted ("2,106", "3.5"): digits and their separators only. */
const BARE_FIGURE = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/u;

/**
 * The stretch is one bare figure on each side that the frame read as no count and no time and that closes its clause
 * ("a scoring record of 2,106." and "… of 2,116."): the same words around it make it one slot, so the figures compare
 * as written, digit for digit.
 * Undefined when the stretch is anything else.
 */
function bareFigures(a: ClaimFrame, sa: Stretch, b: ClaimFrame, sb: Stretch): RetoldConflict | null | undefined {
  const [x, y] = [sa.words, sb.words];
  if (x.length !== 1 || y.length !== 1) return undefined;
  const [wx, wy] = [x[0] as Word, y[0] as Word];
  const read = (f: ClaimFrame, w: Word) =>
    f.quantities.some((q) => q.at < w.end && w.start < q.at + q.text.length) || f.dates.some((d) => d.at < w.end && w.start < d.end);
  // Nothing named after it: the figure closes its clause ("of 2,106."); a figure before a word or a mark ("4½ months",
  // "05 / 02 / 07") may count something the frame did not read.
  const closing = (f: ClaimFrame, w: Word) =>
    /^(?:[.,;:)”"]|$)/u.test(f.text.slice(w.end, w.end + 1)) && /(?:^|\s)$/u.test(f.text.slice(Math.max(0, w.start - 1), w.start));
  if (!BARE_FIGURE.test(wx.w) || !BARE_FIGURE.test(wy.w) || read(a, wx) || read(b, wy) || !closing(a, wx) || !closing(b, wy)) return undefined;
  const value = (w: string) => Number(w.replace(/,/gu, ''));
  return value(wx.w) === value(wy.w) ? null : { kind: 'number', values: [wx.raw, wy.raw] };
}

/** A word a name is written with: capitalised, or the possessive "'s" after it. */
function capitalised(w: Word): boolean {
  return /^\p{Lu}/u.test(w.raw) || w.w === "'s";
}

/** Denial words, and "n't" fused to its verb ("didn't", "cannot"): told apart from the words they deny. */
function undenied(words: readonly string[]): { rest: string[]; denials: number } {
  let denials = 0;
  const rest: string[] = [];
  for (const w of words) {
    if (w === 'not' || w === 'never' || w === 'no') denials++;
    else if (w.endsWith("n't")) {
      denials++;
      rest.push(w === "won't" ? 'will' : w === "can't" ? 'can' : w.slice(0, -3));
    } else if (w === 'cannot') {
      denials++;
      rest.push('can');
    } else rest.push(w);
  }
  return { rest, denials };
}

function touches(at: number, end: number, span: { start: number; end: number }): boolean {
  return span.start === span.end ? at <= span.start && span.start <= end : at < span.end && span.start < end;
}

/**
 * The disagreement of two claims told in the same words but for one stretch; null when that stretch holds nothing
 * that disagrees (the same claim); 'different' when it holds a value on one side only or values that cannot be
 * compared (two claims, unsure); undefined when the claims are not one telling (the frame rules decide).
 */
export function retoldConflict(
  a: ClaimFrame,
  b: ClaimFrame,
  compare: { quantities: (x: ClaimQuantity, y: ClaimQuantity) => boolean; dates: (x: DateAt, y: DateAt) => boolean },
): RetoldConflict | 'different' | null | undefined {
  const stretch = differingStretch(a, b);
  if (!stretch) return undefined;
  const [sa, sb] = stretch;
  const na = undenied(sa.words.map((x) => x.w));
  const nb = undenied(sb.words.map((x) => x.w));
  if (na.denials !== nb.denials) {
    if (na.rest.join(' ') !== nb.rest.join(' ')) return undefined;
    return { kind: 'negation', values: [na.denials > nb.denials ? 'denied' : 'asserted', nb.denials > na.denials ? 'denied' : 'asserted'] };
  }
  // Words one side adds ("about", "on Friday", "[8 October 2011]") add a detail; they contradict nothing.
  if (sa.words.length === 0 || sb.words.length === 0) return null;
  // Only a value swapped for a value is read here: a stretch with other words ("Pickell said" and "but LaCalamita
  // as") is another clause, and a figure or name beside it may belong to anything.
  const bare = bareFigures(a, sa, b, sb);
  if (bare !== undefined) return bare;
  if (!valueOnly(a, sa) || !valueOnly(b, sb)) return undefined;
  const qa = a.quantities.filter((q) => touches(q.at, q.at + q.text.length, sa));
  const qb = b.quantities.filter((q) => touches(q.at, q.at + q.text.length, sb));
  const da = a.dates.filter((d) => touches(d.at, d.end, sa));
  const db = b.dates.filter((d) => touches(d.at, d.end, sb));
  // Arguments starting inside the stretch: the names the re-telling swapped.
  const named = (f: ClaimFrame, s: { start: number; end: number }) => f.args.filter((x) => x.at >= s.start && x.at < Math.max(s.end, s.start + 1));
  let pa: Named[] = named(a, sa).filter((x) => x.doer);
  let pb: Named[] = named(b, sb).filter((x) => x.doer);
  // A name the entity tagger missed ("Rafaat Hindy's attorney") where the other telling names a person: the same
  // role given to another person.
  if (titleCased(a.text) || titleCased(b.text)) {
    // Capitals in a title-case headline mark every word: which of them is a person is unknown.
    pa = [];
    pb = [];
  } else if (pa.length > 0 && pb.length === 0) pb = untaggedName(b, sb);
  else if (pb.length > 0 && pa.length === 0) pa = untaggedName(a, sa);
  const la = named(a, sa).filter((x) => a.places.has(x.key) && isPlace(x.shown));
  const lb = named(b, sb).filter((x) => b.places.has(x.key) && isPlace(x.shown));
  const found: RetoldConflict[] = [];
  let unsure = false;
  const pairUp = <T>(xs: T[], ys: T[], same: (x: T, y: T) => boolean, conflict: (x: T, y: T) => RetoldConflict) => {
    if (xs.length === 0 && ys.length === 0) return;
    if (xs.length === 0 || ys.length === 0) {
      unsure = true;
      return;
    }
    const x = xs.find((v) => !ys.some((w) => same(v, w)));
    const y = ys.find((w) => !xs.some((v) => same(v, w)));
    if (x !== undefined && y !== undefined) found.push(conflict(x, y));
    else if (x !== undefined || y !== undefined) unsure = true;
  };
  pairUp(
    qa,
    qb,
    (x, y) => x.kind !== y.kind || compare.quantities(x, y),
    (x, y) => ({ kind: 'number', values: [x.text, y.text] }),
  );
  pairUp(da, db, compare.dates, (x, y) => ({ kind: 'date', values: [x.value, y.value] }));
  pairUp(
    pa,
    pb,
    (x, y) => sameArgument(x.key, y.key),
    (x, y) => {
      // The quoted words' speaker swapped: who said it, not who did it (one side's speaker may be the untagged name).
      const speaks = (f: ClaimFrame, n: Named) => Boolean(f.quote?.speaker && sameArgument(f.quote.speaker.split(' ').pop() ?? '', n.key));
      const speaker = a.quote && b.quote && (speaks(a, x) || speaks(b, y));
      return { kind: speaker ? 'speaker' : 'actor', values: [x.shown, y.shown] };
    },
  );
  pairUp(
    la,
    lb,
    (x, y) => sameArgument(x.key, y.key) || mayContain(x.shown, y.shown),
    (x, y) => ({ kind: 'place', values: [x.shown, y.shown] }),
  );
  if (found.length === 1 && !unsure) return found[0] as RetoldConflict;
  if (found.length > 0 || unsure) return 'different';
  return null;
}

/**
 * Linking words a headline in title case may leave in lower case ("Hiller Charged with Two Counts of Murder"). Any
 * other lower-case word of four letters or more (a verb, a noun: "Lindsay Lohan has left the Betty Ford Center")
 * marks a sentence, however many names it holds.
 */
const TITLE_CASE_LINKS: ReadonlySet<string> = new Set('with from into onto over upon than that this after about amid like near under while'.split(' '));

/** A headline written in title case: its capitals mark every word, not names. */
export function titleCased(text: string): boolean {
  let known = titleCasedRead.get(text);
  if (known === undefined) {
    if (titleCasedRead.size >= MAX_TEXTS_READ) titleCasedRead.clear();
    const long = text.match(/\p{L}{4,}/gu) ?? [];
    known = long.length >= 3 && long.every((w) => /^\p{Lu}/u.test(w) || TITLE_CASE_LINKS.has(w));
    titleCasedRead.set(text, known);
  }
  return known;
}

/**
 * Claim texts read by titleCased: the pair gate asks it of both claims of each pair it compares. Bounded (cleared
 * when full), like frames.ts' keys: a story's claims number in the thousands at most.
 */
const titleCasedRead = new Map<string, boolean>();
const MAX_TEXTS_READ = 20_000;

/** A name as the slot rules compare it: its key (a surname) and how it is written. */
interface Named {
  key: string;
  shown: string;
}

/**
 * The stretch read as a person's name the tagger did not tag as one (an unfamiliar name is often typed as an
 * organisation: "Apostolos Kolokythopoulos"): given name and surname, every word capitalised, no word of a figure,
 * a time, a person or a place, nothing the gazetteer knows. Read only where the other telling has a named person in
 * the same stretch, so a capitalised common word never becomes a doer.
 */
function untaggedName(frame: ClaimFrame, stretch: Stretch): Named[] {
  const words = stretch.words.filter((w) => w.w !== "'s").map((w) => w.raw.replace(/['’]s$/u, ''));
  if (words.length < 2 || !stretch.words.every(capitalised)) return [];
  const inValue =
    frame.quantities.some((q) => q.at < stretch.end && stretch.start < q.at + q.text.length) ||
    frame.dates.some((d) => d.at < stretch.end && stretch.start < d.end) ||
    frame.args.some((x) => (x.doer || frame.places.has(x.key)) && x.at >= stretch.start && x.at < stretch.end);
  const shown = words.join(' ');
  if (inValue || gazetteerKind(shown) !== undefined) return [];
  return [{ key: (words[words.length - 1] as string).toLowerCase(), shown }];
}

/** A place tag the gazetteer reads as something else (a team, an organisation, a people) is no place to disagree on. */
function isPlace(name: string): boolean {
  const kind = gazetteerKind(name);
  return kind === undefined || kind === 'city' || kind === 'country' || kind === 'region';
}

/**
 * Two places one of which may lie inside the other: anything but two cities or two countries the gazetteer knows
 * (a village and its district, both unknown to the gazetteer, may nest: Blang Mancung lies in Central Aceh).
 */
function mayContain(x: string, y: string): boolean {
  const kx = gazetteerKind(x);
  return !((kx === 'city' || kx === 'country') && kx === gazetteerKind(y));
}
