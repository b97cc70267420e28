import { canonicalKey } from '../annotate/entities/index.js';
import { analyze, type Token } from '../annotate/nlp.js';
import { EN_SPEECH_VERBS } from '../annotate/quotes/vocabulary.js';
import type { EntityMention, Quantity, QuoteMention } from '../model/annotations.js';
import type { Span } from '../model/span.js';
import { resolveDescriptions } from './descriptions.js';
import { learnedEventNoun } from './related-predicates.js';
import { IRREGULAR_VERBS, LIGHT_VERBS, PREDICATE_CLASS, VERB_ONLY } from './vocabulary.js';

/**
 * A claim frame: who did what to whom, how much, when, where, whether, and who says so. Built in compare, not as an
 * annotate stage, on purpose: a frame reads the entity, time, quantity, quote and cue layers of the finished
 * article together and is only ever used to set claims of different articles side by side, so storing it as a
 * layer would grow every stored article and the JSON contract for nothing the article view shows.
 */
export interface ClaimFrame {
  /** The claim's own words: offsets below (`at`) are into this text. */
  text: string;
  /** Predicate classes of the claim's verbs and event nouns ("arrested" and "arrest" and "detuvo": arrest). */
  predicates: Set<string>;
  /** Each predicate with its position, voice and polarity: roles are read relative to the predicate two claims share. */
  occurrences: PredicateAt[];
  /** The first predicate's class: the claim's main happening. */
  main: string | null;
  /** Arguments (canonical entity keys and noun stems) with their positions. */
  args: ArgumentAt[];
  /** Places named in the claim (entity keys). */
  places: Set<string>;
  quantities: ClaimQuantity[];
  /** Normalized dates (TIMEX3 values, day/month/year precision) with their positions in the claim. */
  dates: DateAt[];
  /** Every verb, predicate or not ("said", "explained"), and whether it reports speech: times and figures attach to verbs. */
  verbs: Array<{ at: number; reporting: boolean }>;
  /** The claim holds a figure that counts nothing named ("three more"): which figure is whose is unsure. */
  looseFigures: boolean;
  /** Negation words anywhere in the claim ("not", "nothing", "nor"): a denial conflicts only with a claim that has one fewer. */
  negations: number;
  /** The claim is hypothetical or counterfactual ("would have", "if", "could"): its polarity asserts nothing. */
  conditional: boolean;
  /**
   * Ordinals the claim states ("his third trip", "her first visit": 3, 1). A claim's ordinal is what it tells ("it is
   * his third"): a claim without it, or with another, does not corroborate it.
   */
  ordinals: Set<number>;
  /** Words quoted directly inside the claim (lower-cased) and who said them. */
  quote: { words: Set<string>; speaker: string | null; direct: boolean } | null;
}

export interface DateAt extends InContext {
  value: string;
  /** "Friday's semifinal": the time of another happening named as a noun, not of the claim's predicate. */
  possessive?: boolean;
  /** As written, lower-cased ("today", "april 9"). */
  text: string;
  at: number;
  end: number;
}

export interface PredicateAt {
  cls: string;
  /**
   * The word as read: a verb's lemma, a noun's singular ("secure" where the class is the stem "secur"): what the
   * dossier shows for a class the lexicon does not name.
   */
  lemma: string;
  at: number;
  passive: boolean;
  /** Denied ("did not arrive", "was never charged"). */
  denied: boolean;
}

/**
 * The words either side of a value in its claim ("promises on | and that"): two claims that give different values
 * in the same words fill the same slot of the same sentence, whatever verb the value belongs to.
 */
export interface InContext {
  context?: string;
}

/** Words kept either side of a value for its context: two each side tell a sentence's slot apart on real text. */
const CONTEXT_WORDS = 2;

function wordsAround(text: string, start: number, end: number): string {
  const before = (
    text
      .slice(Math.max(0, start - 60), start)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  ).slice(-CONTEXT_WORDS);
  const after = (
    text
      .slice(end, end + 60)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  ).slice(0, CONTEXT_WORDS);
  return before.length + after.length >= CONTEXT_WORDS ? `${before.join(' ')}|${after.join(' ')}` : '';
}

