import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CopyIndex, type CopyPrint } from '../../src/link/copies.js';
import { Generations, RewriteNotes } from '../../src/link/rewrite-notes.js';
import type { Rewrite } from '../../src/model/story.js';

/** The lookup's definition, by brute force: every held id sharing a sample or the exact hash, most shared first, then by id. */
function reference(held: ReadonlyMap<string, CopyPrint>, print: CopyPrint, limit: number, maxPosting: number): string[] {
  const holders = new Map<number, number>();
  for (const p of held.values()) for (const s of p.samples) holders.set(s, (holders.get(s) ?? 0) + 1);
  const scored: Array<[string, number]> = [];
  for (const [id, p] of held) {
    if (p.exact === print.exact) {
      scored.push([id, Number.POSITIVE_INFINITY]);
      continue;
    }
    const shared = print.samples.filter((s) => p.samples.includes(s) && (holders.get(s) as number) <= Math.max(1, maxPosting)).length;
    if (shared > 0) scored.push([id, shared]);
  }
  return scored
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

test('copy candidates are the most shared ids, then by id, as by brute force, through additions and removals', () => {
  let seed = 11;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  const printOf = (): CopyPrint => ({
    exact: `x${random(40)}`,
    samples: [...new Set(Array.from({ length: random(30) }, () => 4 * random(300)))].sort((a, b) => a - b),
  });
  const index = new CopyIndex();
  const held = new Map<string, CopyPrint>();
  for (let step = 0; step < 4000; step++) {
    const roll = random(10);
    if (roll < 5) {
      const id = `a${random(1500).toString(36)}`;
      if (held.has(id)) continue;
      const print = printOf();
      held.set(id, print);
      index.add(id, print);
    } else if (roll < 7 && held.size > 0) {
      const id = [...held.keys()][random(held.size)] as string;
      index.remove(id, held.get(id) as CopyPrint);
      held.delete(id);
    } else {
      const print = printOf();
      const [limit, maxPosting] = [1 + random(25), 1 + random(40)];
      assert.deepEqual(index.candidates(print, limit, maxPosting), reference(held, print, limit, maxPosting));
    }
  }
});

test('copy candidates stay exact while the sample table grows and keys leave runs of colliding cells', () => {
  let seed = 5;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  // Mostly samples of their own (the table grows well past its first size), some from a small pool (keys held by
  // several), all keys landing in a few hundred home cells of the first table plus the high bits that spread them later.
  const sample = () => 4 * (random(8) === 0 ? random(200) : 4096 * random(4096) + random(300));
  const index = new CopyIndex();
  const held = new Map<string, CopyPrint>();
  let queries = 0;
  for (let step = 0; step < 12_000; step++) {
    const roll = random(10);
    if (roll < 6) {
      const id = `b${step}`;
      const print = { exact: `y${step}`, samples: [...new Set(Array.from({ length: 10 + random(40) }, sample))].sort((a, b) => a - b) };
      held.set(id, print);
      index.add(id, print);
    } else if (roll < 9 && held.size > 0) {
      const id = [...held.keys()][random(held.size)] as string;
      index.remove(id, held.get(id) as CopyPrint);
      held.delete(id);
    } else if (step % 20 === 0) {
      // A held print's own samples, so the lookup meets the ids that share them.
      const print = [...held.values()][random(held.size)] as CopyPrint;
      const query = { exact: 'none', samples: print.samples };
      assert.deepEqual(index.candidates(query, 20, 30), reference(held, query, 20, 30));
      queries++;
    }
  }
  assert.ok(held.size > 1_000 && queries > 20, `${held.size} held, ${queries} queries`);
});

test('a copy sample that is not an unsigned multiple of four is refused', () => {
  assert.throws(() => new CopyIndex().add('a', { exact: 'e', samples: [6] }), /not an unsigned 32-bit multiple/);
});

test('rewrite notes last one build past the build that last used them', () => {
  const note = (of: string): Rewrite => ({ articleId: 'r', of, ruleId: 'link.rewrite', reason: 'shares long passages with the original' });
  const notes = new RewriteNotes(3);
  notes.set('a', 'b', note('a'));
  notes.set('c', 'd', note('c'));
  notes.set('c', 'e', note('c'));
  notes.set('f', 'g', note('f'));
  assert.equal(notes.get('f', 'g'), undefined, 'a generation holds at most its bound');
  assert.equal(notes.get('c', 'e')?.of, 'c', 'notes of one article are counted one by one');
  notes.turn();
  assert.equal(notes.get('a', 'b')?.of, 'a');
  notes.turn();
  assert.equal(notes.get('a', 'b')?.of, 'a', 'used in the last build: kept');
  assert.equal(notes.get('c', 'd'), undefined, 'unused for a whole build: dropped');
});

test('weighed build caches hold at most their bound in weight, a replaced value weighed anew', () => {
  const kept = new Generations<number[]>(5, (members) => members.length);
  kept.set('a', [1, 2]);
  kept.set('b', [1, 2, 3, 4]);
  assert.equal(kept.get('b'), undefined, 'over the bound: not kept');
  kept.set('c', [1, 2, 3]);
  assert.deepEqual(kept.get('c'), [1, 2, 3], 'within the bound');
  kept.set('a', [1]);
  kept.set('d', [1]);
  assert.deepEqual([kept.get('a'), kept.get('d')], [[1], [1]], 'the smaller replacement left room');
  kept.set('c', [1, 2, 3, 4, 5]);
  assert.equal(kept.get('c'), undefined, 'a replacement over the bound drops the key');
  kept.set('e', [1, 2, 3]);
  assert.deepEqual(kept.get('e'), [1, 2, 3], 'and its weight');
});
