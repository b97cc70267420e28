// Inputs and stage runners of the adversarial benchmark (bench/adversarial.ts): one normal line, crafted lines of
// the shapes that make a backtracking pattern or a quadratic scan blow up, and hostile files.
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sentences } from '../src/annotate/sentences.js';
import { repairText } from '../src/clean/encoding/repair.js';
import { cleanDocument } from '../src/clean/index.js';
import { decodeBytes } from '../src/ingest/decode.js';
import { readFeed } from '../src/ingest/feed.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';
import { readDocuments } from '../src/ingest/read.js';
import { makeDocument } from '../src/ingest/records.js';
import { readWarc } from '../src/ingest/warc-read.js';
import { type Article, textArticle } from '../src/model/article.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStage } from '../src/pipeline/runner.js';
import type { ArticleStage } from '../src/pipeline/stage.js';
import { loadTemplates } from './generate.js';

/** A string of exactly `size` UTF-16 units, `unit` repeated. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Ordinary prose on one line: the sample corpus's sentences, joined with spaces (no line breaks). */
export function normalLine(size: number): string {
  const prose = loadTemplates()
    .filter((t) => t.format === 'text')
    .map((t) => t.raw.replace(/\s+/g, ' '))
    .join(' ');
  return fill(`${prose} `, size);
}

/**
 * Crafted lines, each as long as the normal one: runs of one character class, or a short unit repeated, chosen for
 * what the stages scan (quote marks, numbers, abbreviations, names, mojibake, brackets, dashes, spaces, astral and
 * invisible characters, words the cue lists hold) and for what breaks decoders (NUL, lone surrogates).
 */
export const CRAFTED: Readonly<Record<string, (size: number) => string>> = {
  'quote marks': (n) => fill('“”"\'‘’«»„', n),
  'quotes with words': (n) => fill('“a ’b "c «d ', n),
  digits: (n) => fill('0123456789', n),
  'digit groups': (n) => fill('1,234.5 ', n),
  dots: (n) => fill('.', n),
  'dotted initials': (n) => fill('A. B. C. U.S. ', n),
  'capitalised words': (n) => fill('Ana Ruiz Harbour Board ', n),
  '"Ã" run': (n) => fill('Ã', n),
  'mojibake words': (n) => fill('Ã© â€™ Ã¼ber ', n),
  'nested brackets': (n) => fill('(', Math.floor(n / 2)) + fill(')', n - Math.floor(n / 2)),
  dashes: (n) => fill('—', n),
  'dash words': (n) => fill('a - b — c – ', n),
  spaces: (n) => `a${fill(' ', n - 2)}b`,
  emoji: (n) => fill('😀', n),
  'zero-width': (n) => fill('w\u200B\u200D', n),
  'right-to-left': (n) => fill('שלום \u202Eمرحبا \u200F', n),
  'one long word': (n) => fill('a', n),
  'cue words': (n) => fill('said March reportedly not according to ', n),
  'NUL bytes': (n) => fill('a\u0000', n),
  'lone surrogates': (n) => fill('\uD800a', n),
};

