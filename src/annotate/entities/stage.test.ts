import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFrom } from '../../../test/entities/article.js';
import { runStage } from '../../pipeline/runner.js';
import { analyze } from '../nlp.js';
import { generation } from '../words.js';
import { entities } from './index.js';

test('every mention is a valid span whose text is the covered text, in text order', () => {
  const article = articleFrom([
    'Vidal Meets Ferro In Lisbon',
    "Secretary of State Lena Okafor met Portugal's Prime Minister Rui Ferro in Lisbon on Tuesday.",
    '"We agree," Okafor told reporters. She said the secretary would return to the Ministry of Finance.',
  ]);
  const out = runStage(entities(), article);
  const mentions = out.layers.entities ?? [];
  assert.ok(mentions.length >= 6);
  let last = -1;
  for (const m of mentions) {
    assert.ok(m.start >= last && m.start < m.end && m.end <= out.text.length);
    assert.equal(out.text.slice(m.start, m.end), m.text);
    if (m.role) assert.equal(out.text.slice(m.role.start, m.role.end), m.role.text);
    last = m.start;
  }
  assert.deepEqual(out.messages, []);
});

test('hostile text: no throw, bounded output, a message when mentions are cut', () => {
  const capitals = Array.from({ length: 4000 }, (_, i) => `we saw Kora${i} there`).join(' and ');
  const hyphens = `${'A-'.repeat(3000)}B`;
  const article = articleFrom([capitals, hyphens, '"'.repeat(500), 'of of of the de de la'], 'en');
  const out = runStage(entities({ maxMentions: 50 }), article);
  assert.equal((out.layers.entities ?? []).length, 50);
  assert.ok(out.messages.some((m) => m.ruleId === 'entities:too-many'));
  assert.ok(out.messages.some((m) => m.ruleId === 'entities:block-cut'));
});

test('Spanish article: roles, places, organisations and links without English part-of-speech tags', () => {
  const article = articleFrom(
    [
      'La ministra de Transporte, Elena Ruiz, visitó Valparaíso con el presidente Tomás Iriarte.',
      'Ruiz dijo que el Ministerio de Obras Públicas pagará. La ministra volverá a Rancagua.',
    ],
    'es',
  );
  const mentions = runStage(entities(), article).layers.entities ?? [];
  const view = mentions.map((m) => `${m.text}|${m.type}|${m.canonical}|${m.via}`);
  assert.ok(view.includes('Elena Ruiz|person|Elena Ruiz|name'));
  assert.ok(view.includes('Valparaíso|place|Valparaíso|name'));
  assert.ok(view.includes('Tomás Iriarte|person|Tomás Iriarte|name'));
  assert.ok(view.includes('Ruiz|person|Elena Ruiz|surname'));
  assert.ok(view.includes('Ministerio de Obras Públicas|org|Ministerio de Obras Públicas|name'));
  assert.ok(view.includes('La ministra|person|Elena Ruiz|title'));
  assert.ok(view.includes('Rancagua|place|Rancagua|name'));
});

test('tokens of an analysis read before the word table was emptied keep their words (their ids now name others)', () => {
  const article = articleFrom([
    'Mayor Ines Duarte opened the Harbour Bridge in Valdera on Monday.',
    'Duarte said the Valdera Port Authority would pay for repairs. She thanked the engineers.',
  ]);
  const before = runStage(entities(), article).layers.entities;
  const start = generation();
  // More distinct spellings than the table keeps (30,000): the next tokenization empties it, and the spellings read
  // after that take the ids the article's words had.
  const spellings = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `w${(from + i).toString(36)}`).join(' ');
  analyze(spellings(0, 31_000));
  // Read through the stage, so its records by id hold these spellings' words.
  runStage(entities(), articleFrom([spellings(100_000, 2_000)]));
  assert.equal(generation(), start + 1);
  // The article's block analyses are still cached, with the old ids on their tokens.
  assert.deepEqual(runStage(entities(), article).layers.entities, before);
});
