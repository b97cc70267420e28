import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cleanDocument } from '../../src/clean/index.js';
import { readFeed } from '../../src/ingest/feed.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { isProblem, type ReadItem, readDocuments } from '../../src/ingest/read.js';
import type { Document } from '../../src/model/document.js';
import { ROOT } from '../helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/formats');

async function collect(items: AsyncIterable<ReadItem>): Promise<{ docs: Document[]; problems: Exclude<ReadItem, Document>[] }> {
  const docs: Document[] = [];
  const problems: Exclude<ReadItem, Document>[] = [];
  for await (const item of items) {
    if (isProblem(item)) problems.push(item);
    else docs.push(item);
  }
  return { docs, problems };
}

function feedOf(xml: string, limits = DEFAULT_LIMITS): Promise<ReturnType<typeof collect> extends Promise<infer R> ? R : never> {
  return collect(readFeed('test.rss', Readable.from([Buffer.from(xml)]), limits));
}

test('RSS items become documents with their title, link, author, date and the feed title as outlet', async () => {
  const { docs, problems } = await collect(readDocuments([join(FIXTURES, 'portville-post.rss')]));
  assert.equal(docs.length, 3);
  const [strike, ferry, lighthouse] = docs;
  assert.ok(strike && ferry && lighthouse);
  assert.deepEqual(strike.hints, {
    title: 'Harbour workers end nine-day strike',
    url: 'https://portville-post.example/2025/03/harbour-strike-ends',
    outlet: 'Portville Post',
    authors: ['Mara Lindqvist'],
    published: 'Fri, 14 Mar 2025 17:05:00 +0000',
    language: 'en-gb',
  });
  // Stored under its name relative to the ingest root (the file's base name), never this machine's path.
  assert.deepEqual(strike.source, { kind: 'feed', path: 'portville-post.rss', line: 1, url: strike.hints.url });
  // content:encoded wins over the description, and its CDATA HTML is kept verbatim inside the wrapper page.
  assert.equal(strike.format, 'html');
  assert.match(strike.raw, /<article>\n<p>PORTVILLE — Dock workers/);
  assert.doesNotMatch(strike.raw, /Dock workers voted to return/);
  // An escaped-HTML description is HTML; "email (Name)" authors give the name.
  assert.equal(ferry.format, 'html');
  assert.match(ferry.raw, /<p>The Portville council postponed/);
  assert.deepEqual(ferry.hints.authors, ['Tomas Okafor']);
  assert.equal(ferry.hints.title, 'Council delays ferry timetable & fare review');
  // Plain text stays text; a permalink guid stands in for a missing link.
  assert.equal(lighthouse.format, 'text');
  assert.equal(lighthouse.hints.url, 'https://portville-post.example/2025/03/lighthouse');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 3);
  assert.match(problems[0]?.reason ?? '', /item 3 \("Photo gallery: spring regatta"\): no text/);
});

test('Atom entries: alternate link, author names, html, xhtml and text content, xml:lang; `updated` is not a publication date', async () => {
  const { docs, problems } = await collect(readDocuments([join(FIXTURES, 'harbour-news.atom')]));
  assert.deepEqual(problems, []);
  const [market, gauge, marche] = docs;
  assert.ok(market && gauge && marche);
  assert.equal(market.hints.url, 'https://harbour-weekly.example/fish-market-moves');
  assert.deepEqual(market.hints.authors, ['Ines Moreau', 'Paul Achterberg']);
  assert.equal(market.hints.published, '2025-03-12T07:00:00Z');
  assert.equal(market.hints.outlet, 'Harbour Weekly');
  assert.match(market.raw, /<p>The Portville fish market will move/);
  // Inline XHTML is serialized back to HTML: void elements stay void, text is escaped again.
  assert.match(gauge.raw, /Monday\.<br>Readings resume &amp; go online/);
  assert.equal(gauge.hints.published, undefined);
  assert.equal(gauge.hints.language, 'en');
  // type="text": the angle brackets are text, not markup.
  assert.equal(marche.format, 'text');
  assert.match(marche.raw, /en mai <selon le conseil>\.$/);
  assert.equal(marche.hints.language, 'fr');
});

