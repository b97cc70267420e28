import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LineKind, lineVerdicts } from './line-report.js';

// The article's run of lines (regions.ts): fictional pages, each line's verdict checked.

const PARAS = [
  'The harbour board in Lindqvist Bay voted on Monday to extend the ferry pier by forty metres, a project that has been discussed for most of a decade by the town council and the operators.',
  'Work is expected to start in the spring and to last about eighteen months, according to the board, which did not give a cost estimate but said the county would pay for most of it.',
  'Residents of the islands have asked for a longer pier since the larger ferry entered service, because at low tide it cannot berth and passengers wait on the water for an hour or more.',
];
const MENU = ['Home', 'Harbour', 'Islands', 'Tides', 'Weather'];

function kinds(lines: string[]): Map<string, LineKind> {
  return new Map(lineVerdicts(lines.join('\n')).map((v) => [v.text, v.kind]));
}

test('a teaser sentence after the menu that ends the article is not the article; the article is', () => {
  const teaser = 'A council in the north has approved a new bus route that links three villages to the station.';
  const k = kinds(['Ferry pier to grow by forty metres', '', ...PARAS, '', ...MENU, '', teaser, 'Island school reopens']);
  for (const p of PARAS) assert.equal(k.get(p), 'body');
  assert.equal(k.get(teaser), 'chrome');
});

test('a notice above the menu and the headline is not where the article starts', () => {
  const notice = 'Quotes are delayed by at least fifteen minutes and are provided for information only.';
  const k = kinds([notice, '', ...MENU, '', 'Ferry pier to grow by forty metres', '', ...PARAS]);
  assert.equal(k.get(notice), 'chrome');
  assert.equal(k.get('Ferry pier to grow by forty metres'), 'headline');
  for (const p of PARAS) assert.equal(k.get(p), 'body');
});

test('short lines between paragraphs (a list, a table) do not end the article when no chrome separates them', () => {
  const items = ['Two ferries a day', 'Three on Saturdays', 'None on Sundays', 'Extra crossings in August', 'Night crossing on Fridays'];
  const k = kinds(['Ferry pier to grow by forty metres', '', PARAS[0] as string, '', ...items, '', PARAS[1] as string]);
  assert.equal(k.get(PARAS[1] as string), 'body');
  for (const item of items) assert.notEqual(k.get(item), 'chrome', item);
});

test('a last paragraph after an inline "Read more" box of two links stays in the article', () => {
  const last = 'The board will publish the timetable for the works and the detours on Friday.';
  const k = kinds([
    'Ferry pier to grow by forty metres',
    '',
    ...PARAS,
    '',
    'Read more',
    'Island bus timetable changes in June',
    'Why the old pier keeps flooding',
    '',
    last,
  ]);
  assert.equal(k.get(last), 'body');
  assert.equal(k.get('Island bus timetable changes in June'), 'chrome');
});

test('a group of more than three title lines above the article is a teaser rail: its last line is the headline', () => {
  const rail = [
    'Island school reopens after the storm',
    'New bus route links three villages',
    'Council approves the harbour budget',
    'Lighthouse keeper retires after forty years',
  ];
  const k = kinds([...rail, 'Ferry pier to grow by forty metres', 'By Ana Ruiz', '', ...PARAS]);
  assert.equal(k.get('Ferry pier to grow by forty metres'), 'headline');
  for (const t of rail) assert.equal(k.get(t), 'chrome', t);
});

test('a clean text whose prose is broken up by short lines keeps all its prose', () => {
  // One long paragraph, then short ones each after a list of one-word lines (which read as link lists): no run holds
  // most of the prose, so the text's prose from first to last is the article.
  const long = PARAS[0] as string;
  const short = ['Mix the flour and the salt in a bowl and leave it for an hour.', 'Add the eggs one at a time and stir the batter until it is smooth.'];
  const lines: string[] = [long, ''];
  for (const s of [...short, ...short.map((x) => x.replace('the', 'all the'))]) lines.push('Flour', 'Salt', 'Eggs', 'Milk', '', s, '');
  const k = kinds(lines);
  assert.equal(k.get(long), 'body');
  for (const s of short) assert.equal(k.get(s), 'body', s);
});
