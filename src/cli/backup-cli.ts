import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../db/database';
import { dumpStore } from '../db/store-archive';
import { exportLogical } from '../domain/backup/logical-export';
import { AppError, isAppError } from '../errors/app-error';

/**
 * `npm run backup -- --to <file> [--force] [--logical]`: a copy of the graph.
 *
 * - Embedded store (NEO4J_URI unset): Neo4j's own offline dump (`neo4j-admin database dump`) of
 *   NEO4J_DATA_DIR's database, consistent because the store is closed; a running server makes it
 *   BACKUP_STORE_IN_USE. The file is a standard Neo4j dump (`npm run restore`, or
 *   `neo4j-admin database load` / `upload` elsewhere). `--logical` takes a logical export instead,
 *   through an embedded server this command starts.
 * - Remote server (NEO4J_URI set): a logical export (gzip JSON lines: every node and relationship
 *   with typed properties; see src/domain/backup/logical-format.ts), read over Bolt.
 *
 * The file appears only when complete; an existing one is refused (BACKUP_FILE_EXISTS) unless
 * `--force`. Exit code 0 on success, 1 on failure with `[CODE] message`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, force: { type: 'boolean' }, logical: { type: 'boolean' } } });
  if (!values.to) throw new Error('usage: npm run backup -- --to <file> [--force] [--logical]   (a Neo4j dump of the embedded store, or a logical export when NEO4J_URI is set or with --logical)');
  const to = path.resolve(values.to);
  if (!fs.existsSync(path.dirname(to))) throw new Error(`no such folder: ${path.dirname(to)}`);
  if (fs.existsSync(to) && !values.force) throw new AppError('BACKUP_FILE_EXISTS', `${to} already exists; choose another name, or add --force to replace it.`);
  const config = loadConfig();
  const started = Date.now();
  if (config.neo4j.uri === undefined && !values.logical) {
    const e = config.neo4j.embedded;
    console.log(`dumping the embedded store ${e.dataDir} with neo4j-admin (offline)…`);
    const bytes = await dumpStore({ dataDir: e.dataDir, heap: e.heap }, to);
    console.log(`backup: Neo4j dump of ${e.dataDir} written to ${to} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s; restore it with npm run restore -- --from ${values.to}`);
    return;
  }
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const db = await openDatabase(config, logger);
  try {
    console.log(`logical export of ${config.neo4j.uri === undefined ? `the embedded store ${config.neo4j.embedded.dataDir}` : config.neo4j.uri.replace(/\/\/[^@/]*@/, '//')}…`);
    const result = await exportLogical(db.executor, to, {
      force: values.force,
      onProgress: (done) => console.log(`  ${done.nodes.toLocaleString('en')} nodes, ${done.relationships.toLocaleString('en')} relationships…`),
    });
    console.log(
      `backup: logical export of ${result.nodes.toLocaleString('en')} nodes and ${result.relationships.toLocaleString('en')} relationships written to ${to} ` +
        `(${(result.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s; restore it into an empty database with npm run restore -- --from ${values.to}`,
    );
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(isAppError(e) ? `backup failed [${e.code}]: ${e.message}` : `backup failed: ${(e as Error).message}`);
  process.exit(1);
});
