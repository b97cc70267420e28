import { analyze } from '../annotate/nlp.js';
import type { Block, Quantity } from '../model/annotations.js';
import { type Article, layer } from '../model/article.js';
import type { Span } from '../model/span.js';
import { type ClaimFrame, claimFrame } from './claims.js';
import { claimSpans, MIN_FACT_WORDS } from './clauses.js';

/** A checkable unit: one sentence of one article with the anchors alignment and status need. */
export interface FactUnit extends Span {
  articleId: string;
  /** Independent source the article belongs to (copies share their origin's source). */
  source: string;
  text: string;
  /** Content words, lower-cased and cut to a crude stem (language-light: works for English and Spanish). */
  terms: Set<string>;
  /** Who did what to whom, how much, when, where, whether, and who says so (see claims.ts). */
  frame: ClaimFrame;
  /** Canonical entity names mentioned. */
  entities: Set<string>;
  quantities: Quantity[];
  /** TIMEX3 values of dates in the sentence (day, month or year precision). */
  dates: string[];
  hedged: boolean;
  negated: boolean;
  opinion: boolean;
  /** Attributed to someone ("X said", "according to"). */
  attributed: boolean;
  /** The sentence itself tells a change over time ("down from 1,200"): its old value is history, not a conflict. */
  tellsChange: boolean;
  /** The sentence is mostly a direct quote: reported under quotes, not as a fact. */
  quoteOnly: boolean;
  /** A side claim (clauses.ts `claimSpans`): it supports a fact, but a main claim of its sentence tells it. */
  side: boolean;
  /** The claim with a detail only its outlet adds ("… alongside three aides"): shown as told, never aligned. */
  detail: boolean;
  /** Event (inside the story) of the article, for telling conflicts from developments. */
  eventId: string | null;
  /**
   * The day the article's account stands as of, when known: its last revision ("Updated …") when later than its
   * publication, else its publication. A toll told by a page updated the next day is the next day's toll.
   */
  published: string | null;
}

/**
 * "Down from" and "rose to" tell a change of value only before a figure ("rose to 12", "up from about $3 million",
 * "climbed to dozens"): "rose to infamy" and "a few doors down from where" tell none (ECB+ sentences read so).
 */
const FIGURE_AHEAD = String.raw`(?=\s+(?:about\s+|around\s+|nearly\s+|more than\s+|at least\s+|over\s+)?(?:[$€£]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens)\b))`;
/** A change of value: "down from 20", "rose to 12" (FIGURE_AHEAD). */
export const VALUE_CHANGE = new RegExp(
  String.raw`\b(?:down|up|reduced|cut|raised|increased|lowered) from${FIGURE_AHEAD}|\b(?:rose|risen|climbed|jumped|grew|fell|dropped|increased|decreased) to${FIGURE_AHEAD}`,
  'iu',
);

/** A sentence that reports a value or state replacing an earlier one ("rose to 12", "now says", "scaled back", "down from 20"). */
const CHANGE_WORDS =
  /\bnow (stands?|is|are|at|says?|plans?|expects?)\b|\b(compared with|previously|instead of(?!\s+\p{L}+ing\b)|scaled back|originally|initially|no longer|updated)\b|\b(frente a|en lugar de|antes de|inicialmente|originalmente|rebajad[oa]s?)\b/iu;

const NAMES_DAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b/iu;

/** A resolved day (the day of a time), or the words as written when no publication date resolved them. */
function dateValue(t: { value: string; text: string }): string {
  return /^\d{4}/.test(t.value) ? (t.value.split('T')[0] as string) : `as written: ${t.text.toLowerCase()}`;
}

/** Blocks whose sentences can carry facts. Headlines repeat the body and frame it; headings are labels. */
const FACT_BLOCKS: ReadonlySet<Block['kind']> = new Set(['paragraph', 'list-item', 'quote-block']);

const STOP = new Set(
  (
    'the a an and or but of to in on at for with by from as is are was were be been being has have had do does did not no this that these those it its he she they them his her their we you our your will would can could should may might must than then there here who whom which what when where why how all any each more most other some such only own same so too very just also about after before over under into out up down off again once said says say told new one two three mr mrs ms after while during since per via ' +
    'el la los las un una unos unas y o pero de del al en con por para como es son fue fueron ser ha han había se su sus que lo le les este esta estos estas ese esa eso más muy también dijo según sobre entre hasta desde cuando donde no ya'
  ).split(' '),
);

/**
 * Splits every article of a story into fact units: body sentences with their entities, quantities, dates and
 * cues. Sentences inside embeds are not in the text at all; headlines and headings are skipped (they restate).
 */
