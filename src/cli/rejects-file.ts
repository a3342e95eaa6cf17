import fs from 'node:fs';
import { AppError } from '../errors/app-error';
import { maskNirsIn } from '../identity/nir';
import type { RejectedRow } from '../domain/import/import-portfolio';
import { PORTFOLIO_COLUMNS } from '../domain/import/portfolio-row';
import { neutraliseFormula } from '../domain/common/spreadsheet-cell';

/**
 * One CSV cell as a spreadsheet may safely open it: NIR-shaped values masked (the row was masked
 * already; this is the last line of defence), a formula-leading value prefixed with an
 * apostrophe so it is shown as text and never run, then quoted as RFC 4180 needs.
 */
export function csvCell(value: string): string {
  const v = neutraliseFormula(maskNirsIn(value));
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** An open `<file>.rejects.csv`: one line per refused row. */
export interface RejectsFile {
  readonly path: string;
  /** Appends one refused row (line, reason, then the row's columns). */
  write(r: RejectedRow): void;
  /** Flushes and closes the file; removes it when `keep` is false (nothing was refused). */
  close(keep: boolean): Promise<void>;
}

/**
 * Creates `rejectsPath` for writing, exclusively, mode 0600, never through a link: a symbolic
 * link (or anything but a plain file) already there stops the import with BAD_USER_INPUT naming
 * the path, since someone may have planted it to make the import write elsewhere. A plain file
 * is an earlier run's rejects and is replaced. O_EXCL also refuses a link planted between that
 * check and the open.
 */
function createExclusively(rejectsPath: string): number {
  const refuse = (why: string) => new AppError('BAD_USER_INPUT', `Refusing to write the rejects file ${rejectsPath}: ${why}; remove it and run the import again.`, { argument: 'file' });
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(rejectsPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (existing?.isSymbolicLink()) throw refuse('it is a symbolic link');
  if (existing && !existing.isFile()) throw refuse('it exists and is not a regular file');
  if (existing) fs.unlinkSync(rejectsPath);
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
  let fd: number;
  try {
    fd = fs.openSync(rejectsPath, O_WRONLY | O_CREAT | O_EXCL | (O_NOFOLLOW ?? 0), 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' || (e as NodeJS.ErrnoException).code === 'ELOOP') throw refuse('something was created at that path while the import started (a symbolic link?)');
    throw e;
  }
  // The umask may only remove bits; set exactly 0600 whatever it is.
  fs.fchmodSync(fd, 0o600);
  return fd;
}

/**
 * Opens the rejects file of `file` (`<file>.rejects.csv`) and writes its header line. The file is
 * created exclusively with mode 0600 (it describes people's rows), never through a symbolic link,
 * and every cell goes through {@link csvCell}. Throws BAD_USER_INPUT when the path is a link.
 */
export function openRejectsFile(file: string): RejectsFile {
  const rejectsPath = `${file}.rejects.csv`;
  const stream = fs.createWriteStream(rejectsPath, { fd: createExclusively(rejectsPath) });
  stream.write(['line', 'reason', ...PORTFOLIO_COLUMNS].map(csvCell).join(',') + '\n');
  return {
    path: rejectsPath,
    write: (r) => {
      stream.write([String(r.line), r.reason, ...PORTFOLIO_COLUMNS.map((c) => r.record[c] ?? '')].map(csvCell).join(',') + '\n');
    },
    close: async (keep) => {
      await new Promise((r) => stream.end(r));
      if (!keep) fs.rmSync(rejectsPath, { force: true });
    },
  };
}
