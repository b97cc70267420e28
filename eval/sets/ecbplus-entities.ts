import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { entities } from '../../src/annotate/entities/index.js';
import type { EntityMention } from '../../src/model/annotations.js';
import { runStage } from '../../src/pipeline/runner.js';
import { articleFrom } from '../../test/entities/article.js';
import type { EvalResult, Evaluator } from '../harness.js';
import { type Chunk, CONLL_LABEL, cpuSeconds, type Label, layout, rows, Score, toChunks } from './conll.js';

/**
 * Out-of-domain English names on ECB+'s own markables (news from many outlets, 2008–2013). Mapping: HUMAN_PART_PER →
 * PER, HUMAN_PART_ORG → ORG, LOC_* (GEO, FAC, OTHER) → LOC; other classes are not scored. Name mentions only: a
 * markable counts when, after a leading "the", every word is capitalised or a connector (of, de, and, &) and it is
 * not a pronoun; a location markable is split at commas and prepositions ("in Beverly Hills , California" is
 * two names). ECB+ marks only the participants of its annotated events, so a name the stage finds where ECB+
 * has no entity markable at all is left out of precision (neither right nor wrong); one that overlaps a markable of
 * any entity class and does not match it exactly with its type counts as a false positive. Predicted MISC/group
 * names are not scored. Each sentence is one paragraph of tokens joined by spaces (the CoNLL layout).
 */

const TOKEN = /<token t_id="(\d{1,9})" sentence="(\d{1,6})" number="(\d{1,9})">([^<]{0,500})<\/token>/g;
const MARKABLE = /<([A-Z_]{3,40}) m_id="\d{1,9}"\s*>((?:\s*<token_anchor t_id="\d{1,9}"\/>){1,40})\s*<\/\1>/g;
const ANCHOR = /t_id="(\d{1,9})"/g;
const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const CONNECTORS = new Set(['of', 'de', 'and', '&', 'the', 'for', "'s", '-']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'him', 'them', 'us']);
const CAPITAL = /^\p{Lu}/u;
/** Words that separate names inside one ECB+ location markable. */
const SPLITTERS = new Set([',', 'in', 'at', 'near', 'on', 'outside', 'inside']);
/** Topics scored with `--quick`. */
const QUICK_TOPICS = 5;

function labelOf(tag: string): Label | null {
  if (tag === 'HUMAN_PART_PER') return 'PER';
  if (tag === 'HUMAN_PART_ORG') return 'ORG';
  return tag.startsWith('LOC_') ? 'LOC' : null;
}

const ENTITY_CLASS = /^(?:HUMAN_PART|NON_HUMAN_PART|LOC_)/;

interface Doc {
  sentences: Array<{ words: string[] }>;
  gold: Chunk[];
  /** Every entity markable, any class, as sentence:first:last, to bound precision to annotated text. */
  markables: Chunk[];
}

function readDoc(xml: string): Doc {
  const where = new Map<string, { sentence: number; index: number }>();
  const bySentence = new Map<number, string[]>();
  for (const m of xml.matchAll(TOKEN)) {
    const sentence = Number(m[2]);
    const words = bySentence.get(sentence) ?? [];
    where.set(m[1] as string, { sentence, index: words.length });
    words.push((m[4] as string).replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e));
    bySentence.set(sentence, words);
  }
  const order = [...bySentence.keys()].sort((a, b) => a - b).filter((k) => !(bySentence.get(k)?.[0] ?? '').startsWith('http'));
  const position = new Map(order.map((k, i) => [k, i]));
  const sentences = order.map((k) => ({ words: bySentence.get(k) ?? [] }));
  const gold: Chunk[] = [];
  const markables: Chunk[] = [];
  for (const m of xml.matchAll(MARKABLE)) {
    const tag = m[1] as string;
    if (!ENTITY_CLASS.test(tag)) continue;
    const anchors = [...(m[2] as string).matchAll(ANCHOR)].map((a) => where.get(a[1] as string)).filter((a) => a !== undefined);
    const first = anchors[0];
    const last = anchors[anchors.length - 1];
    const sentence = first ? position.get(first.sentence) : undefined;
    if (!first || !last || sentence === undefined || last.sentence !== first.sentence) continue;
    const words = sentences[sentence]?.words ?? [];
    markables.push({ sentence, first: first.index, last: last.index + 1, label: 'MISC' });
    const label = labelOf(tag);
    if (!label) continue;
    // "in Beverly Hills , California" is two place names: parts split at commas and prepositions.
    let from = first.index;
    for (let k = first.index; k <= last.index + 1; k++) {
      if (k <= last.index && !SPLITTERS.has(words[k]?.toLowerCase() ?? '')) continue;
      let a = from;
      while (a < k && (words[a]?.toLowerCase() ?? '') === 'the') a++;
      if (a < k && isName(words.slice(a, k))) gold.push({ sentence, first: a, last: k, label });
      from = k + 1;
    }
  }
  return { sentences, gold, markables };
}

