import { gazetteerKind } from '../annotate/entities/gazetteer.js';
import { CURRENCY_SIGNS, CURRENCY_WORDS } from '../annotate/quantities/vocabulary.js';
import { formatWeek } from '../annotate/times/calendar.js';
import { type ArgumentAt, type ClaimFrame, type ClaimQuantity, type DateAt, type InContext, type PredicateAt, roleOf } from './claims.js';
import { type FrameMatch, overlap, SAME_QUOTE, sameArgument, shared } from './frames.js';
import { oncePer } from './once-per.js';
import { retoldConflict, titleCased } from './retold-slot.js';

/** A slot two aligned claims fill with incompatible values. */
export interface SlotConflict {
  kind: 'number' | 'date' | 'place' | 'actor' | 'negation' | 'speaker';
  values: [string, string];
  /**
   * Set when the two tellings are two moments of the story rather than a disagreement: the side (0: the first claim,
   * 1: the second) whose article, dated later, tells the state reached since ("not yet released", then "released
   * Wednesday"; a toll that rose).
   */
  later?: 0 | 1;
  /**
   * A figure told by two articles not shown to be of one day, and not a development: one toll told at two hours may
   * differ without either outlet being wrong. Reported, marked unsure (`inTime`), whichever path found it.
   */
  unsure?: true;
}

/** Publication dates (ISO days) of the two claims' articles, null when unknown. */
export type Published = readonly [string | null, string | null];

/**
 * Words two quotes must share before giving them to two speakers is a disagreement: a stock phrase ("as quickly as
 * possible") is said by many. Set on the verdicts in eval/adjudicated (a two-word phrase gave a wrong speaker conflict).
 */
const SAME_QUOTE_WORDS = 4;

/**
 * Shared core arguments two claims need before any slot of theirs may disagree. One shared participant aligns a
 * claim (a corroboration costs little if wrong); a conflict tells the reader two outlets contradict each other, so
 * it needs the predicate and two participants in the same roles. Set on the verdicts in eval/adjudicated: most
 * wrong conflicts there shared a predicate and one name (an arrest and a game, a spokesman and the one he spoke for).
 */
const CONFLICT_SHARED = 2;

/**
 * The one slot two matched claims fill with incompatible values, 'different' when several disagree, or null.
 * Conservative by design (a false conflict invents a disagreement; a missed one only stays silent): every slot is
 * read only where it plainly belongs to the shared happening, and anything unsure is no conflict.
 * - speaker: the same quoted words given to two differently named people;
 * - number: one figure of one kind on each side, attached to the shared predicate, in claims naming the same
 *   people and places (a different place or person is a different scope: a province and a region), whose ranges
 *   after qualifiers do not meet ("about 300" and "more than 450");
 * - date: one day-precision date on each side, attached to the shared predicate (not "yesterday, police said");
 * - negation: the shared predicate asserted on one side and denied on the other, neither claim hypothetical;
 * - place: two cities or two countries the gazetteer knows (a village and its district, a region and its country
 *   may contain one another; an unknown place is unsure);
 * - actor: named persons doing the shared predicate, neither named anywhere in the other claim.
 * A slot of one side with nothing on the other adds; it does not contradict.
 */
export function slotConflict(a: ClaimFrame, b: ClaimFrame, match: FrameMatch, published: Published = [null, null]): SlotConflict | 'different' | null {
  // One claim in the same words but for one stretch: that stretch is the slot, whatever the frame reads.
  const retold = retoldSlotConflict(a, b, published);
  if (retold !== undefined) return retold;
  const found = frameConflicts(a, b, match);
  // A re-telling that disagrees changes one thing; claims that differ in several slots ("14.4 points, 6.9 assists
  // in 133 playoff games" and "11.1 points, 6.7 assists in 1,101 games") are two claims about different things.
  if (found.length > 1) return 'different';
  const only = found[0];
  // A slot that differs but not surely about the same thing (values left blank above): two claims, no conflict.
  if (only && only.values[0] === '') return 'different';
  return only ? inTime(only, a, b, published, false) : null;
}

/** Every slot the frame rules find filled differently; a slot not surely about the same thing has blank values. */
function frameConflicts(a: ClaimFrame, b: ClaimFrame, match: FrameMatch): SlotConflict[] {
  const found: SlotConflict[] = [];
  if (
    a.quote?.direct &&
    b.quote?.direct &&
    a.quote.speaker &&
    b.quote.speaker &&
    !sameSpeaker(a.quote.speaker, b.quote.speaker) &&
    !namesOtherSpeaker(a, b.quote.speaker) &&
    !namesOtherSpeaker(b, a.quote.speaker) &&
    overlap(a.quote.words, b.quote.words) >= SAME_QUOTE &&
    shared(a.quote.words, b.quote.words) >= SAME_QUOTE_WORDS
  )
    found.push({ kind: 'speaker', values: [a.quote.speaker, b.quote.speaker] });
  const strong = match.shared >= CONFLICT_SHARED;
  // A count bounded by a window ("three times since October", "in 2008") counts only within it.
  const sameScope = !namesDiffer(a, b) && sameWindows(a, b);
  for (const kind of new Set(a.quantities.map((q) => q.kind))) {
    const qa = a.quantities.filter((q) => q.kind === kind);
    const qb = b.quantities.filter((q) => q.kind === kind);
    const number = unmatchedBothWays(qa, qb, rangesMeet);
    if (!number) continue;
    // One figure of the kind on each side, and it is the shared predicate's or stands in the same words.
    const single = qa.length === 1 && qb.length === 1 && !number[0].part && !number[1].part;
    const attached = !a.looseFigures && !b.looseFigures && attachedTo(number[0].at, a, match.a) && attachedTo(number[1].at, b, match.b);
    const own = single && othersAgree(a, b, kind) && (attached || sameContext(number[0], number[1]));
    // A disagreeing figure that is not clearly the same measure of the same thing marks two claims, not a conflict.
    found.push(strong && sameScope && own ? { kind: 'number', values: [number[0].text, number[1].text] } : { kind: 'number', values: ['', ''] });
  }
  // The same time words ("today", "April 9") resolved against two publication dates are one time told twice.
  const date = unmatchedBothWays(a.dates, b.dates, (x, y) => sameWrittenTime(x.text, y.text) || datesAgree(x.value, y.value));
  if (date) {
    // Attached to the shared predicate at day precision; or, in the same words on both sides, a day or a month
    // ("in the March 2005 rampage" and "in the June 2005 rampage" fill one slot, whatever verb it hangs on).
    const attached =
      a.dates.length === 1 &&
      b.dates.length === 1 &&
      date.every((d) => !d.possessive && (DAY_PRECISION.test(d.value) || WEEK_PRECISION.test(d.value))) &&
      attachedTo(date[0].at, a, match.a) &&
      attachedTo(date[1].at, b, match.b);
    const certain =
      (attached || (sameContext(date[0], date[1]) && date.every((d) => DAY_PRECISION.test(d.value) || MONTH_PRECISION.test(d.value)))) &&
      !withinAnchorSlack(date[0], date[1]);
    found.push(strong && certain ? { kind: 'date', values: [date[0].value, date[1].value] } : { kind: 'date', values: ['', ''] });
  }
  const polar = polarityDiffers(a, b, match);
  if (polar) {
    const values: [string, string] = [polar[0].denied ? 'denied' : 'asserted', polar[1].denied ? 'denied' : 'asserted'];
    // The denying side holds exactly one more negation than the asserting one ("nothing requires … nor precludes"
    // against "don't require" is no assertion against a denial), neither side is counterfactual, and neither is a
    // quote: a speaker's words told two ways ("I didn't feel we were", "I feel we weren't") are one quote's variants.
    const [denying, asserting] = polar[0].denied ? [a, b] : [b, a];
    const plain =
      denying.negations === asserting.negations + 1 &&
      sharesParticipant(a, b, polar) &&
      !a.conditional &&
      !b.conditional &&
      !a.quote?.direct &&
      !b.quote?.direct;
    found.push({ kind: 'negation', values: strong && plain ? values : ['', ''] });
  }
  const place = placeConflict(a, b, match);
  // A place that is also a person's name in either claim ("Jackson's status") may be the person.
  const personal = place && [...persons(a), ...persons(b)].some((x) => place.some((y) => sameArgument(x, y)));
  if (place) found.push(strong && !personal && cannotContain(place[0], place[1]) ? { kind: 'place', values: place } : { kind: 'place', values: ['', ''] });
  const doer = unmatchedBothWays(doersOf(a, match.a), doersOf(b, match.b), sameName) ?? inSameWords(a, b, (f, x) => x.doer && persons(f).length > 0);
  // The same words given to two speakers: the doers that differ are the speakers of "said", one disagreement.
  const saidBy = found.some((f) => f.kind === 'speaker');
  if (doer && !saidBy) {
    // Only the doers differ: every other person either claim names, the other names too ("Buckley's death came a
    // day after Rait died" names two people, so who did what is not read from word order).
    const others = (f: ClaimFrame, d: string) => persons(f).filter((x) => !sameArgument(x, d));
    const same = (xs: string[], ys: string[]) => xs.every((x) => ys.some((y) => sameArgument(x, y)));
    const onlyDoers = same(others(a, doer[0]), others(b, doer[1])) && same(others(b, doer[1]), others(a, doer[0]));
    // Neither doer is named anywhere in the other claim, in any role or type ("So Stefanski" read as a person once).
    const named = b.args.some((x) => sameArgument(x.key, doer[0])) || a.args.some((x) => sameArgument(x.key, doer[1]));
    // A title-case headline capitalises every word ("Gary Ross Still In Negotiations"): its "names" are unsure.
    const fullNames = fullyNamed(a, doer[0]) && fullyNamed(b, doer[1]) && !sameName(doer[0], doer[1]) && !titleCased(a.text) && !titleCased(b.text);
    found.push({ kind: 'actor', values: strong && onlyDoers && !named && fullNames ? doer : ['', ''] });
  }
  return found;
}