export interface ArgumentAt extends InContext {
  key: string;
  /** How a reader knows it: the entity's name or the noun as written (the key is a surname or a stem). */
  shown: string;
  at: number;
  /** Right after "by": the doer of a passive predicate before it. */
  afterBy: boolean;
  /**
   * Written with given name and surname here ("Vincent Gigante", not "Gigante" nor "the Genovese family"): only such names are set against each other as doers; a surname alone may be a family, a firm or a
   * mis-tagged word.
   */
  fullName?: boolean;
  /** A named person: someone whose swap for another is a disagreement about who did it (organisations and
   * mistyped names — "Chargers", "DUI" — disagree in too many harmless ways on real coverage). */
  doer: boolean;
  /**
   * Named by the entity layer (a person, organisation or place, not a pronoun): one such name shared in the same role
   * ties two tellings of a main happening ("checked into Promises Treatment Center"), where one shared noun does not.
   */
  named?: boolean;
  /** The entity layer's type for a name ("person", "org", …); absent for a noun. */
  entity?: EntityMention['type'];
  /**
   * A noun compounded with an event noun after it ("intelligence sharing", "arms-trafficking"): the position of that
   * predicate, whose theme it is (what is shared, what is trafficked), not its doer as its place before it would say.
   */
  modifies?: number;
}

/** A number as a range of values it allows, after its qualifier and rounding. */
export interface ClaimQuantity extends InContext {
  text: string;
  /** Position in the claim. */
  at: number;
  /**
   * Not the claim's own total: given in parentheses ("$1 million ($1.52 million)", a conversion or an aside) or a
   * part of another amount ("$281 million of the purchase price").
   */
  part: boolean;
  /** What it counts or measures ("people", "%", "usd"): numbers of different kinds never compare. */
  kind: string;
  low: number;
  high: number;
}

/**
 * How far "about" reaches either side of a figure, and how far a round figure ("300", "1,500") may be from the
 * exact one it rounds. Chosen from the rule ("about 300" vs "300" agree, "about 300" vs "more than 450"
 * disagree) and the sample corpus ("1,200 people" vs "about 1,500 jobs" disagree, so "about" and rounding together
 * must stay under a quarter apart): "about" ±10 %, a round figure ±5 %.
 */
const ABOUT = 0.1;
const ROUND = 0.05;
/**
 * An exact, unround figure allows half a unit of its last written digit ("6.9" is 6.85–6.95, "1,099" is
 * 1,098.5–1,099.5): two outlets copying one figure write the same digits.
 */
