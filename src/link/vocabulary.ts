/**
 * Word lists and patterns the linker reads, kept as data. They name generic phenomena (function words, calendar
 * words, wire credit forms), never a particular outlet's article.
 */

/** ISO 639-1 → the `stopword` package's list names, for the languages whose lists it ships. */
export const STOPWORD_LISTS: Readonly<Record<string, string>> = {
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  de: 'deu',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  ca: 'cat',
  sv: 'swe',
  da: 'dan',
  pl: 'pol',
  ro: 'ron',
};

/**
 * Capitalised words that are not names: calendar words and the sentence openers the `stopword` lists leave out.
 * Calendar words matter most: "Tuesday" or "September" shared by two articles says nothing about their story.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun today yesterday tomorrow ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miercoles jueves viernes sabado domingo hoy ayer ' +
    'mr mrs ms dr sr sra jr st mt' +
    ' he she they we it its his her their this that these those there here when where what who why how after before while but and or the an ' +
    'said says according also however meanwhile posted published updated first last new read more photo video file'
  ).split(' '),
);

/**
 * A numeric date "a/b/yyyy" (or with `.`/`-`): when both a and b are 12 or less, day-first and month-first readings
 * are both valid ("12/03/2026" is 12 March in Chile and 3 December in the US) and the text alone does not say which.
 */
export const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/;

/**
 * Wire services and the names they go by, canonical name first. Wire copy is the main reason one report shows up
 * as many articles, so a credit to any of these puts an article in the wire's source group.
 */
export const WIRE_SERVICES: ReadonlyArray<readonly string[]> = [
  ['Associated Press', 'AP', 'The Associated Press'],
  ['Reuters', 'Thomson Reuters'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['EFE', 'Agencia EFE'],
  ['UPI', 'United Press International'],
  ['dpa', 'Deutsche Presse-Agentur'],
  ['Xinhua'],
  ['ANSA'],
  ['Europa Press'],
  ['Kyodo', 'Kyodo News'],
  ['Press Trust of India', 'PTI'],
  ['Bloomberg'],
];

/** Where a wire credit sits: a dateline "CITY (AP) —", or "…, AFP reported." / "according to Reuters" in the lead. */
export const WIRE_CREDIT_PATTERNS: readonly RegExp[] = [
  /^[^\n(]{0,60}\(([\p{L}][\p{L}. &'-]{0,40})\)\s{0,3}[—–-]/gmu,
  /,\s{0,3}([\p{L}][\p{L}. &'-]{0,40}?)\s{1,3}(?:reported|reports|said in a report|informó|reportó)\s{0,3}[.,]/gu,
  /\b(?:according to|told|said|citing|según|informó)\s{1,3}(?:the\s{1,3}|la agencia\s{1,3})?([\p{L}][\p{L}. &'-]{0,40}?)[.,;]/gu,
];
