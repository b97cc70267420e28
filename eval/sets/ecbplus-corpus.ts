import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalizeDate } from '../../src/clean/dates.js';
import type { Article } from '../../src/model/article.js';
import { plainArticle } from '../../test/plain-article.js';

/**
 * ECB+ as Article-like inputs for the story/event linker: each tokenized XML file becomes detokenized plain text;
 * gold labels come from the file names only (topic `T`, sub-topic `ecb` / `ecbplus`). The gold markables are never
 * read, so no annotation leaks into the features.
 */

/** One ECB+ document with its gold cluster labels. */
export interface EcbDocument {
  name: string;
  topic: number;
  /** `T_ecb` or `T_ecbplus`: one real-world event. */
  subtopic: string;
  article: Article;
}

/** Token lines are machine-written, one per line: a flat regex is enough and far faster than an XML tree. */
const TOKEN = /<token t_id="\d{1,9}" sentence="(\d{1,6})" number="\d{1,9}">([^<]{0,500})<\/token>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
/** Tokens written without a space before them. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "''", '”', "'s", '’s', "n't", "'re", "'ve", "'ll", "'d", "'m", '’']);
/** Tokens written without a space after them. */
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '``', '“', '£', '€']);

/** Reads every document of the corpus (or the first `limitTopics` topics, for quick runs), sorted by name. */
export function loadEcbPlus(root: string, limitTopics = Number.POSITIVE_INFINITY): EcbDocument[] {
  const dir = join(root, 'xml');
  const topics = readdirSync(dir)
    .filter((t) => /^\d+$/.test(t))
    .map(Number)
    .sort((a, b) => a - b)
    .slice(0, limitTopics);
  const docs: EcbDocument[] = [];
  for (const topic of topics) {
    for (const file of readdirSync(join(dir, String(topic))).sort()) {
      const m = /^(\d+)_(\d+)(ecb|ecbplus)\.xml\.gz$/.exec(file);
      if (!m) continue;
      const xml = gunzipSync(readFileSync(join(dir, String(topic), file))).toString('utf8');
      const name = file.replace(/\.gz$/, '');
      docs.push({ name, topic, subtopic: `${topic}_${m[3]}`, article: toArticle(name, xml) });
    }
  }
  return docs;
}

function toArticle(name: string, xml: string): Article {
  const sentences: string[][] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const index = Number(m[1]);
    const token = (m[2] as string).replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e);
    (sentences[index] ??= []).push(token);
  }
  const lines = sentences.filter((s): s is string[] => Array.isArray(s) && s.length > 0);
  // ECB+ additions carry their source URL, tokenized, as sentence 0: it is page metadata, not article text.
  let url: string | null = null;
  if (lines[0]?.[0]?.startsWith('http')) url = (lines.shift() as string[]).join('');
  const texts = lines.map(detokenize);
  const text = texts.join('\n');
  const first = texts[0] ?? '';
  const urlDate = url ? /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(url) : null;
  const date = urlDate ? normalizeDate(`${urlDate[1]}-${urlDate[2]}-${urlDate[3]}`) : null;
  return {
    ...plainArticle(text, 'en', name),
    title: first.split(/\s+/).length <= 25 ? first : null,
    outlet: url ? (/^https?:\/\/(?:www\.)?([^/]{1,100})/.exec(url)?.[1] ?? null) : null,
    published: date ? { date, basis: 'url' } : { date: null, basis: 'unknown' },
    url,
  };
}

/** "1 , 099" is one number but "June 13 , 2013" is not: a comma joins digits only before a group of three. */
function joinsDigits(separator: string, after: string): boolean {
  return separator === ',' ? /^\d{3}$/.test(after) : (separator === '.' || separator === ':') && /^\d/.test(after);
}

/** Joins Penn-style tokens back into prose: quotes, clitics, "1 , 099" and "2 . 7" rejoined. */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  let openQuote = false;
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i] as string;
    const prev = tokens[i - 1] ?? '';
    const next = tokens[i + 1] ?? '';
    let glue = i === 0 || NO_SPACE_BEFORE.has(token) || NO_SPACE_AFTER.has(prev) || (prev === '"' && openQuote);
    if (/\d$/.test(prev) && joinsDigits(token, next)) glue = true;
    if (/\d$/.test(tokens[i - 2] ?? '') && joinsDigits(prev, token)) glue = true;
    if (prev === '’' && /^(?:s|t|re|ve|ll|d|m)$/.test(token)) glue = true;
    if (token === '-' && /\w$/.test(prev) && /^\w/.test(next)) glue = true;
    if (prev === '-' && /\w$/.test(tokens[i - 2] ?? '') && /^\w/.test(token)) glue = true;
    if (token === '``') token = '“';
    else if (token === "''") token = '”';
    else if (token === '"') {
      glue = glue || openQuote;
      openQuote = !openQuote;
    }
    out += glue ? token : ` ${token}`;
  }
  return out;
}
