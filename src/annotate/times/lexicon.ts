import type { Part, Season, Unit } from './spec.js';
import { groupMap, wordSet } from './word-lists.js';

/**
 * The calendar vocabulary of temporal expressions, English and Spanish, as data: months, weekdays, numbers, units,
 * relative words. Keys are lower-case tokens as the tokenizer emits them (accents kept, abbreviation dots dropped).
 * Context words and tense cues are in `cues.ts`. Nothing here names a particular outlet, person or article.
 */

/** Month names and abbreviations → 1–12. English abbreviations count only capitalized and dotted (see grammar). */
export const MONTHS: ReadonlyMap<string, number> = groupMap([
  ['january jan enero', 1],
  ['february feb febrero', 2],
  ['march mar marzo', 3],
  ['april apr abril', 4],
  ['may mayo', 5],
  ['june jun junio', 6],
  ['july jul julio', 7],
  ['august aug agosto', 8],
  ['september sept sep septiembre setiembre', 9],
  ['october oct octubre', 10],
  ['november nov noviembre', 11],
  ['december dec diciembre', 12],
]);

/** Month names written in lower case (Spanish): accepted without a capital letter. */
export const LOWER_CASE_MONTHS = wordSet('enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre');

/** Full month names of four letters or less, which are not abbreviations and own no period after them. */
export const FULL_SHORT_MONTHS = wordSet('may june july mayo');

/** English month words that are also ordinary words ("may", "march", "mar"): they need date context to count. */
export const AMBIGUOUS_MONTHS = wordSet('may march mar jan jun sep dec aug');

/** Weekday names → ISO weekday (1 = Monday … 7 = Sunday). */
export const WEEKDAYS: ReadonlyMap<string, number> = groupMap([
  ['monday mon lunes', 1],
  ['tuesday tue tues martes', 2],
  ['wednesday wed miércoles miercoles', 3],
  ['thursday thu thur thurs jueves', 4],
  ['friday fri viernes', 5],
  ['saturday sat sábado sabado', 6],
  ['sunday sun domingo', 7],
]);

/** Weekday abbreviations that are common words ("sun", "sat", "wed"): they count only with their dot. */
export const SHORT_WEEKDAYS = wordSet('mon tue tues wed thu thur thurs fri sat sun');

/** Cardinal number words. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...numbered('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'),
  ...numbered('uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte'),
  ...tens('thirty forty fifty sixty seventy eighty ninety'),
  ...tens('treinta cuarenta cincuenta sesenta setenta ochenta noventa'),
  ['hundred', 100],
  ['cien', 100],
] as Array<[string, number]>);

function numbered(list: string): Array<[string, number]> {
  return [...wordSet(list)].map((w, k) => [w, k + 1]);
}

function tens(list: string): Array<[string, number]> {
  return [...wordSet(list)].map((w, k) => [w, 30 + 10 * k]);
}

/** Articles that mean "one" before a unit ("a decade", "un año"). */
export const ONE_WORDS = wordSet('a an one un una uno');

/** Vague amounts: the duration's number becomes X ("several years" → PXY). */
export const VAGUE_AMOUNTS = wordSet('several few many some numerous multiple varios varias algunos algunas pocos pocas muchos muchas unos unas');

/** Ordinals → n ("third quarter", "el primer trimestre"). */
export const ORDINALS: ReadonlyMap<string, number> = groupMap([
  ['first 1st primer primero primera', 1],
  ['second 2nd segundo segunda', 2],
  ['third 3rd tercer tercero tercera', 3],
  ['fourth 4th cuarto cuarta', 4],
]);

/** Calendar units, singular and plural. */
export const UNITS: ReadonlyMap<string, Unit> = groupMap<Unit>([
  ['second seconds segundos', 'second'],
  ['minute minutes min mins minuto minutos', 'minute'],
  ['hour hours hr hrs hora horas', 'hour'],
  ['day days día días dia dias', 'day'],
  ['week weeks semana semanas', 'week'],
  ['weekend weekends', 'weekend'],
  ['fortnight fortnights quincena quincenas', 'fortnight'],
  ['month months mes meses', 'month'],
  ['quarter quarters trimestre trimestres', 'quarter'],
  ['semestre semestres', 'half'],
  ['year years yr yrs año años', 'year'],
  ['decade decades década décadas decenio decenios', 'decade'],
  ['century centuries siglo siglos', 'century'],
]);

