/**
 * Month names (and their usual abbreviations) of the languages news pages are most often written in, as data for
 * `dates.ts`. Keys are lower-case without a trailing dot; a name shared by two languages maps to the same month.
 */
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'styczeń', 'stycznia', 'tammikuuta'],
  ['february', 'feb', 'februar', 'feber', 'février', 'févr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'luty', 'lutego', 'helmikuuta'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'marzec', 'marca', 'maaliskuuta'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecień', 'kwietnia', 'huhtikuuta'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj', 'maja', 'toukokuuta'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwiec', 'czerwca', 'kesäkuuta'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipiec', 'lipca', 'heinäkuuta'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpień', 'sierpnia', 'elokuuta'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'wrzesień', 'września', 'syyskuuta'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'październik', 'października', 'lokakuuta'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'marraskuuta'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudzień', 'grudnia', 'joulukuuta'],
];

/** Month number (1–12) by lower-case name or abbreviation. */
export const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_NAMES.flatMap((names, i) => names.map((name): [string, number] => [name, i + 1])));

/** Weekday names and abbreviations in the same languages (lower-case, no trailing dot). */
export const WEEKDAY_NAMES: ReadonlySet<string> = new Set([
  ...'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(' '),
  ...'lunes martes miércoles miercoles jueves viernes sábado sabado domingo lun mié mie jue vie sáb dom'.split(' '),
  ...'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so'.split(' '),
  ...'lundi mardi mercredi jeudi vendredi samedi dimanche mar mer jeu ven sam dim'.split(' '),
  ...'lunedì martedì mercoledì giovedì venerdì sabato domenica'.split(' '),
  ...'segunda-feira terça-feira quarta-feira quinta-feira sexta-feira'.split(' '),
]);
