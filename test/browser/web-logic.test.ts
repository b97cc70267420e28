import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryOut } from '../../src/index.js';
import { dateRange, formatDate, ticks } from '../../src/render/date-range.js';
import { layout, MAX_LANES, timelineItems, WIDTH } from '../../src/render/timeline-layout.js';
import { pastedRequest } from '../../web/src/paste.js';
import { articleHref, parseRoute, storiesHref } from '../../web/src/route.js';
import { safeHttpUrl } from '../../web/src/safe-url.js';
import { type Mark, segment } from '../../web/src/segments.js';

const mark = (start: number, end: number, kind: string): Mark => ({ start, end, kind, label: kind });

test('segments cut overlapping and nested marks into flat runs', () => {
  const quote = mark(2, 10, 'quote');
  const name = mark(4, 6, 'entity');
  const runs = segment(0, 12, [quote, name]);
  assert.deepEqual(
    runs.map((r) => [r.start, r.end, r.marks.map((m) => m.kind).join('+')]),
    [
      [0, 2, ''],
      [2, 4, 'quote'],
      [4, 6, 'quote+entity'],
      [6, 10, 'quote'],
      [10, 12, ''],
    ],
  );
});

test('segments clip marks to the range and drop empty or inverted ones', () => {
  const runs = segment(5, 9, [mark(0, 7, 'a'), mark(8, 30, 'b'), mark(6, 6, 'empty'), mark(9, 3, 'inverted')]);
  assert.deepEqual(
    runs.map((r) => [r.start, r.end, r.marks.map((m) => m.kind).join('+')]),
    [
      [5, 7, 'a'],
      [7, 8, ''],
      [8, 9, 'b'],
    ],
  );
  assert.deepEqual(segment(3, 3, [mark(0, 9, 'a')]), []);
});

test('dates of every TIMEX precision become calendar ranges; vague values do not', () => {
  const day = 86_400_000;
  assert.deepEqual(dateRange('2026-09-24'), { start: Date.UTC(2026, 8, 24), end: Date.UTC(2026, 8, 24) + day, precision: 'day', label: '24 Sep 2026' });
  assert.equal(dateRange('2026-03')?.label, 'Mar 2026');
  assert.equal(dateRange('2026')?.end, Date.UTC(2027, 0, 1));
  assert.equal(dateRange('2026-09-24T10:30')?.precision, 'day');
  assert.deepEqual([dateRange('2026-Q2')?.start, dateRange('2026-Q2')?.end], [Date.UTC(2026, 3, 1), Date.UTC(2026, 6, 1)]);
  assert.equal(dateRange('2026-H2')?.label, 'second half of 2026');
  assert.equal(dateRange('2026-FA')?.start, Date.UTC(2026, 8, 1));
  assert.equal(dateRange('2026-WI')?.end, Date.UTC(2027, 2, 1), 'winter runs into the next year');
  // ISO week 1 of 2026 starts on Monday 29 December 2025.
  assert.equal(dateRange('2026-W01')?.start, Date.UTC(2025, 11, 29));
  for (const vague of ['XXXX-03', 'PRESENT_REF', 'P3D', '2026-13', '2026-02-40', '2026-W60', '']) assert.equal(dateRange(vague), null, vague);
  assert.equal(formatDate(null), 'undated');
  assert.equal(formatDate('XXXX-03'), 'XXXX-03');
});

test('axis ticks stay few and readable at every span', () => {
  const day = 86_400_000;
  for (const span of [2 * day, 40 * day, 400 * day, 3000 * day]) {
    const marks = ticks(Date.UTC(2026, 0, 15), Date.UTC(2026, 0, 15) + span);
    assert.ok(marks.length >= 1 && marks.length <= 14, `${span / day} days: ${marks.length} ticks`);
    assert.ok(marks.every((t, i) => i === 0 || t.at > (marks[i - 1]?.at ?? 0)));
  }
});

function story(timeline: Array<[string, string]>, events: Array<[string, string | null]> = []): StoryOut {
  return {
    id: 's-0000000000000000',
    title: 'A fictional story',
    articleIds: [],
    sources: [],
    entities: [],
    quotes: [],
    facts: [],
    summary: [],
    events: events.map(([title, date], i) => ({ id: `e-${i}`, title, date, articleIds: [] })),
    timeline: timeline.map(([date, text]) => ({ date, text, citations: [] })),
  };
}

test('the timeline packs labels into lanes without overlap and counts what it cannot draw', () => {
  const crowded = Array.from({ length: 40 }, (_, i): [string, string] => ['2026-05-10', `Statement number ${i} about the ferry`]);
  const { items, undated } = timelineItems(
    story(
      [...crowded, ['XXXX-05', 'a month with no year']],
      [
        ['Ferry launched', '2026-05-01'],
        ['Vague', null],
      ],
    ),
  );
  assert.equal(undated, 2);
  const { placed, hidden } = layout(items);
  assert.equal(placed.length + hidden, items.length);
  assert.ok(hidden > 0, 'forty statements on one day cannot all be drawn');
  const lanes = new Set(placed.map((p) => p.lane));
  assert.ok(lanes.size <= MAX_LANES + 3);
  assert.equal(placed.find((p) => p.kind === 'event')?.lane, 0, 'events sit on the top lane');
  for (const p of placed) assert.ok(p.x0 >= 0 && p.x1 <= WIDTH, `${p.key} inside the picture`);
});

