import { type ArgumentAt, type ClaimFrame, type PredicateAt, roleOf, singularNoun, stemOf } from './claims.js';
import { compatiblePredicates } from './related-predicates.js';
import { PREDICATE_CLASS } from './vocabulary.js';

/** How two claims were matched: the predicate occurrences they share and the arguments in the same roles. */
export interface FrameMatch {
  /** Human-readable slots ("predicate: arrest", "actor: police", "theme: smith"): shown in the dossier. */
  slots: string[];
  a: PredicateAt;
  b: PredicateAt;
  /** Shared arguments in the same role. */
  shared: number;
}

/** Share of a quote's words two quotes must have in common to be the same words (variants, not paraphrase). */
export const SAME_QUOTE = 0.5;

/**
 * How two claims tell the same happening: compatible predicates (one class, or two classes the learned table
 * relates: related-predicates.ts) AND a core argument in the same role (actor with actor, theme with theme), read
 * relative to those predicates, or a name in another role with a second specific thing shared; null when they do
 * not. A shared name or title with no compatible predicate never aligns; neither does a predicate with nothing
 * else in common. A claim quoting someone aligns with another quote only when the words match (a different speaker
 * then conflicts).
 */
export function matchFrames(a: ClaimFrame, b: ClaimFrame): FrameMatch | null {
  if (quotesDiffer(a, b)) return null;
  // Keys are surnames and stems ("secret", "presid"); the dossier shows the names and words they were read from.
  const shown = new Map<string, string>();
  const candidates: Candidate[] = [];
  // Whether b's argument x and a's argument y are one argument does not depend on the predicates compared: read each
  // pair of arguments once for all the predicate pairs below (0 unread, 1 the same, 2 not).
  const sameRead = new Uint8Array(b.args.length * a.args.length);
  const oneArgument = (xi: number, yi: number): boolean => {
    const at = xi * a.args.length + yi;
    if (sameRead[at] === 0) sameRead[at] = sameArgument((b.args[xi] as ArgumentAt).key, (a.args[yi] as ArgumentAt).key) ? 1 : 2;
    return sameRead[at] === 1;
  };
  for (const [i, pa] of a.occurrences.entries()) {
    let rolesA: Array<'actor' | 'theme'> | null = null;
    for (const [k, pb] of b.occurrences.entries()) {
      if (!compatiblePredicates(pa.cls, pb.cls)) continue;
      // Two related classes tell one happening only as the main happening of a claim: side verbs of two claims
      // ("revealed a strike", "a statement released") relate too loosely.
      if (pa.cls !== pb.cls && pa.cls !== a.main && pb.cls !== b.main) continue;
      rolesA ??= a.args.map((y) => roleOf(y, pa));
      const roles = rolesA;
      const actors: string[] = [];
      const themes: string[] = [];
      const crossed: string[] = [];
      const named = new Set<string>();
      for (const [xi, x] of b.args.entries()) {
        const role = roleOf(x, pb);
        const sameAt = a.args.findIndex((_, yi) => roles[yi] === role && oneArgument(xi, yi));
        const same = sameAt < 0 ? undefined : a.args[sameAt];
        if (same) (role === 'actor' ? actors : themes).push(same.key);
        // Named on either side: one outlet names "Promises Treatment Center" where the entity layer read another's
        // words as nouns, or refers to the person by a pronoun the entity layer resolved.
        if (same && (same.named || x.named)) named.add(same.key);
        const other = same ?? (participant(x) ? a.args.find((y, yi) => participant(y) && oneArgument(xi, yi)) : undefined);
        if (!other) continue;
        if (!same) crossed.push(other.key);
        if (!shown.has(other.key)) shown.set(other.key, other.shown);
      }
      // Ties go to the occurrences in the same place in both claims (the second "enter" with the second).
      candidates.push({ a: pa, b: pb, aligned: i === k, actors: [...new Set(actors)], themes: [...new Set(themes)], crossed: [...new Set(crossed)], named });
    }
  }
  const sharedOf = (c: Candidate) => new Set([...c.actors, ...c.themes]).size;
  const order = (x: Candidate, y: Candidate) => sharedOf(y) - sharedOf(x) || y.crossed.length - x.crossed.length || Number(y.aligned) - Number(x.aligned);
  const best = candidates.sort(order).find((c) => inSameRoles(a, b, c) || inOtherRoles(a, b, c));
  if (!best) return null;
  const slots = [`predicate: ${best.a.cls === best.b.cls ? shownClass(best.a) : `${shownClass(best.a)} ~ ${shownClass(best.b)}`}`];
  const words = (keys: string[]): string => [...new Set(keys.slice(0, 4).map((k) => shown.get(k) ?? k))].join(', ');
  if (best.actors.length > 0) slots.push(`actor: ${words(best.actors)}`);
  if (best.themes.length > 0) slots.push(`theme: ${words(best.themes)}`);
  const sameRoles = inSameRoles(a, b, best);
  if (!sameRoles) slots.push(`named, in another role: ${words(best.crossed)}`);
  const date = sharedDate(a, b);
  if (date) slots.push(`date: ${date}`);
  const figure = sharedFigure(a, b);
  if (figure) slots.push(`figure: ${figure}`);
  return { slots, a: best.a, b: best.b, shared: sharedOf(best) + (sameRoles ? 0 : best.crossed.length) };
}

