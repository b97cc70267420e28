import { analyze, type Token } from '../../annotate/nlp.js';
import { FUTURE_CUES, FUTURE_PAIRS, NOT_PAST_ED, PAST_CUES } from '../../annotate/times/cues.js';
import type { ClaimFrame } from '../claims.js';
import { oncePer } from '../once-per.js';
import { isBackground } from './clause-role.js';

/**
 * The stage of a story a claim tells its happening at: planned or promised ("will visit", "plans to visit", "is to
 * be", a headline's "X to visit"), requested of someone ("called on X to overturn", "urged X to"), under way or
 * arranged ("is flying to Kessling on Tuesday": a present progressive with a time of its own), or done ("arrived",
 * "has pleaded", "was found"). Two claims at two stages of one happening (a trip announced and the arrival, a call to
 * overturn a rule and the rule overturned) are two facts, though they share every name. `other`: a present-tense
 * statement or a headline's present (which tells a done thing), a past progressive, a noun, a modal.
 * Read from the part-of-speech tags and the tense cues of the time layer (annotate/times/cues.ts), English only.
 */
export type Stage = 'planned' | 'requested' | 'ongoing' | 'done' | 'other';

/**
 * Verbs that ask someone else to act: "called on X to", "urged X to", "asked X to", "demanded that". What follows
 * them is a request, not the act. Generic English verbs of asking and ordering, not fitted to a story.
 */
const REQUEST_VERBS = new Set([
  'call',
  'urge',
  'ask',
  'demand',
  'press',
  'appeal',
  'implore',
  'petition',
  'request',
  'order',
  'push',
  'encourage',
  'beg',
  'tell',
  'pressure',
  'lobby',
  'want',
]);
/**
 * Verbs of commitment: what follows them is promised, not done ("vowed to rebuild"). Not "agreed to buy": a deal
 * signed is told as the purchase ("X acquires Y").
 */
const PROMISE_VERBS = new Set(['vow', 'promise', 'pledge', 'threaten', 'propose', 'schedule', 'slate', 'poise']);
/** Adjectives and participles before an event noun that make it not yet happened ("the planned visit"). */
const PLANNED_NOUN_MODIFIERS = new Set([
  'planned',
  'upcoming',
  'proposed',
  'scheduled',
  'expected',
  'possible',
  'potential',
  'impending',
  'looming',
  'future',
  'prospective',
  'next',
]);
/** Forms of "be" before a predicate noun. */
const BE = new Set(['be', 'is', 'are', 'am', 'was', 'were', 'been', "'s", "'re"]);
const MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', "'d"]);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", "'m"]);
const PERFECT_OR_PAST = new Set(['has', 'have', 'had', "'ve", 'was', 'were', 'did']);
/** Tokens skipped between a verb and its auxiliaries ("has not yet arrived", "will also travel"). */
const SKIPPED_POS = new Set(['ADV', 'PART']);
/** How far back (in tokens) a request or a plan verb may stand before its object and "to" ("urged the city council to"). */
const OBJECT_SPAN = 6;

/** A crude English lemma for matching verb lists: "called" "calls" "calling" -> "call", "urged" -> "urge". */
function lemmaOf(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  if (w === 'told') out.push('tell');
  if (w === 'sought') out.push('seek');
  return out;
}

const inList = (list: ReadonlySet<string>, word: string): boolean => lemmaOf(word).some((l) => list.has(l));
/** "plans", "expected", "set", "due", "going" (before "to"): the time layer's cues of a planned happening. */
const plansAhead = (word: string): boolean => FUTURE_PAIRS.get(word.toLowerCase()) === 'to';

/** Words that may stand between a verb of asking and its "to": the one asked ("called on the city council to"). */
const OBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM']);
const OBJECT_PREPOSITIONS = new Set(['on', 'upon', 'for']);

/**
 * What governs the infinitive of the verb at token `verb`, whose "to" is token `to`: a plan ("plans to", "is to",
 * "vowed to"), a request of someone ("urged the council to"), or a headline's future ("Brenner to visit Kessling":
 * the claim has no other verb).
 */
function infinitiveStage(tokens: readonly Token[], to: number, verb: number): Stage {
  const before = tokens[to - 1];
  const verbal = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
  if (!before) return 'planned';
  // "is to be", "are to meet": the arranged future.
  if (BE.has(before.lower) && before.lower !== 'be' && before.lower !== 'been') return 'planned';
  if (plansAhead(before.lower) || inList(PROMISE_VERBS, before.lower)) return 'planned';
  if (verbal(before)) return inList(REQUEST_VERBS, before.lower) ? 'requested' : 'other';
  // The one asked between the verb and "to": "called on the administration to", "expects the deal to".
  for (let k = to - 1; k >= Math.max(0, to - 1 - OBJECT_SPAN); k--) {
    const t = tokens[k] as Token;
    if (verbal(t)) {
      if (inList(REQUEST_VERBS, t.lower)) return 'requested';
      return plansAhead(t.lower) || inList(PROMISE_VERBS, t.lower) ? 'planned' : 'other';
    }
    if (!OBJECT_POS.has(t.pos) && !OBJECT_PREPOSITIONS.has(t.lower)) break;
  }
  return tokens.every((t, k) => k === verb || !verbal(t)) ? 'planned' : 'other';
}

