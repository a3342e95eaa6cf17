import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../errors/app-error';

/** What the import was asked to do, as far as a hint needs it. */
export interface ImportInvocation {
  /** --dir, when given. */
  dir?: string;
  bulk: boolean;
  /** --seed files (bulk only), as given. */
  seeds: string[];
}

/**
 * The line the import CLI adds under a NOT_FOUND for an insurer: a portfolio needs its
 * organisation in the graph first, which a generated France ships as `<dir>/insurers.json` (a
 * bulk first load without `--seed` stopped on the first of 388 synthetic insurers, naming only
 * its id). Null for any other error.
 */
export function unknownInsurerHint(e: unknown, inv: ImportInvocation): string | null {
  if (!isAppError(e) || e.code !== 'NOT_FOUND' || !/^No insurer with id/.test(e.message)) return null;
  const generated = inv.dir ? path.join(inv.dir, 'insurers.json') : null;
  const shipped = generated !== null && fs.existsSync(generated) && !inv.seeds.some((s) => path.resolve(s) === path.resolve(generated)) ? generated : null;
  if (inv.bulk) {
    return shipped
      ? `hint: its organisation must be in the graph before its portfolio; the folder has ${shipped}: add --seed ${shipped}`
      : 'hint: its organisation must be in the graph before its portfolio: add --seed <file> with a seed file that declares it (npm run generate writes insurers.json beside the portfolios)';
  }
  return shipped
    ? `hint: its organisation must be in the graph before its portfolio; the folder has ${shipped}: run npm run seed -- ${shipped} first`
    : 'hint: its organisation must be in the graph before its portfolio: load a seed file that declares it first (npm run seed -- <file>)';
}
