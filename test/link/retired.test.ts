import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANCHORS_VERSION } from '../../src/link/anchors.js';
import { RETIRE_AFTER, SWEEP_EVERY } from '../../src/link/candidates.js';
import { EntryArena } from '../../src/link/entry-arena.js';
import { Linker, type LinkerEntry } from '../../src/link/linker.js';
import { PackedEntry, whenOf } from '../../src/link/packed-entry.js';
import { ANNOUNCEMENT, VISIT } from './fixtures.js';

const DAY_MS = 86_400_000;
const JUNE = Date.UTC(2025, 5, 1);

/** An unrelated report of a made-up daily happening: its own cast and words, a few shared with others that day. */
function filler(i: number): LinkerEntry {
  const date = new Date(JUNE + Math.floor(i / 100) * DAY_MS).toISOString().slice(0, 10);
  const id = `filler${String(i).padStart(6, '0')}`;
  return {
    id,
    title: null,
    headline: false,
    outlet: 'Filler Gazette',
    published: date,
    label: id,
    origin: null,
    anchors: {
      version: ANCHORS_VERSION,
      names: { [`quillon${Math.floor(i / 4)}`]: 2 },
      places: {},
      terms: { [`harvest${Math.floor(i / 4)}`]: 1, fair: 1 },
      numbers: [],
      dates: [],
      when: date,
      lead: { names: {}, terms: {} },
      phase: null,
    },
    print: { exact: id, samples: [] },
    copyOf: null,
    shares: [],
    story: null,
    group: null,
  };
}

test('a packed entry reads back as the plain entry and saves as the same JSON', () => {
  const linker = new Linker();
  linker.add(ANNOUNCEMENT[0] as (typeof ANNOUNCEMENT)[number]);
  const plain = linker.serialize().entries[0] as LinkerEntry;
  const packed = new PackedEntry(plain, new EntryArena());
  assert.equal(JSON.stringify(packed), JSON.stringify(plain));
  assert.deepEqual(packed.anchors, plain.anchors);
  assert.deepEqual(packed.print, plain.print);
  assert.equal(whenOf(packed), plain.anchors.when);
  packed.story = 'elsewhere';
  assert.equal(packed.toJSON().story, 'elsewhere', 'fields stay mutable');
});

test('packed line prints read back as written, beside samples and text in the arena, empty ones included', () => {
  const arena = new EntryArena();
  const base = filler(1);
  const prints = [
    { spans: [0, 40, 41, 90, 2 ** 32 - 2, 2 ** 32 - 1], stems: [[1, 65_535, 300], [], [7]] },
    { spans: [], stems: [] },
    undefined,
    { spans: [5, 9], stems: [Array.from({ length: 40 }, (_, i) => i * 1_000)] },
  ];
  const packed = prints.map((lines, i) => new PackedEntry({ ...base, id: `a${i}`, lines, print: { exact: `e${i}`, samples: [4 * i, 8] } }, arena));
  packed.forEach((p, i) => {
    assert.deepEqual(p.lines, prints[i]);
    assert.deepEqual(p.print.samples, [4 * i, 8]);
    assert.deepEqual(p.anchors, base.anchors);
    assert.equal('lines' in p.toJSON(), prints[i] !== undefined);
  });
});

test('a story whose weeks retired still takes a matching article months later', () => {
  const linker = new Linker();
  for (const a of ANNOUNCEMENT) linker.add(a);
  const before = new Map(linker.serialize().entries.map((e) => [e.id, JSON.stringify({ anchors: e.anchors, print: e.print })]));
  // Enough later arrivals for May's weeks to sit idle past the retirement limit (and a sweep to run).
  for (let i = 0; i < RETIRE_AFTER + 2 * SWEEP_EVERY; i++) linker.addEntry(filler(i));
  // Retired entries are held packed; what is saved of them does not change.
  for (const e of linker.serialize().entries.filter((x) => before.has(x.id)))
    assert.equal(JSON.stringify({ anchors: e.anchors, print: e.print }), before.get(e.id));
  for (const a of VISIT) linker.add(a);
  const labels = linker.labels();
  const announced = labels.get((ANNOUNCEMENT[0] as (typeof ANNOUNCEMENT)[number]).id)?.story;
  for (const a of [...ANNOUNCEMENT, ...VISIT]) assert.equal(labels.get(a.id)?.story, announced, `"${a.title}" is in the May story`);
  const story = linker.stories(undefined, [announced as string])[0];
  assert.deepEqual(story?.dateRange, { first: '2025-05-12', last: '2025-09-03' });
  assert.equal(labels.get('filler000000')?.story === announced, false, 'an unrelated report stays out');
});
