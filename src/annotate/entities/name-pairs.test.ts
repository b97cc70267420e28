import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFrom } from '../../../test/entities/article.js';
import type { EntityMention } from '../../model/annotations.js';
import { runStage } from '../../pipeline/runner.js';
import { entities } from './index.js';
import { splitNamePairs } from './name-pairs.js';

// Fictional names written for these tests.
function mentionsOf(paragraphs: string[]): EntityMention[] {
  return runStage(entities(), articleFrom(paragraphs, 'en')).layers.entities ?? [];
}

test('a hyphenated pair of people the article names is those two people, not an organisation', () => {
  const article = runStage(
    entities(),
    articleFrom(['Senator Rosa Alvarez met Governor Tom Brennan in Lund on Friday.', 'The Alvarez-Brennan meeting ended without a deal.'], 'en'),
  );
  const mentions = article.layers.entities ?? [];
  const at = article.text.indexOf('Alvarez-Brennan');
  assert.equal(
    mentions.some((m) => m.text.includes('-')),
    false,
  );
  assert.deepEqual(
    mentions.filter((m) => m.start >= at && m.end <= at + 15).map((m) => [m.text, m.type, m.canonical]),
    [
      ['Alvarez', 'person', 'Rosa Alvarez'],
      ['Brennan', 'person', 'Tom Brennan'],
    ],
  );
});

test('a double-barrelled surname and a firm named after no one stay whole', () => {
  const mentions = mentionsOf(['Ana Hoyer-Larsen, a lawyer, sued Kell-Marrow Holdings on Monday.', 'Hoyer-Larsen said she would appeal.']);
  assert.ok(mentions.some((m) => m.text === 'Hoyer-Larsen' && m.type === 'person'));
  assert.equal(
    mentions.some((m) => m.text === 'Hoyer' || m.text === 'Larsen' || m.text === 'Kell'),
    false,
  );
});

test('the split keeps offsets, needs two different people, and reads at most four parts', () => {
  const person = (start: number, text: string, canonical: string): EntityMention => ({
    start,
    end: start + text.length,
    type: 'person',
    text,
    canonical,
    via: 'name',
  });
  const org = (start: number, text: string): EntityMention => ({ start, end: start + text.length, type: 'org', text, canonical: text, via: 'name' });
  const named = [person(0, 'Rosa Alvarez', 'Rosa Alvarez'), person(20, 'Tom Brennan', 'Tom Brennan')];
  const out = splitNamePairs([...named, org(40, 'Alvarez-Brennan')]);
  assert.deepEqual(
    out.slice(2).map((m) => [m.start, m.end, m.canonical]),
    [
      [40, 47, 'Rosa Alvarez'],
      [48, 55, 'Tom Brennan'],
    ],
  );
  assert.equal(splitNamePairs([...named, org(40, 'Brennan-Brennan')]).length, 3);
  assert.equal(splitNamePairs([...named, org(40, 'Alvarez-Brennan-Alvarez-Brennan-Alvarez')]).length, 3);
});