function exactSlack(v: number): number {
  const decimals = (String(v).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

/** Counted nouns that count the same thing: one kind. English and Spanish, as data. */
const COUNTED_KIND: ReadonlyMap<string, string> = new Map(
  [
    // Jobs count people in news about employment: "1,200 people" and "1,500 jobs" are one slot.
    [
      'people',
      'people persons workers employees staff personas trabajadores empleados individuals residents civilians victims víctimas jobs positions empleos puestos protesters demonstrators marchers participants attendees manifestantes asistentes',
    ],
    ['dead', 'dead deaths killed fatalities muertos fallecidos'],
    ['injured', 'injured wounded heridos'],
  ].flatMap(([kind, words]) => (words as string).split(' ').map((w) => [w, kind as string] as [string, string])),
);

export interface FrameInput {
  text: string;
  /** Offset of `text` in the article. */
  offset: number;
  language: string;
  entities: readonly EntityMention[];
  quantities: readonly Quantity[];
  dates: readonly DateAt[];
  quotes: readonly QuoteMention[];
  /** Spans whose words are no argument (time expressions: "on Tuesday" is when, not who). */
  excluded: readonly Span[];
  negated: boolean;
  /**
   * Side phrases inside the claim (offsets into `text`: "Varga, on her second trip, signed …"): told by a side claim
   * of their own (clauses.ts), so their predicates, arguments and ordinals are not this claim's.
   */
  asides?: readonly Span[];
  /**
   * The whole article's entity mentions (offsets into the article): "the actress", "the country" in the claim stand
   * for the article's named person or place (descriptions.ts). Without it descriptions stay plain nouns.
   */
  article?: readonly EntityMention[];
}

/**
 * Predicate of a claim with no event word: "X is Y" and "X has Y" still state something checkable, so the first
 * light verb stands for it (class "state"), and two such claims align on their arguments.
 */
const STATE = 'state';

/** Builds the frame of one claim from its text and the annotation layers inside it. */
export function claimFrame(input: FrameInput): ClaimFrame {
  const asides = input.asides ?? [];
  const told = (at: number): boolean => !asides.some((a) => a.start <= at && at < a.end);
  const tokens = input.language.startsWith('en') ? withNounModifiers(analyze(input.text).tokens) : [];
  const found = (tokens.length > 0 ? englishPredicates(tokens) : lexiconPredicates(input.text)).filter((p) => told(p.at));
  if (found.length === 0) {
    const light = tokens.find((t) => (t.pos === 'VERB' || t.pos === 'AUX') && LIGHT_VERBS.has(verbLemma(t.lower)));
    if (light) found.push({ cls: STATE, at: light.start, lemma: verbLemma(light.lower) });
  }
  const occurrences = found.map((p) => ({
    ...p,
    passive: tokens.length > 0 && isPassive(tokens, p.at),
    denied: tokens.length > 0 ? deniesAt(tokens, p.at) : input.negated,
  }));
  const args: ArgumentAt[] = [];
  const places = new Set<string>();
  const covered = new Set<number>();
  for (const span of input.excluded) for (let c = span.start; c < span.end; c++) covered.add(c - input.offset);
  for (const e of [...input.entities, ...describedEntities(tokens, input)]) {
    const key = argumentKey(e);
    for (let c = e.start; c < e.end; c++) covered.add(c - input.offset);
    const at = e.start - input.offset;
    if (!told(at)) continue;
    args.push({
      key,
      shown: e.canonical,
      at,
      afterBy: afterBy(input.text, at),
      doer: e.via !== 'pronoun' && e.type === 'person',
      named: e.via !== 'pronoun',
      entity: e.type,
      fullName: e.via === 'name' && e.type === 'person' && e.text.trim().split(/\s+/u).length >= 2,
      context: wordsAround(input.text, at, e.end - input.offset),
    });
    if (e.type === 'place') places.add(key);
  }
  const modified = compoundModifiers(tokens, occurrences);
  for (const t of tokens) {
    if ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || covered.has(t.start) || t.lower.length < 3 || !told(t.start)) continue;
    if (PREDICATE_CLASS.has(t.lower) || PREDICATE_CLASS.has(singularNoun(t.lower)) || LIGHT_NOUNS.has(t.lower)) continue;
    if (t.pos === 'NOUN' && !VERB_ONLY.has(t.lower) && learnedEventNoun(singularNoun(t.lower))) continue;
    const head = t.lower.split('-')[0] as string;
    const modifies = modified.get(t.start);
    args.push({
      key: stemOf(singularNoun(modifies === undefined ? t.lower : head)),
      shown: t.lower,
      at: t.start,
      afterBy: afterBy(input.text, t.start),
      doer: false,
      context: '',
      ...(modifies === undefined ? {} : { modifies }),
    });
  }
  return {
    text: input.text,
    predicates: new Set(occurrences.map((p) => p.cls)),
    occurrences,
    // "She stressed that …", "He pointed out …": the reporting verb frames the claim; what was said is its happening.
    main: (occurrences.find((p) => !reportsOnly(p.cls)) ?? occurrences[0])?.cls ?? null,
    args,
    places,
    quantities: input.quantities.map((q) => toRange(q, input)).filter((q): q is ClaimQuantity => q !== null),
    dates: input.dates
      .filter((d) => !quoted(d, input))
      .map((d) => ({ ...d, context: wordsAround(input.text, d.at, d.end), possessive: /^['’]s\b/u.test(input.text.slice(d.end, d.end + 3)) })),
    looseFigures: input.quantities.some((q) => toRange(q, input) === null && !/^\d{4}$/u.test(q.text.trim()) && !replaced(q, input)),
    verbs: tokens.flatMap((t, k) => (t.pos === 'VERB' ? [{ at: t.start, reporting: reports(tokens, k) }] : [])),
    negations:
      tokens.filter((t, k) => isDenial(t.lower) && !ADDITIVE.has(tokens[k + 1]?.lower ?? '')).length +
      (input.text.match(/\b(?:nothing|nor|none|yet to|failed to|refused to|nadie|nada|ni)\b/giu)?.length ?? 0),
    conditional: CONDITIONAL.test(input.text),
    ordinals: ordinalsOf(withoutAsides(input.text, asides)),
    quote: withNamedSpeaker(quoteOf(input.quotes), args),
  };
}

/**
 * The claim's definite descriptions (and subject pronouns the entity layer left) as mentions of the entities they
 * stand for (descriptions.ts), in article offsets like the entity layer's: a description read like a held title ("the
 * secretary"), a name the reader knows; a pronoun like the entity layer's pronouns.
 * A description inside a name the entity layer found is that name's part.
 */
function describedEntities(tokens: readonly Token[], input: FrameInput): EntityMention[] {
  if (!input.article) return [];
  const within = (spans: readonly Span[], at: number) => spans.some((e) => e.start <= at + input.offset && at + input.offset < e.end);
  // A speaker's "the country" is the speaker's own, which the article's names do not tell.
  const quoted = input.quotes.filter((q) => q.kind === 'direct');
  return resolveDescriptions(tokens, input.offset, input.article, input.entities)
    .filter((d) => !within(input.entities, d.at) && !within(input.entities, d.end - 1) && !within(quoted, d.at))
    .map((d) => ({
      start: input.offset + d.at,
      end: input.offset + d.end,
      type: d.entity.type,
      text: input.text.slice(d.at, d.end),
      canonical: d.entity.canonical,
      via: d.pronoun ? ('pronoun' as const) : ('title' as const),
    }));
}

/**
 * An entity as an argument key. A person is met by surname across outlets ("Varga" in one, "Ilse Varga" in
 * another); a pronoun the entity layer resolved stands for its person ("she checked in").
 */
function argumentKey(e: EntityMention): string {
  const full = canonicalKey(e.canonical);
  // A generational suffix is no surname ("Anthony LaCalamita III" is LaCalamita).
  const words = full.split(' ').filter((w, i, all) => i === 0 || i < all.length - 1 || !NAME_SUFFIX.has(w));
  return e.type === 'person' ? (words[words.length - 1] ?? full) : full;
}

/** Actor or theme of an argument for one predicate: before it in an active clause, after "by" in a passive one. */
export function roleOf(arg: ArgumentAt, predicate: PredicateAt): 'actor' | 'theme' {
  if (arg.modifies === predicate.at) return 'theme';
  if (!predicate.passive) return arg.at < predicate.at ? 'actor' : 'theme';
  return arg.at > predicate.at && arg.afterBy ? 'actor' : 'theme';
}

function afterBy(text: string, at: number): boolean {
  return /\bby\s*$/iu.test(text.slice(Math.max(0, at - 4), at));
}

/** Nouns that name no participant: time words and vague heads ("on Tuesday", "the time", "a number of"). */
const LIGHT_NOUNS: ReadonlySet<string> = new Set(
  'time times day days week weeks month months year years monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night today yesterday number part lot way thing things reason reasons'.split(
    ' ',
  ),
);

/**
 * Tokens with noun modifiers the tagger read as verbs set right: "the Halvard defence team" has no verb "defence".
 * After a determiner and a name, a bare lower-case form before a noun can only modify that noun (a finite verb
 * there would need "-s" or "-ed"). The analysis is cached and shared, so corrected tokens are copies.
 */
function withNounModifiers(tokens: readonly Token[]): Token[] {
  const out = [...tokens];
  for (let i = 2; i < tokens.length - 1; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== 'VERB' || t.upper || /(?:s|ed|ing)$/u.test(t.lower) || (tokens[i + 1] as Token).pos !== 'NOUN') continue;
    let k = i - 1;
    while (k > 0 && (tokens[k] as Token).pos === 'PROPN') k--;
    if (k < i - 1 && (tokens[k] as Token).pos === 'DET') out[i] = { ...t, pos: 'NOUN' };
  }
  return out;
}

/** A predicate found in a claim's words, before its voice and polarity are read. */
type Found = Pick<PredicateAt, 'cls' | 'at' | 'lemma'>;

/**
 * Verbs (not auxiliaries or attribution verbs) and event nouns (the lexicon's, and those learned from ECB+:
 * related-predicates.ts), with their position in the claim.
 */
function englishPredicates(tokens: readonly Token[]): Found[] {
  const out: Found[] = [];
  for (const [i, t] of tokens.entries()) {
    if (t.pos === 'VERB') {
      const lemma = verbLemma(t.lower);
      // A capitalised "verb" inside a name ("Betty Ford") is a headline tagging slip unless the lexicon knows it.
      if (LIGHT_VERBS.has(lemma) || (t.upper && i > 0 && !PREDICATE_CLASS.has(lemma) && !phrasalClass(lemma, tokens, i))) continue;
      // An unknown verb's lemma is a guess ("secured": secur): the dossier shows it as written instead.
      out.push({
        cls: phrasalClass(lemma, tokens, i) ?? PREDICATE_CLASS.get(lemma) ?? ownClass(lemma),
        at: t.start,
        lemma: PREDICATE_CLASS.has(lemma) ? lemma : t.lower,
      });
    } else if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      // Event nouns ("the arrest"), and verbs a headline's capitals made the tagger read as nouns ("Checks Into").
      const lemma = verbLemma(t.lower);
      const noun = VERB_ONLY.has(t.lower) ? undefined : (PREDICATE_CLASS.get(t.lower) ?? PREDICATE_CLASS.get(singularNoun(t.lower)));
      const cls = noun ?? phrasalClass(lemma, tokens, i) ?? (t.upper ? PREDICATE_CLASS.get(lemma) : undefined);
      const word = singularNoun(t.lower);
      if (cls) out.push({ cls, at: t.start, lemma: noun ? word : lemma });
      else if (t.pos === 'NOUN' && !VERB_ONLY.has(t.lower) && learnedEventNoun(word)) out.push({ cls: ownClass(word), at: t.start, lemma: word });
      else {
        // "intelligence-sharing", "arms-trafficking": a compound whose last part is an event noun names that event.
        const dash = t.lower.lastIndexOf('-');
        const last = dash > 0 ? t.lower.slice(dash + 1) : '';
        const tail = VERB_ONLY.has(last) ? undefined : (PREDICATE_CLASS.get(last) ?? PREDICATE_CLASS.get(singularNoun(last)));
        if (tail) out.push({ cls: tail, at: t.start + dash + 1, lemma: singularNoun(last) });
      }
    }
  }
  return out;
}

/**
 * Nouns compounded with a nominal predicate after them, by position, with that predicate's position: the lower-case
 * nouns right before an event noun, joined by "and" or commas ("intelligence and information sharing"), and the
 * first part of a hyphenated one ("intelligence-sharing"). A name before an event noun is left to word order ("the
 * Brisca visit" may be a visit to Brisca or by it).
 */
function compoundModifiers(tokens: readonly Token[], predicates: ReadonlyArray<{ at: number }>): Map<number, number> {
  const out = new Map<number, number>();
  const at = new Set(predicates.map((p) => p.at));
  for (const [i, t] of tokens.entries()) {
    const dash = t.lower.lastIndexOf('-');
    if (t.pos === 'NOUN' && dash > 0 && at.has(t.start + dash + 1)) out.set(t.start, t.start + dash + 1);
    if (!at.has(t.start) || !(t.pos === 'NOUN' || gerundAlone(tokens, i))) continue;
    for (let k = i - 1; k >= 0; k--) {
      const m = tokens[k] as Token;
      // "intelligence sharing and cooperation": a predicate of its own ends the chain, "intelligence" is what is shared.
      if (at.has(m.start)) break;
      if (m.pos === 'NOUN' && !m.upper) out.set(m.start, t.start);
      else if (m.lower !== 'and' && m.lower !== ',') break;
    }
  }
  return out;
}

/**
 * A gerund with no object of its own ("information sharing is possible", "… sharing rather than"): a noun, whatever
 * the tagger says; "officials sharing information" is a verb with its doer before it.
 */
function gerundAlone(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1]?.pos ?? '';
  return t.pos === 'VERB' && t.lower.endsWith('ing') && !['NOUN', 'PROPN', 'DET', 'PRON', 'NUM', 'ADJ'].includes(next);
}

/** A predicate class that only reports speech ("stress", "emphasize"): never the claim's main happening. */
function reportsOnly(cls: string): boolean {
  return REPORTING_CLASSES.has(cls);
}

/** "checked into", "checked herself into", "stepped down": the particle within two words picks the class. */
function phrasalClass(lemma: string, tokens: readonly Token[], i: number): string | undefined {
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
    const cls = PREDICATE_CLASS.get(`${lemma}_${(tokens[k] as Token).lower}`);
    if (cls) return cls;
  }
  return undefined;
}

/** Without part-of-speech tags (Spanish): the words the bilingual lexicon knows, by their stem. */
function lexiconPredicates(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    for (let n = w.length; n >= MIN_SPANISH_STEM; n--) {
      const cls = SPANISH_STEMS.get(w.slice(0, n));
      if (cls) {
        out.push({ cls, at: m.index, lemma: m[0].toLowerCase() });
        break;
      }
    }
  }
  return out;
}

