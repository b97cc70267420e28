import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cleanPastedText } from '../src/clean/text/clean-text.js';
import { classifyText, type LineKind, lineVerdicts } from '../src/clean/text/line-report.js';
import { toRawSpan } from '../src/model/offset-map.js';

// Page-level rules (headline, regions, tail, comments, footer, bios, repeats) and the cleaner's output contract, on
// pages written for these tests (fictional), plus hostile input.

const PARA_A =
  'The harbour board in Lindqvist Bay voted on Monday to extend the ferry pier by forty metres, a project that has been discussed for most of a decade.';
const PARA_B = 'Work is expected to start in the spring and to last about eighteen months, according to the board, which did not give a cost estimate.';
const PARA_C = '“We have waited long enough for a pier that does not flood,” said Maja Ek, who runs the kiosk by the ticket office.';

function kinds(lines: string[]): Array<LineKind | null> {
  const byLine = new Map(lineVerdicts(lines.join('\n')).map((v) => [v.line, v.kind]));
  return lines.map((_, i) => byLine.get(i + 1) ?? null);
}

const PAGE = [
  'The Lindqvist Record', // 0 masthead
  'A newspaper for the islands since 1921', // 1 tagline
  'News', // 2
  'Harbour', // 3
  'Opinion', // 4
  '',
  'Ferry pier to grow by forty metres after years of delay', // 6 headline
  'The board also promised a new waiting room', // 7 dek
  '',
  'By Ana Lind and Per Holm', // 9
  'March 3, 2026', // 10
  '',
  PARA_A, // 12
  '',
  'What changes for passengers', // 14 heading
  PARA_B, // 15
  'Ferry pier to grow by forty metres after years of delay', // 16 repeated headline
  'We have waited long enough for a pier that does not flood', // 17 pull quote
  PARA_C, // 18
  'The board meets again in April.', // 19 short last sentence
  '',
  'If you travel', // 21
  '- Morning boats leave from the south quay during the works.', // 22
  '- Tickets are sold on board until the kiosk reopens.', // 23
  '',
  'Ana Lind covers the harbour and the islands for the Record.', // 25 bio
  'Follow the Record', // 26
  'Back to the harbour page', // 27
  '3 comments', // 28
  'Great news for the island, finally something is being done about that pier.', // 29
  '© 2026 The Lindqvist Record', // 30
];

test('headline, dek, byline and dateline are found below the masthead, menu and tagline, which are chrome', () => {
  const k = kinds(PAGE);
  assert.deepEqual(k.slice(0, 5), ['chrome', 'chrome', 'chrome', 'chrome', 'chrome']);
  assert.deepEqual([k[6], k[7], k[9], k[10]], ['headline', 'body', 'byline', 'dateline']);
  assert.deepEqual([k[12], k[14], k[15]], ['body', 'heading', 'body']);
});

test('a repeated headline and a pull quote are removed; the short last sentence stays', () => {
  const k = kinds(PAGE);
  assert.deepEqual([k[16], k[17], k[18], k[19]], ['chrome', 'chrome', 'body', 'body']);
});

test('after the last paragraph only a list and its heading stay; bios, prompts and comments go', () => {
  const k = kinds(PAGE);
  assert.deepEqual([k[21], k[22], k[23]], ['heading', 'list-item', 'list-item']);
  assert.deepEqual(k.slice(25), ['chrome', 'chrome', 'chrome', 'chrome', 'chrome', 'chrome']);
});

test('a comments header cuts the page even when long comments follow it', () => {
  const page = ['Pier plan approved', '', PARA_A, PARA_B, 'Leave a reply', PARA_C, PARA_A.replace('Monday', 'Tuesday')];
  assert.deepEqual(kinds(page).slice(4), ['chrome', 'chrome', 'chrome']);
});

test('a copyright line ends the page, but a photo copyright inside the article does not', () => {
  const footer = [
    'Pier plan approved',
    '',
    PARA_A,
    PARA_B,
    'Copyright © 2026 Lindqvist Record. All rights reserved.',
    'Transcripts may contain errors and are updated when the audio is checked again by staff.',
  ];
  assert.deepEqual(kinds(footer).slice(4), ['chrome', 'chrome']);
  const inside = ['Pier plan approved', '', PARA_A, '© 2026 Harbour Press', PARA_B, PARA_C, PARA_A.replace('Monday', 'Friday')];
  assert.deepEqual(kinds(inside).slice(4), ['body', 'body', 'body']);
});

