import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder with mode 0700 (its parents as usual) and tightens an existing one: used for
 * the secrets folder and the embedded store, whose files are the data, written with the process's
 * default umask otherwise.
 */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  fs.chmodSync(dir, 0o700);
}
