import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryOut } from '../model/contract.js';
import { rankFacts } from './rank.js';

type Fact = StoryOut['facts'][number];

// Invented facts: only status, source counts and the names they mention matter here.
const fact = (text: string, status: Fact['status'], independentSources: number): Fact => ({
  text,
  status,
  independentSources,
  citations: [],
  conflictsWith: [],
});

test('conflicts first, then corroborated by number of sources, then single-source by centrality', () => {
  const facts = [
    fact('A bakery in Lund opened a second shop.', 'single-source', 1),
    fact('Mayor Rosa Lind cut the ribbon at the new bridge.', 'corroborated', 2),
    fact('The bridge cost 40 million crowns.', 'conflicting', 1),
    fact('Mayor Rosa Lind said the bridge opens to buses in May.', 'single-source', 1),
    fact('The bridge was opened on Monday.', 'corroborated', 4),
  ];
  const entities: StoryOut['entities'] = [
    { name: 'Rosa Lind', type: 'person', aliases: ['Lind'], roles: ['Mayor'], articleCount: 5 },
    { name: 'Lund', type: 'place', aliases: [], roles: [], articleCount: 5 },
  ];
  assert.deepEqual(rankFacts(facts, entities), [2, 4, 1, 3, 0]);
});
