import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { cypher } from '../../db/cypher-files';
import type { Executor } from '../../db/executor';
import { schemaObjectNames } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { LOGICAL_FORMAT, LOGICAL_VERSION, LogicalHeader, LogicalProperty, VALUE_TYPES } from './logical-format';

const Q = {
  count: cypher('admin/backup-count-graph'),
  nodes: cypher('admin/backup-export-nodes'),
  relationships: cypher('admin/backup-export-relationships'),
  catalogueVersion: cypher('admin/catalogue-version'),
};

/** What a logical export wrote. */
export interface LogicalExportResult {
  nodes: number;
  relationships: number;
  bytes: number;
}

type Counts = { nodes: number; relationships: number };

function checkTypes(props: LogicalProperty[], what: string): void {
  for (const [key, type] of props) {
    if (!VALUE_TYPES.has(type)) {
      throw new AppError('BACKUP_UNSUPPORTED_VALUE', `${what} has property "${key}" of type ${type}, which the logical export does not carry (it carries strings, booleans, integers, floats, temporal values and lists of them); back up the embedded store with a Neo4j dump instead.`);
    }
  }
}

/**
 * Writes a logical export of the whole graph `executor` reaches to `to` (format: see
 * logical-format.ts): every node with its labels and typed properties, then every relationship,
 * streamed from the server into a gzip file, so the graph is never held in memory. Works on any
 * Neo4j 5 the driver reaches (a remote server, a cluster, Aura, or the embedded one through Bolt).
 * The file is written under a temporary name beside `to` (mode 0600: it holds the pseudonymised
 * data) and renamed when complete. The node and relationship counts are read before and after;
 * if they moved, or differ from what was streamed, the graph changed during the export
 * (BACKUP_CHANGED_DURING_EXPORT, nothing left behind): stop writers while exporting. A value of
 * a type the format does not carry is BACKUP_UNSUPPORTED_VALUE. `to` must not exist unless `force`.
 */
export async function exportLogical(executor: Executor, to: string, opts: { force?: boolean; onProgress?: (done: Counts) => void } = {}): Promise<LogicalExportResult> {
  const target = path.resolve(to);
  if (fs.existsSync(target) && !opts.force) throw new AppError('BACKUP_FILE_EXISTS', `${target} already exists; choose another name, or add --force to replace it.`);
  const admin = executor.admin();
  const [before] = await admin.read<Counts>(Q.count);
  const [{ version }] = await admin.read<{ version: string | null }>(Q.catalogueVersion);
  const header: LogicalHeader = {
    format: LOGICAL_FORMAT,
    version: LOGICAL_VERSION,
    createdAt: new Date().toISOString(),
    counts: before,
    catalogueVersion: version,
    schema: schemaObjectNames(),
  };
  const partial = `${target}.partial-${process.pid}`;
  const file = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip();
  gzip.pipe(file);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const done: Counts = { nodes: 0, relationships: 0 };
  try {
    await write(header);
    await admin.stream<{ id: string; labels: string[]; props: LogicalProperty[] }>(Q.nodes, {}, async (row) => {
      checkTypes(row.props, `Node ${row.id} (${row.labels.join(':')})`);
      await write({ n: row.id, l: row.labels, p: row.props });
      done.nodes += 1;
      if (done.nodes % 100_000 === 0) opts.onProgress?.(done);
    });
    await admin.stream<{ type: string; start: string; end: string; props: LogicalProperty[] }>(Q.relationships, {}, async (row) => {
      checkTypes(row.props, `A ${row.type} relationship`);
      await write({ r: row.type, s: row.start, e: row.end, p: row.props });
      done.relationships += 1;
      if (done.relationships % 100_000 === 0) opts.onProgress?.(done);
    });
    gzip.end();
    await finished(file);
    const [after] = await admin.read<Counts>(Q.count);
    const moved = [before, after].some((c) => c.nodes !== done.nodes || c.relationships !== done.relationships);
    if (moved) {
      throw new AppError(
        'BACKUP_CHANGED_DURING_EXPORT',
        `The graph changed during the export (before: ${before.nodes} nodes, ${before.relationships} relationships; read: ${done.nodes} and ${done.relationships}; after: ${after.nodes} and ${after.relationships}); stop writers (imports, the API's mutations) and export again. Nothing was written.`,
      );
    }
    fs.renameSync(partial, target);
    return { ...done, bytes: fs.statSync(target).size };
  } catch (e) {
    gzip.destroy();
    file.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