/** An article over one line: one paragraph block, nothing else. */
function lineArticle(text: string): Article {
  return textArticle(text, {
    id: 'adversarial',
    path: 'adversarial.txt',
    language: 'en',
    published: '2026-03-02',
    blocks: [{ start: 0, end: text.length, kind: 'paragraph' }],
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n++;
  return n;
}

/** A WARC record holding one HTML response. */
function warcResponse(body: Buffer, declaredLength?: number): Buffer {
  const http = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'), body]);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a\r\nContent-Length: ${declaredLength ?? http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

/** Prepares the work of one stage on a line (untimed: upstream stages, building files) and returns the timed part. */
export type StageRunner = (line: string) => () => unknown;

/** Annotation stages timed alone: the stages before them run untimed on the same article. */
function annotation(name: string): StageRunner {
  const stages = defaultStages();
  const index = stages.findIndex((s) => s.name === name);
  const stage = stages[index] as ArticleStage;
  if (name === 'sentences') {
    // the block analysis is cached by text (src/annotate/nlp.ts): each timed run gets a text of its own.
    return (line) => {
      let run = 0;
      return () => runStage(stage, lineArticle(`${run++} ${line}`));
    };
  }
  return (line) => {
    let article = runStage(sentences(), lineArticle(line));
    for (const before of stages.slice(1, index)) article = runStage(before, article);
    const ready = article;
    return () => runStage(stage, ready);
  };
}

/** Every stage of the benchmark, from bytes to annotation. */
export const STAGES: Readonly<Record<string, StageRunner>> = {
  'decode + repair': (line) => {
    const bytes = Buffer.from(line);
    return () => {
      const decoded = decodeBytes(bytes);
      return 'text' in decoded ? repairText(decoded.text) : decoded;
    };
  },
  'clean text': (line) => {
    const doc = makeDocument({ kind: 'text', path: 'a.txt' }, 'text', line);
    return () => cleanDocument(doc);
  },
  'clean HTML': (line) => {
    const doc = makeDocument({ kind: 'html', path: 'a.html' }, 'html', `<!doctype html><html><body><article><p>${escapeXml(line)}</p></article></body></html>`);
    return () => cleanDocument(doc);
  },
  sentences: annotation('sentences'),
  times: annotation('times'),
  entities: annotation('entities'),
  quantities: annotation('quantities'),
  quotes: annotation('quotes'),
  cues: annotation('cues'),
  feed: (line) => {
    const xml = Buffer.from(
      `<?xml version="1.0"?><rss><channel><title>T</title><item><title>A</title><description>${escapeXml(line)}</description></item></channel></rss>`,
    );
    return () => drain(readFeed('a.rss', Readable.from([xml]), DEFAULT_LIMITS));
  },
  WARC: (line) => {
    const warc = warcResponse(Buffer.from(`<html><body><p>${escapeXml(line)}</p></body></html>`));
    return () => drain(readWarc('a.warc', Readable.from([warc]), DEFAULT_LIMITS));
  },
  JSONL: (line) => {
    const jsonl = Buffer.from(`${JSON.stringify({ title: 'A', text: line })}\n`);
    return () => drain(readDocuments(['-'], { stdin: Readable.from([jsonl]) }));
  },
};

/** One gzip member: `prefix` then `size` zero bytes, streamed so the bomb is never held uncompressed. */
async function gzipOfZeros(prefix: string, size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write(Buffer.from(prefix));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += chunk.length) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}

/** Hostile files beyond a single line: each prepared untimed, the returned work timed. */
export const HOSTILE: Readonly<Record<string, (size: number) => Promise<() => unknown>>> = {
  'HTML: nested <div> to the size': async (n) => {
    const depth = Math.floor(n / 11);
    const doc = makeDocument({ kind: 'html', path: 'a.html' }, 'html', `${'<div>'.repeat(depth)}<p>Text at the bottom.</p>${'</div>'.repeat(depth)}`);
    return () => cleanDocument(doc);
  },
  'HTML: entity references to the size': async (n) => {
    const doc = makeDocument({ kind: 'html', path: 'a.html' }, 'html', `<p>${'&amp;&#x1F600;&bogus;'.repeat(Math.floor(n / 21))}</p>`);
    return () => cleanDocument(doc);
  },
  'HTML: declared-entity bomb': async () => {
    const doc = makeDocument(
      { kind: 'html', path: 'a.html' },
      'html',
      `<!DOCTYPE x [<!ENTITY a "${'ha'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><p>${'&b;'.repeat(10_000)}</p>`,
    );
    return () => cleanDocument(doc);
  },
  'feed: entity-expansion bomb': async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${'ha'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><description>${'&b;'.repeat(10_000)}</description></item></channel></rss>`;
    return () => drain(readFeed('a.rss', Readable.from([Buffer.from(xml)]), DEFAULT_LIMITS));
  },
  'feed: 100,000 items': async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `<item><title>Item ${i}</title><description>Harbour news number ${i}.</description></item>`);
    const xml = Buffer.from(`<?xml version="1.0"?><rss><channel><title>T</title>${items.join('\n')}</channel></rss>`);
    return () => drain(readFeed('a.rss', Readable.from([xml]), { ...DEFAULT_LIMITS, maxFeedItems: 200_000 }));
  },
  'WARC: gzip bomb (1 GB of zeros in one member)': async () => {
    const head = 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1073741908\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n';
    const warc = await gzipOfZeros(head, 1024 * 1024 * 1024);
    return () => drain(readWarc('a.warc.gz', Readable.from([warc]), DEFAULT_LIMITS));
  },
  'WARC: Content-Length claims 1 GB': async () => {
    const warc = warcResponse(Buffer.from('<p>short</p>'), 1024 * 1024 * 1024);
    return () => drain(readWarc('a.warc', Readable.from([warc]), DEFAULT_LIMITS));
  },
  'JSONL: invalid surrogate escapes and NUL': async (n) => {
    const line = JSON.stringify({ text: fill('\uDC00\u0000x', n) });
    return () => drain(readDocuments(['-'], { stdin: Readable.from([Buffer.from(`${line}\n`)]) }));
  },
  'decode: NUL bytes': async (n) => {
    const bytes = Buffer.from(fill('a\u0000', n));
    return () => decodeBytes(bytes);
  },
};
