import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, mentionsOf } from '../../../test/entities/article.js';
import type { EntityMention } from '../../model/annotations.js';
import { consistentTypes } from './consistency.js';
import { mergeEntities } from './index.js';

const typeOf = (paragraphs: string[], text: string, language = 'en'): string | undefined => mentionsOf(paragraphs, language).find((m) => m.text === text)?.type;

test('one name, one type across a document: the majority settles whether a name is a person', () => {
  const typed = consistentTypes([
    { text: 'Halvard Brun', type: 'person' },
    { text: 'Halvard Brun', type: 'person' },
    { text: 'Halvard Brun', type: 'org' },
    // A city and its club may share a name in one report: place against organisation is the tagger's call.
    { text: 'Ostermark', type: 'place' },
    { text: 'Ostermark', type: 'org' },
  ]);
  assert.deepEqual(
    typed.map((n) => n.type),
    ['person', 'person', 'person', 'place', 'org'],
  );
});

test("short forms take the type of the full name: a surname is the person, a firm's first word no person", () => {
  const typed = consistentTypes([
    { text: 'Marit Solberg', type: 'person' },
    { text: 'Solberg', type: 'org' },
    { text: 'Quenmark Holdings', type: 'org' },
    { text: 'Quenmark', type: 'person' },
    // A surname that is also a listed city stays the person in a document that names the person in full.
    { text: 'Oskar Brandenburg', type: 'person' },
    { text: 'Brandenburg', type: 'place' },
  ]);
  assert.deepEqual(
    typed.map((n) => n.type),
    ['person', 'person', 'org', 'org', 'person', 'person'],
  );
});

test('a country under any alias is one place, never a person', () => {
  const found = mentionsOf(['The U.S. and Brazil met. US officials said America would act, and the United States agreed. USA!']);
  const us = found.filter((m) => ['U.S.', 'US', 'America', 'United States', 'USA'].includes(m.text));
  assert.ok(us.length >= 4);
  for (const m of us) {
    assert.equal(m.type, 'place', brief(m));
    assert.equal(m.canonical, 'United States', brief(m));
  }
  const es = mentionsOf(['El gobierno de EE. UU. respondió.'], 'es').find((m) => m.text.startsWith('EE'));
  assert.equal(es?.canonical, 'Estados Unidos');
});

test('company cues make an organisation: legal suffixes and "Holdings"', () => {
  assert.equal(typeOf(['Shares of Brevik Tarn Inc. rose after the report.'], 'Brevik Tarn Inc.'), 'org');
  assert.equal(typeOf(['Ostrava Freight Corp. hired drivers.'], 'Ostrava Freight Corp.'), 'org');
});

test('a Spanish-style group name joined by "de" stays one organisation', () => {
  const found = mentionsOf(['Police said the boat was run by Lobos de Carrizal, a gang based on the coast.']);
  assert.ok(
    found.some((m) => m.text === 'Lobos de Carrizal' && m.type === 'org'),
    found.map(brief).join(', '),
  );
});

test('titles are roles, honorifics make people: the name keeps neither', () => {
  const found = mentionsOf(['Secretary of State Lena Okafor met Mr. Dunstable in Lisbon.']).map(brief);
  assert.ok(found.includes('Lena Okafor|person|Lena Okafor|name|Secretary of State'), found.join(', '));
  assert.ok(found.includes('Dunstable|person|Dunstable|name|'), found.join(', '));
});

test('"Jr." names a different person: father and son stay apart across a story', () => {
  const a = mentionsOf(['Harlan Voss spoke on Monday. Harlan Voss Jr. spoke on Tuesday.']);
  const entities = mergeEntities([{ articleId: 'a', mentions: a }]);
  const names = entities.filter((e) => e.type === 'person').map((e) => e.name);
  assert.ok(names.includes('Harlan Voss') && names.includes('Harlan Voss Jr.'), names.join(', '));
});

test('a hyphenated given name is not split: "Park Sun-hee" stays whole', () => {
  const found = mentionsOf(['Park Sun-hee arrived in Seoul. Park Sun-hee said talks would go on.']).filter((m) => m.text.startsWith('Park'));
  assert.equal(found.length, 2);
  for (const m of found) assert.equal(m.text, 'Park Sun-hee');
});

test('"US$" is a currency, not an organisation', () => {
  const found = mentionsOf(['The deal was worth US$40 million, officials in Quito said.']);
  assert.ok(!found.some((m) => m.text.startsWith('US') && m.type === 'org'), found.map(brief).join(', '));
});

test('across a story, a gang named twice in one article reaches the cast filter with its mention count', () => {
  const a = mentionsOf(['Police blamed Lobos de Carrizal, a gang from the coast. Lobos de Carrizal denied it.']);
  const b = mentionsOf(['Officials in Quito met on Monday.']);
  const counts = new Map<string, number>();
  mergeEntities(
    [
      { articleId: 'a', mentions: a },
      { articleId: 'b', mentions: b },
    ],
    (e, n) => {
      counts.set(`${e.name}|${e.type}`, n);
      return true;
    },
  );
  assert.equal(counts.get('Lobos de Carrizal|org'), 2, [...counts.keys()].join(', '));
});

test('across a story, a surname one article mistyped joins the one person it ends; a place never does', () => {
  const mention = (text: string, type: EntityMention['type']): EntityMention => ({ start: 0, end: text.length, text, type, canonical: text, via: 'name' });
  const merged = mergeEntities([
    { articleId: 'a', mentions: [mention('Inés Carbajal', 'person'), mention('Carbajal', 'person')] },
    { articleId: 'b', mentions: [mention('Carbajal', 'org')] },
    { articleId: 'c', mentions: [mention('Georgia', 'place'), mention('Tomas Georgia', 'person')] },
  ]).map((e) => `${e.name}|${e.type}|${e.articleCount}`);
  assert.ok(merged.includes('Inés Carbajal|person|2'), merged.join(', '));
  assert.ok(merged.includes('Georgia|place|1'), merged.join(', '));
});
