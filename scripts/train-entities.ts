// Trains the entity tagger's weights from the shared CoNLL training files and writes them compressed to models/.
// `npm run train` (both languages) or `npm run train -- en|es`. Deterministic: the same data gives the same bytes.
// Only hashed weight rows are written, never a word of the training text (the text's licence forbids shipping it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConllDocuments, taggerF1 } from '../eval/sets/conll-data.js';
import { encodeWeights } from '../src/annotate/entities/tagger/codec.js';
import { LABEL_COUNT } from '../src/annotate/entities/tagger/model.js';
import { trainTagger } from '../src/annotate/entities/tagger/train.js';
import { TAGGER_SETTINGS } from '../src/annotate/entities/tagger/weights.js';

const root = join(import.meta.dirname, '..');
const data = join(root, '..', 'shared', 'data');
const CORPORA = {
  en: { train: join(data, 'conll2003pp', 'conllpp_train.txt.gz'), dev: join(data, 'conll2003pp', 'conllpp_dev.txt') },
  es: { train: join(data, 'conll2002-es', 'esp.train.gz'), dev: join(data, 'conll2002-es', 'esp.testa.gz') },
} as const;

const wanted = process.argv.slice(2).filter((a) => a === 'en' || a === 'es');
const tune = process.argv.includes('--dev');
for (const language of wanted.length > 0 ? wanted : (['en', 'es'] as const)) {
  const settings = TAGGER_SETTINGS[language];
  const started = process.cpuUsage();
  const train = readConllDocuments(CORPORA[language].train);
  const dev = tune ? readConllDocuments(CORPORA[language].dev) : [];
  const weights = trainTagger(train, {
    ...settings,
    onEpoch: tune ? (epoch, w) => console.log(`${language} epoch ${epoch}: dev F1 ${taggerF1(w, dev).toFixed(4)}`) : undefined,
  });
  const file = encodeWeights(weights, LABEL_COUNT, settings.pruneBelow);
  const path = join(root, 'models', `entities-${language}.bin.gz`);
  writeFileSync(path, file);
  const cpu = process.cpuUsage(started);
  console.log(
    `${language}: ${train.length} documents, wrote ${path} (${(file.length / 1e6).toFixed(2)} MB) in ${((cpu.user + cpu.system) / 1e6).toFixed(0)} CPU-s`,
  );
}