/** Seasons. */
export const SEASONS: ReadonlyMap<string, Season> = groupMap<Season>([
  ['spring primavera', 'SP'],
  ['summer verano', 'SU'],
  ['fall autumn otoño', 'FA'],
  ['winter invierno', 'WI'],
]);

/** Parts of the day. */
export const PARTS_OF_DAY: ReadonlyMap<string, Part> = groupMap<Part>([
  ['morning mañana madrugada', 'MO'],
  ['afternoon tarde', 'AF'],
  ['evening', 'EV'],
  ['night noche overnight', 'NI'],
]);

/** Days relative to the reference: "yesterday" = -1. */
export const RELATIVE_DAYS: ReadonlyMap<string, number> = groupMap([
  ['today hoy', 0],
  ['yesterday ayer', -1],
  ['tomorrow', 1],
  ['anteayer', -2],
]);

/** One-word references to a whole part of a day ("tonight" = this night, "anoche" = last night). */
export const DAY_PART_WORDS: ReadonlyMap<string, { days: number; part: Part }> = new Map([
  ['tonight', { days: 0, part: 'NI' }],
  ['overnight', { days: 0, part: 'NI' }],
  ['anoche', { days: -1, part: 'NI' }],
]);

/** Direction words before a unit, weekday, month or season: "last week", "next Friday", "this year", "el próximo año". */
export const DIRECTION_BEFORE: ReadonlyMap<string, -1 | 0 | 1> = groupMap<-1 | 0 | 1>([
  ['last past previous prior latest pasado pasada último última ultimo ultima', -1],
  ['this current este esta actual', 0],
  ['next coming upcoming following próximo próxima proximo proxima', 1],
]);

/** Spanish direction words after the unit: "la semana pasada", "el año próximo" ("que viene" is read in the grammar). */
export const DIRECTION_AFTER: ReadonlyMap<string, -1 | 1> = groupMap<-1 | 1>([
  ['pasado pasada anterior', -1],
  ['próximo próxima proximo proxima siguiente', 1],
]);

/** Words after an amount of time that make it a point in the past or future ("two years ago", "a year earlier"). */
export const AGO_WORDS: ReadonlyMap<string, -1 | 1> = groupMap<-1 | 1>([
  ['ago earlier', -1],
  ['later hence', 1],
]);

/** Fuzzy position inside a period: "early next year", "late Sunday", "a finales de mes". */
export const PERIOD_MODS: ReadonlyMap<string, 'START' | 'MID' | 'END'> = groupMap<'START' | 'MID' | 'END'>([
  ['early earlier beginning start principios comienzos inicios', 'START'],
  ['mid middle mediados', 'MID'],
  ['late later end finales fines final fin', 'END'],
]);

/** Period modifiers that are nouns and need "of"/"de" before the period ("the end of 1990", "a finales de mayo"). */
export const PERIOD_MOD_NOUNS = wordSet('end beginning start middle principios comienzos inicios mediados finales fines final fin');

/**
 * Words that alone name the present, the past or the future (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF). "soon",
 * "previously" and "formerly" are left out: TBAQ annotators tagged "soon" 4 times in 17 and the others never.
 */
export const REFERENCE_WORDS: ReadonlyMap<string, 'PRESENT_REF' | 'PAST_REF'> = groupMap<'PRESENT_REF' | 'PAST_REF'>([
  ['now currently nowadays presently ahora actualmente', 'PRESENT_REF'],
  ['recently lately recientemente', 'PAST_REF'],
]);

/** Qualifiers that make a plural unit without a number a vague side of the reference ("recent years", "coming weeks"). */
export const VAGUE_SIDES: ReadonlyMap<string, 'PAST_REF' | 'FUTURE_REF'> = groupMap<'PAST_REF' | 'FUTURE_REF'>([
  ['recent past last previous últimos últimas ultimos ultimas', 'PAST_REF'],
  ['coming next following future próximos próximas proximos proximas siguientes', 'FUTURE_REF'],
]);

/** Adverbs of frequency (TIMEX3 sets). "quarterly" is left out: in news it is mostly "quarterly dividend" (TBAQ: 1 in 11). */
export const FREQUENCY_WORDS: ReadonlyMap<string, string> = groupMap([
  ['daily nightly diariamente', 'P1D'],
  ['weekly semanalmente', 'P1W'],
  ['monthly mensualmente', 'P1M'],
  ['annually yearly anualmente', 'P1Y'],
  ['hourly', 'PT1H'],
  ['trimestralmente', 'P3M'],
]);