/**
 * A count of one counted thing that two claims, matched on a frame but worded differently, give incompatible values
 * ("12 people were injured in the blast" and "the blast injured 18 people and 12 were arrested"). A count's thing is
 * its counted noun (people, boats; "dead" and "injured" say what happened to them) with the predicate class that
 * governs it, read by the attachment rule: "18 people had been injured … and 12 arrested" counts the injured and the
 * arrested apart, however the sentence joins them. A list compares item by item, each item by its own noun. The
 * count conflicts only when: each claim gives exactly one figure for that thing; every other thing both claims count
 * agrees (several disagreeing things are two claims, unless each is an item of one list, then the first is reported);
 * neither governing predicate is denied nor the claim hypothetical; the claims count within the same windows; the
 * places each claim ties to the happening do not differ (two places are two scopes); and no other slot disagrees.
 * The qualifier and rounding rules are `rangesMeet`'s; a later article's higher toll is a development (`inTime`).
 */
export function countConflict(a: ClaimFrame, b: ClaimFrame, match: FrameMatch, published: Published = [null, null]): SlotConflict | 'different' | null {
  if (match.shared < CONFLICT_SHARED || a.conditional || b.conditional || !sameWindows(a, b) || placesDiffer(a, b) || personsDiffer(a, b)) return null;
  // A claim that points at another happening of the kind ("the latest tremor to shake the region where five people
  // were killed at the weekend") may count that other's toll, as across the story (storyCountConflict).
  if (OTHER_HAPPENING.test(a.text) || OTHER_HAPPENING.test(b.text)) return null;
  if (boundedStretch(a) !== boundedStretch(b) || CUMULATIVE.test(a.text) !== CUMULATIVE.test(b.text)) return null;
  // One telling in the same words but for one stretch is read by that stretch alone.
  if (retoldSlotConflict(a, b, published) !== undefined) return null;
  const [ca, cb] = [countsOf(a, match.a), countsOf(b, match.b)];
  const disagree: Array<[ClaimQuantity, ClaimQuantity]> = [];
  for (const [thing, xs] of ca) {
    const ys = cb.get(thing);
    if (!ys) continue;
    if (xs.length !== 1 || ys.length !== 1) {
      // Two figures of one thing on a side (a part and its total, two moments): which is which is unsure.
      if (unmatchedBothWays(xs, ys, rangesMeet)) return 'different';
      continue;
    }
    const [x, y] = [xs[0] as ClaimQuantity, ys[0] as ClaimQuantity];
    if (!rangesMeet(x, y) && !apartInScale(x, y)) disagree.push([x, y]);
  }
  const first = disagree[0];
  if (!first) return null;
  // Counts of the shared happening each side gives that the other has no like value for ("52 catches for 440 yards"
  // against "two touchdowns in his last two games"): with such extras on both sides the claims measure two stretches,
  // not one count. Figures of other predicates ("when three shells landed") tell other details.
  const disputed = new Set(disagree.flat());
  const [all, bll] = [[...ca.values()].flat(), [...cb.values()].flat()];
  const extra = (xs: ClaimQuantity[], ys: ClaimQuantity[]) => xs.some((x) => !disputed.has(x) && !ys.some((y) => rangesMeet(x, y)));
  if (extra(all, bll) && extra(bll, all)) return 'different';
  // A list compares item by item only when both count the same things: "four shops and two banks" against "at least
  // three banks" may list another night's damage; several things counted differently outside one list are two claims.
  if ((ca.size > 1 || cb.size > 1) && !sameList(ca, cb)) return 'different';
  // A list read as one inventory needs an item both count alike: when every item differs ("a total of 31 magazines
  // and 923 rounds during the five operations" against "12 magazines and about 300 rounds"), they list two hauls.
  if (ca.size > 1 && disagree.length === ca.size) return 'different';
  if (frameConflicts(a, b, match).some((f) => f.kind !== 'number')) return 'different';
  return inTime({ kind: 'number', values: [first[0].text, first[1].text] }, a, b, published, false);
}

