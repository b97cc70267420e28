import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readFeed } from '../../src/ingest/feed.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { hostileText, runs } from './arbitraries.js';
import { chunked, collect, cuts, shape } from './readers.js';

/** XML text content: the five special characters escaped, and characters XML 1.0 forbids dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const item = fc.record({
  title: hostileText(6),
  body: hostileText(30),
  cdata: fc.boolean(),
  link: fc.constantFrom('', 'https://news.example/a?b=1&c=2', 'not a url'),
});
const feed = fc.tuple(fc.constantFrom('rss', 'atom'), hostileText(4), fc.array(item, { maxLength: 8 }));

function feedXml([kind, name, items]: [string, string, Array<{ title: string; body: string; cdata: boolean; link: string }>]): string {
  const body = (b: string, cdata: boolean) => (cdata ? `<![CDATA[${b.replace(/]]>/g, ']] >')}]]>` : escapeXml(b));
  if (kind === 'rss') {
    const xs = items.map(
      (i) => `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><description>${body(i.body, i.cdata)}</description></item>`,
    );
    return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${escapeXml(name)}</title>${xs.join('\n')}</channel></rss>\n`;
  }
  const xs = items.map(
    (i) =>
      `<entry><title>${escapeXml(i.title)}</title><link href="${escapeXml(i.link).replace(/"/g, '&quot;')}"/><content type="html">${body(i.body, i.cdata)}</content></entry>`,
  );
  return `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(name)}</title>${xs.join('\n')}</feed>`;
}

test('feed reader: any bytes end in documents and problems, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
        hostileText().map((t) => Buffer.from(`<rss><channel><item><description>${t}`)),
      ),
      cuts,
      async (bytes, at) => {
        const { docs, problems } = await collect(readFeed('f.rss', chunked(bytes, at), DEFAULT_LIMITS));
        assert.ok(docs.length + problems.length > 0, 'a feed with nothing in it still says why');
      },
    ),
    runs(200),
  );
});

test('feed reader: every item of a well-formed feed is accounted for, whatever the chunking', async () => {
  await fc.assert(
    fc.asyncProperty(feed, cuts, async (spec, at) => {
      const bytes = Buffer.from(feedXml(spec));
      const whole = await collect(readFeed('f.xml', chunked(bytes, []), DEFAULT_LIMITS));
      const pieces = await collect(readFeed('f.xml', chunked(bytes, at), DEFAULT_LIMITS));
      assert.equal(shape(pieces), shape(whole));
      const items = spec[2].length;
      // One document or one problem per item (an item without text is a problem), plus "no items" for an empty feed.
      assert.equal(whole.docs.length + whole.problems.length, items === 0 ? 1 : items);
      assert.deepEqual(
        whole.problems.map((p) => p.reason).filter((r) => !/no text|no items/.test(r)),
        [],
      );
      for (const doc of whole.docs) assert.ok(doc.source.line !== undefined && doc.source.line >= 1 && doc.source.line <= items);
    }),
    runs(150),
  );
});
