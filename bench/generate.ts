import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ingestItems, relink, type Store } from '../src/index.js';
import { makeDocument } from '../src/ingest/records.js';
import type { Article } from '../src/model/article.js';
import type { Document } from '../src/model/document.js';
import type { Story } from '../src/model/story.js';

const SAMPLES = join(import.meta.dirname, '..', 'samples', 'corpus');
const SYLLABLES = ['ka', 'lo', 'mer', 'an', 'tu', 'vi', 'sel', 'dor', 'ri', 'na', 'bel', 'cor', 'te', 'mas', 'quin', 'zo', 'har', 'el', 'pu', 'len'];
const KEEP = new Set(
  'The A An In On At For With By From As It He She They We But And Or Of To This That These Those His Her Their Its Our When While After Before If El La Los Las Un Una En Con Por Para Según Del Al Y'.split(
    ' ',
  ),
);
/** Articles per synthetic story: enough for copies, sources and events to matter. */
const STORY_SIZE = 6;

/** The sample corpus as raw templates (pasted text, HTML, and the text of JSONL records). */
export function loadTemplates(): Array<{ format: Document['format']; raw: string }> {
  const out: Array<{ format: Document['format']; raw: string }> = [];
  for (const name of readdirSync(SAMPLES).sort()) {
    const path = join(SAMPLES, name);
    const ext = extname(name);
    if (ext === '.txt') out.push({ format: 'text', raw: readFileSync(path, 'utf8') });
    else if (ext === '.html') out.push({ format: 'html', raw: readFileSync(path, 'utf8') });
    else if (ext === '.jsonl') {
      for (const line of readFileSync(path, 'utf8').split('\n'))
        if (line.trim()) out.push({ format: 'text', raw: (JSON.parse(line) as { text: string }).text });
    }
  }
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function pseudoName(word: string, seed: number): string {
  let h = hash(`${word}:${seed}`);
  const parts: string[] = [];
  for (let k = 0; k < 2 + (h % 2); k++) {
    parts.push(SYLLABLES[h % SYLLABLES.length] as string);
    h = Math.floor(h / SYLLABLES.length) + 7919 * (k + 1);
  }
  const name = parts.join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The i-th synthetic article: a sample-corpus template whose names are replaced consistently within a synthetic
 * story (so stories form) and whose numbers and paragraphs vary by article.
 * Deterministic: the same i always gives the same document.
 */
export function syntheticDocument(templates: ReadonlyArray<{ format: Document['format']; raw: string }>, i: number, storySize = STORY_SIZE): Document {
  const story = Math.floor(i / storySize);
  // Articles of one synthetic story come from different templates (so they are rewrites, not copies) but share the
  // story's name substitutions (so they share people, places and organisations, as real coverage does).
  const template = templates[(story * 7 + (i % storySize)) % templates.length] as { format: Document['format']; raw: string };
  let raw = template.raw.replace(/\b\p{Lu}[\p{Ll}\p{M}]{2,}\b/gu, (w) => (KEEP.has(w) ? w : pseudoName(w, story)));
  raw = raw.replace(/\b\d{2,}\b/g, (n) => String(Number(n) + (hash(`${n}:${i}`) % 7)));
  if (template.format === 'text') {
    const paragraphs = raw.split(/\n\s*\n/);
    const drop = hash(`drop:${i}`) % Math.max(1, paragraphs.length);
    if (paragraphs.length > 4 && i % storySize !== 0) paragraphs.splice(drop, 1);
    raw = `${paragraphs.join('\n\n')}\n\n(Synthetic article ${i}.)\n`;
  } else raw = raw.replace('</body>', `<p>Synthetic article ${i}.</p></body>`);
  return makeDocument({ kind: 'text', path: `synthetic/${i}` }, template.format, raw);
}

/** Raw text is cleaned down by about this factor (markup, chrome), so a long article gathers this much more raw. */
const RAW_PER_CLEAN = 1.25;

/**
 * The i-th long synthetic article: pasted-text samples joined until the raw text is about `kb` KB (clean text a little
 * less), so per-article costs weigh as they do on full-length news rather than on the ~1.1 KB samples.
 */
export function longSyntheticDocument(templates: ReadonlyArray<{ format: Document['format']; raw: string }>, i: number, kb: number): Document {
  const parts: string[] = [];
  let length = 0;
  for (let j = i * 8; length < kb * 1024 * RAW_PER_CLEAN; j++) {
    const d = syntheticDocument(templates, j);
    if (d.format !== 'text') continue;
    parts.push(d.raw);
    length += d.raw.length;
  }
  return makeDocument({ kind: 'text', path: `synthetic-long/${i}` }, 'text', parts.join('\n\n'));
}

/** Ingests `size` synthetic articles into a store, then links them once (faster than linking as they arrive). */
export async function fillSyntheticStore(store: Store, size: number): Promise<void> {
  const templates = loadTemplates();
  await ingestItems(
    store,
    (function* () {
      for (let i = 0; i < size; i++) yield syntheticDocument(templates, i);
    })(),
    { link: false },
  );
  await relink(store);
}

/** Articles analysed by the full pipeline when a load store is seeded by copies (`seedByCopies`). */
export const ANALYSED_FOR_COPIES = 3_000;

/**
 * Fills a store with `size` articles quickly: `ANALYSED_FOR_COPIES` synthetic articles through the full pipeline and
 * linking, then copies of them (and of their stories) written through the Store interface until `size`. Ingesting
 * and linking 100,000 articles takes most of an hour on this 2-core machine; read latency depends on the tables'
 * sizes, the stories' sizes and the words indexed, which the copies keep. A copy keeps its original's text,
 * annotations and story shape under a new id (a hash of the original id and the copy number, so not the hash of
 * its content) and an empty raw document (no read route returns documents); its stories name the copies' ids.
 */
export async function seedByCopies(store: Store, size: number, analysed = ANALYSED_FOR_COPIES): Promise<void> {
  await fillSyntheticStore(store, Math.min(size, analysed));
  const articles = await store.getArticles(await store.articleIds());
  const stories = await Promise.all((await store.storyIds()).map(async (id) => (await store.getStory(id)) as Story));
  let done = articles.length;
  for (let copy = 1; done < size; copy++) {
    const idOf = new Map(articles.map((a) => [a.id, createHash('sha256').update(`${a.id}:${copy}`).digest('hex').slice(0, a.id.length)]));
    // Article ids are hex strings of a fixed length, so they occur in a story's or article's JSON only as ids.
    const renamed = (json: string): string => json.replace(/[0-9a-f]{16,64}/g, (id) => idOf.get(id) ?? id);
    const batch = articles.slice(0, size - done);
    await store.exclusive(async (writing) => {
      for (const article of batch) {
        const copied = JSON.parse(renamed(JSON.stringify(article))) as Article;
        copied.source = { ...copied.source, path: `copy-${copy}/${copied.source.path}` };
        await writing.putArticle(copied, { id: copied.id, source: copied.source, format: 'text', raw: '', hints: {}, messages: [] });
      }
      const kept = new Set(batch.map((a) => a.id));
      await writing.saveStories(stories.filter((s) => s.articleIds.every((id) => kept.has(id))).map((s) => JSON.parse(renamed(JSON.stringify(s))) as Story));
    });
    done += batch.length;
  }
}
