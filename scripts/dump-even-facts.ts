// Dumps a fixed sample of corroborated facts of the EVEN (tuning) ECB+ topics for diagnosis by reading, so that the
// held-out odd topics' facts (the adjudicated sample) are never read while changing the pair model:
// `npx tsx scripts/dump-even-facts.ts --cache FILE --out /tmp/even-facts.jsonl [--n 40] [--verdicts LABELS.jsonl]`.
// Each even sub-topic is run with the even model and the even related-predicate table (the analogue of the
// held-out sample, which runs odd topics with the even model: both read the hand labels of even.jsonl). The sample
// is the smallest span hashes, so reruns agree and a changed fact is a new key. The output holds ECB+ text: write
// it outside the repository; --verdicts (keys, verdicts, reasons; no text) tallies the facts already judged.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { subtopicFacts } from '../eval/sets/claims-ecbplus.js';
import { SHIPPED_MODELS } from '../src/compare/pair-model/model.js';
import { RELATED_TABLES, relatedSet } from '../src/compare/related-predicates.js';
import { cachedSubtopics, option, readJsonLines } from './pair-data.js';

interface FactVerdict {
  key: string;
  verdict: 'right' | 'partly' | 'wrong';
  reason: string;
}

const out = option('out');
if (!out) throw new Error('--out FILE (outside the repository) is required');
const n = Number(option('n') ?? 40);
const rows: Array<{ key: string; subtopic: string; spans: string[] }> = [];
let corroborated = 0;
for (const sub of cachedSubtopics(option('cache'))) {
  if ((sub.docs[0]?.topic ?? 1) % 2 !== 0) continue;
  const byId = new Map(sub.docs.map((d) => [d.article.id, d]));
  for (const f of subtopicFacts(sub, undefined, SHIPPED_MODELS.even, relatedSet(RELATED_TABLES.even))) {
    if (f.status !== 'corroborated') continue;
    corroborated++;
    const spans = f.citations.map((c) => `${byId.get(c.articleId)?.name ?? c.articleId}: ${byId.get(c.articleId)?.article.text.slice(c.start, c.end) ?? ''}`);
    rows.push({ key: createHash('sha256').update(spans.join('\n')).digest('hex').slice(0, 16), subtopic: sub.docs[0]?.subtopic ?? '', spans });
  }
}
const picked = rows.sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, n);
writeFileSync(out, `${picked.map((r) => JSON.stringify(r)).join('\n')}\n`);
const verdicts = new Map(readJsonLines<FactVerdict>(option('verdicts') ?? '').map((v) => [v.key, v]));
const judged = picked.flatMap((p) => verdicts.get(p.key) ?? []);
const tally = (v: FactVerdict['verdict']) => judged.filter((x) => x.verdict === v).length;
console.log(
  `${picked.length} of ${corroborated} corroborated even-topic facts written to ${out}; judged ${judged.length}: right ${tally('right')}, partly ${tally('partly')}, wrong ${tally('wrong')}`,
);