/**
 * Words that point at another happening of the kind beside the claim's own ("the largest since a 5.0 quake in 2011",
 * "stronger than the 2004 quake", "another blast", "an aftershock", "the latest tremor", "one 7.3 tremor", "one of
 * the quakes"): a figure of the claim may be that other's.
 */
export const OTHER_HAPPENING =
  /\b(?:since|than|another|previous|prior|earlier|latest|aftershocks?|foreshocks?|compared|similar|followed|preceded|one of the|one \d)\b/iu;

/**
 * A claim that tells one of a series or dates its happening apart: an ordinal ("the first earthquake"), a window
 * ("last year", "in April"), or a year written out ("on Oct. 10, 2002"): its figures may be another happening's.
 */
export function oneOfSeveral(frame: ClaimFrame): boolean {
  return frame.ordinals.size > 0 || windows(frame).length > 0 || frame.dates.some((d) => /\b(?:1[89]|20)\d\d\b/u.test(d.text));
}

/**
 * A count of one group that two claims of a story give differently, read without any alignment of the two claims
 * (the pair gate declines claims that differ precisely in the figure and are worded apart: "two undersea cables …
 * suffered severe damage" and "three undersea cables … were damaged"). The group is keyed as in countConflict
 * (counted noun, its narrowing words, the predicate class governing it; "dead" and "injured" with kill and injure);
 * on each side it must be the claim's only count of that key, and nothing may make the two counts two groups: another
 * window, another happening named ("since", "than"), a person named on one side only, places each side names that the
 * other does not, a sum against a single count, a stretch bounded by an ordinal, a figure an order of magnitude off,
 * or an article that itself gives both values (`told`: it counts two groups). Null when none disagrees or several do.
 */
export function storyCountConflict(
  a: ClaimFrame,
  b: ClaimFrame,
  told: (side: 0 | 1, q: ClaimQuantity, key: string) => boolean,
  published: Published = [null, null],
  context: [readonly ArgumentAt[], readonly ArgumentAt[]] = [[], []],
  [ca, cb]: [Map<string, ClaimQuantity[]>, Map<string, ClaimQuantity[]>] = [claimCounts(a), claimCounts(b)],
): SlotConflict | null {
  const [ga, gb] = [countGuards(a), countGuards(b)];
  if (ga.apart || gb.apart || personsDiffer(a, b) || placesDifferBothWays(a, b)) return null;
  if (ga.bounded !== gb.bounded || ga.cumulative !== gb.cumulative) return null;
  // Each side counts something the other does not ("two boats and four rifles", "three boats and six knives"): two
  // inventories, not one told twice.
  const extra = (x: Map<string, ClaimQuantity[]>, y: Map<string, ClaimQuantity[]>) => [...x.keys()].some((k) => !y.has(k));
  if (extra(ca, cb) && extra(cb, ca)) return null;
  let found: [ClaimQuantity, ClaimQuantity] | null = null;
  for (const [key, xs] of ca) {
    const ys = cb.get(key);
    // Across a story only a group named specifically is one group: narrowed by its own words ("two undersea cables")
    // or the happening's toll ("dead", "injured"); "six touchdowns", "70 yards", "two banks" may each be another's.
    if (!ys || xs.length !== 1 || ys.length !== 1 || !(key.includes('||') || TOLL_KEY.test(key))) continue;
    if (!sharesOtherThan(a, b, context)) continue;
    const [x, y] = [xs[0] as ClaimQuantity, ys[0] as ClaimQuantity];
    if (rangesMeet(x, y) || apartInScale(x, y) || told(0, y, key) || told(1, x, key)) continue;
    // Two groups counted differently are two claims about two things, not one count told twice.
    if (found) return null;
    found = [x, y];
  }
  if (!found) return null;
  const c = inTime({ kind: 'number', values: [found[0].text, found[1].text] }, a, b, published, false);
  return c === 'different' ? null : c;
}

/**
 * What storyCountConflict reads of each claim alone, once per claim (the story's claims with counts are read in
 * pairs): `apart`, its figures may be another happening's (hypothetical, another happening named, one of several);
 * whether it counts within a bounded stretch, or a sum.
 */
const countGuards = oncePer((f: ClaimFrame) => ({
  apart: f.conditional || OTHER_HAPPENING.test(f.text) || oneOfSeveral(f),
  bounded: boundedStretch(f),
  cumulative: CUMULATIVE.test(f.text),
}));

/** Keys of the happening's own toll (countsOf): the dead and the injured. */
const TOLL_KEY = /^(?:dead|injured)\|/u;

/**
 * The two claims name something in common besides the counted group (a place, a name, a noun: "the school", "the
 * Mediterranean"): a toll of a shelling elsewhere in the same war shares nothing with the school's. A clause split
 * off its sentence ("injuring five people") is read with the arguments of the clause it was cut from (`context`).
 */
function sharesOtherThan(a: ClaimFrame, b: ClaimFrame, [xa, xb]: [readonly ArgumentAt[], readonly ArgumentAt[]]): boolean {
  // Words inside any count ("five dead") name counted groups, not what the two claims are about.
  const outside = (f: ClaimFrame) => f.args.filter((g) => !f.quantities.some((q) => g.at >= q.at && g.at < q.at + q.text.length));
  const [ga, gb] = [
    [...outside(a), ...xa],
    [...outside(b), ...xb],
  ];
  // Compared as written, not by the cut stem: "refugee camp" and "sought refuge" share a stem, not a thing.
  const written = (g: ArgumentAt) => g.shown.toLowerCase().replace(/s$/u, '');
  return ga.some((g) => gb.some((h) => sameArgument(g.key, h.key) && (written(g) === written(h) || g.key.includes(' '))));
}

/** Every count a claim gives, keyed by what it counts (see countsOf), whichever of its predicates governs it. */
export function claimCounts(frame: ClaimFrame): Map<string, ClaimQuantity[]> {
  const out = new Map<string, ClaimQuantity[]>();
  for (const p of frame.occurrences)
    for (const [key, qs] of countsOf(frame, p, true)) {
      const list = out.get(key) ?? [];
      for (const q of qs) if (!list.includes(q)) list.push(q);
      out.set(key, list);
    }
  return out;
}

/** Both claims name a place the other does not: two scopes. One claim locating the same place further ("Dargahan on Qeshm island") does not. */
function placesDifferBothWays(a: ClaimFrame, b: ClaimFrame): boolean {
  const extra = (xs: Set<string>, ys: Set<string>) => [...xs].some((x) => !ys.has(x));
  return a.places.size > 0 && b.places.size > 0 && extra(a.places, b.places) && extra(b.places, a.places);
}

/**
 * How many times larger one count may be than the other and still be the same group told differently. Read on all
 * ECB+ sub-topics (each by the other fold's model): the one pair further apart (a tsunami's 230,000 dead against a
 * weekend quake's five) counted two happenings; the real discrepancies found were within 1.5x (12 and 18 injured).
 */
const MAX_COUNT_RATIO = 10;

