import fs from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { resolveSecrets } from '../config/secrets';
import { openDatabase } from '../db/database';
import { applySchema } from '../db/schema';
import { isAppError } from '../errors/app-error';
import { importPortfolio, RejectedRow } from './import-portfolio';
import { PORTFOLIO_COLUMNS } from './portfolio-row';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Counts data lines by streaming, so a 10-million-row file is never held in memory. */
async function countRows(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
  return Math.max(0, lines - 1);
}

/**
 * `npm run import -- --insurer <id> <file.csv>`: loads an insurer's portfolio, with a progress
 * bar (rows, rows per second) and a closing summary. Refused rows go to `<file>.rejects.csv`
 * (line, reason, row with the NIR masked); good rows load. Safe to run again.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { insurer: { type: 'string' }, 'batch-size': { type: 'string' } } });
  const file = positionals[0];
  if (!values.insurer || !file) throw new Error('usage: npm run import -- --insurer <organisation id> <file.csv>');
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : 5_000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error(`--batch-size must be 1 to 100000, got "${values['batch-size']}"`);
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const secrets = resolveSecrets(config);
  const db = await openDatabase(config, logger);
  const rejectsFile = `${file}.rejects.csv`;
  const rejects = fs.createWriteStream(rejectsFile);
  rejects.write(['line', 'reason', ...PORTFOLIO_COLUMNS].join(',') + '\n');
  const total = await countRows(file);
  const bar = new cliProgress.SingleBar(
    { format: 'import {bar} {value}/{total} rows | {rate} rows/s | loaded {loaded} | rejected {rejected}', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let rejected = 0;
  const started = Date.now();
  bar.start(total, 0, { rate: 0, loaded: 0, rejected: 0 });
  try {
    await applySchema(db.executor);
    const summary = await importPortfolio({
      executor: db.executor,
      pseudonymKey: secrets.pseudonymKey,
      insurerId: values.insurer,
      source: fs.createReadStream(file),
      batchSize,
      onReject: (r: RejectedRow) => {
        rejected += 1;
        rejects.write([String(r.line), r.reason, ...PORTFOLIO_COLUMNS.map((c) => r.record[c] ?? '')].map(csvCell).join(',') + '\n');
      },
      onProgress: (read, loaded) => bar.update(read, { loaded, rejected, rate: Math.round(loaded / Math.max((Date.now() - started) / 1000, 0.001)) }),
    });
    bar.update(summary.rowsRead, { loaded: summary.rowsLoaded, rejected: summary.rowsRejected, rate: Math.round(summary.rowsPerSecond) });
    bar.stop();
    console.log(
      `imported ${summary.rowsLoaded} of ${summary.rowsRead} rows for ${summary.insurerId} in ${summary.seconds.toFixed(1)} s ` +
        `(${Math.round(summary.rowsPerSecond)} rows/s, ${summary.batches} batches); rejected ${summary.rowsRejected}` +
        (summary.rowsRejected > 0 ? `, see ${rejectsFile}` : ''),
    );
  } finally {
    bar.stop();
    await new Promise((r) => rejects.end(r));
    if (rejected === 0) fs.rmSync(rejectsFile, { force: true });
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(isAppError(e) ? `import failed [${e.code}]: ${e.message}` : `import failed: ${(e as Error).message}`);
  process.exit(1);
});
