import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReference } from './anchor.js';
import { detectTimes } from './detect.js';
import { toMentions } from './mentions.js';

/** [surface text, TIMEX3 value, type] of every expression, resolved against a reference date given as metadata. */
function times(text: string, reference: string | null = '2025-09-02', language = 'en'): Array<[string, string, string]> {
  const mentions = toMentions(text, detectTimes(text, language), { reference: parseReference(reference), basis: 'metadata' });
  return mentions.map((m) => [m.text, m.value, m.type]);
}

test('absolute dates: month-day-year, weekday prefix, day-month, month-year, numeric', () => {
  assert.deepEqual(times('The talks began on Sept. 2, 2025, in the capital.'), [['Sept. 2, 2025', '2025-09-02', 'date']]);
  assert.deepEqual(times('It was signed Tuesday, Sept. 2, 2025.'), [['Tuesday, Sept. 2, 2025', '2025-09-02', 'date']]);
  assert.deepEqual(times('The law took effect on 14 July 2023.'), [['14 July 2023', '2023-07-14', 'date']]);
  assert.deepEqual(times('Prices peaked in March 2013 and fell.'), [['March 2013', '2013-03', 'date']]);
  assert.deepEqual(times('The file is dated 2024-11-05.'), [['2024-11-05', '2024-11-05', 'date']]);
});

test('Spanish absolute dates: "2 de septiembre de 2025", "9 de marzo", "marzo de 2024"', () => {
  assert.deepEqual(times('La reunión fue el 2 de septiembre de 2025 en la capital.', null, 'es'), [['2 de septiembre de 2025', '2025-09-02', 'date']]);
  assert.deepEqual(times('El acuerdo se firmó el 9 de marzo.', null, 'es'), [['9 de marzo', 'XXXX-03-09', 'date']]);
  assert.deepEqual(times('La cifra subió en marzo de 2024.', '2025-09-02', 'es'), [['marzo de 2024', '2024-03', 'date']]);
});

test('bare years, decades, fiscal years; numbers that count things are not years', () => {
  assert.deepEqual(times('The plant opened in 1998 and closed in 2011.'), [
    ['1998', '1998', 'date'],
    ['2011', '2011', 'date'],
  ]);
  assert.deepEqual(times('Crime fell through the 1990s.'), [['the 1990s', '199', 'date']]);
  assert.deepEqual(times('She moved abroad in her 30s.'), []);
  assert.deepEqual(times('Profit rose in fiscal 2024.'), [['fiscal 2024', '2024', 'date']]);
  assert.deepEqual(times('About 2000 workers and 1500 troops were sent.'), []);
  assert.deepEqual(times('It costs $2025 per unit.'), []);
});

test('month names that are ordinary words need a date context', () => {
  assert.deepEqual(times('Officials may march to the square.'), []);
  assert.deepEqual(times('The vote was held in May.'), [['May', '2025-05', 'date']]);
});

test('quarters, halves and seasons', () => {
  assert.deepEqual(times('Sales fell in the third quarter of 2024.'), [['the third quarter of 2024', '2024-Q3', 'date']]);
  assert.deepEqual(times('Third-quarter profit rose.'), [['Third-quarter', '2025-Q3', 'date']]);
  assert.deepEqual(times('Growth slowed in the first half.'), [['the first half', '2025-H1', 'date']]);
  assert.deepEqual(times('The trial opened in the summer of 2019.'), [['the summer of 2019', '2019-SU', 'date']]);
  assert.deepEqual(times('Prices could fall apart.'), []);
});

test('relative days and periods: yesterday, last month, earlier this month, next year', () => {
  assert.deepEqual(times('The minister resigned yesterday.'), [['yesterday', '2025-09-01', 'date']]);
  assert.deepEqual(times('The Times reported last month that talks stalled.'), [['last month', '2025-08', 'date']]);
  assert.deepEqual(times('She described it earlier this month as historic.'), [['earlier this month', '2025-09', 'date']]);
  assert.deepEqual(times('Elections are due next year.'), [['next year', '2026', 'date']]);
  assert.deepEqual(times('Two years ago the port was closed.'), [['Two years ago', '2023', 'date']]);
  assert.deepEqual(times('Sales rose last week.'), [['last week', '2025-W35', 'date']]);
});