/** Counts an order of magnitude apart: two happenings or two scopes more likely than two outlets' tellings. */
function apartInScale(x: ClaimQuantity, y: ClaimQuantity): boolean {
  const [lx, ly] = [Math.max(x.low, 1), Math.max(y.low, 1)];
  return Math.max(lx, ly) > MAX_COUNT_RATIO * Math.min(lx, ly);
}

/** Both claims count the same things (the same nouns under the same predicates): one list, told item by item. */
function sameList(ca: ReadonlyMap<string, ClaimQuantity[]>, cb: ReadonlyMap<string, ClaimQuantity[]>): boolean {
  return ca.size >= 2 && ca.size === cb.size && [...ca.keys()].every((k) => cb.has(k));
}

/** The kinds whose noun itself tells what happened to the counted ("12 dead", "18 wounded"): no predicate needed. */
const HAPPENED_KIND: ReadonlyMap<string, string> = new Map([
  ['dead', 'dead'],
  ['injured', 'injured'],
]);
/** Predicate classes that say the same of counted people as those kinds: "killed 12 people" counts the dead. */
const HAPPENED_CLASS: ReadonlyMap<string, string> = new Map([
  ['kill', 'dead'],
  ['injure', 'injured'],
]);

/**
 * A claim's counts by the thing counted: the counted noun's kind with the class of the predicate it is attached to
 * (`attachedTo`'s rule), or the kind alone when the noun says what happened ("dead", "injured"). A figure that is a
 * part, a conversion or an earlier value, or that hangs on no predicate, or on a denied one, is not a count of the
 * claim's own.
 */
function countsOf(frame: ClaimFrame, shared: PredicateAt, byGroup = false): Map<string, ClaimQuantity[]> {
  const out = new Map<string, ClaimQuantity[]>();
  for (const q of frame.quantities) {
    if (q.part || !countsNamedGroup(frame, q, byGroup)) continue;
    // A counted word that is itself a predicate ("12 arrested") says what happened to those counted; else the figure
    // belongs to the predicate it is attached to.
    const owner =
      frame.occurrences.find((p) => p.at > q.at && p.at < q.at + q.text.length) ??
      subjectOf(frame, q) ??
      frame.occurrences.find((p) => attachedTo(q.at, frame, p));
    const happened = HAPPENED_KIND.get(q.kind) ?? (q.kind === 'people' && owner ? HAPPENED_CLASS.get(owner.cls) : undefined);
    // Only counts of the shared happening: a figure of a side predicate counts something the other claim may not tell.
    const own = owner !== undefined && owner.at === shared.at && !owner.denied;
    if (!own && !(happened && happened === HAPPENED_CLASS.get(shared.cls))) continue;
    // The words between the figure and its noun narrow the group ("two additional life sentences" are some of them):
    // a count compares only with one narrowed the same way.
    const words = q.text.trim().toLowerCase().split(/\s+/u);
    const figure = words.findLastIndex((w) => /\d/u.test(w) || NUMBER_WORD.test(w));
    const narrowed = words.slice(figure + 1, -1).join(' ');
    // Across a story (byGroup) a group narrowed by its own words ("two undersea cables") is that group whichever verb
    // a sentence hangs it on ("suffered damage", "were damaged"); words that make it some of a larger one do not name it.
    // A share ("a 9% pay rise") is a rate, not a group.
    const group =
      byGroup &&
      narrowed !== '' &&
      !PART_WORDS.test(narrowed) &&
      !/%|\bper ?cent\b/u.test(q.text) &&
      !MEASURED.test(frame.text.slice(q.at + q.text.length, q.at + q.text.length + 12));
    const thing = group ? `${happened ?? q.kind}||${narrowed}` : `${happened ?? `${q.kind}|${owner?.cls}`}|${narrowed}`;
    out.set(thing, [...(out.get(thing) ?? []), q]);
  }
  return out;
}

/**
 * The predicate the counted group is the subject of, told right after it with only auxiliaries between ("55 others
 * injured", "12 people were injured", "18 had been hurt"): that predicate governs the figure whatever comes before
 * ("30 people were killed and 55 others injured": the 55 are the injured).
 */
function subjectOf(frame: ClaimFrame, q: ClaimQuantity): PredicateAt | undefined {
  const end = q.at + q.text.length;
  return frame.occurrences.find((p) => p.at >= end && AUXILIARIES_ONLY.test(frame.text.slice(end, p.at)));
}

/** Only auxiliaries (and an adverb of reporting) between a counted group and its predicate. */
const AUXILIARIES_ONLY = /^\s*(?:(?:were|was|are|is|have|has|had|been|being|be|reportedly|also)\s+){0,3}$/u;

/** One claim names a person the other does not: its figures may be that person's (a player's yards, not the team's). */
function personsDiffer(a: ClaimFrame, b: ClaimFrame): boolean {
  const [pa, pb] = [persons(a), persons(b)];
  return pa.some((x) => !pb.some((y) => sameArgument(x, y))) || pb.some((y) => !pa.some((x) => sameArgument(x, y)));
}

/**
 * A figure that counts a named group as a whole: a whole number then its counted noun in lower case ("18 people",
 * "two speed boats"), not a union ("1,500 houses and buildings"), not a measure written onto the figure ("15-inch", "6.1-magnitude", "12-year-old", "17”"), not a
 * group narrowed by a proper adjective ("11 Yemeni pirates" are some of "23 pirates"), and not a whole of which a part
 * is told ("10 of the team's first 17 points"), a stretch bounded by an ordinal ("his first 17 passes") or an earlier
 * value ("up from 12").
 */
function countsNamedGroup(frame: ClaimFrame, q: ClaimQuantity, byGroup = false): boolean {
  const text = frame.text;
  const words = q.text.trim().split(/\s+/u);
  const noun = words[words.length - 1] ?? '';
  // A figure inside a word ("i5", "A320") is a model's name, one after a hyphen a score ("27-24 loss"), one after a
  // capitalised word a label ("Week 15", "Flight 93"): none counts anything.
  const label = /^\d/u.test(q.text) && /\s\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, q.at - 20), q.at));
  const inWord = label || /[\p{L}\p{N}-]$/u.test(text.slice(Math.max(0, q.at - 1), q.at));
  // A figure with decimals ("averaged 11.1 points") is an average or a measure: things are counted in whole numbers.
  const decimal = /\d\.\d/u.test(q.text);
  if (inWord || decimal || words.length < 2 || !/^\p{Ll}+$/u.test(noun) || /[-”"″'’]/u.test(q.text)) return false;
  if (words.slice(1, -1).some((w) => /^\p{Lu}/u.test(w) && !/^\d/u.test(w))) return false;
  const before = text.slice(Math.max(0, q.at - BEFORE_FIGURE), q.at);
  // "1,500 houses and buildings": one figure for two nouns counts their union, no group the other side names alone
  // ("two boats and four rifles" is a list: a figure follows the "and").
  const after = /^\s+(?:and|or)\s+(?=\p{Ll})/u.exec(text.slice(q.at + q.text.length, q.at + q.text.length + 12));
  // Across a story, "five people and damaging buildings": a predicate after the "and" opens a clause of its own, no
  // second noun. (Within a frame match the figure stays out: "11 points and blocked six shots" may tell another stretch.)
  const next = after === null ? -1 : q.at + q.text.length + after[0].length;
  const joint = after !== null && !frame.quantities.some((x) => x.at === next) && !(byGroup && frame.occurrences.some((p) => p.at === next));
  return !joint && !WHOLE_OF_PART.test(before) && !BOUNDED.test(before);
}

/** After its noun, words that make a figure a distance or a size ("13 nautical miles from the ship"), not a group. */
const MEASURED = /^\s+(?:from|away|off|long|wide|high|deep|tall|per|an? (?:hour|day|week|year))\b/u;

/** Narrowing words that make a group some of a larger one or a further one ("two other rifles", "three more"). */
const PART_WORDS = /\b(?:other|others|more|additional|further|remaining|new|extra|separate|different)\b/u;

/** Number words a figure is written with ("some thirty", "two dozen"): what follows the last of them narrows the noun. */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens)$/u;

