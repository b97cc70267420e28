import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, mentionsOf } from '../../../test/entities/article.js';

const linked = (paragraphs: string[], language = 'en'): string[] => mentionsOf(paragraphs, language).map(brief);

test('surnames link to the full name, the closest earlier one when two share it', () => {
  const found = linked(['Dana Whitcombe met Ortega.', 'Whitcombe said the deal was done.', 'Paul Whitcombe, her brother, disagreed. Whitcombe left.']);
  assert.ok(found.includes('Whitcombe|person|Dana Whitcombe|surname|'));
  assert.equal(found.filter((m) => m === 'Whitcombe|person|Paul Whitcombe|surname|').length, 1);
});

test('two-word Spanish surnames and lone first names link to the full name', () => {
  const found = linked(['El gobernador Luis Alberto Peralta Soto llegó tarde.', 'Peralta Soto dijo que Luis Alberto volvería.'], 'es');
  assert.ok(found.includes('Peralta Soto|person|Luis Alberto Peralta Soto|surname|'));
});

test('acronyms and standard aliases point at the full name', () => {
  const found = linked(['The Federal Office of Water Safety (FOWS) warned the U.S. Army.', 'FOWS staff left the U.S. on Friday.']);
  assert.ok(found.includes('FOWS|org|Federal Office of Water Safety|alias|'));
  assert.ok(found.some((m) => m.startsWith('U.S.|place|United States|alias')));
});

test('a bare title links to the one earlier person holding it, and stays unlinked when two do', () => {
  const one = linked(['Secretary of State Lena Okafor landed in Lisbon.', 'The secretary said talks would go on.']);
  assert.ok(one.includes('The secretary|person|Lena Okafor|title|'));
  const two = linked(['President Anna Roth met President Hugo Lind.', 'The president said nothing.']);
  assert.equal(
    two.some((m) => m.includes('|title|')),
    false,
  );
  const es = linked(['La ministra de Salud, Elena Ruiz, visitó Cádiz.', 'La ministra prometió fondos.'], 'es');
  assert.ok(es.includes('La ministra|person|Elena Ruiz|title|'));
});

test('"he"/"she" link only when one person of that gender was just named, never inside quotes', () => {
  const found = linked(['Marco Bellini met Claudia Ferro on Monday.', 'She said the plan was ready. "He is wrong," she added.']);
  assert.equal(found.filter((m) => m === 'She|person|Claudia Ferro|pronoun|' || m === 'she|person|Claudia Ferro|pronoun|').length, 2);
  assert.equal(
    found.some((m) => m.startsWith('He|')),
    false,
  );
  const ambiguous = linked(['Marco Bellini met Paolo Ferro on Monday.', 'He said the plan was ready.']);
  assert.equal(
    ambiguous.some((m) => m.includes('|pronoun|')),
    false,
  );
});

test('a pronoun looks back one sentence only', () => {
  const found = linked(['Marco Bellini arrived on Monday.', 'The weather was bad.', 'He left.']);
  assert.equal(
    found.some((m) => m.includes('|pronoun|')),
    false,
  );
});

test('a bare title links through a synonym of the office ("la mandataria" after "la presidenta X")', () => {
  const found = linked(['La presidenta Irene Solís habló con el Departamento de Estado.', 'Después, la mandataria viajó a Quito.'], 'es');
  assert.ok(found.includes('la mandataria|person|Irene Solís|title|'));
  assert.ok(found.includes('Departamento de Estado|org|Departamento de Estado|name|'));
});
