import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import type { Quantity } from '../../model/annotations.js';
import { runStage } from '../../pipeline/runner.js';
import { parseNumeral } from './numbers.js';
import { quantities } from './quantities.js';

// Fictional sentences written for these tests.
function found(text: string, language = 'en'): Array<Partial<Quantity>> {
  return (runStage(quantities(), plainArticle(text, language)).layers.quantities ?? []).map(({ text: t, value, valueMax, unit, counted, qualifier }) => ({
    text: t,
    value,
    ...(valueMax !== undefined ? { valueMax } : {}),
    unit,
    counted,
    qualifier,
  }));
}

test('counts with their noun and qualifier', () => {
  assert.deepEqual(found('Police detained 42 protest leaders and more than 1,500 workers.'), [
    { text: '42 protest leaders', value: 42, unit: null, counted: 'protest leaders', qualifier: 'exact' },
    { text: 'more than 1,500 workers', value: 1500, unit: null, counted: 'workers', qualifier: 'more-than' },
  ]);
});

test('percent, money with scale and rate', () => {
  assert.deepEqual(found('A 25% levy would cost $12 million a day.'), [
    { text: '25% levy', value: 25, unit: '%', counted: 'levy', qualifier: 'exact' },
    { text: '$12 million a day', value: 12_000_000, unit: 'USD per day', counted: null, qualifier: 'exact' },
  ]);
});

test('Spanish thousands separator, words and currency after "de"', () => {
  assert.deepEqual(found('Unos 2.400 pescadores y tres cooperativas pidieron más de 1,5 millones de pesos.', 'es'), [
    { text: 'Unos 2.400 pescadores', value: 2400, unit: null, counted: 'pescadores', qualifier: 'approximately' },
    { text: 'tres cooperativas', value: 3, unit: null, counted: 'cooperativas', qualifier: 'exact' },
    { text: 'más de 1,5 millones de pesos', value: 1_500_000, unit: 'MXN', counted: null, qualifier: 'more-than' },
  ]);
});

test('vague amounts, fractions, dozens and ranges', () => {
  assert.deepEqual(found('Tens of thousands of fans, two-thirds of voters, a dozen boats and 8 to 10 trucks.'), [
    { text: 'Tens of thousands of fans', value: 10_000, valueMax: 99_999, unit: null, counted: 'fans', qualifier: 'approximately' },
    { text: 'two-thirds of voters', value: 2 / 3, unit: 'fraction', counted: 'voters', qualifier: 'exact' },
    { text: 'a dozen boats', value: 12, unit: null, counted: 'boats', qualifier: 'exact' },
    { text: '8 to 10 trucks', value: 8, valueMax: 10, unit: null, counted: 'trucks', qualifier: 'exact' },
  ]);
});

test('dates, years, clock times, durations and ordinals are not quantities', () => {
  assert.deepEqual(found('On Sept. 2, 2025 at 3 p.m., for 90 days, on her 3rd and fourth visit, el 9 de marzo.'), []);
});

test('numerals read by language', () => {
  assert.equal(parseNumeral('1.200', 'es'), 1200);
  assert.equal(parseNumeral('1.200', 'en'), 1.2);
  assert.equal(parseNumeral('1,5', 'es'), 1.5);
  assert.equal(parseNumeral('1,234.5', 'en'), 1234.5);
  assert.equal(parseNumeral('1.234,5', 'es'), 1234.5);
});