test('Spanish relative expressions: ayer, la semana pasada, el año pasado, hace tres días, el próximo año', () => {
  assert.deepEqual(times('El ministro renunció ayer.', '2025-09-02', 'es'), [['ayer', '2025-09-01', 'date']]);
  assert.deepEqual(times('Lo anunció la semana pasada.', '2025-09-02', 'es'), [['la semana pasada', '2025-W35', 'date']]);
  assert.deepEqual(times('Las ventas cayeron el año pasado.', '2025-09-02', 'es'), [['el año pasado', '2024', 'date']]);
  assert.deepEqual(times('Llegó hace tres días.', '2025-09-02', 'es'), [['hace tres días', '2025-08-30', 'date']]);
  assert.deepEqual(times('Habrá elecciones el próximo año.', '2025-09-02', 'es'), [['el próximo año', '2026', 'date']]);
});

test('vague references: now, currently, recently, in the coming weeks, las próximas semanas', () => {
  assert.deepEqual(times('He is now in the capital and currently leads the talks.'), [
    ['now', 'PRESENT_REF', 'date'],
    ['currently', 'PRESENT_REF', 'date'],
  ]);
  assert.deepEqual(times('He will visit in the coming weeks.'), [['the coming weeks', 'FUTURE_REF', 'date']]);
  assert.deepEqual(times('Visitará el país en las próximas semanas.', '2025-09-02', 'es'), [['las próximas semanas', 'FUTURE_REF', 'date']]);
  assert.deepEqual(times('Kidnappings rose in recent years.'), [['recent years', 'PAST_REF', 'date']]);
});

test('durations: "90 days", "14 years", "a decade", "2 1/2 years", "durante tres meses"; ages are not durations', () => {
  assert.deepEqual(times('The tariffs were delayed by 90 days.'), [['90 days', 'P90D', 'duration']]);
  assert.deepEqual(times('During his 14 years in the Senate he voted no.'), [['14 years', 'P14Y', 'duration']]);
  assert.deepEqual(times('It was the worst season in a decade.'), [['a decade', 'P10Y', 'duration']]);
  assert.deepEqual(times('They lived in camps for 2 1/2 years.'), [['2 1/2 years', 'P2Y6M', 'duration']]);
  assert.deepEqual(times('Negociaron durante tres meses.', '2025-09-02', 'es'), [['tres meses', 'P3M', 'duration']]);
  assert.deepEqual(times('A five-year-old boy was rescued.'), []);
  assert.deepEqual(times('The talks lasted the past two months.'), [['the past two months', 'P2M', 'duration']]);
});

test('sets: every week, daily, each Thursday, twice a day, todos los días', () => {
  assert.deepEqual(times('The board meets every week.'), [['every week', 'P1W', 'set']]);
  assert.deepEqual(times('The agency publishes a daily tally.'), [['daily', 'P1D', 'set']]);
  assert.deepEqual(times('Markets close early each Thursday.'), [['each Thursday', 'XXXX-WXX-4', 'set']]);
  assert.deepEqual(times('Patients take it twice a day.'), [['a day', 'P1D', 'set']]);
  assert.deepEqual(times('Se reúnen todos los días.', '2025-09-02', 'es'), [['todos los días', 'P1D', 'set']]);
});

test('clock times alone and joined to a day', () => {
  assert.deepEqual(times('The polls close at 3 p.m. sharp.'), [['3 p.m.', '2025-09-02T15:00', 'time']]);
  assert.deepEqual(times('The offer expires at 5 p.m. EST Friday, officials said.'), [['5 p.m. EST Friday', '2025-08-29T17:00', 'time']]);
  assert.deepEqual(times('La sesión empezó a las 3 de la tarde.', '2025-09-02', 'es'), [['las 3 de la tarde', '2025-09-02T15:00', 'time']]);
  assert.deepEqual(times('The score was 3:30 at halftime.'), []);
  assert.deepEqual(times('Sales were little changed at 2.46 billion euros.'), []);
});

test('parts of the day and period modifiers: late Sunday night, tonight, early next year', () => {
  assert.deepEqual(times('The strike was announced late Sunday night.'), [['late Sunday night', '2025-08-31TNI', 'time']]);
  assert.deepEqual(times('He will speak tonight.'), [['tonight', '2025-09-02TNI', 'time']]);
  assert.deepEqual(times('A ruling is expected early next year.'), [['early next year', '2026', 'date']]);
  assert.deepEqual(times('Lo anunció a finales de marzo.', '2025-09-02', 'es'), [['finales de marzo', '2025-03', 'date']]);
});

