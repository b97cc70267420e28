import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleMentionsOf } from '../../../test/entities/article.js';

const types = (paragraphs: string[], language = 'en'): Record<string, string> =>
  Object.fromEntries(ruleMentionsOf(paragraphs, language).map((m) => [m.text, m.type]));

test('gazetteers type countries, cities, regions, nationalities and listed organisations', () => {
  const t = types(['Traders in Brazil, Lisbon and Bavaria watched Mexican buyers and Procter & Gamble.']);
  assert.equal(t.Brazil, 'place');
  assert.equal(t.Lisbon, 'place');
  assert.equal(t.Bavaria, 'place');
  assert.equal(t.Mexican, 'group');
  assert.equal(t['Procter & Gamble'], 'org');
});

test('head and tail words type organisations, places and events', () => {
  const t = types(['The Ministry of Fisheries, Harlow Industries Inc and the Green Party met near the Tarn River before the Kestrel Cup.']);
  assert.equal(t['Ministry of Fisheries'], 'org');
  assert.equal(t['Harlow Industries Inc'], 'org');
  assert.equal(t['Green Party'], 'org');
  assert.equal(t['Tarn River'], 'place');
  assert.equal(t['Kestrel Cup'], 'misc');
});

test('first names, acronyms and compass words', () => {
  const t = types(['Monica Ferrante of the ZRTB toured Northern Lisbon and met Iraqi Kurds.']);
  assert.equal(t['Monica Ferrante'], 'person');
  assert.equal(t.ZRTB, 'org');
  assert.equal(t['Northern Lisbon'], 'place');
  assert.equal(t['Iraqi Kurds'], 'group');
});

test('a name typed once is typed the same everywhere in the article, surnames included', () => {
  const found = ruleMentionsOf(['Senator Ilse Brandvold arrived.', 'Brandvold later left for Oslo.', 'Kordel said Brandvold was tired.']);
  assert.deepEqual(
    found.filter((m) => m.text === 'Brandvold').map((m) => m.type),
    ['person', 'person'],
  );
});

test('Spanish: places after "en", organisations by head word, groups', () => {
  const t = types(['El Banco de Comercio abrió en Zaragoza; los mexicanos y el Partido Verde protestaron en Ciudad de México.'], 'es');
  assert.equal(t['Banco de Comercio'], 'org');
  assert.equal(t.Zaragoza, 'place');
  assert.equal(t['Partido Verde'], 'org');
  assert.equal(t['Ciudad de México'], 'place');
});

test('lone first names, "the city of X", news agencies, and shouted words that are not acronyms', () => {
  const t = types(['Frankie scored twice, Xinhua reported from the Kurdish town of Zaxmar.', 'PRESS DIGEST - NATO officials met on Monday.']);
  assert.equal(t.Frankie, 'person');
  assert.equal(t.Xinhua, 'org');
  assert.equal(t.Zaxmar, 'place');
  assert.equal(t.NATO, 'org');
  assert.equal(t.PRESS, undefined);
  assert.equal(t.DIGEST, undefined);
});

test('a club named after a place is an organisation in a results line; players and national teams are not', () => {
  const t = types(['Results: Kestwick 22 points, Dunmore 4.', 'Harlow 3 Brazil 1 (halftime 1-0), with goals by J. Ambler 2.']);
  assert.equal(t.Kestwick, 'org');
  assert.equal(t.Dunmore, 'org');
  assert.equal(t.Harlow, 'org');
  assert.equal(t.Brazil, 'place');
  assert.equal(t['J. Ambler'], 'person');
  assert.equal(types(['The plant in Harlow employs 300 people.']).Harlow, 'place');
  const table = types(['Kestwick 4 Dunmore 3', 'LOS ANGELES 72 61 .541 2']);
  assert.equal(table.Dunmore, 'org');
  assert.equal(table['LOS ANGELES'], 'org');
  const match = types(['On Friday Leeds beat Bristol by two wickets, and Brazil beat Chile.']);
  assert.equal(match.Leeds, 'org');
  assert.equal(match.Bristol, 'org');
  assert.equal(match.Brazil, 'place');
});

test('organisation nouns around a name, and short forms of an organisation named in full', () => {
  const t = types(['The carrier Veloxa cut fares.', 'Shares of Brindel S.A. fell after a loss. Sales at Brindel fell, the Daily Lumen newspaper wrote.']);
  assert.equal(t.Veloxa, 'org');
  assert.equal(t['Brindel S.A.'], 'org');
  assert.equal(t.Brindel, 'org');
  assert.equal(t['Daily Lumen'], 'org');
});

test('international bodies and unions are organisations in both languages', () => {
  assert.equal(types(['La Unión Europea y la OTAN respondieron.'], 'es')['Unión Europea'], 'org');
  assert.equal(types(['The European Union and the United Auto Workers replied.'])['United Auto Workers'], 'org');
});

test('places joined by a hyphen are an adjective (misc), and roles stay on people', () => {
  const found = ruleMentionsOf(['The Mexico-United States talks resumed, U.S. officials said.']).map((m) => `${m.text}:${m.type}:${m.role?.text ?? ''}`);
  assert.ok(found.includes('Mexico-United States:misc:'));
  assert.ok(found.includes('U.S.:place:'));
});

test('family name first, Gaelic surname prefixes and listed surnames type people', () => {
  const t = types(['Officials said Wang Donghai met McAteer and Okonkwo in Lisbon.']);
  assert.equal(t['Wang Donghai'], 'person');
  assert.equal(t.McAteer, 'person');
});

test('event words type misc, also before "of"; an organisation word before "for" types an organisation', () => {
  const t = types(['Markets shut for Labor Day after the World Series of Golf, said the Organisation for Maritime Safety and Doris Day.']);
  assert.equal(t['Labor Day'], 'misc');
  assert.equal(t['World Series of Golf'], 'misc');
  assert.equal(t['Organisation for Maritime Safety'], 'org');
  assert.equal(t['Doris Day'], 'person');
});

test('datelines: a place in capitals opening a paragraph, and the region after its comma', () => {
  const t = types(['KESTWICK, Calif. 2024-05-01', 'Officials in Kestwick said the plant would close.']);
  assert.equal(t.KESTWICK, 'place');
  assert.equal(t['Calif.'] ?? t.Calif, 'place');
  assert.equal(t.Kestwick, 'place');
});