function isName(words: readonly string[]): boolean {
  if (words.length === 0 || (words.length === 1 && PRONOUNS.has(words[0]?.toLowerCase() ?? ''))) return false;
  if (!CAPITAL.test(words[0] ?? '') || !CAPITAL.test(words[words.length - 1] ?? '')) return false;
  return words.every((w) => CAPITAL.test(w) || CONNECTORS.has(w.toLowerCase()));
}

export const ecbplusEntities: Evaluator = {
  id: 'ecbplus-entities',
  dataset: 'ecbplus',
  async run(path, options): Promise<EvalResult> {
    const dir = join(path, 'xml');
    const topics = readdirSync(dir)
      .filter((t) => /^\d+$/.test(t))
      .sort((a, b) => Number(a) - Number(b))
      .slice(0, options.quick ? QUICK_TOPICS : undefined);
    const results = [true, false].map((tagger) => ({ tagger, score: new Score(), seconds: 0, bytes: 0 }));
    let documents = 0;
    for (const topic of topics) {
      for (const file of readdirSync(join(dir, topic)).sort()) {
        if (!file.endsWith('.xml.gz')) continue;
        const doc = readDoc(gunzipSync(readFileSync(join(dir, topic, file))).toString('utf8'));
        const { paragraphs, offsets } = layout(doc.sentences);
        const article = articleFrom(paragraphs, 'en');
        documents++;
        const annotated = (c: Chunk): boolean => doc.markables.some((m) => m.sentence === c.sentence && m.first < c.last && c.first < m.last);
        for (const r of results) {
          const t = cpuSeconds();
          const mentions: EntityMention[] = runStage(entities({ tagger: r.tagger }), article).layers.entities ?? [];
          r.seconds += cpuSeconds() - t;
          r.bytes += Buffer.byteLength(article.text);
          const named = mentions
            .filter((m) => m.via !== 'pronoun' && m.via !== 'title' && CONLL_LABEL[m.type] !== 'MISC')
            .map((m) => ({ ...m, label: CONLL_LABEL[m.type] }));
          r.score.add(doc.gold, toChunks(named, offsets).filter(annotated), documents);
        }
      }
    }
    const [tagged, rules] = results;
    return {
      title: 'Named entities out of domain: ECB+ names (English, exact span + type)',
      note:
        `${documents} documents${options.quick ? ` (--quick: first ${QUICK_TOPICS} topics)` : ''}. Mapping HUMAN_PART_PER→PER, HUMAN_PART_ORG→ORG, ` +
        'LOC_GEO|LOC_FAC|LOC_OTHER→LOC; name mentions only (capitalised words, a leading "the" dropped); predictions over text with ' +
        'no ECB+ entity markable are not scored (ECB+ marks event participants only); MISC not scored. Never used for training or tuning.',
      columns: ['P', 'R', 'F1', 'PER', 'ORG', 'LOC', 'span F1', 'MB/s'],
      rows: [
        rows('triangulate entities: tagger + rules (shipped)', tagged?.score ?? new Score(), tagged?.seconds ?? 1, tagged?.bytes ?? 0),
        rows('triangulate entities: rules alone', rules?.score ?? new Score(), rules?.seconds ?? 1, rules?.bytes ?? 0),
      ],
      targets: ['typed F1 ≥ 0.80 (issue 15)'],
    };
  },
};