/** Characters before a figure read for what bounds it: a few words. */
const BEFORE_FIGURE = 40;
/** "of the team's first 17", "29 of 34", "of which approximately": the figure after is a whole of which a part is told. */
const WHOLE_OF_PART = /\bof(?:\s+[\p{L}'’]+){0,3}\s+$/u;
/** An ordinal bounding the count to a stretch ("his first 17 passes", "the last three games"), or an earlier value. */
const BOUNDED = /\b(?:first|last|next|final|past|from)\s+$/iu;

/**
 * Both claims name places and one names a place the other does not: the figures may count two scopes (a town and
 * its district). A claim naming no place leaves the scope to the other.
 */
function placesDiffer(a: ClaimFrame, b: ClaimFrame): boolean {
  if (a.places.size === 0 || b.places.size === 0) return false;
  // Compared as written: "Aceh" and "Central Aceh" may read as one name elsewhere, but a district counts less than its province.
  const within = (xs: Set<string>, ys: Set<string>) => [...xs].every((x) => ys.has(x));
  return !within(a.places, b.places) || !within(b.places, a.places);
}

/**
 * A count summed over several happenings ("a total of 31 magazines during the five operations", "killed so far"):
 * it compares only with another sum, not with one happening's count.
 */
const CUMULATIVE = /\b(?:a total of|in total|in all|altogether|so far|to date)\b/iu;

/** A claim counting within a stretch it bounds by an ordinal ("in his last two games"): its counts are of that stretch. */
function boundedStretch(f: ClaimFrame): boolean {
  return f.quantities.some((q) => BOUNDED.test(f.text.slice(Math.max(0, q.at - BEFORE_FIGURE), q.at)));
}

/**
 * The disagreement of two claims told in the same words but for one stretch (see retold-slot.ts); undefined when they
 * are not one telling. Needs no frame match: the shared words are the match.
 */
export function retoldSlotConflict(a: ClaimFrame, b: ClaimFrame, published: Published = [null, null]): SlotConflict | 'different' | null | undefined {
  const retold = retoldConflict(a, b, { quantities: sameFigure, dates: sameTimeInSlot });
  return retold && retold !== 'different' ? inTime(retold, a, b, published, true) : retold;
}

/** Time words read from the article's own date. */
const RELATIVE_DAY = /\b(?:today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|next|ago)\b/u;
const WEEKDAY_NAMED = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/u;

/**
 * Claims aligned with one side of a conflict that do not give that side's value, or give the other side's ("… said
 * AJ Butler" beside "… said A.J. Smith", set against "… said A.J. Butler"; "the quake cut telephone links" beside
 * "the 5.9-magnitude quake struck"): kept apart from that side, so each side holds only claims that agree on the
 * disputed value and its sources are the ones that gave it. The value is read as written: a name's last word, a
 * figure's digits.
 */
export function sidesApart(
  texts: readonly string[],
  pairs: ReadonlyArray<{ a: number; b: number }>,
  conflicts: ReadonlyArray<{ a: number; b: number; slot: SlotConflict['kind']; values: readonly [string, string] }>,
): Array<[number, number]> {
  // Only pairs touching a conflict's side can put a claim off that side, so each conflict walks the pairs of its two
  // claims (in the pairs' order) rather than every pair, and a claim's words are read once however many conflicts
  // ask: the same claims kept apart in the same order as walking every pair for every conflict. A claim kept off a
  // side by several conflicts is listed once (callers read the list as a set): a large story's conflicts would
  // otherwise repeat it by the ten thousand.
  const pairsOf = new Map<number, number[]>();
  pairs.forEach((p, index) => {
    for (const side of p.a === p.b ? [p.a] : [p.a, p.b]) {
      const list = pairsOf.get(side);
      if (list) list.push(index);
      else pairsOf.set(side, [index]);
    }
  });
  const wordsByUnit = new Map<number, Set<string>>();
  const wordsOfUnit = (unit: number): Set<string> => {
    let words = wordsByUnit.get(unit);
    if (!words) wordsByUnit.set(unit, (words = wordsOf(texts[unit] ?? '')));
    return words;
  };
  const out: Array<[number, number]> = [];
  const listed = new Set<string>();
  for (const c of conflicts) {
    const token = c.slot === 'number' ? figureOf : c.slot === 'speaker' || c.slot === 'actor' || c.slot === 'place' ? lastWordOf : null;
    if (!token) continue;
    const [va, vb] = [token(c.values[0]), token(c.values[1])];
    if (!va || !vb || va === vb) continue;
    for (const index of mergedAscending(pairsOf.get(c.a) ?? [], pairsOf.get(c.b) ?? [])) {
      const p = pairs[index] as { a: number; b: number };
      for (const [side, member] of [
        [p.a, p.b],
        [p.b, p.a],
      ] as const) {
        const [own, other] = side === c.a ? [va, vb] : side === c.b ? [vb, va] : [null, null];
        if (!own || !other || member === c.a || member === c.b) continue;
        const key = `${side}:${member}`;
        if (listed.has(key)) continue;
        const words = wordsOfUnit(member);
        if (words.has(other) || !words.has(own) || (c.slot === 'number' && boundMeets(texts[member] ?? '', own, other))) {
          listed.add(key);
          out.push([side, member]);
        }
      }
    }
  }
  return out;
}

/** Two ascending lists of indices merged into one ascending list without repeats. */
function mergedAscending(x: readonly number[], y: readonly number[]): number[] {
  if (x === y) return [...x];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && (x[i] as number) <= (y[j] as number)) ? (x[i++] as number) : (y[j++] as number);
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** A qualifier right before a figure (with a unit word glued on: "at least magnitude-5.9"), as claims.ts reads them. */
const BOUND_BEFORE = /\b(at least|more than|over|up to|less than|under|about|around|roughly|nearly|almost|some)\s+(?:\p{L}+[- ])?$/iu;
const FLOOR = new Set(['at least', 'more than', 'over']);
const CEILING = new Set(['up to', 'less than', 'under']);
/** How far "about" reaches, as claims.ts and story-conflicts.ts read it. */
const ABOUT_REACH = 0.1;

/**
 * The claim gives the side's figure only as a bound or an estimate that the other side's figure meets ("at least
 * 5.9" beside "5.9", against 6.1): it does not take this side. Readers judged the 5.9 side "partly" for holding
 * such claims (eval/adjudicated, s6 batch).
 */
function boundMeets(text: string, own: string, other: string): boolean {
  const [x, y] = [Number(own.replace(/,/gu, '')), Number(other.replace(/,/gu, ''))];
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(own); at >= 0; at = lower.indexOf(own, at + own.length)) {
    const qualifier = BOUND_BEFORE.exec(lower.slice(Math.max(0, at - 30), at))?.[1];
    if (!qualifier) continue;
    if (FLOOR.has(qualifier) ? y > x : CEILING.has(qualifier) ? y < x : Math.abs(y - x) <= ABOUT_REACH * x) return true;
  }
  return false;
}

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? []);
}

