import { dataRoot, dataSet, renderTable } from './harness.js';
import { evaluators } from './sets/index.js';

/**
 * `npm run eval [-- ids…] [--quick]`: scores every data set in ../shared/data beside its reference library and
 * prints one table each. Absent data is a visible note and exit 0, so the command works on any clone.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.filter((a) => !a.startsWith('--'));
  console.log(`# Triangulate evaluation (data: ${dataRoot()})\n`);
  for (const evaluator of evaluators) {
    if (only.length > 0 && !only.includes(evaluator.id)) continue;
    const path = dataSet(evaluator.dataset);
    if (!path) {
      console.log(`### ${evaluator.id}\n\n_skipped: data set "${evaluator.dataset}" not found in ${dataRoot()}_\n`);
      continue;
    }
    const started = Date.now();
    const results = await evaluator.run(path, { quick });
    for (const result of Array.isArray(results) ? results : [results]) console.log(`${renderTable(result)}\n`);
    console.log(`_(${evaluator.id}: ${((Date.now() - started) / 1000).toFixed(1)} s)_\n`);
  }
}

await main();
