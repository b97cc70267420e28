import { readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/**
 * A file name as text to show and store. Names are bytes on Linux and need not be UTF-8; valid UTF-8 is kept and
 * every other byte shown as `\xNN`, so two different names never show alike and nothing is lost silently.
 */
export function shownName(name: string | Buffer): string {
  if (typeof name === 'string') return name;
  const strict = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < name.length) {
    const lead = name[i] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= name.length) {
      try {
        out += strict.decode(name.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // not a valid sequence: shown byte by byte below
      }
    }
    out += `\\x${lead.toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

/**
 * The file a command-line argument names when the argument is not valid UTF-8. Node decodes `argv` as UTF-8 and
 * replaces each invalid byte with U+FFFD, so such a name can never be opened as given; the one entry of its folder
 * whose name decodes to the same text is the file meant (none or several: null, and the caller reports the path).
 */
export async function argumentFile(path: string): Promise<Buffer | null> {
  if (!path.includes('\uFFFD')) return null;
  let names: Buffer[];
  try {
    names = await readdir(dirname(path), { encoding: 'buffer' });
  } catch {
    return null;
  }
  const wanted = basename(path);
  const matches = names.filter((n) => n.toString('utf8') === wanted);
  if (matches.length !== 1) return null;
  return Buffer.concat([Buffer.from(`${dirname(path)}/`), matches[0] as Buffer]);
}
