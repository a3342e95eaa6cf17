import { AppError } from '../errors/app-error';
import { runLauncherTool } from './embedded';

/** One group of the batch importer's input: a label (nodes) or type (relationships) and its file, header line first. */
export interface ImporterInput {
  kind: 'nodes' | 'relationships';
  /** The node label or relationship type every row of the file gets. */
  name: string;
  file: string;
}

/** Options of {@link runBatchImporter}. */
export interface BatchImportOptions {
  /** The embedded store (NEO4J_DATA_DIR); its `neo4j` database is rebuilt from the inputs. */
  dataDir: string;
  /** JVM heap of the importer (JVM syntax such as 1g); the importer's large structures live off-heap. */
  heap: string;
  /** Off-heap memory the importer may use (importer syntax: 2g, or a percentage such as 50%). */
  maxOffHeap: string;
  inputs: ImporterInput[];
  /** Some value holds a line break: the importer must read fields over several lines (slower). */
  multilineFields: boolean;
  /** Where the importer writes its report of skipped entries. */
  reportFile: string;
  /** Hears the importer's output as it comes (progress dots and percentages, then its totals). */
  onOutput?: (text: string) => void;
}

/**
 * Runs Neo4j's parallel batch importer — `neo4j-admin database import full`, here through the
 * launcher's `import` mode (neo4j/src/main/java/breachimpact/BulkImport.java), so it runs with the
 * same classpath, Neo4j version and minimal environment as the embedded server — and rebuilds the
 * `neo4j` database of `dataDir` from the inputs (`--overwrite-destination`: the caller has checked
 * that the database holds nothing to lose). Ids are strings, one id space per label; a node listed
 * twice (the same person on contracts with several insurers) is written once (`--skip-duplicate-nodes`,
 * first one kept; identical by construction), without logging each. A relationship to a missing
 * node still fails the import. The store must not be open: the server must be stopped.
 * Throws BULK_IMPORT_FAILED with the end of the importer's output when it exits non-zero.
 */
export async function runBatchImporter(opts: BatchImportOptions): Promise<void> {
  const args = [
    'import',
    '--id-type=string',
    '--overwrite-destination=true',
    '--skip-duplicate-nodes=true',
    '--skip-bad-entries-logging=true',
    // Duplicates of a person are expected (one per extra insurer): unlimited, they are not faults.
    '--bad-tolerance=-1',
    `--max-off-heap-memory=${opts.maxOffHeap}`,
    `--report-file=${opts.reportFile}`,
    ...(opts.multilineFields ? ['--multiline-fields=true'] : []),
    ...opts.inputs.map((i) => `--${i.kind}=${i.name}=${i.file}`),
  ];
  const { code, tail } = await runLauncherTool(args, { dataDir: opts.dataDir, heap: opts.heap, onOutput: opts.onOutput });
  if (code !== 0) {
    throw new AppError('BULK_IMPORT_FAILED', `Neo4j's batch importer exited with code ${code}; the store's neo4j database is incomplete (run the bulk load again once the cause is fixed: it rebuilds it). Its last output:\n${tail}`);
  }
}
