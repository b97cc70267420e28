import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textArticle } from '../model/article.js';
import { creditNote } from './credit-note.js';

const article = (outlet: string | null, syndicatedFrom: string | null) => ({
  ...textArticle('The council met on Monday.', { id: 'a1', path: 'a1.txt', language: 'en' }),
  outlet,
  provenance: { syndicatedFrom, duplicateOf: null },
});

test('a syndicated copy names both the outlet that ran it and the outlet it credits', () => {
  assert.equal(creditNote(article('Harbor Public Radio', 'The Daily Ledger')), 'published by Harbor Public Radio, credits The Daily Ledger');
  assert.equal(creditNote(article(null, 'The Daily Ledger')), 'credits The Daily Ledger');
  assert.equal(creditNote(article('The Daily Ledger', 'The Daily Ledger')), 'credits The Daily Ledger');
  assert.equal(creditNote(article('Harbor Public Radio', null)), null);
});
