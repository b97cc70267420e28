import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimFrame } from '../claims.js';
import { backgroundStretches, isBackground, ownMain } from './clause-role.js';

// Invented sentences; only the fields clause-role.ts reads are filled.
function frame(text: string, predicates: Array<[string, string]>, verbs: string[] = []): ClaimFrame {
  const at = (w: string) => text.indexOf(w);
  return {
    text,
    occurrences: predicates.map(([cls, w]) => ({ cls, at: at(w), passive: false, denied: false })),
    verbs: verbs.map((w) => ({ at: at(w), reporting: false })),
  } as unknown as ClaimFrame;
}

test('a clause opened by "after" or "who" runs to the next comma or the end', () => {
  const text = 'Ferrow, who had been ill for years, died in Kessling after a fall.';
  assert.deepEqual(
    backgroundStretches(text).map(([s, e]) => text.slice(s, e)),
    ['who had been ill for years', 'after a fall.'],
  );
});

test('a predicate in a background clause is background only when the claim tells something else', () => {
  const riots = frame('Riots broke out in Kessling after police shot Arlen.', [
    ['riot', 'Riots'],
    ['shoot', 'shot'],
  ]);
  assert.equal(isBackground(riots, riots.text.indexOf('shot')), true);
  assert.equal(isBackground(riots, riots.text.indexOf('Riots')), false);
  assert.equal(ownMain(riots)?.cls, 'riot');
  // A clause split off its sentence tells that clause as its news.
  const alone = frame('after police shot Arlen in Kessling.', [['shoot', 'shot']], ['shot']);
  assert.equal(isBackground(alone, alone.text.indexOf('shot')), false);
  assert.equal(ownMain(alone)?.cls, 'shoot');
});

test('the main clause after a leading background clause is the news', () => {
  const landlord = frame('After smelling gas, the landlord sent his son upstairs.', [['smell', 'smelling']], ['sent']);
  assert.equal(isBackground(landlord, 0), true);
  assert.equal(ownMain(landlord)?.cls, 'smell', 'no other predicate: the first one stands');
});
