import { cypher } from '../../db/cypher-files';
import type { Executor } from '../../db/executor';
import { applySchema } from '../../db/schema';
import { AppError, isAppError } from '../../errors/app-error';
import { LogicalHeader, LogicalNode, LogicalRelationship, readLogicalExport } from './logical-format';

const Q = {
  count: cypher('admin/backup-count-graph'),
  deleteBatch: cypher('admin/backup-delete-batch'),
  restoreIndex: cypher('admin/backup-restore-index'),
  awaitIndexes: cypher('admin/await-indexes'),
  nodes: cypher('admin/backup-restore-nodes'),
  relationships: cypher('admin/backup-restore-relationships'),
  clearKeys: cypher('admin/backup-clear-restore-keys'),
  dropIndex: cypher('admin/backup-drop-restore-index'),
};

/** Rows per write transaction: small enough for a modest server's heap, large enough to keep round trips few. */
const BATCH = 1_000;

/** Options of {@link restoreLogical}. */
export interface LogicalRestoreOptions {
  /** Replace a database that holds nodes (they are deleted first); refused otherwise. */
  force?: boolean;
  /** Hears progress: a phase name and how many rows of it are done. */
  onProgress?: (phase: 'checked' | 'nodes' | 'relationships', done: number) => void;
}

/**
 * Restores a logical export (see logical-format.ts) into the database `executor` reaches.
 * The whole file is read and checked first (format version, every line, counts), so a corrupt,
 * truncated or foreign file is refused (BACKUP_FILE_INVALID, BACKUP_FORMAT_UNSUPPORTED,
 * BACKUP_FILE_NOT_FOUND) before anything is written. The database must hold no node
 * (BACKUP_TARGET_NOT_EMPTY) unless `force`, which deletes them in batches first. Then the
 * project's constraints and indexes are applied (src/db/schema.ts), the nodes are created in
 * batches with their labels and typed properties, then the relationships between them, and the
 * restore's temporary key and index are removed. Ends by checking the database's counts against
 * the header. A failure while writing (server gone, an end missing from the file) is
 * BACKUP_RESTORE_FAILED: the database then holds part of the backup; restore again with force.
 */
export async function restoreLogical(executor: Executor, from: string, opts: LogicalRestoreOptions = {}): Promise<LogicalHeader> {
  let header: LogicalHeader | undefined;
  let checked = 0;
  const check = readLogicalExport(from, (h) => (header = h));
  while (!(await check.next()).done) {
    checked += 1;
    if (checked % 100_000 === 0) opts.onProgress?.('checked', checked);
  }
  const h = header!;
  const admin = executor.admin();
  const [present] = await admin.read<{ nodes: number; relationships: number }>(Q.count);
  if (present.nodes > 0) {
    if (!opts.force) {
      throw new AppError('BACKUP_TARGET_NOT_EMPTY', `The database already holds ${present.nodes.toLocaleString('en')} nodes; a restore fills an empty database. Add --force to delete them and restore, or point NEO4J_URI / NEO4J_DATABASE at an empty database.`);
    }
    while ((await admin.write<{ deleted: number }>(Q.deleteBatch, { batch: 10_000 }))[0].deleted > 0);
  }
  try {
    await applySchema(admin);
    await admin.write(Q.restoreIndex);
    await admin.write(Q.awaitIndexes);
    let nodes: LogicalNode[] = [];
    let relationships: LogicalRelationship[] = [];
    let nodesWritten = 0;
    let relationshipsWritten = 0;
    const flushNodes = async () => {
      if (nodes.length === 0) return;
      await admin.write(Q.nodes, { rows: nodes.map((n) => ({ id: n.n, labels: n.l, props: n.p })) });
      nodesWritten += nodes.length;
      opts.onProgress?.('nodes', nodesWritten);
      nodes = [];
    };
    const flushRelationships = async () => {
      if (relationships.length === 0) return;
      const [{ created }] = await admin.write<{ created: number }>(Q.relationships, { rows: relationships.map((r) => ({ type: r.r, start: r.s, end: r.e, props: r.p })) });
      if (created !== relationships.length) {
        throw new AppError('BACKUP_RESTORE_FAILED', `${from}: ${relationships.length - created} relationship(s) of a batch name an end that is not among the file's nodes; the database holds part of the backup (fix the file, then restore again with --force).`);
      }
      relationshipsWritten += relationships.length;
      opts.onProgress?.('relationships', relationshipsWritten);
      relationships = [];
    };
    for await (const entry of readLogicalExport(from, () => undefined)) {
      if (entry.kind === 'node') {
        nodes.push(entry.node);
        if (nodes.length >= BATCH) await flushNodes();
      } else {
        await flushNodes();
        relationships.push(entry.relationship);
        if (relationships.length >= BATCH) await flushRelationships();
      }
    }
    await flushNodes();
    await flushRelationships();
    while ((await admin.write<{ cleared: number }>(Q.clearKeys, { batch: 10_000 }))[0].cleared > 0);
    await admin.write(Q.dropIndex);
  } catch (e) {
    if (isAppError(e) && e.code.startsWith('BACKUP_')) throw e;
    // The server failed part-way (gone, out of memory, a constraint the data breaks): say what state that leaves.
    throw new AppError('BACKUP_RESTORE_FAILED', `Restoring ${from} failed part-way (${isAppError(e) ? `${e.code}: ` : ''}${(e as Error).message}); the database holds part of the backup. Fix the cause, then restore again with --force.`);
  }
  const [restored] = await admin.read<{ nodes: number; relationships: number }>(Q.count);
  if (restored.nodes !== h.counts.nodes || restored.relationships !== h.counts.relationships) {
    throw new AppError('BACKUP_RESTORE_FAILED', `After the restore the database holds ${restored.nodes} nodes and ${restored.relationships} relationships; the backup holds ${h.counts.nodes} and ${h.counts.relationships}. Was something writing to it meanwhile?`);
  }
  return h;
}
