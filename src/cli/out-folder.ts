import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TriangulateError } from '../model/errors.js';
import { systemReason } from './io.js';

/** The file in an `--out` folder that lists what the last analysis wrote there (hidden: it is bookkeeping). */
export const MANIFEST = '.triangulate-out.json';

/**
 * Names an analysis writes. A manifest entry is deleted only when it has one of these shapes, so a manifest edited
 * by hand (or by anyone) can never make a run delete the user's own files, nor reach outside the folder.
 */
const OWN_NAME = /^(?:index\.html|index\.md|analysis\.json|s-[0-9a-f]{8,64}\.(?:md|html))$/;

/**
 * Writes one analysis into a folder so that it replaces the previous one: files the previous run wrote (listed in
 * its manifest) and this run does not write again are removed; files the folder held before, or that the user put
 * there, are never touched. The manifest is first widened to old ∪ new, so a run that dies half-way still leaves
 * every file it may have written listed for the next run to clean up. Returns the paths written, in order.
 */
export async function replaceAnalysis(dir: string, files: ReadonlyArray<readonly [name: string, text: string]>): Promise<string[]> {
  for (const [name] of files) if (!OWN_NAME.test(name)) throw new Error(`internal: "${name}" is not a name an analysis writes`);
  try {
    return await replaceFiles(dir, files);
  } catch (error) {
    // A folder that cannot be created or written is the user's to fix: one line naming it (exit 73), no stack.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new TriangulateError('E_WRITE', `cannot write into ${dir}: ${systemReason(error)}`, { cause: error });
  }
}

async function replaceFiles(dir: string, files: ReadonlyArray<readonly [name: string, text: string]>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const previous = await readManifest(dir);
  const names = files.map(([name]) => name);
  await writeManifest(dir, [...new Set([...previous, ...names])]);
  const written: string[] = [];
  for (const [name, text] of files) {
    await writeFile(join(dir, name), text);
    written.push(join(dir, name));
  }
  const kept = new Set(names);
  for (const name of previous) if (!kept.has(name)) await rm(join(dir, name), { force: true });
  await writeManifest(dir, names);
  return written;
}

/** The names the previous analysis listed, keeping only names an analysis writes; none when there is no manifest. */
async function readManifest(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const files = (parsed as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && OWN_NAME.test(f)) : [];
  } catch {
    return []; // a damaged manifest names nothing: leftovers stay rather than guessing what to delete
  }
}

async function writeManifest(dir: string, names: readonly string[]): Promise<void> {
  const note = 'Files the last `triangulate analyze --out` wrote here; the next run into this folder replaces them.';
  await writeFile(join(dir, MANIFEST), `${JSON.stringify({ note, files: names }, null, 2)}\n`);
}
