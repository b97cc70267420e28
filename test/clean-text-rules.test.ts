import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LineKind, lineVerdicts } from '../src/clean/text/line-report.js';
import { countWords } from '../src/clean/text/lines.js';
import { creditShaped, embedDate, isDateLine, isEntryTime, navSegments } from '../src/clean/text/shape.js';

// One test per rule family of the pasted-text cleaner, on lines written for these tests (fictional). Each page is
// wrapped in two long paragraphs where the rule needs an article around it.

const PARA_A =
  'The harbour board in Lindqvist Bay voted on Monday to extend the ferry pier by forty metres, a project that has been discussed for most of a decade.';
const PARA_B = 'Work is expected to start in the spring and to last about eighteen months, according to the board, which did not give a cost estimate.';

/** Kind per line of a page given as an array of lines ('' = blank). */
function kinds(lines: string[]): Array<LineKind | null> {
  const byLine = new Map(lineVerdicts(lines.join('\n')).map((v) => [v.line, v.kind]));
  return lines.map((_, i) => byLine.get(i + 1) ?? null);
}

function kindOf(lines: string[], text: string): LineKind | null {
  const i = lines.indexOf(text);
  assert.ok(i >= 0, `test page lacks ${text}`);
  return kinds(lines)[i] ?? null;
}

test('media players: counters are chrome, a clock time heading a live-blog entry is a dateline', () => {
  const player = ['Listen live', '0:00', '0:00 / 3:12', '', PARA_A, '', PARA_B];
  assert.deepEqual(kinds(player).slice(0, 3), ['chrome', 'chrome', 'chrome']);
  const live = ['Harbour vote, live', '', PARA_A, '', '14:05', 'Board members arrive at the town hall', PARA_B, '', '13:40 BST', PARA_A];
  assert.equal(kindOf(live, '14:05'), 'dateline');
  assert.equal(kindOf(live, '13:40 BST'), 'dateline');
  assert.equal(kindOf(live, 'Board members arrive at the town hall'), 'heading');
  assert.ok(isEntryTime('3.15pm') && isEntryTime('21:38') && !isEntryTime('0:00') && !isEntryTime('25:10'));
});

test('word-list furniture: prompts, ads, reading time, counters, cookie banners and legal lines are chrome; prose that mentions the words is not', () => {
  const page = [
    'We use cookies and similar tools to improve your experience on our site and to show you relevant offers.',
    'Accept all',
    'Reject all',
    '',
    PARA_A,
    'Advertisement',
    PARA_B,
    'Lectura: 5 min',
    '2.4K shares',
    'Suscríbete a nuestro boletín',
    'Share this story',
    'The school newsletter reported that the bakery sold cookies at the fair, and parents said the queue was the longest in years.',
    PARA_A,
    'Privacy policy',
  ];
  const k = kinds(page);
  for (const i of [0, 1, 2, 5, 7, 8, 9, 10, 13]) assert.equal(k[i], 'chrome', page[i]);
  assert.equal(k[11], 'body');
});

test('runs of short link-like lines are menus; single short headings between paragraphs are not', () => {
  // A sticky menu pasted into the middle of the text: neither position nor word lists give it away, only its shape.
  const page = ['Ferry pier to grow by forty metres', '', PARA_A, 'Harbour', 'Islands', 'Tides', 'Ferries', '', 'The cost', PARA_B];
  const k = kinds(page);
  assert.deepEqual(k.slice(3, 7), ['chrome', 'chrome', 'chrome', 'chrome']);
  assert.equal(kindOf(page, 'The cost'), 'heading');
});

test('one-line menus and breadcrumbs are chrome; a pipe table with figures is body', () => {
  const page = [
    'Home › Harbour › Ferries',
    'News | Sport | Weather | Jobs',
    'Ferry pier to grow by forty metres',
    '',
    PARA_A,
    'Year | Crossings | Delays',
    '2023 | 41,200 | 310',
    '2024 | 44,950 | 288',
    '',
    PARA_B,
  ];
  const k = kinds(page);
  assert.deepEqual(k.slice(0, 2), ['chrome', 'chrome']);
  assert.deepEqual(k.slice(5, 8), ['body', 'body', 'body']);
  assert.deepEqual(navSegments('Inicio | Puerto | Opinión'), ['Inicio', 'Puerto', 'Opinión']);
  assert.equal(navSegments('A sentence with one | pipe'), null);
});

test('a "Related" or table-of-contents header takes the link titles under it, and stops at prose', () => {
  const page = [
    'Ferry pier to grow by forty metres',
    'Contents',
    'The vote',
    'The cost',
    '',
    PARA_A,
    'Read more',
    'Island bus timetable changes in June',
    'Why the old pier keeps flooding?',
    '',
    PARA_B,
  ];
  const k = kinds(page);
  assert.deepEqual(k.slice(1, 4), ['chrome', 'chrome', 'chrome']);
  assert.deepEqual(k.slice(6, 9), ['chrome', 'chrome', 'chrome']);
  assert.equal(k[10], 'body');
});

test('a credit line makes the sentence above it a caption; credit shapes are recognised', () => {
  const page = [
    'Ferry pier to grow by forty metres',
    '',
    'The old pier at low tide on Sunday, March 1, 2026.',
    'Photo: Ines Borg / Harbour Press',
    '',
    PARA_A,
    'Passengers wait for the morning boat.',
    'Ines Borg/Harbour Press',
    PARA_B,
  ];
  const k = kinds(page);
  assert.deepEqual([k[2], k[3], k[6], k[7]], ['caption', 'credit', 'caption', 'credit']);
  assert.ok(creditShaped({ index: 0, start: 0, end: 0, text: 'Ines Borg / Harbour Press', words: countWords('Ines Borg / Harbour Press') }));
  assert.ok(!creditShaped({ index: 0, start: 0, end: 0, text: 'He said yes / no.', words: 4 }));
});

test('embedded posts: the signature, post text with tags or handles, and platform frames are embeds', () => {
  const page = [
    PARA_A,
    'Big day for the island! The pier vote passed 7-2 #Lindqvist',
    '— Harbour Board (@lindqvist_harbour) March 2, 2026',
    PARA_B,
    'View this post on Instagram',
    'Sunrise over the old pier',
    'A post shared by Island Life (@islandlife)',
    PARA_A,
  ];
  assert.deepEqual(kinds(page), ['body', 'embed', 'embed', 'body', 'embed', 'embed', 'embed', 'body']);
  assert.equal(embedDate('March 2, 2026'), '2026-03-02');
  assert.equal(embedDate('2 de marzo de 2026'), '2026-03-02');
});

test('syndication and staff credits are credits', () => {
  const page = [PARA_A, PARA_B, 'This story was first published by the Island Courier.', '(Reporting by Ana Lind; editing by Per Holm)'];
  assert.deepEqual(kinds(page).slice(2), ['credit', 'credit']);
});

test('date lines: dates with their words, places and author are datelines; a title with a year is not', () => {
  for (const line of [
    'Published 3 May 2026, 10:02 · Updated 2 hours ago',
    'Lindqvist Bay, 3 de mayo de 2026',
    'Posted on May 3, 2026 by Ana Lind',
    '03/05/2026 10:02',
    'Sun 3 May 2026 10.02 BST',
  ]) {
    assert.ok(isDateLine(line), line);
  }
  for (const line of ['Elections 2026', 'Port strike ends with 9% raise after three days', 'Comments (14)', '4 min']) assert.ok(!isDateLine(line), line);
});
