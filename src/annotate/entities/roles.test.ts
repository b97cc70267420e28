import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, mentionsOf } from '../../../test/entities/article.js';

const person = (paragraphs: string[], name: string, language = 'en'): string | undefined =>
  mentionsOf(paragraphs, language)
    .filter((m) => m.text === name)
    .map(brief)[0];

test('a capitalised title before the name becomes the role, "of" departments included', () => {
  assert.equal(person(['Secretary of State Lena Okafor landed in Lisbon.'], 'Lena Okafor'), 'Lena Okafor|person|Lena Okafor|name|Secretary of State');
  assert.equal(person(['Defense Secretary Paul Varga spoke.'], 'Paul Varga'), 'Paul Varga|person|Paul Varga|name|Defense Secretary');
  assert.equal(person(['Minister of Foreign Affairs Wen Tao arrived.'], 'Wen Tao'), 'Wen Tao|person|Wen Tao|name|Minister of Foreign Affairs');
});

test('an owner before the title joins the role and stays a mention of its own', () => {
  const found = mentionsOf(["Peru's President Rosa Quispe met U.S. President Alan Dorsey."]).map(brief);
  assert.ok(found.includes("Rosa Quispe|person|Rosa Quispe|name|Peru's President"));
  assert.ok(found.includes('Alan Dorsey|person|Alan Dorsey|name|U.S. President'));
  assert.ok(found.some((m) => m.startsWith('Peru|place')));
});

test('lower-case titles before a name and roles in apposition after it', () => {
  assert.equal(person(['The talks were led by former president Ruth Ambler.'], 'Ruth Ambler'), 'Ruth Ambler|person|Ruth Ambler|name|former president');
  assert.equal(person(["Jorge Salas, the union's president, called a strike."], 'Jorge Salas'), "Jorge Salas|person|Jorge Salas|name|union's president");
});

test('honorifics type a person but are not roles; organisation words are not titles', () => {
  assert.equal(person(['Mr. Holloway declined to comment.'], 'Holloway'), 'Holloway|person|Holloway|name|');
  const found = mentionsOf(['General Motors and the Justice Department settled.']).map(brief);
  assert.ok(found.includes('General Motors|org|General Motors|name|'));
  assert.ok(found.includes('Justice Department|org|Justice Department|name|'));
});

test('Spanish roles: "la ministra de Transporte, X", "el presidente X", "X, secretaria de Estado,"', () => {
  assert.equal(
    person(['La ministra de Transporte, Elena Ruiz, anunció el plan.'], 'Elena Ruiz', 'es'),
    'Elena Ruiz|person|Elena Ruiz|name|ministra de Transporte',
  );
  assert.equal(person(['Ayer habló el presidente Tomás Iriarte en Lima.'], 'Tomás Iriarte', 'es'), 'Tomás Iriarte|person|Tomás Iriarte|name|presidente');
  assert.equal(person(['Marta Vidal, secretaria de Estado, viajó a Quito.'], 'Marta Vidal', 'es'), 'Marta Vidal|person|Marta Vidal|name|secretaria de Estado');
  // The department inside the role is not an entity of its own.
  assert.equal(person(['La ministra de Transporte, Elena Ruiz, anunció el plan.'], 'Transporte', 'es'), undefined);
});

test('the title is the last one that leaves a name; the words before it are the affiliation; a bare title is no entity', () => {
  const found = mentionsOf(['Federal Aviation Administration Director Ann Lee met Major-General Ivo Brandt.', 'The Foreign Minister said nothing.']).map(brief);
  assert.ok(found.includes('Ann Lee|person|Ann Lee|name|Federal Aviation Administration Director'));
  assert.ok(found.includes('Federal Aviation Administration|org|Federal Aviation Administration|name|'));
  assert.ok(found.includes('Ivo Brandt|person|Ivo Brandt|name|Major-General'));
  assert.equal(
    found.some((m) => m.startsWith('Foreign Minister')),
    false,
  );
});

test('a role before a comma reaches its title over nationality adjectives, and nothing else makes one', () => {
  assert.equal(
    person(['Se reunió con el canciller argentino, Diego Ferrari, en Lima.'], 'Diego Ferrari', 'es'),
    'Diego Ferrari|person|Diego Ferrari|name|canciller argentino',
  );
  assert.equal(
    person(['She met the Argentine foreign minister, Diego Ferrari, on Monday.'], 'Diego Ferrari'),
    'Diego Ferrari|person|Diego Ferrari|name|Argentine foreign minister',
  );
  assert.equal(person(['En Lima, Diego Ferrari habló.'], 'Diego Ferrari', 'es'), 'Diego Ferrari|person|Diego Ferrari|name|');
});

test('a run ending in a title with no name keeps only its owner; a first name before a title word is a person', () => {
  const found = mentionsOf(['The Polish Foreign Minister said Carole King would sing.']).map(brief);
  assert.ok(found.includes('Polish|group|Polish|name|'));
  assert.equal(
    found.some((m) => m.startsWith('Polish Foreign Minister')),
    false,
  );
  assert.ok(found.includes('Carole King|person|Carole King|name|'));
});
