import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { factUnits } from '../src/compare/units.js';
import { plainArticle } from '../test/plain-article.js';
const p = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));
const texts = process.argv.slice(2);
const arts = texts.map((t, i) => p.run(plainArticle(t, 'en', `a${i}.txt`)));
const units = factUnits(arts, new Map(arts.map((a) => [a.id, a.id])), new Map());
for (const u of units) console.log(JSON.stringify({ text: u.text, main: u.frame.main, occ: u.frame.occurrences.map((o) => [o.cls, o.at]), q: u.frame.quantities.map((q) => [q.text, q.kind, q.low, q.high, q.at, q.part]), places: [...u.frame.places], args: u.frame.args.map((a) => a.key ?? a), dates: u.frame.dates.map((d) => [d.text, d.value]) }));
