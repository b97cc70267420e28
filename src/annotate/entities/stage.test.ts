import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFrom } from '../../../test/entities/article.js';
import { runStage } from '../../pipeline/runner.js';
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
