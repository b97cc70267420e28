import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDate, monthNumber, normalizeDate } from './dates.js';

test('metadata dates are read as written, in the writer’s own time zone', () => {
  assert.equal(normalizeDate('2025-09-02T22:10:00-05:00'), '2025-09-02');
  assert.equal(normalizeDate('2025-09-02T23:59:00+14:00'), '2025-09-02');
  assert.equal(normalizeDate('20250902'), '2025-09-02');
  assert.equal(normalizeDate('2025/9/2'), '2025-09-02');
  assert.equal(normalizeDate('2025-09'), '2025-09');
  assert.equal(normalizeDate('Tue, 02 Sep 2025 10:00:00 GMT'), '2025-09-02');
  assert.equal(normalizeDate('September 2, 2025'), '2025-09-02');
  assert.equal(normalizeDate('Sept. 2, 2025'), '2025-09-02');
});

test('European and non-English dates', () => {
  assert.equal(normalizeDate('02.09.2025 14:30'), '2025-09-02');
  assert.equal(normalizeDate('2.9.2025 klo 12.45'), '2025-09-02');
  assert.equal(normalizeDate('6. Mai 2018'), '2018-05-06');
  assert.equal(normalizeDate('27 juin 2019'), '2019-06-27');
  assert.equal(normalizeDate('16 de octubre de 2020'), '2020-10-16');
  assert.equal(normalizeDate('Dienstag, 01. Februar 2022 12:10'), '2022-02-01');
  assert.equal(normalizeDate('Mai 06 2018'), '2018-05-06');
  assert.equal(normalizeDate('2020年07月03日 | 徒歩'), '2020-07-03');
  assert.equal(normalizeDate('2020년 7월 3일'), '2020-07-03');
  assert.equal(findDate('12020年07月03日'), null, 'a year is not the tail of a longer number');
});

test('impossible and ambiguous dates are refused, not guessed', () => {
  assert.equal(normalizeDate('31.02.2020'), null);
  assert.equal(normalizeDate('2020-13-01'), null);
  assert.equal(normalizeDate('03/04/2020'), null, 'day and month order unknown');
  assert.equal(normalizeDate('13/04/2020'), '2020-04-13');
  assert.equal(normalizeDate('04/13/2020'), '2020-04-13');
  assert.equal(normalizeDate('in the spring'), null);
  assert.equal(normalizeDate('market 12, 2020'), null, 'a word that starts like a month is not one');
});

test('findDate reports where the date is written', () => {
  const text = 'HAMBURG (dpa) — Veröffentlicht am 16.08.2019, 10:15 Uhr';
  const found = findDate(text);
  assert.ok(found);
  assert.equal(found.date, '2019-08-16');
  assert.equal(text.slice(found.index, found.index + found.length), '16.08.2019');
  assert.equal(findDate('no date here, only 2019 and 12.5 percent'), null);
});

test('month names across languages', () => {
  assert.equal(monthNumber('März'), 3);
  assert.equal(monthNumber('Sept.'), 9);
  assert.equal(monthNumber('décembre'), 12);
  assert.equal(monthNumber('Monday'), 0);
});

test('hostile text: long runs of digits, dots and letters stay fast', () => {
  const started = performance.now();
  for (const s of ['1.'.repeat(100_000), '12 '.repeat(100_000), 'a'.repeat(200_000), `${'9'.repeat(100_000)}-`, 'Mai '.repeat(50_000)]) {
    findDate(s);
    normalizeDate(s);
  }
  assert.ok(performance.now() - started < 2_000);
});