/** A predicate class as the dossier shows it: the lexicon's name for it ("visit"), else the word read ("secure", not "secur"). */
function shownClass(p: PredicateAt): string {
  return LEXICON_CLASSES.has(p.cls) ? p.cls : p.lemma;
}

const LEXICON_CLASSES: ReadonlySet<string> = new Set([...PREDICATE_CLASS.values(), 'state']);

/** Two predicate occurrences of two claims and the arguments they share. */
interface Candidate {
  a: PredicateAt;
  b: PredicateAt;
  aligned: boolean;
  /** Arguments in the same role relative to the two predicates. */
  actors: string[];
  themes: string[];
  /** Names (persons, organisations) both claims hold in different roles ("X killed Y" beside "Y died"). */
  crossed: string[];
  /** Arguments in the same role that either claim names (keys as in `actors` and `themes`). */
  named: ReadonlySet<string>;
}

/**
 * One shared argument in the same role is enough for the main happening of either claim (a side predicate needs
 * two), and only when that argument is a name the entity layer found (a person, an organisation; a place alone is
 * refused): "plans ... security" and "plans ... security" share a word, not a participant. Persons only kept out
 * more right ECB+ pairs than wrong ones (guarded pairs reach 0.267 -> 0.297 of gold sentence pairs). Places alone
 * do not make one claim ("threatened … Norvalia … Ostreland" fits a tariff and a border dispute), except a venue.
 */
function inSameRoles(a: ClaimFrame, b: ClaimFrame, c: Candidate): boolean {
  const keys = [...c.actors, ...c.themes];
  const named = keys.some((k) => c.named.has(k));
  // One class told as the main happening of both claims ("died at a bank", "three die in bank") needs one shared
  // participant, named or not; a related class, or a side happening, needs a name or two.
  const bothMain = c.a.cls === c.b.cls && c.a.cls === a.main && c.b.cls === b.main;
  const needed = ((c.a.cls === a.main || c.b.cls === b.main) && named) || bothMain ? 1 : 2;
  const shared = new Set(keys).size;
  if (keys.every((k) => a.places.has(k) && broadPlace(k))) return false;
  return shared >= needed || (shared >= 1 && specific(a, b));
}

/**
 * A place that is no venue: a country, a region, a town is the setting of many happenings (two marches through one
 * town are two claims). A venue ("Promises Treatment Center", "Harlow Arena": a place whose name ends in a kind of
 * building) is where one happening was, and counts like a participant.
 */
function broadPlace(key: string): boolean {
  return !VENUES.has(key.slice(key.lastIndexOf(' ') + 1));
}

/** Last words of venue names. */
const VENUES: ReadonlySet<string> = new Set(
  'center centre clinic hospital hotel prison jail school university college stadium arena airport station church mosque temple cathedral museum mall restaurant bar nightclub theater theatre building tower bridge court courthouse base embassy factory plant mine'.split(
    ' ',
  ),
);

