import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../db/database';
import { loadStore, storeHasDatabase } from '../db/store-archive';
import { isLogicalExport } from '../domain/backup/logical-format';
import { restoreLogical } from '../domain/backup/logical-restore';
import { AppError, isAppError } from '../errors/app-error';

/**
 * `npm run restore -- --from <file> [--force]`: puts back what `npm run backup` wrote; the
 * kind of file is read from its content.
 *
 * - A Neo4j dump, into the embedded store (NEO4J_URI unset): Neo4j's own offline load, atomic
 *   (the current database comes back if the load fails). The store must be closed
 *   (BACKUP_STORE_IN_USE) and, without `--force`, have no database yet (BACKUP_TARGET_NOT_EMPTY).
 * - A logical export, into NEO4J_URI's database (or the embedded store, through a server this
 *   command starts): checked whole first, then constraints and indexes, nodes, relationships.
 *   Without `--force` the database must hold no node.
 *
 * A missing file is BACKUP_FILE_NOT_FOUND; a corrupt or foreign one, BACKUP_FILE_INVALID, with
 * nothing written. Exit code 0 on success, 1 on failure with `[CODE] message`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean' } } });
  if (!values.from) throw new Error('usage: npm run restore -- --from <file> [--force]   (a Neo4j dump into the embedded store, or a logical export into NEO4J_URI or the embedded store)');
  const from = path.resolve(values.from);
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) throw new AppError('BACKUP_FILE_NOT_FOUND', `No backup file at ${from}.`);
  const config = loadConfig();
  const started = Date.now();
  const logical = await isLogicalExport(from);
  if (config.neo4j.uri === undefined && !logical) {
    const e = config.neo4j.embedded;
    if (storeHasDatabase(e.dataDir) && !values.force) {
      throw new AppError('BACKUP_TARGET_NOT_EMPTY', `The embedded store ${e.dataDir} already has a database; restoring replaces it. Add --force to replace it (it is kept until the dump is fully loaded), or set NEO4J_DATA_DIR to a new folder.`);
    }
    console.log(`loading ${from} into the embedded store ${e.dataDir} with neo4j-admin (offline)…`);
    await loadStore({ dataDir: e.dataDir, heap: e.heap }, from);
    console.log(`restore: ${from} loaded into ${e.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s; start the API as usual (npm start)`);
    return;
  }
  if (!logical) {
    throw new AppError(
      'BACKUP_FILE_INVALID',
      `${from} is not a logical export, and NEO4J_URI is set: a Neo4j dump loads on the server itself (neo4j-admin database load on a self-managed server, neo4j-admin database upload or the console's import for Aura), or into the embedded store with NEO4J_URI unset. Nothing was written.`,
    );
  }
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const db = await openDatabase(config, logger);
  try {
    console.log(`restoring the logical export ${from} into ${config.neo4j.uri === undefined ? `the embedded store ${config.neo4j.embedded.dataDir}` : config.neo4j.uri.replace(/\/\/[^@/]*@/, '//')}: checking the file…`);
    const header = await restoreLogical(db.executor, from, {
      force: values.force,
      onProgress: (phase, done) => {
        if (done % 100_000 === 0) console.log(`  ${phase}: ${done.toLocaleString('en')}…`);
      },
    });
    console.log(
      `restore: ${header.counts.nodes.toLocaleString('en')} nodes and ${header.counts.relationships.toLocaleString('en')} relationships (exported ${header.createdAt}) restored in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(isAppError(e) ? `restore failed [${e.code}]: ${e.message}` : `restore failed: ${(e as Error).message}`);
  process.exit(1);
});
