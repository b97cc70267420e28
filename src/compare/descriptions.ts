import { firstNameGender, type GazetteerKind, gazetteerKind } from '../annotate/entities/gazetteer.js';
import type { Token } from '../annotate/nlp.js';
import type { EntityMention, EntityType } from '../model/annotations.js';

/**
 * Definite descriptions resolved to the article's named entity they stand for: "the actress checked in" is the named
 * actress's check-in in an article about her, "his first visit to the country" a visit to the country the article
 * names. Outlets name a participant once and then describe it, so a claim told with a description would otherwise
 * share no argument with the same claim told with the name. The entity layer links pronouns and held titles ("the
 * secretary") inside a sentence or two; these descriptions name a kind, not an office, and are read here, where the
 * whole article's names are at hand.
 */

/** What a description's head noun can stand for: an entity type, and for places the gazetteer kinds that fit. */
interface Kind {
  type: EntityType;
  /** Places only: gazetteer kinds the name must have ("the country" is a country, never a city); absent = any. */
  places?: ReadonlySet<GazetteerKind | 'unlisted'>;
}

const PERSON: Kind = { type: 'person' };
const ORG: Kind = { type: 'org' };
const COUNTRY: Kind = { type: 'place', places: new Set(['country']) };
const TOWN: Kind = { type: 'place', places: new Set(['city', 'unlisted']) };
const AREA: Kind = { type: 'place', places: new Set(['region', 'unlisted']) };

/**
 * Head nouns that describe one participant of a kind. Generic news words, not any story's: occupations a person
 * is described by ("the actress", "the striker"), kinds of organisation, kinds of place. Roles that name a party
 * of a happening rather than its subject ("the suspect", "the victim", "the gunman") are left out: an article
 * often has several, and the most-named person is not always the one meant.
 */
const HEADS: ReadonlyMap<string, Kind> = new Map([
  ...words(
    'actress actor singer star rapper musician comedian model player striker forward midfielder quarterback pitcher goalkeeper coach boxer golfer athlete champion filmmaker author writer novelist lawmaker politician billionaire businessman businesswoman entrepreneur celebrity socialite heiress guitarist drummer songwriter',
    PERSON,
  ),
  ...words(
    'company firm maker manufacturer retailer carrier airline bank giant network band corporation conglomerate startup insurer automaker chipmaker publisher studio agency organization organisation club team',
    ORG,
  ),
  ...words('country nation', COUNTRY),
  ...words('city town capital village', TOWN),
  ...words('island region province', AREA),
]);

function words(list: string, kind: Kind): Array<[string, Kind]> {
  return list.split(' ').map((w) => [w, kind]);
}

/** Determiners that make a description definite: "a company" is any company, "the company" one already named. */
const DEFINITE = new Set(['the', 'this', 'that']);
/** Most modifiers between the determiner and the head ("the troubled American Pie actress"). */
const MAX_MODIFIERS = 3;
/** "The 33-year-old": an age stands for the person it describes. */
const AGE = /^\d{1,3}-year-old$/u;

/** A description found in a claim (offsets into the claim) and the named entity it stands for. */
export interface ResolvedDescription {
  at: number;
  end: number;
  entity: EntityMention;
  /** A pronoun, not a description: it names no one by itself ("she"), so it counts as the entity layer's pronouns do. */
  pronoun?: boolean;
}

/**
 * The definite descriptions of a claim's tokens (offsets into the claim, which starts at `offset` in the article)
 * with the entity each stands for: among the article's names of the described kind written before the
 * description, the most often named so far (the article's subject), the latest on a tie. A description with a name
 * right after it ("the actress Mara Quill", "the city of Cholame") is that name, already an entity: left alone. A
 * name the claim itself gives is not what its description stands for ("the country faces pressure from the US":
 * a writer describes what the clause does not name).
 */
