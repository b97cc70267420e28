import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFrom, ruleMentionsOf } from '../../../test/entities/article.js';
import { ENTITY_DEFAULTS, extractEntities } from './index.js';

const texts = (paragraphs: string[], language = 'en'): string[] => ruleMentionsOf(paragraphs, language).map((m) => m.text);

test('name runs join "of" after a head word, particles and listed phrases, but not "of" after a plain name', () => {
  const found = texts(['Officials at the Bank of England met Charles de Gaulle fans from Bosnia and Herzegovina.', 'Later Smith of Leeds spoke.']);
  assert.ok(found.includes('Bank of England'));
  assert.ok(found.includes('Charles de Gaulle'));
  assert.ok(found.includes('Bosnia and Herzegovina'));
  assert.ok(found.includes('Smith') && found.includes('Leeds'));
});

test('hyphenated names and initials stay whole', () => {
  const found = texts(['Fighting spread in Nagorno-Karabakh, where the envoy Tomas J. Brandt arrived with C. Wilde ( A. Dale 69 ).']);
  assert.ok(found.includes('A. Dale'));
  assert.ok(found.includes('Nagorno-Karabakh'));
  assert.ok(found.includes('Tomas J. Brandt'));
  assert.ok(found.includes('C. Wilde'));
});

test('sentence-initial capitals alone do not make a name', () => {
  const found = texts(['Attendance was low. Results came late. However, Orvel Pantry said the Kessler Group would pay.']);
  assert.deepEqual(found.includes('Attendance'), false);
  assert.deepEqual(found.includes('Results'), false);
  assert.deepEqual(found.includes('However'), false);
  assert.ok(found.includes('Orvel Pantry'));
});

test('a title-case headline only yields names the article or the lists know', () => {
  const article = articleFrom(['Farrow Meets Ministers In Madrid Over Port Strike', 'Dana Farrow, the mayor, flew to Madrid on Monday.'], 'en', {
    headline: true,
  });
  const found = extractEntities(article, { ...ENTITY_DEFAULTS, tagger: false }).filter((m) => m.start < 50);
  assert.deepEqual(
    found.map((m) => m.text),
    ['Farrow', 'Madrid'],
  );
});

test('a nationality before a name is its own mention', () => {
  const found = ruleMentionsOf(['The race was won by American Dennis Marlow.']);
  assert.deepEqual(
    found.map((m) => `${m.text}:${m.type}`),
    ['American:group', 'Dennis Marlow:person'],
  );
});

test('Spanish names join "de", "de la" and "del"', () => {
  const found = texts(['La Secretaría de Relaciones Exteriores recibió a Juan de la Fuente en el Palacio del Ayuntamiento.'], 'es');
  assert.ok(found.includes('Secretaría de Relaciones Exteriores'));
  assert.ok(found.includes('Juan de la Fuente'));
  assert.ok(found.includes('Palacio del Ayuntamiento'));
  assert.equal(found.includes('La'), false);
});

test('a body line with every word capitalised is read as names; an all-capitals line only through the lists', () => {
  assert.deepEqual(texts(['1. Dennis Marlow ( Canada ) 10.02']), ['Dennis Marlow', 'Canada']);
  assert.deepEqual(texts(['RUGBY - KORVALD BEATS WALES IN CARDIFF']), ['WALES', 'CARDIFF']);
});

test('"X-based" adjectives split off, a capitalised common word after a first name is a surname, "of" after state words', () => {
  const found = ruleMentionsOf(['Ohio-based Kellmark hired Peter Such, said the Federal Republic of Moravia.']).map((m) => `${m.text}:${m.type}`);
  assert.ok(found.includes('Ohio-based:misc'));
  assert.ok(found.includes('Kellmark:org'));
  assert.ok(found.includes('Peter Such:person'));
  assert.ok(found.includes('Federal Republic of Moravia:place'));
});

test('"and" joins an organisation name only before an organisation word; "of" never after a company suffix', () => {
  const found = texts(['Analysts at First Union said Kellmark Inc of Tulsa and the Test and County Cricket Board met Ana Ortiz and Lev Brand.']);
  assert.ok(found.includes('First Union'));
  assert.ok(found.includes('Kellmark Inc'));
  assert.ok(found.includes('Tulsa'));
  assert.ok(found.includes('Test and County Cricket Board'));
  assert.ok(found.includes('Ana Ortiz') && found.includes('Lev Brand'));
});

test('first names that are also common words open names; "of" joins only right after a head word', () => {
  const found = ruleMentionsOf(['Andrei Volkov beat Jan Kroslak while Democrat Walter Brennan and Council President Tono Veit of Germany watched.']).map(
    (m) => `${m.text}:${m.type}`,
  );
  assert.ok(found.includes('Jan Kroslak:person'));
  assert.ok(found.includes('Democrat:group'));
  assert.ok(found.includes('Walter Brennan:person'));
  assert.ok(found.includes('Tono Veit:person'));
  assert.ok(found.includes('Germany:place'));
});

test('a title-case line in the body is a headline when it has an inflected verb or a capitalised preposition', () => {
  const found = ruleMentionsOf(['Farrow Meets Lisbon Mayor Amid Port Strike', 'Dana Farrow flew to Lisbon on Monday.']).filter((m) => m.start < 42);
  assert.deepEqual(
    found.map((m) => m.text),
    ['Farrow', 'Lisbon'],
  );
  assert.deepEqual(texts(['Dionne Rose ( Jamaica ) 12.92']), ['Dionne Rose', 'Jamaica']);
});

test('leading adjectives of time or power and "X-based" adjectives anywhere at the front split off', () => {
  const found = ruleMentionsOf(['Former Italian winger Gino Ferri joined. Lisbon-based traders and St. Louis-based Kellmark Inc agreed.']).map(
    (m) => `${m.text}:${m.type}`,
  );
  assert.ok(found.includes('Italian:group'));
  assert.ok(found.includes('Lisbon-based:misc'));
  assert.ok(found.includes('St. Louis-based:misc'));
  assert.ok(found.includes('Kellmark Inc:org'));
});
