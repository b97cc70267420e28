import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityMention } from '../../model/annotations.js';
import { canonicalKey, mergeEntities } from './canonical.js';

test('canonicalKey drops accents, case, dots, honorifics and middle initials, and keeps suffixes', () => {
  assert.equal(canonicalKey('Donald J. Trump'), canonicalKey('Donald Trump'));
  assert.equal(canonicalKey('José Pérez'), canonicalKey('JOSE PEREZ'));
  assert.equal(canonicalKey('Dr. Ann Lee Jr.'), 'ann lee jr');
  assert.equal(canonicalKey("Mexico's"), 'mexico');
  assert.notEqual(canonicalKey('Ann Lee'), canonicalKey('Anna Lee'));
});

const mention = (text: string, type: EntityMention['type'], canonical = text, role?: string): EntityMention => ({
  start: 0,
  end: text.length,
  text,
  type,
  canonical,
  via: canonical === text ? 'name' : 'surname',
  ...(role ? { role: { start: 0, end: role.length, text: role } } : {}),
});

test('mergeEntities joins spellings across articles, with aliases, roles and article counts', () => {
  const merged = mergeEntities([
    { articleId: 'a', mentions: [mention('Mateo Vidal', 'person', 'Mateo Vidal', 'Secretary of State'), mention('Vidal', 'person', 'Mateo Vidal')] },
    { articleId: 'b', mentions: [mention('Mateo A. Vidal', 'person'), mention('Vidal', 'person')] },
    { articleId: 'c', mentions: [mention('Vidal', 'person'), mention('México', 'place'), mention('Mexico', 'place')] },
  ]);
  const vidal = merged.find((e) => e.name === 'Mateo Vidal');
  assert.ok(vidal);
  assert.equal(vidal.articleCount, 3);
  assert.deepEqual(vidal.roles, ['Secretary of State']);
  assert.ok(vidal.aliases.includes('Vidal') && vidal.aliases.includes('Mateo A. Vidal'));
  const mexico = merged.filter((e) => canonicalKey(e.name) === 'mexico');
  assert.equal(mexico.length, 1);
});

test('a surname shared by two full names stays on its own', () => {
  const merged = mergeEntities([
    { articleId: 'a', mentions: [mention('Hunter Vale', 'person'), mention('Joan Vale', 'person')] },
    { articleId: 'b', mentions: [mention('Vale', 'person')] },
  ]);
  assert.equal(merged.length, 3);
});

test('only people merge by part of a name, and display names avoid capitals', () => {
  const merged = mergeEntities([
    { articleId: 'a', mentions: [mention('Latin America', 'place'), mention('America', 'place'), mention('LISBON', 'place')] },
    { articleId: 'b', mentions: [mention('Lisbon', 'place')] },
  ]);
  assert.deepEqual(merged.map((e) => e.name).sort(), ['America', 'Latin America', 'Lisbon']);
});