test('labels never overlap each other or a marker, never leave the picture, and are shortened only when crowded', () => {
  const day = (d: number): string => `2026-05-${String(d).padStart(2, '0')}`;
  const texts = Array.from({ length: 30 }, (_, i): [string, string] => [
    day(1 + (i % 9)),
    `The harbour board said on day ${i} that the Saltmarsh ferry would keep its winter timetable until the storms pass`,
  ]);
  const { items } = timelineItems(story([...texts, ['2026-05', 'A month-long consultation on the new ferry pier']], [['Ferry relaunched', day(4)]]));
  const { placed } = layout(items);
  const box = (p: (typeof placed)[number]) => {
    const mark = p.range.precision === 'day' ? [p.x0 - 5, p.x0 + 5] : [p.x0, p.x1];
    const label = p.anchor === 'start' ? [p.labelX, p.labelX + p.labelWidth] : [p.labelX - p.labelWidth, p.labelX];
    return [Math.min(mark[0] as number, label[0] as number), Math.max(mark[1] as number, label[1] as number)] as const;
  };
  for (const p of placed) {
    const [left, right] = box(p);
    assert.ok(left >= 0 && right <= WIDTH, `${p.key} [${left}, ${right}] inside the picture`);
    assert.ok(p.label === p.text || (p.label.endsWith('…') && p.text.startsWith(p.label.slice(0, -1))), `"${p.label}" is the start of the text`);
    for (const q of placed) {
      if (q === p || q.lane !== p.lane) continue;
      const [l2, r2] = box(q);
      assert.ok(right <= l2 || r2 <= left, `${p.key} and ${q.key} on lane ${p.lane} overlap`);
    }
  }
  const lone = layout(timelineItems(story([['2026-05-01', 'A short statement that fits whole']])).items).placed[0];
  assert.equal(lone?.label, 'A short statement that fits whole', 'an uncrowded label is not shortened');
  const cut = placed.find((p) => p.label !== p.text);
  assert.ok(cut, 'the crowded statements are shortened');
  assert.doesNotMatch(cut.label, /\s…$/, 'shortened at a word, with no space before the ellipsis');
});

test('a label near the right edge sits left of its marker', () => {
  const { items } = timelineItems(
    story([
      ['2026-01-01', 'The first statement of the year'],
      ['2026-12-31', 'The last statement of the year, with a long label'],
    ]),
  );
  const last = layout(items).placed.find((p) => p.text.startsWith('The last'));
  assert.equal(last?.anchor, 'end');
  assert.ok((last?.labelX ?? WIDTH) < (last?.x0 ?? 0));
});

test('routes parse ids and spans strictly', () => {
  assert.deepEqual(parseRoute('#/article/0123456789abcdef?start=5&end=9'), { page: 'article', id: '0123456789abcdef', span: { start: 5, end: 9 } });
  assert.deepEqual(parseRoute('#/article/0123456789abcdef?start=9&end=5'), { page: 'article', id: '0123456789abcdef', span: null });
  assert.deepEqual(parseRoute('#/story/s-0123456789abcdef'), { page: 'story', id: 's-0123456789abcdef' });
  assert.equal(parseRoute('#/story/..%2f..%2fetc').page, 'missing');
  assert.equal(parseRoute('#/story/<script>').page, 'missing');
  assert.equal(parseRoute('').page, 'stories');
  assert.equal(parseRoute('#/ingest').page, 'ingest');
  assert.equal(articleHref('0123456789abcdef', { start: 1, end: 4 }), '#/article/0123456789abcdef?start=1&end=4');
  assert.equal(storiesHref({ q: 'ferry & port', offset: 0, language: '' }), '#/?q=ferry+%26+port');
});

test('only http(s) article URLs become links', () => {
  assert.equal(safeHttpUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  for (const bad of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>1</script>',
    'vbscript:x',
    '//evil.example/x',
    'relative/path',
    '',
    null,
  ]) {
    assert.equal(safeHttpUrl(bad), null, String(bad));
  }
});

test('pasted URLs are fetched; anything else is text', () => {
  assert.deepEqual(pastedRequest('https://a.example/1\n\n  http://b.example/2  \n'), { urls: ['https://a.example/1', 'http://b.example/2'] });
  assert.deepEqual(pastedRequest('Ferry news\nhttps://a.example/1'), { files: [], texts: ['Ferry news\nhttps://a.example/1'] });
  assert.equal(pastedRequest(' \n '), null);
});