/** Words for "each"/"every" before a unit, weekday or month. */
export const EACH_WORDS = wordSet('every each per cada');

/** Spanish "every": "todos los días", "todas las semanas". */
export const ALL_WORDS = wordSet('todos todas');

/** Clock suffixes ("3 pm"; the dotted "p.m." is read in the grammar). */
export const MERIDIEMS: ReadonlyMap<string, 'am' | 'pm'> = new Map([
  ['am', 'am'],
  ['pm', 'pm'],
]);

/** Named clock times → hour (24 = midnight at the end of the day). */
export const CLOCK_WORDS: ReadonlyMap<string, number> = groupMap([
  ['noon midday mediodía', 12],
  ['midnight medianoche', 24],
]);

/** Time zone abbreviations allowed after a clock time (kept inside the expression, not in the value). */
export const TIME_ZONES = wordSet('et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest');

/** Quarter and half written as "Q3", "H1". */
export const PERIOD_LETTERS: ReadonlyMap<string, 'quarter' | 'half'> = new Map([
  ['q', 'quarter'],
  ['h', 'half'],
]);

/** "fiscal 1998", "FY 2024": a year written as a fiscal year keeps the calendar year as its value. */
export const FISCAL_WORDS = wordSet('fiscal fy');

/** Function words a temporal expression may start with and that the extent keeps ("the third quarter"). */
export const DETERMINERS = wordSet('the el la los las');

/** "of", "de", "del" linking day, month and year ("9 de marzo de 2025", "the end of 1990"). */
export const OF_WORDS = wordSet('of de del');

/** Units that "the" alone makes the current period ("in the year", "over the weekend"). */
export const THE_UNITS: ReadonlySet<Unit> = new Set<Unit>(['year', 'month', 'week', 'weekend', 'quarter']);

/** How a holiday's date is found in a given year. */
export type HolidayRule = { month: number; day: number } | { month: number; weekday: number; nth: number } | { easterOffset: number };

/**
 * Holidays whose date does not depend on the country (or, for Thanksgiving, whose English news use is the US one),
 * as token sequences (the tokenizer splits "Year's" into "year ' s").
 */
export const HOLIDAYS: ReadonlyArray<{ phrase: readonly string[]; rule: HolidayRule }> = [
  ...holidays('christmas day|christmas|xmas|navidad', { month: 12, day: 25 }),
  ...holidays('christmas eve|nochebuena', { month: 12, day: 24 }),
  ...holidays("new year ' s day|new year ' s|año nuevo", { month: 1, day: 1 }),
  ...holidays("new year ' s eve|nochevieja", { month: 12, day: 31 }),
  ...holidays('halloween', { month: 10, day: 31 }),
  ...holidays("valentine ' s day|san valentín", { month: 2, day: 14 }),
  ...holidays('día de muertos|día de los muertos', { month: 11, day: 2 }),
  ...holidays('thanksgiving day|thanksgiving', { month: 11, weekday: 4, nth: 4 }),
  ...holidays('easter sunday|easter|domingo de resurrección|domingo de pascua', { easterOffset: 0 }),
  ...holidays('good friday|viernes santo', { easterOffset: -2 }),
  ...holidays('easter monday|lunes de pascua', { easterOffset: 1 }),
];

function holidays(phrases: string, rule: HolidayRule): Array<{ phrase: readonly string[]; rule: HolidayRule }> {
  return phrases.split('|').map((p) => ({ phrase: p.split(' '), rule }));
}

/**
 * With "the"/"el" before them, directions that count from the date the narrative last mentioned ("the following
 * year", "the previous day"); "next" only with a day ("the next day", "the next morning"), since "the next year"
 * usually means the coming one. Spanish puts them after the noun ("al día siguiente", "el año anterior").
 */
export const ANAPHORIC_DIRECTIONS: ReadonlyMap<string, -1 | 1> = groupMap<-1 | 1>([
  ['following siguiente', 1],
  ['previous preceding prior anterior', -1],
]);

/** "that day", "the same day", "ese día", "el mismo día": the day the narrative last mentioned. */
export const SAME_DAY_WORDS = wordSet('that same ese esa aquel mismo misma');

/** Words between "the" and "year" that keep it the current year ("the fiscal year", "the current fiscal year", "the full year"). */
export const PERIOD_QUALIFIERS = wordSet('fiscal full current whole entire calendar');

/** Ordinal words for centuries ("the nineteenth century"). */
export const CENTURY_ORDINALS: ReadonlyMap<string, number> = groupMap([
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['twenty-first', 21],
]);