function lastWordOf(value: string): string | undefined {
  return value
    .toLowerCase()
    .match(/\p{L}+/gu)
    ?.pop();
}

/** The figure of a value as written: its digits, else its number word ("two undersea cables", "dozens injured"). */
function figureOf(value: string): string | undefined {
  return (
    value.match(/\p{N}+(?:[.,]\p{N}+)*/u)?.[0] ??
    value
      .toLowerCase()
      .split(/\s+/u)
      .find((w) => NUMBER_WORD.test(w))
  );
}

/**
 * A denial of a state as it stands when written ("results have not been released", "has yet to", "not yet"): true
 * until the state is reached, so another article's later "were released Wednesday" tells what happened since.
 */
const STATE_DENIAL = /\b(?:has|have|is|are|am|remains?)(?: not|n['’]t)\b|\b(?:not|yet) yet\b|\bstill not\b|\byet to\b/iu;

/**
 * A disagreement read against the articles' dates. A denial of a state as it stands ("have not been released")
 * against its assertion is a development when the denying article is the earlier, a conflict when it is the later
 * (or the same day). With a date unknown, the same words but for the denial ("has not been released", "has been
 * released") deny the same state and conflict; an assertion told another way ("were released Wednesday") may tell
 * the state reached since, so which came first is unknown: unsure. A figure that is higher in the later article is
 * a toll that rose (or a value revised): a development; any other count told by articles not dated the same day
 * (one undated, or the later one lower) is marked unsure: the same rule for every path that finds a number.
 */
function inTime(c: SlotConflict, a: ClaimFrame, b: ClaimFrame, [pa, pb]: Published, sameWords: boolean): SlotConflict | 'different' {
  if (c.kind === 'negation') {
    const denying = c.values[0] === 'denied' ? 0 : 1;
    if (!STATE_DENIAL.test((denying === 0 ? a : b).text)) return c;
    const [pd, pt] = denying === 0 ? [pa, pb] : [pb, pa];
    if (pd === null || pt === null) return sameWords ? c : 'different';
    return pd < pt ? { ...c, later: denying === 0 ? 1 : 0 } : c;
  }
  if (c.kind === 'date') {
    // "Yesterday" or "Thursday" in an undated article was resolved from some date in its text, which may be any
    // other day ("the 1972 Watergate scandal"): unsure, unless both sides name weekdays, compared as written.
    const [da, db] = [a.dates.find((d) => d.value === c.values[0]), b.dates.find((d) => d.value === c.values[1])];
    const guessed = (d: DateAt | undefined, p: string | null) => p === null && d !== undefined && /^\d/u.test(d.value) && RELATIVE_DAY.test(d.text);
    const weekdays = da !== undefined && db !== undefined && WEEKDAY_NAMED.test(da.text) && WEEKDAY_NAMED.test(db.text);
    if ((guessed(da, pa) || guessed(db, pb)) && !weekdays) return 'different';
  }
  if (c.kind !== 'number' || (pa !== null && pa === pb)) return c;
  const [qa, qb] = [a.quantities.find((q) => q.text === c.values[0]), b.quantities.find((q) => q.text === c.values[1])];
  if (pa !== null && pb !== null) {
    const [early, late] = pa < pb ? [qa, qb] : [qb, qa];
    if (early && late && late.low >= early.high) return { ...c, later: pa < pb ? 1 : 0 };
  }
  // Undated on either side, or a later article with a lower count: which telling is the later is not shown. A
  // measure (an amount of money, a share, a magnitude) is one value of one happening, as across the story
  // (story-conflicts.ts measureConflict): it stays a conflict.
  return (qa && isMeasure(qa)) || (qb && isMeasure(qb)) ? c : { ...c, unsure: true };
}

/** Kinds the quantities stage reads from a unit, not a counted noun: currencies, shares, fractions. */
const UNIT_KINDS: ReadonlySet<string> = new Set([...Object.values(CURRENCY_SIGNS), ...Object.values(CURRENCY_WORDS), '%', 'fraction']);
/** A decimal figure ("6.1", "13.9"), not a thousands group ("1.500" in Spanish). */
const DECIMAL = /\d[.,](?:\d{1,2}|\d{4,})(?!\d)/u;

/**
 * A figure that measures rather than counts: a unit (money, a share) or a decimal (a magnitude). Only a decimal, a
 * unit or a currency makes a measure, as for the happening's measures (story-conflicts.ts).
 */
function isMeasure(q: ClaimQuantity): boolean {
  return UNIT_KINDS.has(q.kind) || DECIMAL.test(q.text);
}

/**
 * Every figure of another kind on either side has a compatible one on the other: a stat line with one more figure
 * ("3 of his 11 rebounds during the deciding run") counts another stretch of the game.
 */
function othersAgree(a: ClaimFrame, b: ClaimFrame, kind: string): boolean {
  const others = (f: ClaimFrame) => f.quantities.filter((q) => q.kind !== kind);
  const met = (xs: ClaimQuantity[], ys: ClaimQuantity[]) => xs.every((x) => ys.some((y) => y.kind === x.kind && rangesMeet(x, y)));
  return met(others(a), others(b)) && met(others(b), others(a));
}

/**
 * A participant attached to the shared predicate on both sides: "Results of the test have not been released" and
 * "he was booked into jail and later released on bail" deny and assert a release of different things.
 */
function sharesParticipant(a: ClaimFrame, b: ClaimFrame, [pa, pb]: [PredicateAt, PredicateAt]): boolean {
  const own = (f: ClaimFrame, p: PredicateAt) => f.args.filter((x) => attachedTo(x.at, f, p)).map((x) => x.key);
  const kb = own(b, pb);
  return own(a, pa).some((x) => kb.some((y) => sameArgument(x, y)));
}

/**
 * The shared predicate, or another predicate both claims tell (the n-th of its class in each), asserted on one side
 * and denied on the other: a claim told twice may differ in the polarity of any of its happenings ("checked in to
 * the clinic, where she will not receive treatment").
 */
function polarityDiffers(a: ClaimFrame, b: ClaimFrame, match: FrameMatch): [PredicateAt, PredicateAt] | null {
  if (match.a.denied !== match.b.denied) return [match.a, match.b];
  for (const pa of a.occurrences) {
    const nth = a.occurrences.filter((x) => x.cls === pa.cls).indexOf(pa);
    const pb = b.occurrences.filter((x) => x.cls === pa.cls)[nth];
    if (pb && pa.denied !== pb.denied) return [pa, pb];
  }
  return null;
}

/**
 * The same time words, or the same weekday named ("on Saturday" and "Saturday about 8.40am"), resolved against two
 * publication dates are one time told twice.
 */
function sameWrittenTime(x: string, y: string): boolean {
  if (x === y) return true;
  const day = (t: string) => t.match(/\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/u)?.[0];
  const dx = day(x);
  return dx !== undefined && dx === day(y);
}

/** A person the claim names in full (given name and surname) under this key. */
function fullyNamed(frame: ClaimFrame, key: string): boolean {
  return frame.args.some((x) => x.key === key && x.fullName);
}

/** One name spelled two ways ("Rait" and "Raite", "Advisers" and "Advisors"): at most two letters apart. */
function sameName(x: string, y: string): boolean {
  return sameArgument(x, y) || (Math.min(x.length, y.length) >= 4 && editDistance(x, y) <= NAME_SPELLING);
}

/** Letters two spellings of one name may differ by; set on the even ECB+ topics (Rait/Raite, Advisers/Advisors). */
const NAME_SPELLING = 2;

function editDistance(x: string, y: string): number {
  if (Math.abs(x.length - y.length) > NAME_SPELLING) return NAME_SPELLING + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length] as number;
}

function sameContext(x: InContext, y: InContext): boolean {
  return Boolean(x.context) && x.context === y.context;
}

/**
 * Two names, one of each claim and not named in the other, in the same words ("rehab clinic in | and that"): one
 * sentence told with another name in one slot.
 */
function inSameWords(a: ClaimFrame, b: ClaimFrame, kind: (f: ClaimFrame, x: ArgumentAt) => boolean): [string, string] | null {
  const only = (f: ClaimFrame, g: ClaimFrame) => f.args.filter((x) => kind(f, x) && !g.args.some((y) => sameArgument(x.key, y.key)));
  const ob = only(b, a);
  for (const x of only(a, b)) {
    const y = ob.find((z) => sameContext(x, z));
    if (y) return [x.key, y.key];
  }
  return null;
}

/** Relative time words resolved from a publication date, which may be a day off (time zones, a late edition). */
const RELATIVE_TIME = /\b(?:today|tonight|yesterday|tomorrow|this|last|next|ago)\b/u;

/**
 * "Today" in one report and "Monday" in another, one day apart: the relative side is resolved from a publication
 * date that may itself be a day off, so the two may name one day. Unsure, hence no conflict.
 */
function withinAnchorSlack(x: DateAt, y: DateAt): boolean {
  if (!RELATIVE_TIME.test(x.text) && !RELATIVE_TIME.test(y.text)) return false;
  const dx = Date.parse(x.value);
  const dy = Date.parse(y.value);
  return Number.isFinite(dx) && Number.isFinite(dy) && Math.abs(dx - dy) <= ONE_DAY;
}

const ONE_DAY = 86_400_000;

/**
 * Two times that may be one: the same words or weekday, dates that agree, or a relative time within the slack of
 * its publication date.
 */
function sameTime(x: DateAt, y: DateAt): boolean {
  return sameWrittenTime(x.text, y.text) || datesAgree(x.value, y.value) || withinAnchorSlack(x, y);
}

/**
 * Two times in one slot of one sentence told twice: resolved ones as `sameTime`; as written, the calendar words
 * both name must be the same ("early Thursday" and "early Sunday" disagree, "Friday" and "Friday afternoon" do not).
 */
function sameTimeInSlot(x: DateAt, y: DateAt): boolean {
  if (!x.value.startsWith('as written') && !y.value.startsWith('as written')) return sameTime(x, y);
  const words = (t: string) => t.match(CALENDAR_WORD) ?? [];
  const [wx, wy] = [words(x.text), words(y.text)];
  for (const group of [WEEKDAY, MONTH, DAY_NUMBER]) {
    const gx = wx.filter((w) => group.test(w)).join(' ');
    const gy = wy.filter((w) => group.test(w)).join(' ');
    if (gx && gy && gx !== gy) return false;
  }
  return true;
}

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/u;
const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th)?$/u;
const CALENDAR_WORD =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(?:st|nd|rd|th)?)\b/gu;