/** The stage of the verb at token `i`, read from its auxiliaries, its form and what governs it. */
function verbStage(tokens: readonly Token[], i: number): Stage {
  const verb = tokens[i] as Token;
  // "is to meet": the arranged future.
  if (BE.has(verb.lower) && tokens[i + 1]?.lower === 'to') return 'planned';
  // An auxiliary standing for its clause ("will be the host", "was the star") tells the stage itself.
  const aux: string[] = verb.pos === 'AUX' ? [verb.lower] : [];
  let j = i - 1;
  while (j >= 0 && ((tokens[j] as Token).pos === 'AUX' || SKIPPED_POS.has((tokens[j] as Token).pos)) && (tokens[j] as Token).lower !== 'to') {
    if ((tokens[j] as Token).pos === 'AUX') aux.push((tokens[j] as Token).lower);
    j--;
  }
  if (tokens[j]?.lower === 'to' && tokens[j]?.pos === 'PART') {
    // An infinitive is a bare verb: "to injured reserve" is a preposition before a participle, not a plan.
    return verb.lower.endsWith('ed') && !NOT_PAST_ED.has(verb.lower) ? 'other' : infinitiveStage(tokens, j, i);
  }
  if (aux.some((a) => FUTURE_CUES.has(a) && !MODALS.has(a))) return 'planned';
  if (aux.some((a) => MODALS.has(a))) return 'other';
  if (verb.lower.endsWith('ing') && !aux.includes('been')) {
    // "is flying to Kessling": under way or arranged. "was considering", "were struggling": a past progressive sets the
    // scene of a past moment; it tells neither a plan nor a thing done.
    if (aux.some((a) => PRESENT_BE.has(a))) return 'ongoing';
    if (aux.some((a) => BE.has(a))) return 'other';
  }
  if (aux.some((a) => PERFECT_OR_PAST.has(a))) return 'done';
  if (aux.length === 0 && (PAST_CUES.has(verb.lower) || (verb.lower.endsWith('ed') && !NOT_PAST_ED.has(verb.lower)))) return 'done';
  return 'other';
}

/** The stage of an event noun: "the planned visit" is planned, "calls for elections" requested. */
function nounStage(tokens: readonly Token[], i: number): Stage {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k] as Token;
    if (PLANNED_NOUN_MODIFIERS.has(t.lower)) return 'planned';
    if (t.lower === 'for' && inList(REQUEST_VERBS, tokens[k - 1]?.lower ?? '')) return 'requested';
    // A noun after "be" tells its stage through the verb: "is to be the new star", "will be the host".
    if (t.pos === 'AUX' && BE.has(t.lower)) return verbStage(tokens, k);
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'PROPN') break;
  }
  return 'other';
}

const stages = new WeakMap<ClaimFrame, Map<number, Stage>>();

/** The stage a claim tells the predicate at `at` (an offset into ClaimFrame.text) at. */
export function stageAt(frame: ClaimFrame, at: number): Stage {
  let known = stages.get(frame);
  if (!known) stages.set(frame, (known = new Map()));
  const hit = known.get(at);
  if (hit) return hit;
  const tokens = analyze(frame.text).tokens;
  const i = tokens.findIndex((t) => t.start <= at && at < t.end);
  const t = tokens[i];
  const stage = !t ? 'other' : t.pos === 'VERB' || t.pos === 'AUX' ? verbStage(tokens, i) : nounStage(tokens, i);
  known.set(at, stage);
  return stage;
}

/**
 * The stages a claim tells: of the predicate it shares with another claim (`at`: "called on X to overturn" tells
 * the overturning as requested), and of its own news: a request when it asks someone to act, else the first of its
 * verbs (not verbs of saying) outside any background clause whose form tells a stage ("Biologists Call on X to
 * Overturn" tells a request: the headline's present "Call" tells none), or its first auxiliary when it has no verb
 * ("is to be the new star"). "The envoy is flying to Kessling for talks" tells the talks at the flight's stage.
 */
export function claimStages(frame: ClaimFrame, at: number | undefined): { shared: Stage; main: Stage } {
  const known = stagesOf(frame);
  let stages = known.get(at);
  if (!stages) known.set(at, (stages = readStages(frame, at)));
  return stages;
}

/** Each claim's stages by the predicate asked about: a claim meets up to MAX_CANDIDATES others (align.ts). */
const stagesOf = oncePer((_frame: ClaimFrame) => new Map<number | undefined, { shared: Stage; main: Stage }>());

function readStages(frame: ClaimFrame, at: number | undefined): { shared: Stage; main: Stage } {
  const tokens = analyze(frame.text).tokens;
  // Verbs the tagger reads but claims.ts did not list: a language other than English, whose tenses these rules do not read.
  if (frame.verbs.length === 0 && tokens.some((t) => t.pos === 'VERB')) return { shared: 'other', main: 'other' };
  const own = frame.verbs.filter((v) => !v.reporting && !isBackground(frame, v.at)).map((v) => v.at);
  if (own.length === 0) {
    const aux = tokens.find((t) => t.pos === 'AUX' && !isBackground(frame, t.start));
    if (aux) own.push(aux.start);
  }
  const told = own.map((x) => stageAt(frame, x));
  // "Botanists called on the ministry to repeal …" tells a request, though its first verb ("called") is done.
  const main = told.includes('requested') ? 'requested' : (told.find((s) => s !== 'other') ?? 'other');
  const shared = at === undefined ? 'other' : stageAt(frame, at);
  return { shared: arranged(frame, shared), main: arranged(frame, main) };
}

/**
 * A present progressive with a time of its own is an arrangement ("is flying to Kessling on Tuesday"); without one it
 * tells a state of things now ("is making her third visit", "is working with the police"), no stage of its own.
 */
function arranged(frame: ClaimFrame, stage: Stage): Stage {
  return stage === 'ongoing' && !frame.dates.some((d) => !d.possessive) ? 'other' : stage;
}

/** Not (yet) happened: planned, promised, requested of someone, under way. */
export function unrealized(stage: Stage): boolean {
  return stage === 'planned' || stage === 'requested' || stage === 'ongoing';
}
