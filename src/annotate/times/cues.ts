import { wordSet } from './word-lists.js';

/**
 * Context words the grammar and the tense reader look at around an expression, English and Spanish, as data: what
 * makes a bare month or year a date, what makes a clause past or future, where a sentence does not end.
 */

/** Words before a bare month that make it a date ("in May", "since March", "a finales de mayo"). */
export const DATE_CONTEXT_BEFORE = wordSet(`in since until till by from through early late mid last next this of during before after on to and
  or between the en de desde hasta entre durante para a y o este esta pasado próximo el`);

/** Words before a season name that make it the season ("in the spring", "during summer", "este verano"). */
export const SEASON_CONTEXT = wordSet('in during by since until through this last next early late mid en durante desde hasta este esta');

/** Words before a bare four-digit number below 1900 that make it a year ("in 1848", "desde 1810"). */
export const OLD_YEAR_CONTEXT = wordSet('in since until by from of year en desde hasta de año');

/** Words that, right after a four-digit number, show it is not a year ("2000 people", "1500 metres"). */
export const NOT_YEAR_AFTER = wordSet(`percent per people persons troops soldiers workers employees jobs shares points miles kilometers kilometres km
  meters metres feet tons tonnes barrels dollars euros pesos votes cases deaths acres hectares units cars homes students members calories
  personas soldados trabajadores empleos puntos millas kilómetros metros toneladas dólares votos casos muertos hectáreas x hp mw gb`);

/** Words between "the" and an amount that keep a duration's extent ("the past two months", "los últimos 14 años"). */
export const DURATION_QUALIFIERS = wordSet(`past last next first coming previous final initial latest following recent remaining future
  últimos últimas ultimos ultimas próximos próximas proximos proximas primeros primeras siguientes`);

/** Words between an amount and its unit that keep a duration ("two more years", "three straight months"). */
export const AMOUNT_FILLERS = wordSet('more additional straight consecutive full long short extra más');

/** Prepositions before a bare plural unit that make it a vague duration ("for years", "over decades"). */
export const BARE_UNIT_CONTEXT = wordSet('for over within in after durante tras hace');

/** Words before "a day"/"a year" that make it a rate (a set): "twice a day", "$5 a year", "tres veces al año". */
export const RATE_BEFORE = wordSet('times twice once thrice percent veces vez %');

/** Words after "the year" etc. that make it some other period ("the year before", "the week of March 3"). */
export const THE_UNIT_STOPS = wordSet('of before after earlier later ago in that when ending ended to');

/** Words allowed between a clock time and the day after it ("3 p.m. on Friday", "10 horas del jueves"). */
export const CLOCK_JOINERS_BEFORE = wordSet('on el del de');

/** Words allowed between a day and the clock time after it ("Friday at 3 p.m.", "ayer a las 10"). */
export const CLOCK_JOINERS_AFTER = wordSet('at around about a hacia sobre');

/** Words before a bare "H:MM" that make it a time of day rather than a score ("at 3:30", "a las 15:30"). */
export const CLOCK_CONTEXT = wordSet('at by until till around about from before after las la since desde hasta');

/** Words after "H:MM" that mark it as a time of day ("15:30 horas", "10:00 h"). */
export const HOUR_WORDS = wordSet('h hrs horas hs');

/** Other first words of multi-word expressions ("at present", "hace tres días", "the year 2000", "the near future"). */
export const OTHER_STARTERS = wordSet(`at these hoy hace dentro pasado década años year año las la al por recent fin fines mañana
  future futuro actualidad couple siglo near short`);

/** Words that put the clause in the future: a weekday or month near them is the next one ("will travel on Tuesday"). */
export const FUTURE_CUES = wordSet(`will shall ll would scheduled upcoming next coming tomorrow slated ahead
  planea planean prevé prevén previsto prevista programado programada próximo próxima mañana`);

/**
 * Future cues that are also nouns or past forms, so they count only with the word after them: "plans to",
 * "is expected to", "going to", "is set to", "va a".
 */
export const FUTURE_PAIRS: ReadonlyMap<string, string> = new Map([
  ...[...wordSet('going set plans plan planning planned expected expects expect due intends intend aims hopes hope')].map((w) => [w, 'to'] as const),
  ...[...wordSet('va van vamos voy')].map((w) => [w, 'a'] as const),
  ['espera', 'que'],
  ['esperan', 'que'],
]);

/** Auxiliaries that turn a following future cue into a past one: "was expected to", "had planned to". */
export const PAST_AUXILIARIES = wordSet('was were had been fue había estaba');

/** Passive and modal auxiliaries: an "-ed" word after them is a participle, not a past event ("can be exercised"). */
export const PARTICIPLE_AUXILIARIES = wordSet('be been being is are am can could will would should may might must to get gets');

/** Prepositions right before an expression that point it forward ("by May", "until Friday") or back ("since March"). */
export const PREPOSITION_TENSE: ReadonlyMap<string, -1 | 1> = new Map([
  ...[...wordSet('by until till through hasta')].map((w) => [w, 1] as const),
  ...[...wordSet('since desde')].map((w) => [w, -1] as const),
]);

/** "as soon as Tuesday", "as early as March": the middle words of an "as … as" before an expression that looks ahead. */
export const AS_SOON_AS = wordSet('soon early');

/** Past-tense words that do not end in "-ed" (English) or "-ó" (Spanish), and perfect auxiliaries. */
export const PAST_CUES = wordSet(`said was were had did ago told met went came took made gave saw left held began spoke wrote sent won lost fell
  rose got found brought thought felt kept ran led paid sold bought struck hit set put cut quit shut spent became grew knew drew flew threw broke
  chose froze rode stood sat heard meant last earlier yesterday has have
  dijo dijeron fue fueron hizo hicieron tuvo tuvieron estuvo estuvieron era eran había habían ha han pasado pasada ayer anoche`);

/** Present auxiliaries that, with a verb in -ing (-ando, -iendo), describe an arrangement: "is flying on Tuesday". */
export const PROGRESSIVE_AUXILIARIES = wordSet('is are am está están estamos');

/** English "-ed" words that are not past events. */
export const NOT_PAST_ED = wordSet('need feed speed bed red seed shed indeed embed breed proceed succeed exceed ted united');

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = wordSet(`mr mrs ms dr gov sen rep st jr sr gen col lt sgt capt prof inc corp co ltd vs no jan feb mar apr jun jul aug
  sep sept oct nov dec mon tue tues wed thu thurs fri sat sun sra dra lic ing etc approx est ft`);

/**
 * Quantity qualifiers kept inside a duration's or an "ago" expression's extent ("nearly two years", "more than four
 * hours ago"), as TBAQ annotates them: inside 7:1 for "nearly", 3:0 "more than"; "about" and "over" (2:8, 2:28)
 * are left outside.
 */
export const EXTENT_QUALIFIERS = wordSet('nearly almost more less fewer up');

/** The word after a two-word qualifier ("more than", "less than", "at least", "up to"). */
export const QUALIFIER_SECOND: ReadonlyMap<string, string> = new Map([
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['up', 'to'],
]);

/** Direction words that are prepositions when no article precedes them ("following months of pressure"). */
export const PREPOSITION_LIKE = wordSet('following siguiente');

/** Possessives before "30s", "sus 40": an age, not a decade ("in his 30s"). */
export const POSSESSIVES = wordSet('his her their my your its our sus su mis tus');
