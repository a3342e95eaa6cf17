import fs from 'node:fs';
import type { RejectedRow } from '../domain/import/import-portfolio';
import { PORTFOLIO_COLUMNS } from '../domain/import/portfolio-row';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** An open `<file>.rejects.csv`: one line per refused row. */
export interface RejectsFile {
  readonly path: string;
  /** Appends one refused row (line, reason, then the row's columns). */
  write(r: RejectedRow): void;
  /** Flushes and closes the file; removes it when `keep` is false (nothing was refused). */
  close(keep: boolean): Promise<void>;
}

/** Opens the rejects file of `file` (`<file>.rejects.csv`) and writes its header line. */
export function openRejectsFile(file: string): RejectsFile {
  const rejectsPath = `${file}.rejects.csv`;
  const stream = fs.createWriteStream(rejectsPath);
  stream.write(['line', 'reason', ...PORTFOLIO_COLUMNS].join(',') + '\n');
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