test('numbered lines: an isolated numbered title is a heading, consecutive numbered lines are a list', () => {
  const page = [
    'Pier plan approved',
    '',
    PARA_A,
    '1. The vote',
    PARA_B,
    '2. The cost',
    PARA_C,
    'Three things to know:',
    '1. It floods.',
    '2. It is old.',
    PARA_A,
  ];
  const k = kinds(page);
  assert.deepEqual([k[3], k[5], k[8], k[9]], ['heading', 'heading', 'list-item', 'list-item']);
});

test('cleanPastedText: clean text holds only kept lines, every removal has a reason and maps back to the raw text', () => {
  const raw = PAGE.join('\n');
  const cleaned = cleanPastedText(raw);
  assert.ok(cleaned.text.startsWith('Ferry pier to grow by forty metres after years of delay\n\nThe board also promised'));
  assert.ok(!cleaned.text.includes('The Lindqvist Record\n') && !cleaned.text.includes('3 comments'));
  assert.equal(cleaned.headline, 'Ferry pier to grow by forty metres after years of delay');
  // The byline is a metadata line: out of the text, its names recorded with the line they came from.
  assert.deepEqual(
    cleaned.metaLines.filter((m) => m.field === 'authors').map((m) => m.value),
    ['Ana Lind', 'Per Holm'],
  );
  for (const r of cleaned.removed) {
    assert.match(r.reason, /^(chrome|credit|embed|metadata): \S/);
    assert.equal(raw.slice(r.raw.start, r.raw.end), r.text);
  }
  for (const block of cleaned.blocks) {
    const span = toRawSpan(cleaned.map, block);
    assert.equal(raw.slice(span.start, span.end), cleaned.text.slice(block.start, block.end));
  }
});

test('cleanPastedText: credits and wire bylines become provenance; a post and its signature are one embed with its own date', () => {
  const raw = [
    'Pier plan approved',
    'Ana Lind (Island Wire)',
    '',
    PARA_A,
    'The pier vote passed 7-2 #Lindqvist',
    '— Harbour Board (@lindqvist_harbour) 2 de marzo de 2026',
    PARA_B,
    'The pier in 1998, before the storm, on Aug. 8, 1998.',
    'Photo: Island Archive',
    PARA_C,
  ].join('\n');
  const cleaned = cleanPastedText(raw);
  assert.equal(cleaned.syndicatedFrom, 'Island Wire');
  const post = cleaned.embeds.find((e) => e.kind === 'social-post');
  assert.equal(post?.text, 'The pier vote passed 7-2 #Lindqvist\n— Harbour Board (@lindqvist_harbour) 2 de marzo de 2026');
  assert.equal(post?.date, '2026-03-02');
  assert.equal(post?.author, 'Harbour Board (@lindqvist_harbour)');
  assert.equal(cleaned.embeds.find((e) => e.kind === 'caption')?.date, '1998-08-08');
  const credited = cleanPastedText(`${PARA_A}\n${PARA_B}\nThis article originally appeared in the Island Courier.`);
  assert.equal(credited.syndicatedFrom, 'the Island Courier');
});

test('hostile input: odd text never throws, and every non-blank line is either kept or recorded as removed', () => {
  const line = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('0:00', 'Share', '— A (@b) May 1, 2024', '© 2024 X', '- item', '1. item', 'A | B | C', PARA_A, ''),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const raw = lines.join('\n');
      const cleaned = cleanPastedText(raw);
      // A dateline opening a paragraph is a second block on the same line; count lines, not blocks.
      const keptLines = new Set(cleaned.blocks.map((b) => b.start)).size;
      const nonBlank = classifyText(raw).labels.filter((l) => l.kind !== 'blank').length;
      assert.equal(keptLines + cleaned.removed.length, nonBlank);
    }),
    { numRuns: process.env.TRIANGULATE_LONG ? 2000 : 200 },
  );
});

test('hostile input: a huge page and a huge line are handled in linear time', () => {
  const many = Array.from({ length: 30_000 }, (_, i) => (i % 7 === 0 ? PARA_A : i % 3 === 0 ? '' : `Item ${i % 11}`)).join('\n');
  const long = `${'word '.repeat(200_000)}end.`;
  const started = performance.now();
  const a = cleanPastedText(many);
  const b = cleanPastedText(long);
  const seconds = (performance.now() - started) / 1000;
  assert.ok(a.text.length > 0 && b.text.length > 0);
  assert.ok(seconds < 30, `took ${seconds.toFixed(1)} s`);
});