/** Fewest letters of a Spanish stem: "abrir" keeps its five, or "abril" would open something. */
const MIN_SPANISH_STEM = 5;

/**
 * Stems of the lexicon's Spanish words: the word without its infinitive or "-ción" ending, never shorter than
 * MIN_SPANISH_STEM ("detenido"/"detener" meet at "deten"; "detuvo" misses). The whole stem, not a fixed five letters:
 * "compartir" and "compañía" share "compa", so a company "shared" something.
 */
const SPANISH_STEMS: ReadonlyMap<string, string> = new Map(
  [...PREDICATE_CLASS.entries()]
    .filter(([w]) => /(?:ar|er|ir|cion|ion)$/u.test(w) && !w.includes('_'))
    .map(([w, cls]) => {
      const stem = w.replace(/(?:ar|er|ir|cion|ion)$/u, '');
      return [stem.length >= MIN_SPANISH_STEM ? stem : w.slice(0, MIN_SPANISH_STEM), cls];
    }),
);

/**
 * Words that make a claim counterfactual or conditional: "wouldn't have placed him on the list", "if the council had
 * approved" (a plain "would" or "could" reports an intention or an ability, which can be denied). Such a claim neither asserts nor denies its predicate, so its polarity never conflicts.
 * English and Spanish. Judged on real coverage (eval/adjudicated): counterfactuals read as denials were wrong.
 */