export function resolveDescriptions(
  tokens: readonly Token[],
  offset: number,
  article: readonly EntityMention[],
  inClaim: readonly EntityMention[],
): ResolvedDescription[] {
  // A pronoun may be the description's own ("the actress checked in on her own"): only names exclude.
  const named = new Set(inClaim.filter((e) => e.via !== 'pronoun').map((e) => e.canonical));
  const out: ResolvedDescription[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pronoun = subjectPronoun(tokens[i] as Token, offset, article, inClaim, named);
    if (pronoun) out.push(pronoun);
    if (!DEFINITE.has((tokens[i] as Token).lower)) continue;
    const head = headAfter(tokens, i);
    if (head === null) continue;
    const t = tokens[head] as Token;
    const next = tokens[head + 1];
    const after = tokens[head + 2];
    if (next?.upper || (next?.lower === 'of' && after?.upper)) continue;
    const kind = AGE.test(t.lower) ? PERSON : (HEADS.get(t.lower) as Kind);
    const entity = antecedent(article, kind, offset + (tokens[i] as Token).start, named);
    if (entity) out.push({ at: (tokens[i] as Token).start, end: t.end, entity });
    i = head;
  }
  return out;
}

/**
 * The head noun of a description opened at `det`: the first known head or age after at most MAX_MODIFIERS
 * modifiers ("the notorious party girl", "the “American Pie” actress": quote marks do not count); a verb, a
 * pronoun or a preposition ends the phrase first.
 */
function headAfter(tokens: readonly Token[], det: number): number | null {
  let modifiers = 0;
  for (let k = det + 1; k < tokens.length && modifiers <= MAX_MODIFIERS; k++) {
    const t = tokens[k] as Token;
    if (AGE.test(t.lower) || (t.pos === 'NOUN' && !t.upper && HEADS.has(t.lower))) return k;
    if (t.pos === 'PUNCT' && t.lower !== ',') continue;
    if (!MODIFIER_TAGS.has(t.pos)) return null;
    modifiers++;
  }
  return null;
}

/** Tags of the words that may stand between a determiner and its head noun. */
const MODIFIER_TAGS: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN', 'ADV', 'NUM']);

/** Subject pronouns and the gender they require. */
const SUBJECT_PRONOUNS: ReadonlyMap<string, 'female' | 'male'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
]);
/**
 * How many times more often the article must have named its subject than anyone else the pronoun could be: the
 * entity layer links a pronoun to the one person of the sentence before; a pronoun it left (two persons there, or
 * none) is the article's subject only when the article is plainly about one person.
 */
const SUBJECT_DOMINANCE = 2;

/**
 * "She checked in on Friday": a subject pronoun the entity layer left unlinked, read as the article's subject — the
 * person named most often before it, of a gender the pronoun fits (by first name; unknown fits), named at least
 * SUBJECT_DOMINANCE times as often as the next one and not named in the claim itself.
 */
function subjectPronoun(
  t: Token,
  offset: number,
  article: readonly EntityMention[],
  inClaim: readonly EntityMention[],
  named: ReadonlySet<string>,
): ResolvedDescription | null {
  const gender = SUBJECT_PRONOUNS.get(t.lower);
  if (!gender || inClaim.some((e) => e.start === offset + t.start)) return null;
  const counts = new Map<string, { n: number; last: EntityMention }>();
  for (const m of article) {
    if (m.start >= offset + t.start || m.type !== 'person' || m.via === 'pronoun' || named.has(m.canonical)) continue;
    const first = firstNameGender(m.canonical.split(' ')[0] ?? '');
    if (first !== null && first !== 'unknown' && first !== gender) continue;
    const c = counts.get(m.canonical);
    counts.set(m.canonical, { n: (c?.n ?? 0) + 1, last: m });
  }
  const [best, next] = [...counts.values()].sort((x, y) => y.n - x.n);
  if (!best || (next && best.n < SUBJECT_DOMINANCE * next.n)) return null;
  return { at: t.start, end: t.end, entity: best.last, pronoun: true };
}

/** The most-named entity of `kind` before `before` in the article (not one `excluded`), the latest on a tie; null when none. */
function antecedent(article: readonly EntityMention[], kind: Kind, before: number, excluded: ReadonlySet<string>): EntityMention | null {
  const counts = new Map<string, { n: number; last: EntityMention }>();
  for (const m of article) {
    if (m.start >= before || m.type !== kind.type || m.via === 'pronoun' || excluded.has(m.canonical) || !fits(m, kind)) continue;
    const c = counts.get(m.canonical);
    counts.set(m.canonical, { n: (c?.n ?? 0) + 1, last: m });
  }
  let best: { n: number; last: EntityMention } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.last.start > best.last.start)) best = c;
  return best?.last ?? null;
}

function fits(m: EntityMention, kind: Kind): boolean {
  if (!kind.places) return true;
  return kind.places.has(gazetteerKind(m.canonical) ?? 'unlisted');
}
