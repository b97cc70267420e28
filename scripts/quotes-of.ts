/**
 * `npx tsx scripts/quotes-of.ts <paths…>`: the quotes layer of each article as the full pipeline makes it (clean,
 * every annotation stage), one line per quote: kind, speaker, the speaker's words in the text, cue and the words.
 * For reading the output on real articles as a journalist would (who is quoted, is it right).
 */
import { cleanDocument } from '../src/clean/index.js';
import { isProblem, readDocuments } from '../src/ingest/read.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';

const WORDS_SHOWN = 120;

const pipeline = createPipeline(defaultStages());
for await (const item of readDocuments(process.argv.slice(2))) {
  if (isProblem(item)) continue;
  const name = item.source.path;
  const article = pipeline.run(cleanDocument(item));
  console.log(`\n## ${name} (${article.outlet ?? 'no outlet'})`);
  for (const q of article.layers.quotes ?? []) {
    const said = q.speakerSpan ? article.text.slice(q.speakerSpan.start, q.speakerSpan.end) : '';
    const words = q.text.replace(/\s+/g, ' ').slice(0, WORDS_SHOWN);
    console.log(`- ${q.kind} | ${q.speaker ?? '–'} | "${said}" | ${q.cue?.text ?? ''} | ${words}`);
  }
}