const CONDITIONAL = /\b(?:(?:would|could|might|should|must)(?:n['’]t)?(?: not)? have|if|unless|whether|si|habría)\b/iu;

/** Words that deny the predicate right after them ("did not arrive", "never visited", "was not arrested"). */
const DENIAL = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
/** How many tokens before the main predicate a denial word still attaches to it ("has not yet been arrested"). */
const DENIAL_REACH = 4;

function deniesAt(tokens: readonly Token[], at: number): boolean {
  const i = tokens.findIndex((t) => t.start === at);
  for (let k = i - 1; k >= Math.max(0, i - DENIAL_REACH); k--) {
    const t = tokens[k] as Token;
    // "Not only repulsed an attack" asserts the attack was repulsed, and more.
    if (isDenial(t.lower)) return !ADDITIVE.has(tokens[k + 1]?.lower ?? '');
    // Only auxiliaries and adverbs stand between a denial and its predicate ("has not yet been arrested"): in
    // "pleads not guilty in the deaths", "not" denies "guilty", not "deaths".
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}

/** Words after "not" that add rather than deny ("not only", "not just", "no sólo"). */
const ADDITIVE: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'solo', 'sólo']);

/** "not", "never", "didn't", "hadn’t": the tokenizer may keep the contraction whole, with either apostrophe. */
function isDenial(lower: string): boolean {
  const w = lower.replace(/’/gu, "'");
  return DENIAL.has(w) || w.endsWith("n't");
}

/** The text with its asides blanked (offsets kept). */
function withoutAsides(text: string, asides: readonly Span[]): string {
  let out = text;
  for (const a of asides) out = out.slice(0, a.start) + ' '.repeat(a.end - a.start) + out.slice(a.end);
  return out;
}

/** Ordinal words, English and Spanish, by value. */
const ORDINAL: ReadonlyMap<string, number> = new Map(
  [
    'first primer primero primera 1st',
    'second segundo segunda 2nd',
    'third tercer tercero tercera 3rd',
    'fourth cuarto cuarta 4th',
    'fifth quinto quinta 5th',
    'sixth sexto sexta 6th',
    'seventh séptimo séptima 7th',
    'eighth octavo octava 8th',
    'ninth noveno novena 9th',
    'tenth décimo décima 10th',
  ].flatMap((words, i) => words.split(' ').map((w) => [w, i + 1] as [string, number])),
);

/** Words after which an ordinal stands for the happening named before it ("this visit, his first to the country"). */
const ELLIPSIS_AFTER: ReadonlySet<string> = new Set(['to', 'in', 'at', 'since', 'as', 'of', 'a', 'en', 'desde']);

/**
 * Ordinals that count the claim's happening: an ordinal before an event noun within two words ("third trip", "first
 * diplomatic visit") or standing alone for it ("his first to the country"). "Seventh round" or "first quarter"
 * count a part of the happening, not the happening: on ECB+ claim alignment every ordinal cost recall (F1-tuned R
 * 0.437 -> 0.390 on the quick topics) where these do not.
 */
function ordinalsOf(text: string): Set<number> {
  const out = new Set<number>();
  const words = [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  for (const [i, w] of words.entries()) {
    const n = ORDINAL.get(w);
    if (n === undefined) continue;
    const next = words.slice(i + 1, i + 3);
    const counted = next.some((x) => PREDICATE_CLASS.has(x) || PREDICATE_CLASS.has(singularNoun(x)));
    if (counted || next.length === 0 || ELLIPSIS_AFTER.has(next[0] as string)) out.add(n);
  }
  return out;
}

/** Generational suffixes that follow a surname. */
const NAME_SUFFIX: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Lemmas of verbs that report speech ("said", "explained"): a time before one dates the saying, not what was said. */
const SPEECH_VERBS: ReadonlySet<string> = new Set([...EN_SPEECH_VERBS, 'explain', 'announce', 'confirm', 'state']);

/**
 * Classes of speech verbs the lexicon gives no class of their own (their stem is their class): "announce", "warn"
 * or "deny" may be the happening itself and keep their class.
 */
const REPORTING_CLASSES: ReadonlySet<string> = new Set([...SPEECH_VERBS].filter((v) => !PREDICATE_CLASS.has(v)).map((v) => ownClass(v)));

/** A time inside quoted words: the speaker's "today" is relative to when they spoke, not to the article. */
function quoted(d: DateAt, input: FrameInput): boolean {
  const start = d.at + input.offset;
  return input.quotes.some((q) => q.kind === 'direct' && q.start <= start && start < q.end);
}

/** "was arrested", "were killed", "has been fired": the subject is the one acted on. */
function isPassive(tokens: readonly Token[], at: number): boolean {
  const i = tokens.findIndex((t) => t.start === at);
  const verb = tokens[i];
  if (!verb || !/(?:ed|en|wn|ne|ht|ck|ot|ain|ung|ost)$/u.test(verb.lower)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = (tokens[k] as Token).lower;
    if (/^(?:is|are|was|were|be|been|being|get|got)$/u.test(w)) return true;
    if ((tokens[k] as Token).pos !== 'ADV' && (tokens[k] as Token).pos !== 'AUX') return false;
  }
  return false;
}

/** English verb form → lemma: irregular table, then -ied/-ies, -ing, -ed, -s with doubled consonants undone. */
export function verbLemma(word: string): string {
  const irregular = IRREGULAR_VERBS.get(word);
  if (irregular) return irregular;
  const known = (w: string): boolean => PREDICATE_CLASS.has(w) || LIGHT_VERBS.has(w);
  const tries: string[] = [];
  if (/ie[sd]$/u.test(word)) tries.push(`${word.slice(0, -3)}y`);
  for (const suffix of ['ing', 'ed', 'es', 's', 'd']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const base = word.slice(0, -suffix.length);
    // A doubled final consonant is undone first ("stopped", "putting": stop, put), except the letters English
    // doubles in the lemma itself ("called", "passed", "buzzed", "added"), so every form of a verb meets on one lemma.
    if (base.length >= 4 && /([b-df-hj-kmnp-rtv-y])\1$/u.test(base)) tries.push(base.slice(0, -1));
    tries.push(base, `${base}e`);
  }
  return tries.find(known) ?? tries[0] ?? word;
}

/** A noun's singular, by rule ("facilities": facility, "cartels": cartel): noun arguments are keyed on it. */
export function singularNoun(noun: string): string {
  if (noun.endsWith('ies') && noun.length > 4) return `${noun.slice(0, -3)}y`;
  if (noun.endsWith('s') && !noun.endsWith('ss') && noun.length > 3) return noun.slice(0, -1);
  return noun;
}

/**
 * The class of a predicate the lexicon does not know: its stem without a final "e", so the forms the lemma rules
 * guess for an unknown verb and its noun meet ("damage", "damaged", "damages": damag; "placed", "place": plac).
 */
export function ownClass(lemma: string): string {
  return stemOf(lemma).replace(/e$/u, '');
}

/** Six-letter stem, accents folded: "announce"/"announced"/"announcement" meet; so do Spanish inflections. */
export function stemOf(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 6);
}

/** The interval of values a quantity allows. Years and ordinals are not amounts. */
function toRange(q: Quantity, input: FrameInput): ClaimQuantity | null {
  const noun = q.counted ? (q.counted.toLowerCase().split(/\s+/).pop() ?? '') : '';
  const kind = q.unit ?? (noun ? (COUNTED_KIND.get(noun) ?? stemOf(singularNoun(noun))) : '');
  if (!kind) return null;
  const v = q.value;
  const slack = isRound(v) ? Math.abs(v) * ROUND : exactSlack(v);
  let [low, high] = [v - slack, v + slack];
  if (q.valueMax !== undefined) [low, high] = [Math.min(v, q.valueMax), Math.max(v, q.valueMax)];
  else if (q.qualifier === 'approximately') [low, high] = [v * (1 - ABOUT), v * (1 + ABOUT)];
  else if (q.qualifier === 'more-than' || q.qualifier === 'at-least') [low, high] = [v - slack, Number.POSITIVE_INFINITY];
  else if (q.qualifier === 'less-than' || q.qualifier === 'at-most' || q.qualifier === 'up-to') [low, high] = [0, v + slack];
  // "A 4-plus quake", "40+ people": at least the figure (the quantity stage reads the number and leaves the "plus").
  else if (/^[\d.,]+(?:-plus\b|\+)/iu.test(q.text)) [low, high] = [v - slack, Number.POSITIVE_INFINITY];
  const at = q.start - input.offset;
  const aside = /\(\s*\p{Sc}?\p{L}{0,3}$/u.test(input.text.slice(Math.max(0, at - 5), at));
  const share = /\bof\s*$/iu.test(q.text) || /^\s+of\b/iu.test(input.text.slice(q.end - input.offset, q.end - input.offset + 4));
  return { text: q.text, at, part: aside || share, kind, low, high, context: wordsAround(input.text, at, q.end - input.offset) };
}

/** The earlier value a claim names itself ("up from 12"): its figure, not a loose one. */
function replaced(q: Quantity, input: FrameInput): boolean {
  return /\bfrom\s*$/iu.test(input.text.slice(Math.max(0, q.start - input.offset - 6), q.start - input.offset));
}

/** 300, 1,500, 2 million: figures that news rounds to. */
function isRound(v: number): boolean {
  const a = Math.abs(v);
  return a >= 10 && Number.isInteger(a) && a % 10 ** Math.max(1, Math.floor(Math.log10(a)) - 1) === 0;
}

/**
 * A name: capitalised words, not opened by an article ("The City Attorney's office" is no name). A single word
 * ("Bodiford") counts too: `withNamedSpeaker` then still requires it to be a person the entity layer named.
 */
const NAMED = /^(?!(?:The|A|An)\s)\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*$/u;

/**
 * A speaker counts only when the claim names that person ("said Mayor Elena Varga"): an organisation or a
 * description the quote stage picked ("the Geological Survey", "Trend Micro" for its researcher) may be the
 * same source told another way.
 */
function withNamedSpeaker(quote: ClaimFrame['quote'], args: readonly ArgumentAt[]): ClaimFrame['quote'] {
  if (!quote?.speaker) return quote;
  const surname = quote.speaker.split(' ').pop();
  return args.some((x) => x.doer && x.key === surname) ? quote : { ...quote, speaker: null };
}

function quoteOf(quotes: readonly QuoteMention[]): ClaimFrame['quote'] {
  const said = quotes.filter((q) => q.text.length > 0);
  // Only quoted words are the speaker's own: reported speech ("Trump has threatened a 30% tariff", "X said that Y")
  // is the writer's paraphrase, which another outlet words its own way, so it is aligned by its frame like any claim.
  // When the claim quotes words directly, those are what outlets share; a paraphrase beside them ("urged users to
  // test and deploy the update 'as quickly as possible'") is the writer's words, not the speaker's.
  const direct = said.filter((q) => q.kind === 'direct');
  if (direct.length === 0) return null;
  const words = new Set(direct.flatMap((q) => q.text.toLowerCase().match(/\p{L}{3,}/gu) ?? []));
  // Only a speaker named by name counts: "a local barber" and "Julian Clark" may be one person.
  const speaker = said.find((q) => q.speaker && NAMED.test(q.speaker))?.speaker ?? null;
  return { words, speaker: speaker ? canonicalKey(speaker) : null, direct: true };
}

/**
 * A verb of saying that reports what was said ("found that", "told reporters"), not a passive that tells a verdict or
 * a state ("was found guilty", "was declared dead"): a form of "be" before it and an adjective after it.
 */
function reports(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (!SPEECH_VERBS.has(verbLemma(t.lower))) return false;
  const passive = tokens[k - 1]?.pos === 'AUX' && PASSIVE_BE.has(tokens[k - 1]?.lower ?? '');
  return !(passive && tokens[k + 1]?.pos === 'ADJ');
}
const PASSIVE_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
