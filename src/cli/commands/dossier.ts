import { loadDossier } from '../../engine/dossier.js';
import type { Store } from '../../store/store.js';
import { type Format, render } from '../formats.js';
import { type CliIo, terminalSafe, writeOutput } from '../io.js';

/** Writes a story's dossier to a file or stdout. */
export async function runDossier(io: CliIo, store: Store, storyId: string, format: Format, output?: string): Promise<void> {
  const { dossier, articles } = await loadDossier(store, storyId);
  const text = render(format, [dossier], articles);
  if (output) {
    await writeOutput(output, text);
    io.stderr.write(`wrote ${terminalSafe(output)}\n`);
  } else io.stdout.write(text);
}
