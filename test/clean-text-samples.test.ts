import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { PROJECT_ROOT } from '../eval/harness.js';
import { readGoldPages, staleLines } from '../eval/sets/lines.js';
import { repairText } from '../src/clean/encoding/repair.js';

// The gold files are hand-written; these checks keep them consistent with the corpus they describe, so a scorer
// built on them measures the engine and not a typo in the gold.

const CORPUS = join(PROJECT_ROOT, 'samples', 'corpus');

interface GoldArticle {
  outlet: string;
  story: string | null;
  event: string | null;
  copyOf: string | null;
  syndicatedFrom: string | null;
}
interface Mention {
  article: string;
  sentence: string;
  optional?: boolean;
}
interface Fact {
  id: string;
  story: string;
  status: 'corroborated' | 'conflicting' | 'single-source';
  independentSources: number;
  values: Array<{ value: string; independentSources: number; mentions: Mention[] }>;
  notMentions?: Mention[];
}
interface Quote {
  article: string;
  text?: string;
  parts?: string[];
  speaker: string;
}
interface FactsGold {
  articles: Record<string, GoldArticle>;
  stories: Array<{ id: string; events: Array<{ id: string }>; articles: string[] }>;
  facts: Fact[];
  quotes: Quote[];
  reported: Mention[];
}

const gold = JSON.parse(readFileSync(join(PROJECT_ROOT, 'samples', 'gold', 'facts.json'), 'utf8')) as FactsGold;

/** The article's clean text as the gold sentences are written: repaired text, JSONL `text`, HTML paragraph text. */
function articleText(key: string): string {
  const [file, record] = key.split('#');
  const raw = readFileSync(join(CORPUS, file ?? ''), 'utf8');
  if (record) return (JSON.parse(raw.split('\n')[Number(record) - 1] ?? '{}') as { text: string }).text;
  if (key.endsWith('.html')) {
    const doc = parseDocument(raw);
    return ['h1', 'p', 'figcaption'].flatMap((tag) => getElementsByTagName(tag, doc).map((el) => textContent(el))).join('\n');
  }
  return repairText(raw).text;
}

test('every non-blank line of every gold page is labelled, and the labels still match the page', () => {
  const pages = readGoldPages();
  assert.ok(pages.filter((p) => p.split === 'dev').length >= 10 && pages.filter((p) => p.split === 'test').length >= 10);
  for (const page of pages) {
    const raw = readFileSync(join(PROJECT_ROOT, page.file), 'utf8');
    assert.deepEqual(staleLines(page, raw), [], page.name);
    const nonBlank = raw.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
    assert.deepEqual(
      page.lines.map((l) => l.line),
      nonBlank,
      `${page.name}: labelled lines`,
    );
  }
});

test('every pasted corpus page has line gold', () => {
  const labelled = new Set(readGoldPages().map((p) => p.file));
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) assert.ok(labelled.has(`samples/corpus/${file}`), file);
});

test('facts.json names every corpus article once, and stories list exactly their members', () => {
  const keys: string[] = [];
  for (const file of readdirSync(CORPUS).sort()) {
    if (file.endsWith('.jsonl')) {
      const records = readFileSync(join(CORPUS, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      records.forEach((_, i) => {
        keys.push(`${file}#${i + 1}`);
      });
    } else if (/\.(txt|html)$/.test(file)) keys.push(file);
  }
  assert.deepEqual(Object.keys(gold.articles).sort(), keys.sort());
  for (const story of gold.stories) {
    const members = Object.entries(gold.articles).filter(([, a]) => a.story === story.id);
    assert.deepEqual(story.articles.sort(), members.map(([k]) => k).sort(), story.id);
    for (const [key, a] of members)
      assert.ok(
        story.events.some((e) => e.id === a.event),
        `${key}: event ${a.event}`,
      );
  }
  for (const [key, a] of Object.entries(gold.articles)) {
    if (a.copyOf) assert.ok(gold.articles[a.copyOf] && a.syndicatedFrom === gold.articles[a.copyOf]?.outlet, key);
  }
});

test('every gold sentence and quote is in its article text', () => {
  const mentions = [...gold.facts.flatMap((f) => [...f.values.flatMap((v) => v.mentions), ...(f.notMentions ?? [])]), ...gold.reported];
  for (const m of mentions) assert.ok(articleText(m.article).includes(m.sentence), `${m.article}: ${m.sentence.slice(0, 50)}`);
  for (const q of gold.quotes) {
    const parts = q.parts ?? (q.text ? [q.text] : []);
    assert.ok(parts.length > 0, `${q.article}: quote without text`);
    for (const part of parts) assert.ok(articleText(q.article).includes(part), `${q.article}: ${part.slice(0, 50)}`);
  }
});

test('independent-source counts and statuses follow from the mentions (a copy counts with its origin)', () => {
  const origin = (key: string): string => {
    const a = gold.articles[key];
    assert.ok(a, `unknown article ${key}`);
    return gold.articles[a.copyOf ?? key]?.outlet ?? key;
  };
  for (const fact of gold.facts) {
    const all = new Set<string>();
    for (const value of fact.values) {
      const origins = new Set(value.mentions.filter((m) => !m.optional).map((m) => origin(m.article)));
      assert.equal(origins.size, value.independentSources, `${fact.id} ${value.value}`);
      for (const o of origins) all.add(o);
    }
    assert.equal(all.size, fact.independentSources, fact.id);
    const expected = fact.values.length > 1 ? 'conflicting' : all.size >= 2 ? 'corroborated' : 'single-source';
    assert.equal(fact.status, expected, fact.id);
    for (const m of fact.values.flatMap((v) => v.mentions)) assert.equal(gold.articles[m.article]?.story, fact.story, `${fact.id}: ${m.article}`);
  }
});