test('holidays: fixed, nth-weekday and Easter-based dates, with their year from the reference', () => {
  assert.deepEqual(times('Shops were packed before Christmas.', '2025-12-30'), [['Christmas', '2025-12-25', 'date']]);
  assert.deepEqual(times('Families gathered on Thanksgiving Day.', '2025-12-01'), [['Thanksgiving Day', '2025-11-27', 'date']]);
  assert.deepEqual(times('The church reopened at Easter 2024.'), [['Easter 2024', '2024-03-31', 'date']]);
  assert.deepEqual(times('Las tiendas cerraron en Nochebuena.', '2025-12-27', 'es'), [['Nochebuena', '2025-12-24', 'date']]);
});

test('Spanish weekends, "mañana" as tomorrow or as morning, and "desde hace" as a duration', () => {
  assert.deepEqual(times('Este fin de semana habrá elecciones.', '2025-09-02', 'es'), [['Este fin de semana', '2025-W36-WE', 'date']]);
  assert.deepEqual(times('Se reunirá mañana con los alcaldes.', '2025-09-02', 'es'), [['mañana', '2025-09-03', 'date']]);
  assert.deepEqual(times('Lo dijo esta mañana.', '2025-09-02', 'es'), [['esta mañana', '2025-09-02TMO', 'time']]);
  assert.deepEqual(times('Están en huelga desde hace 14 días.', '2025-09-02', 'es'), [['14 días', 'P14D', 'duration']]);
});

test('narrative anaphora: "the next day", "that day", "the following year", "al día siguiente" count from the last date', () => {
  assert.deepEqual(times('Police arrived on March 3, 2024. The next day, the mayor resigned, and that day the council met.'), [
    ['March 3, 2024', '2024-03-03', 'date'],
    ['The next day', '2024-03-04', 'date'],
    ['that day', '2024-03-04', 'date'],
  ]);
  assert.deepEqual(times('He was promoted in 1995, and the following year he retired.'), [
    ['1995', '1995', 'date'],
    ['the following year', '1996', 'date'],
  ]);
  assert.deepEqual(times('Llegó el 9 de marzo de 2024 y al día siguiente se fue.', null, 'es'), [
    ['9 de marzo de 2024', '2024-03-09', 'date'],
    ['día siguiente', '2024-03-10', 'date'],
  ]);
  // With no date before it, the reference date is used.
  assert.deepEqual(times('The next day will be busy.'), [['The next day', '2025-09-03', 'date']]);
});

test('"following" without an article is a preposition, not a direction', () => {
  assert.deepEqual(times('Tensions rose following months of pressure.'), []);
  assert.deepEqual(times('Markets fell following Tuesday’s vote.'), [['Tuesday', '2025-09-02', 'date']]);
  assert.deepEqual(times('The following week, talks resumed.'), [['The following week', '2025-W37', 'date']]);
});

test('periods named without a number: the fiscal year, year-end, that year, the weeks ahead, the near future, centuries', () => {
  assert.deepEqual(times('Sales for the fiscal year rose.'), [['the fiscal year', '2025', 'date']]);
  assert.deepEqual(times('The deal should close by year-end.'), [['year-end', '2025', 'date']]);
  assert.deepEqual(times('She fled in June 2019 and returned later that year.'), [
    ['June 2019', '2019-06', 'date'],
    ['later that year', '2019', 'date'],
  ]);
  assert.deepEqual(times('Prices may fall in the weeks ahead.'), [['the weeks ahead', 'FUTURE_REF', 'date']]);
  assert.deepEqual(times('A sale is likely in the near future.'), [['the near future', 'FUTURE_REF', 'date']]);
  assert.deepEqual(times('It was the worst crash of the 20th century.'), [['the 20th century', '19', 'date']]);
  assert.deepEqual(times('Es el mayor avance del siglo XXI.', '2025-09-02', 'es'), [['siglo XXI', '20', 'date']]);
});

test('years and hours spoken in words, as transcripts write them', () => {
  assert.deepEqual(times('The plant opened in nineteen ninety-six.'), [['nineteen ninety-six', '1996', 'date']]);
  assert.deepEqual(times('Two thousand people marched.'), []);
  assert.deepEqual(times('The ferry leaves at 4 in the morning.'), [['4 in the morning', '2025-09-02T04:00', 'time']]);
  assert.deepEqual(times('The vigil began at 9 at night.'), [['9 at night', '2025-09-02T21:00', 'time']]);
});

test('"February of last year" is counted from the article\'s own date, as "February last year" is', () => {
  assert.deepEqual(times('Prices rose in February of last year and again in March.', '2018-04-20'), [
    ['February of last year', '2017-02', 'date'],
    ['March', '2018-03', 'date'],
  ]);
  assert.deepEqual(times('The line opens in June of next year.', '2018-04-20'), [['June of next year', '2019-06', 'date']]);
});