/** A resolved ISO week ("2024-W10": "last week", "two weeks ago" against the article's own date). */
const WEEK_PRECISION = /^\d{4}-W\d{2}$/u;

/** A resolved month ("2005-03"): two different months disagree whatever their days. */
const MONTH_PRECISION = /^\d{4}-\d{2}$/u;

/** A resolved calendar day ("2013-03-09") or a bare weekday or day of a month as written ("tuesday", "may 2"). */
const DAY_PRECISION = /^(?:\d{4}-\d{2}-\d{2}|as written: (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\p{L}+ \d{1,2}|\d{1,2} \p{L}+))$/u;

/**
 * The verb a time, figure or doer belongs to: the nearest verb or predicate before it, unless that one reports
 * speech or there is none, then the nearest after it. "Yesterday, police explained that he was shot on Saturday":
 * "yesterday" dates the explaining, "Saturday" the shooting; "police said about 300 people attended": the figure
 * is of the attending; "Luck threw for 205 yards, breaking the record": the yards are of the throwing.
 */
function attachedTo(at: number, frame: ClaimFrame, predicate: PredicateAt): boolean {
  const anchors = new Map(frame.occurrences.map((p) => [p.at, false]));
  for (const v of frame.verbs) anchors.set(v.at, (anchors.get(v.at) ?? false) || v.reporting);
  const sorted = [...anchors].sort((x, y) => x[0] - y[0]);
  const before = sorted.filter(([x]) => x < at).pop();
  const after = sorted.find(([x]) => x > at);
  const owner = before && !before[1] ? before : (after ?? before);
  return owner?.[0] === predicate.at;
}

/**
 * The windows a claim's counts are bounded by: its times coarser than a day ("since October", "this year", "in
 * 2008", "over the past decade"). A day ("on Friday", "yesterday") dates the happening; it bounds no count.
 */
function windows(f: ClaimFrame): DateAt[] {
  return f.dates.filter((d) => !DAY_PRECISION.test(d.value) && !/-WE$/u.test(d.value) && !DAY_WORD.test(d.text));
}

const DAY_WORD = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow)\b/u;

/** Each claim's windows have a match in the other's: the same words or dates that agree, or none on either side. */
export function sameWindows(a: ClaimFrame, b: ClaimFrame): boolean {
  const [wa, wb] = [windows(a), windows(b)];
  const met = (xs: DateAt[], ys: DateAt[]) => xs.every((x) => ys.some((y) => x.text === y.text || datesAgree(x.value, y.value)));
  return met(wa, wb) && met(wb, wa);
}

