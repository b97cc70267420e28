import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimFrame, type FrameInput, verbLemma } from './claims.js';

// Invented sentences and fictional names, written for these tests.

function frame(text: string, language = 'en'): ReturnType<typeof claimFrame> {
  const input: FrameInput = { text, offset: 0, language, entities: [], quantities: [], dates: [], quotes: [], excluded: [], negated: false };
  return claimFrame(input);
}

test('every form of a verb meets on one lemma, a doubled consonant undone only where the lemma has none', () => {
  assert.equal(verbLemma('skipped'), verbLemma('skips'));
  assert.equal(verbLemma('putting'), 'put');
  assert.equal(verbLemma('called'), 'call');
  assert.equal(verbLemma('passed'), 'pass');
  assert.equal(verbLemma('added'), 'add');
});

test('a Spanish word is read by the whole stem of a lexicon word, not its first five letters', () => {
  // "compañía" shares five letters with "compartir": a company is no act of sharing.
  assert.deepEqual([...frame('La compañía de Velmora necesita más agua', 'es').predicates], []);
  assert.deepEqual([...frame('Dos hombres fueron detenidos en Velmora', 'es').predicates], ['arrest']);
  assert.deepEqual([...frame('El gobierno de Velmora compartirá los datos', 'es').predicates], ['share']);
});
