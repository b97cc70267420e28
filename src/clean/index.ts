import type { Block } from '../model/annotations.js';
import type { Article, Published } from '../model/article.js';
import type { Document } from '../model/document.js';
import { message } from '../model/message.js';
import { composeMaps, toRawSpan } from '../model/offset-map.js';
import { normalizeDate } from './dates.js';
import { repairText } from './encoding/repair.js';
import { cleanHtml } from './html/clean-html.js';
import { inferPublished } from './infer-date.js';
import { detectLanguage } from './language.js';
import { canonicalOutlet } from './outlet-registry.js';
import { cleanPastedText } from './text/clean-text.js';
import { pastedMeta } from './text/page-meta.js';

/**
 * Document → Article: repair the encoding, extract the article (HTML) or strip page chrome (pasted text), settle
 * metadata with its evidence, detect the language. Every removal and repair is recorded; the offset map leads from
 * each character of the clean text back to the raw input.
 */
export function cleanDocument(doc: Document): Article {
  const repaired = repairText(doc.raw, { decodeEntities: doc.format === 'text' });
  const base = {
    id: doc.id,
    source: doc.source,
    aliases: [],
    provenance: { syndicatedFrom: null as string | null, duplicateOf: null },
    messages: [...doc.messages],
  };
  const hints = doc.hints;
  if (doc.format === 'html') {
    const html = cleanHtml(repaired.text, hints.url ? { url: hints.url } : {});
    const meta = html.metadata;
    const fromPage = meta.published ? publishedFrom(meta.published.value, meta.published.basis) : null;
    const published = publishedFrom(hints.published, 'input') ?? (fromPage && meta.published?.place ? { ...fromPage, place: meta.published.place } : fromPage);
    return finish(
      {
        ...base,
        text: html.text,
        offsetMap: composeMaps(html.map, repaired.map),
        title: hints.title ?? meta.title,
        outlet: hints.outlet ?? meta.outlet,
        kind: meta.kind,
        authors: hints.authors ?? meta.authors,
        published: published ?? { date: null, basis: 'unknown' },
        modified: meta.modified ? normalizeDate(meta.modified) : null,
        url: hints.url ?? meta.url,
        language: hints.language ?? meta.language ?? '',
        removed: html.removed.map((r) => ({ ...r, raw: toRawSpan(repaired.map, r.raw) })),
        repairs: [],
        embeds: html.embeds.map((e) => ({ ...e, place: toRawSpan(repaired.map, e.place) })),
        layers: { blocks: html.blocks },
        messages: [...base.messages, ...html.messages],
      },
      repaired.repairs.length,
      hints,
    );
  }
  const cleaned = cleanPastedText(repaired.text);
  const meta = pastedMeta(cleaned);
  const rawRemovals = cleaned.removed.map((r) => ({ ...r, raw: toRawSpan(repaired.map, r.raw) }));
  return finish(
    {
      ...base,
      provenance: { ...base.provenance, syndicatedFrom: cleaned.syndicatedFrom },
      text: cleaned.text,
      offsetMap: composeMaps(cleaned.map, repaired.map),
      title: hints.title ?? meta.title,
      ...(!hints.title && meta.titleFrom ? { titleFrom: meta.titleFrom } : {}),
      outlet: hints.outlet ?? meta.outlet?.name ?? null,
      kind: meta.kind,
      authors: hints.authors ?? (meta.authors.length > 0 ? meta.authors : cleaned.authors),
      metaLines: meta.metaLines.map((m) => ({ ...m, raw: toRawSpan(repaired.map, m.raw) })),
      published: publishedFrom(hints.published, 'input') ?? meta.published ?? { date: null, basis: 'unknown' },
      modified: meta.modified,
      url: hints.url ?? null,
      language: hints.language ?? '',
      removed: rawRemovals,
      // Repairs were made on the raw text before cleaning; re-anchor those that survive into the clean text.
      repairs: reanchor(repaired.repairs, cleaned.map),
      embeds: cleaned.embeds.map((e) => ({ ...e, place: toRawSpan(repaired.map, e.place) })),
      layers: { blocks: cleaned.blocks },
    },
    0,
    hints,
  );
}

function finish(article: Article, htmlRepairs: number, hints: Document['hints']): Article {
  const language = article.language && article.language !== '' ? article.language.slice(0, 2).toLowerCase() : detectLanguage(article.text);
  const messages = [...article.messages];
  if (article.text.trim() === '') messages.push(message('clean', 'no-text', 'no article text found after cleaning', { severity: 'error' }));
  if (htmlRepairs > 0) messages.push(message('clean', 'repaired', `${htmlRepairs} encoding repairs in the HTML source`, { severity: 'info' }));
  const captured = hints.captured ? normalizeDate(hints.captured) : null;
  // No date line, metadata or input date: estimate it from the text's own full date of the happening it reports.
  let published = article.published.date === null ? (inferPublished({ ...article, language }) ?? article.published) : article.published;
  if (captured && published.date && published.date.slice(0, captured.length) > captured) {
    messages.push(message('clean', 'after-capture', `publication date ${published.date} (${published.basis}) is after the capture date ${captured}: dropped`));
    published = { date: null, basis: 'unknown' };
  }
  const modified = article.modified ?? (hints.modified ? normalizeDate(hints.modified) : null);
  // One name per publisher: a registry entry's canonical name ("NYT" → "The New York Times"), or the URL's domain
  // when the page named no outlet; an outlet the registry does not know keeps the name the article gave.
  const canonical = canonicalOutlet(article.outlet, article.url);
  const outlet = canonical && (canonical.known || article.outlet === null) ? canonical.name : article.outlet;
  return {
    ...article,
    outlet,
    language,
    messages,
    published,
    modified,
    captured,
    layers: { ...article.layers, blocks: sortBlocks(article.layers.blocks ?? []) },
  };
}

function publishedFrom(value: string | undefined, basis: Published['basis']): Published | null {
  if (!value) return null;
  const date = normalizeDate(value);
  return date ? { date, basis } : null;
}

/** Repairs carry spans in the repaired raw text; keep those inside kept lines, with clean-text spans. */
function reanchor(repairs: Article['repairs'], map: { runs: number[] }): Article['repairs'] {
  const out: Article['repairs'] = [];
  const runs = map.runs;
  for (const repair of repairs) {
    for (let i = 0; i < runs.length; i += 4) {
      const c = runs[i] as number;
      const r = runs[i + 1] as number;
      const len = runs[i + 2] as number;
      if (len === runs[i + 3] && repair.place.start >= r && repair.place.end <= r + len) {
        out.push({ ...repair, place: { start: c + (repair.place.start - r), end: c + (repair.place.end - r) } });
        break;
      }
    }
  }
  return out;
}

function sortBlocks(blocks: Block[]): Block[] {
  return [...blocks].sort((a, b) => a.start - b.start || b.end - a.end);
}