/** One claim names a person or place the other does not: figures in them may measure different scopes. */
function namesDiffer(a: ClaimFrame, b: ClaimFrame): boolean {
  const named = (f: ClaimFrame) => f.args.filter((x) => x.doer || f.places.has(x.key)).map((x) => x.key);
  const [na, nb] = [named(a), named(b)];
  return na.some((x) => !nb.some((y) => sameArgument(x, y))) || nb.some((y) => !na.some((x) => sameArgument(x, y)));
}

/**
 * Two places neither of which can lie inside the other: two cities, or two countries. A region, a district, a
 * village or any place the gazetteer does not know may contain or be contained by the other (Blang Mancung is in
 * Central Aceh, Aceh in Indonesia), so they never conflict.
 */
function cannotContain(x: string, y: string): boolean {
  const kx = gazetteerKind(x);
  return (kx === 'city' || kx === 'country') && kx === gazetteerKind(y);
}

/**
 * A claim naming the other side's speaker anywhere ("…with Tyler", "Ferguson, a researcher at Trend Micro, said"):
 * that person is a participant, or the speaker's employer, so giving the words to either is an attribution to read,
 * not a contradiction. Set on the verdicts in eval/adjudicated: all four wrong speaker conflicts of the s4-final
 * batch named the other speaker in the sentence.
 */
function namesOtherSpeaker(frame: ClaimFrame, speaker: string): boolean {
  const words = new Set(frame.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return (speaker.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => w.length >= 3 && words.has(w));
}

/** Speakers named two ways ("Tara Reid", "Reid"): the same surname is the same speaker. */
function sameSpeaker(x: string, y: string): boolean {
  return x.split(' ').pop() === y.split(' ').pop();
}

/**
 * Where the shared happening took place: the first place named after its predicate (else the last before it).
 * Two claims disagree when those places differ and neither claim names the other's anywhere: "third trip to Latin
 * America" and "travel to Ecuador after his stop in Mexico" name different places of one trip, not two places
 * of one stop.
 */
function placeConflict(a: ClaimFrame, b: ClaimFrame, match: FrameMatch): [string, string] | null {
  const pa = placeOf(a, match.a);
  const pb = placeOf(b, match.b);
  if (!pa || !pb || sameArgument(pa, pb)) return inSameWords(a, b, (f, x) => f.places.has(x.key));
  if ([...b.places].some((x) => sameArgument(x, pa)) || [...a.places].some((x) => sameArgument(x, pb))) return null;
  return [pa, pb];
}

/** The one place attached to the shared predicate ("placed on the list after spraining his knee at Chicago": none). */
function placeOf(frame: ClaimFrame, predicate: PredicateAt): string | null {
  const attached = new Set(frame.args.filter((x) => frame.places.has(x.key) && attachedTo(x.at, frame, predicate)).map((x) => x.key));
  return attached.size === 1 ? ([...attached][0] as string) : null;
}

/**
 * Named persons doing the shared predicate: its actor, attached to it ("Kroon says the fire broke out": Kroon does
 * the saying, not the fire).
 */
function doersOf(frame: ClaimFrame, predicate: PredicateAt): string[] {
  return frame.args.filter((x) => x.doer && roleOf(x, predicate) === 'actor' && attachedTo(x.at, frame, predicate)).map((x) => x.key);
}

function persons(frame: ClaimFrame): string[] {
  return [...new Set(frame.args.filter((x) => x.doer).map((x) => x.key))];
}

/** A value of each side that nothing on the other side is compatible with, or null. */
function unmatchedBothWays<T>(as: readonly T[], bs: readonly T[], compatible: (x: T, y: T) => boolean): [T, T] | null {
  const a = as.find((x) => !bs.some((y) => compatible(x, y)));
  const b = bs.find((y) => !as.some((x) => compatible(x, y)));
  return a !== undefined && b !== undefined ? [a, b] : null;
}

/**
 * How far two bounds of one slot in the same direction may lie apart and still be one figure: "more than 140" and
 * "more than 150" round one count; "more than 141 million" and "more than 289 million" are two counts. The ±10 %
 * of "about" (claims.ts).
 */
const BOUND_SLACK = 0.1;

/**
 * Two figures in one slot of one sentence told twice: ranges that meet, except that two floors ("more than") or two
 * ceilings ("up to") are each outlet's figure, compared as figures. Read only where the slot is surely one (the
 * re-told stretch); elsewhere a floor and a higher floor do not contradict.
 */
function sameFigure(x: ClaimQuantity, y: ClaimQuantity): boolean {
  const near = (u: number, v: number) => Math.abs(u - v) <= BOUND_SLACK * Math.max(Math.abs(u), Math.abs(v));
  if (x.high === Number.POSITIVE_INFINITY && y.high === Number.POSITIVE_INFINITY) return near(x.low, y.low);
  if (x.low === 0 && y.low === 0) return near(x.high, y.high);
  return rangesMeet(x, y);
}

/**
 * Ranges that overlap, not merely touch: an exact count allows half a unit either side, so "two" (1.5–2.5) and
 * "three" (2.5–3.5) touch at 2.5 and must still disagree.
 */
function rangesMeet(x: ClaimQuantity, y: ClaimQuantity): boolean {
  return x.low < y.high && y.low < x.high;
}

/**
 * "2024-03" meets "2024-03-05"; "2024-03-05" and "2024-03-12" disagree. A date left as written (a weekday no
 * publication date resolved) compares only with another one as written.
 */
function datesAgree(x: string, y: string): boolean {
  const writtenX = x.startsWith('as written');
  if (writtenX !== y.startsWith('as written')) return true;
  // Only a bare weekday or month ("Tuesday", "May 2") is compared as written: "Saturday night" and "Saturday",
  // "last year" and "last May", "recently" and "Jan. 6" read differently but need not disagree.
  if (writtenX) return !(BARE_DAY.test(writtenKey(x)) && BARE_DAY.test(writtenKey(y))) || sameWrittenDay(writtenKey(x), writtenKey(y));
  if (x.includes('W') || y.includes('W')) return weeksAgree(x, y);
  const n = Math.min(x.length, y.length);
  return x.slice(0, n) === y.slice(0, n);
}

/**
 * Two ISO weeks agree when they are one week; a day agrees with the week holding it ("two weeks ago" and "last week"
 * told on the same day disagree). A weekend ("2013-W10-WE") or an unresolved week is unsure: it agrees.
 */
function weeksAgree(x: string, y: string): boolean {
  const weekOf = (v: string): string | null => {
    if (WEEK_PRECISION.test(v)) return v;
    const day = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(v);
    return day ? formatWeek({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }) : null;
  };
  const [wx, wy] = [weekOf(x), weekOf(y)];
  return wx === null || wy === null || wx === wy;
}

const BARE_DAY =
  /^(?:\d{1,2} )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{1,2})?$/u;

/** "October" meets "October 19" (month precision); "May 2" and "May 12" do not. */
function sameWrittenDay(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short === long || (!/\d/.test(short) && long.split(' ').includes(short));
}

/** "May 2" and "2 May" as written: the same words in any order. */
function writtenKey(x: string): string {
  return (x.slice('as written:'.length).match(/[\p{L}\p{N}]+/gu) ?? []).sort().join(' ');
}