export function factUnits(articles: readonly Article[], sourceOf: ReadonlyMap<string, string>, eventOf: ReadonlyMap<string, string>): FactUnit[] {
  const units: FactUnit[] = [];
  for (const article of articles) {
    const blocks = layer(article, 'blocks');
    const entities = layer(article, 'entities');
    const quantities = layer(article, 'quantities');
    const times = layer(article, 'times');
    const cues = layer(article, 'cues');
    const quotes = layer(article, 'quotes');
    for (const s of layer(article, 'sentences')) {
      const block = s.blockIndex === undefined ? undefined : blocks[s.blockIndex];
      if (block && !FACT_BLOCKS.has(block.kind)) continue;
      const sentence = article.text.slice(s.start, s.end);
      if ((sentence.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_FACT_WORDS) continue;
      const within = <T extends Span>(list: readonly T[], span: Span): T[] => list.filter((x) => x.start >= span.start && x.end <= span.end);
      // Cues and quotes are read on the whole sentence: "…, the company said" hedges or attributes every clause.
      const sentenceCues = within(cues, s);
      // A direct quote may run over several sentences ("The port is open … today. We will keep it open," she
      // said): each sentence counts the part of it that it holds.
      const direct = quotes
        .filter((q) => q.kind === 'direct' && q.start < s.end && s.start < q.end)
        .map((q) => ({ start: Math.max(q.start, s.start) - s.start, end: Math.min(q.end, s.end) - s.start }));
      const quoted = direct.reduce((n, q) => n + (q.end - q.start), 0);
      const sentenceQuotes = within(quotes, s);
      // Quoted words are never cut; reported speech ("X said that …", "…, AFP reported") is the writer's words.
      const guarded = direct;
      // "She said each country must …": the judgement is the speaker's, and that she said it is checkable.
      const attributed = sentenceCues.some((c) => c.kind === 'attribution') || sentenceQuotes.length > 0;
      // Verbs tell a coordinated clause ("deployed troops and extradited 55") from a list ("tubes and armored trucks").
      const tokens = article.language.startsWith('en') ? analyze(sentence).tokens : [];
      for (const clause of claimSpans(sentence, guarded, tokens)) {
        const span = { start: s.start + clause.start, end: s.start + clause.end };
        const text = article.text.slice(span.start, span.end);
        const claimEntities = within(entities, span);
        const claimQuantities = within(quantities, span);
        const claimTimes = within(times, span);
        const dates = claimTimes.filter((t) => t.type === 'date' && !t.inEmbed && /^\d{4}/.test(t.value)).map((t) => t.value);
        const claimQuotes = sentenceQuotes.filter((q) => q.start < span.end && span.start < q.end);
        units.push({
          ...span,
          articleId: article.id,
          source: sourceOf.get(article.id) ?? article.id,
          text,
          terms: contentTerms(text.match(/[\p{L}\p{N}]+/gu) ?? []),
          frame: claimFrame({
            text,
            offset: span.start,
            language: article.language,
            entities: claimEntities,
            article: entities,
            quantities: claimQuantities,
            // A weekday or month no publication date resolves is still compared, as written, with another one.
            // "Thursday night" is a time whose day counts like a date's; a clock time alone ("at 2:56", "7 p.m.")
            // names no day of its own, so it is left out rather than dated by the publication.
            dates: claimTimes
              .filter((t) => !t.inEmbed && (t.type === 'date' || (t.type === 'time' && NAMES_DAY.test(t.text))))
              .map((t) => ({ value: dateValue(t), text: t.text.toLowerCase(), at: t.start - span.start, end: t.end - span.start })),
            quotes: claimQuotes,
            excluded: claimTimes,
            asides: clause.asides.map((a) => ({ start: a.start - clause.start, end: a.end - clause.start })),
            // Negation is read on the claim itself: "X, but Y did not" denies only its second claim.
            negated: within(cues, span).some((c) => c.kind === 'negation'),
          }),
          entities: new Set(claimEntities.filter((e) => e.via !== 'pronoun').map((e) => e.canonical)),
          quantities: claimQuantities,
          dates,
          hedged: sentenceCues.some((c) => c.kind === 'hedge'),
          negated: sentenceCues.some((c) => c.kind === 'negation'),
          opinion: !attributed && within(cues, span).some((c) => c.kind === 'opinion'),
          attributed,
          quoteOnly: quoted > (s.end - s.start) * 0.6,
          side: clause.side,
          detail: clause.detail,
          tellsChange: VALUE_CHANGE.test(sentence) || CHANGE_WORDS.test(sentence),
          eventId: eventOf.get(article.id) ?? null,
          published: asOf(article),
        });
      }
    }
  }
  return units;
}

/** Lower-cased content words cut to six letters: "extradited"/"extradites" and "trabajadores"/"trabajo" meet. */
export function contentTerms(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const lower = w.toLowerCase();
    if (lower.length < 3 || STOP.has(lower) || /^\d+$/.test(lower)) continue;
    out.add(lower.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 6));
  }
  return out;
}

/** The article's last revision day when it is later than its publication day (or the only one known), else its publication day. */
function asOf(article: Article): string | null {
  const [published, modified] = [article.published.date, article.modified?.slice(0, 10) ?? null];
  if (published === null || modified === null) return published ?? modified;
  return modified > published ? modified : published;
}
