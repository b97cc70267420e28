import type { Block } from '../../model/annotations.js';
import type { Embed, Removal } from '../../model/article.js';
import { type Message, message } from '../../model/message.js';
import type { OffsetMap } from '../../model/offset-map.js';
import { PASSES, type Rules } from './chrome.js';
import { readEmbeds } from './embeds.js';
import { type PageMetadata, readMetadata } from './metadata.js';
import { gatherFacts } from './page-facts.js';
import { type RenderedText, renderText } from './render.js';
import { measurePage, selectContent } from './select.js';
import { type HtmlElement, MAX_DEPTH, MAX_NODES, parseHtml } from './tree.js';
import { trimTail } from './trim-tail.js';

/** Extracted main text of a page with its metadata. */
export interface CleanedHtml {
  text: string;
  /** Maps the text back to the HTML it was given, character by character. */
  map: OffsetMap;
  blocks: Block[];
  removed: Removal[];
  metadata: PageMetadata;
  /** Captions and embedded posts found inside the article; not part of `text`, places are raw HTML spans. */
  embeds: Embed[];
  /** What the extractor had to work around (flattened nesting, a retry without class rules). */
  messages: Message[];
}

/** Options of `cleanHtml`. */
export interface CleanHtmlOptions {
  /** The page's address, when known: a date in its path is evidence. */
  url?: string;
  /** The moment of cleaning: dates after it are not publication dates. Defaults to now. */
  now?: Date;
}

/** Dates up to this long after `now` are kept (a page stamped in a time zone ahead of ours). */
const FUTURE_SLACK_MS = 2 * 86_400_000;

/**
 * An article shorter than this after extraction triggers a retry with fewer furniture rules (the article may sit
 * in an `<aside>` or under a furniture-like class); Readability retries below the same length.
 */
const MIN_ARTICLE_CHARS = 500;

/**
 * Extracts the article from an HTML page: parses it with exact source positions, measures every element once,
 * picks the article container by paragraph scores, writes its text with an exact offset map, and reads the page's
 * metadata and embeds. Never throws on odd markup; hostile depth is flattened and reported.
 */
export function cleanHtml(raw: string, options: CleanHtmlOptions = {}): CleanedHtml {
  try {
    return extractPage(raw, options);
  } catch (error) {
    // A defect must cost one page, not the batch: the page comes back empty with the reason.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      text: '',
      map: { runs: [] },
      blocks: [],
      removed: [],
      metadata: { title: null, outlet: null, kind: null, authors: [], published: null, modified: null, url: options.url ?? null, language: null },
      embeds: [],
      messages: [message('clean', 'html-failed', `HTML extraction failed: ${reason.slice(0, 200)}`, { severity: 'error' })],
    };
  }
}

function extractPage(raw: string, options: CleanHtmlOptions): CleanedHtml {
  const tree = parseHtml(raw);
  const messages: Message[] = [];
  if (tree.flattened > 0) messages.push(message('clean', 'deep-nesting', `${tree.flattened} elements nested deeper than ${MAX_DEPTH} levels were flattened`));
  if (tree.truncated) messages.push(message('clean', 'truncated', `page has more than ${MAX_NODES} nodes: the rest was not read`));
  const facts = gatherFacts(tree.root, tree.htmlAttrs);
  let rendered = extract(raw, tree.root, PASSES[0] as Rules);
  for (const rules of PASSES.slice(1)) {
    if (rendered.text.length >= MIN_ARTICLE_CHARS) break;
    const retry = extract(raw, tree.root, rules);
    if (retry.text.length > rendered.text.length) {
      rendered = retry;
      messages.push(message('clean', 'relaxed-rules', `short article: extracted again with fewer furniture rules (${describe(rules)})`, { severity: 'info' }));
    }
  }
  if (rendered.text.length >= MIN_ARTICLE_CHARS) rendered = trimTail(rendered);
  const latest = new Date((options.now ?? new Date()).getTime() + FUTURE_SLACK_MS).toISOString().slice(0, 10);
  const metadata = readMetadata(facts, { url: options.url ?? null, text: rendered.text, latest });
  return {
    text: rendered.text,
    map: rendered.map,
    blocks: rendered.blocks,
    removed: rendered.removed,
    metadata,
    embeds: readEmbeds(rendered.embeds),
    messages,
  };
}

function describe(rules: Rules): string {
  return Object.entries(rules)
    .filter(([, on]) => !on)
    .map(([name]) => `no ${name}`)
    .join(', ');
}

function extract(raw: string, root: HtmlElement, rules: Rules): RenderedText {
  const model = measurePage(root, rules);
  return renderText(raw, selectContent(root, model), model);
}