test('a feed item cleans into article text (the wrapper page gives the HTML cleaner a whole document)', async () => {
  const { docs } = await collect(readDocuments([join(FIXTURES, 'portville-post.rss')]));
  const article = cleanDocument(docs[0] as Document);
  assert.match(article.text, /ended a nine-day strike on Friday/);
  assert.equal(article.title, 'Harbour workers end nine-day strike');
});

test('malformed XML: the items before the fault are kept, then one problem names the line', async () => {
  const xml = [
    '<?xml version="1.0"?>',
    '<rss><channel><title>T</title>',
    '<item><title>a</title><description>Alpha text.</description></item>',
    '<item><title>b</item>',
    '<item><title>c</title><description>never read</description></item></channel></rss>',
  ].join('\n');
  const { docs, problems } = await feedOf(xml);
  assert.equal(docs.length, 1);
  assert.equal(problems.length, 1);
  assert.match(problems[0]?.reason ?? '', /malformed XML at line 4: <title> is closed by a different end tag/);
  assert.equal(problems[0]?.path, 'test.rss');
});

test('a truncated feed, a second root, text instead of XML and a sitemap are each one clear problem', async () => {
  const truncated = await feedOf('<rss><channel><item><description>Alpha.</description></item><item><title>b</ti');
  assert.equal(truncated.docs.length, 1);
  assert.match(truncated.problems[0]?.reason ?? '', /truncated: the file ends inside <title>/);
  const twoRoots = await feedOf('<rss><channel><item><description>one</description></item></channel></rss><rss></rss>');
  assert.match(twoRoots.problems[0]?.reason ?? '', /a second root element <rss>/);
  const text = await feedOf('just some words, no XML at all');
  assert.match(text.problems[0]?.reason ?? '', /not XML: text before the first element/);
  const sitemap = await feedOf('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  assert.deepEqual(sitemap.problems, [{ path: 'test.rss', reason: 'not an RSS or Atom feed: the root element is <urlset>' }]);
  const empty = await feedOf('<rss><channel><title>Nothing yet</title></channel></rss>');
  assert.deepEqual(empty.problems, [{ path: 'test.rss', reason: 'the feed has no items' }]);
});

test('an entity-expansion bomb is refused before anything is expanded', async () => {
  const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<rss><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
  const started = performance.now();
  const { docs, problems } = await feedOf(xml);
  assert.equal(docs.length, 0);
  assert.match(problems[0]?.reason ?? '', /declares entities in its DOCTYPE: refused/);
  assert.ok(performance.now() - started < 1000);
});

test('an oversized item field is a problem for that item only', async () => {
  const limits = { ...DEFAULT_LIMITS, maxFileBytes: 100 };
  const xml = `<rss><channel><item><title>big</title><description>${'x'.repeat(500)}</description></item><item><description>small one</description></item></channel></rss>`;
  const { docs, problems } = await feedOf(xml, limits);
  assert.equal(docs.length, 1);
  assert.equal(problems[0]?.line, 1);
  assert.match(problems[0]?.reason ?? '', /item 1 \("big"\): <summary> is over the 100-character limit/);
});

/** A feed of `n` items, generated as a stream of about 80 KB chunks (like a file stream) so the test holds none of it. */
function bigFeed(n: number): Readable {
  return Readable.from(
    (function* () {
      let chunk = '<?xml version="1.0"?><rss><channel><title>Bulk</title>';
      for (let i = 1; i <= n; i++) {
        chunk += `<item><title>Item ${i}</title><link>https://bulk.example/${i}</link><description>Routine notice number ${i} from the harbour office about berth ${i % 40}.</description></item>`;
        if (i % 500 === 0) {
          yield Buffer.from(chunk);
          chunk = '';
        }
      }
      yield Buffer.from(`${chunk}</channel></rss>`);
    })(),
  );
}

/**
 * The live heap after a full collection: what a reader retains. The plain heap figure also counts garbage V8 has not
 * collected yet, which varied from run to run by over 100 MB for the same streaming reader.
 */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

test('a 100,000-item feed is streamed: every item read, memory stays flat', async () => {
  const before = liveHeap();
  let items = 0;
  let peak = before;
  for await (const item of readFeed('bulk.rss', bigFeed(100_000), { ...DEFAULT_LIMITS, maxFeedItems: 1_000_000 })) {
    assert.ok(!isProblem(item));
    if (++items % 10_000 === 0) peak = Math.max(peak, liveHeap());
  }
  assert.equal(items, 100_000);
  // The feed is about 17 MB of XML; holding it (or a tree of it) would add well over 100 MB. Streaming holds one item.
  assert.ok(peak - before < 64 * 1024 * 1024, `heap grew by ${Math.round((peak - before) / 1e6)} MB`);
});

test('the item limit stops a long feed with a clear problem', async () => {
  const { docs, problems } = await collect(readFeed('bulk.rss', bigFeed(50), { ...DEFAULT_LIMITS, maxFeedItems: 20 }));
  assert.equal(docs.length, 20);
  assert.deepEqual(problems, [{ path: 'bulk.rss', reason: 'more than 20 items; the rest of the feed is skipped' }]);
});

test('a feed in a declared legacy charset is decoded by its XML declaration', async () => {
  const xml = Buffer.from(
    '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf\xe9 reopens</title><description>The caf\xe9 on the quay reopened.</description></item></channel></rss>',
    'latin1',
  );
  const { docs } = await collect(readFeed('latin.rss', Readable.from([xml]), DEFAULT_LIMITS));
  assert.equal(docs[0]?.hints.title, 'Café reopens');
  assert.equal(docs[0]?.raw, 'The café on the quay reopened.');
});

test('a .xml file and an extension-less file are sniffed as feeds by their content', async () => {
  const { docs } = await collect(readDocuments([join(FIXTURES, 'no-extension-feed')]));
  assert.equal(docs.length, 1);
  assert.equal(docs[0]?.source.kind, 'feed');
});

test('a feed on standard input is sniffed and read', async () => {
  const xml =
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Piped</title><entry><title>One</title><content type="text">Piped entry text.</content></entry></feed>';
  const { docs, problems } = await collect(readDocuments(['-'], { stdin: Readable.from([Buffer.from(xml)]) }));
  assert.deepEqual(problems, []);
  assert.deepEqual([docs[0]?.source.kind, docs[0]?.raw, docs[0]?.hints.outlet], ['feed', 'Piped entry text.', 'Piped']);
});

test('an unterminated CDATA section or tag is bounded, not buffered without end', async () => {
  const limits = { ...DEFAULT_LIMITS, maxFileBytes: 64 * 1024 };
  const chunks = (function* () {
    yield Buffer.from('<rss><channel><item><description>First item.</description></item><item><description><![CDATA[');
    for (let i = 0; i < 64; i++) yield Buffer.from(`${i}`.padEnd(16 * 1024, 'z'));
  })();
  const { docs, problems } = await collect(readFeed('endless.rss', Readable.from(chunks), limits));
  assert.equal(docs.length, 1);
  assert.deepEqual(problems, [{ path: 'endless.rss', reason: 'an XML token (a tag, comment or CDATA section) runs over 65536 characters' }]);
  const longName = await feedOf(`<${'n'.repeat(5000)}></${'n'.repeat(5000)}>`);
  assert.equal(longName.problems[0]?.reason, `not an RSS or Atom feed: the root element is <${'n'.repeat(60)}…>`);
});