/** Something specific two claims both give besides their arguments: the same date or the same figure. */
function specific(a: ClaimFrame, b: ClaimFrame): boolean {
  return sharedDate(a, b) !== null || sharedFigure(a, b) !== null;
}

/**
 * A person or organisation named in both claims in different roles ("police shot Ferrow" beside "Ferrow died")
 * counts only with something else specific both claims give: a second shared argument, the same date or the same
 * figure. A shared name alone is never one happening (one official in two stories).
 */
function inOtherRoles(a: ClaimFrame, b: ClaimFrame, c: Candidate): boolean {
  if (c.crossed.length === 0) return false;
  // A place is no second participant: "Mexico" comes with every claim of a story about Mexico.
  const others = new Set([...c.actors, ...c.themes, ...c.crossed].filter((k) => !a.places.has(k))).size;
  return others >= 2 || specific(a, b);
}

/** A named person or organisation (not a place, a nationality or a pronoun): who can be a participant in any role. */
function participant(x: ArgumentAt): boolean {
  return x.named === true && (x.entity === 'person' || x.entity === 'org');
}

/** A calendar day both claims give for their own happening (not a vague "the coming weeks"). */
function sharedDate(a: ClaimFrame, b: ClaimFrame): string | null {
  const dates = new Set(a.dates.filter((d) => !d.possessive && DAY.test(d.value)).map((d) => d.value));
  return b.dates.find((d) => !d.possessive && dates.has(d.value))?.value ?? null;
}

const DAY = /^\d{4}-\d{2}-\d{2}/u;

/** A figure both claims give, counting the same kind of thing. */
function sharedFigure(a: ClaimFrame, b: ClaimFrame): string | null {
  return b.quantities.find((q) => a.quantities.some((r) => r.kind === q.kind && r.low === q.low && r.high === q.high))?.text ?? null;
}

/** Two quotes whose words do not match: variants of one quote share most words, a paraphrase does not. */
function quotesDiffer(a: ClaimFrame, b: ClaimFrame): boolean {
  return a.quote !== null && b.quote !== null && overlap(a.quote.words, b.quote.words) < SAME_QUOTE;
}

/** Words too common in names to identify one ("Betty Ford Center" and "Ford Clinic" meet on "ford", not "center"). */
const GENERIC_NAME_WORDS = new Set(
  'center centre clinic city state states county university college hospital house department ministry company group party national united new north south east west street road'.split(
    ' ',
  ),
);

/**
 * One argument told two ways: the same key, two names sharing a distinctive word of four letters or more, or a noun
 * (a stem: the entity layer missed the name in that article, "checked into Promises Treatment Center" read as
 * nouns) that is a distinctive word of a name the other claim gives.
 */
export function sameArgument(x: string, y: string): boolean {
  if (x === y) return true;
  if (!x.includes(' ') && !y.includes(' ')) return false;
  const words = keyWords(x).distinctive;
  if (keyWords(y).all.some((w) => words.has(w))) return true;
  const [name, noun] = x.includes(' ') ? [x, y] : [y, x];
  return !noun.includes(' ') && keyWords(name).stems.has(noun);
}

/** A key's words, its distinctive ones (four letters or more, not generic), and their stems as nouns. */
interface KeyWords {
  all: string[];
  distinctive: Set<string>;
  stems: Set<string>;
}

/**
 * Keys read so far: matchFrames compares every argument of one claim with every argument of each candidate partner,
 * so a story's few hundred keys are split and stemmed millions of times in a large story. Bounded (cleared when
 * full): keys are short, but a hostile page may hold many.
 */
const keysRead = new Map<string, KeyWords>();
const MAX_KEYS_READ = 20_000;

function keyWords(key: string): KeyWords {
  let known = keysRead.get(key);
  if (!known) {
    if (keysRead.size >= MAX_KEYS_READ) keysRead.clear();
    const all = key.split(' ');
    const distinctive = all.filter((w) => w.length >= 4 && !GENERIC_NAME_WORDS.has(w));
    known = { all, distinctive: new Set(distinctive), stems: new Set(distinctive.map((w) => stemOf(singularNoun(w)))) };
    keysRead.set(key, known);
  }
  return known;
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = Math.min(a.size, b.size);
  return small === 0 ? 0 : shared(a, b) / small;
}

export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
