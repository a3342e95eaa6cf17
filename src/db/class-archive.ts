import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cypher } from './cypher-files';
import { servedStatementNames } from './plan-warm-up';
import { runJava } from './run-java';

/**
 * The launcher JVM's class archive (AppCDS): the classes a Neo4j server of this project loads,
 * written once by a training run and mapped by every later launcher JVM, which then skips
 * loading, parsing and verifying them from the jars.
 *
 * Why: after Neo4j restarts on an existing store, the first statement pays for loading Cypher's
 * classes (`RETURN 1` took 1.7–2.1 s on a quiet machine, 0.94–0.97 s with the archive), and that
 * was most of the time the API took to answer again after Neo4j came back (issue #14 §3). The
 * fault test's figures: README, "Faults".
 *
 * The archive belongs to one launcher build and one JVM: it is made again when the launcher's jar
 * is newer than it, and a JVM that cannot use it (another Java version) runs without it, as
 * `-Xshare:auto` does by default. Making it is never fatal: a failed training is remembered (next
 * to the archive) until the next launcher build, and Neo4j starts without the archive.
 */

/** Options of {@link ensureClassArchive}. */
export interface ClassArchiveOptions {
  /** The launcher's jar: the archive is current when it is not older than this file. */
  jar: string;
  /** Where the archive lives (next to the jar, so that a clean build removes it too). */
  archive: string;
  /** `java` arguments that run the launcher's main class (heap, class path, main class), without an archive flag. */
  javaArgs: string[];
  /** The JVM's environment (the launcher's minimal one). */
  env: NodeJS.ProcessEnv;
  /** Told when a training starts and how it ended (a person waits meanwhile). */
  progress: (message: string) => void;
}

/** A lock older than this was left by a training that died: taken over. */
const STALE_LOCK_MS = 15 * 60_000;

/** Separates two statements in the file handed to the training (ClassTraining.SEPARATOR in Java). */
const STATEMENT_SEPARATOR = '\n;;\n';

/** True when `archive` exists and is not older than `jar`. */
function isCurrent(file: string, jar: string): boolean {
  try {
    return fs.statSync(file).mtimeMs >= fs.statSync(jar).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * The `java` arguments that make a launcher JVM map the class archive: none when there is no
 * current one (never made, made for an older jar, or being made right now).
 */
export function classArchiveJavaArgs(jar: string, archive: string): string[] {
  return isCurrent(archive, jar) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

/**
 * Makes the class archive when there is no current one: runs the launcher's `train` mode (see
 * neo4j/src/main/java/breachimpact/ClassTraining.java) on a throw-away store with
 * `-XX:ArchiveClassesAtExit`, handing it every statement the API serves to plan, then moves the
 * archive into place (a rename, so no JVM ever maps half a file). One training at a time, across
 * processes (a lock file); a process that finds another training under way starts without the
 * archive rather than wait. Resolves in every case: a failure is told through `progress` and
 * remembered until the jar changes.
 */
export async function ensureClassArchive(opts: ClassArchiveOptions): Promise<void> {
  const failed = `${opts.archive}.failed`;
  if (isCurrent(opts.archive, opts.jar) || isCurrent(failed, opts.jar)) return;
  const lock = `${opts.archive}.lock`;
  if (!takeLock(lock)) return;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-class-training-'));
  const partial = `${opts.archive}.${process.pid}.partial`;
  try {
    // Holding the lock, no other training runs: what a killed one left half-written goes.
    const dir = path.dirname(opts.archive);
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`${path.basename(opts.archive)}.`) && f.endsWith('.partial')) fs.rmSync(path.join(dir, f), { force: true });
    }
    const started = Date.now();
    opts.progress('making the Neo4j launcher\'s class archive (once per launcher build; later starts load faster)…');
    const statements = path.join(work, 'statements.cypher');
    fs.writeFileSync(statements, servedStatementNames().map((name) => cypher(name).text).join(STATEMENT_SEPARATOR), { mode: 0o600 });
    const run = await runJava([`-XX:ArchiveClassesAtExit=${partial}`, ...opts.javaArgs, 'train', statements], { ...opts.env, NEO4J_DATA_DIR: path.join(work, 'store') });
    const trained = /NEO4J_TRAINED planned=(\d+) skipped=(\d+)/.exec(run.out);
    if (run.code !== 0 || !trained || !fs.existsSync(partial)) {
      const why = `the training JVM exited with code ${run.code}${fs.existsSync(partial) ? '' : ' and wrote no archive'}: ${run.tail.split('\n').slice(-5).join(' | ')}`;
      fs.writeFileSync(failed, `${new Date().toISOString()} ${why}\n`);
      opts.progress(`the class archive could not be made (Neo4j starts without it; tried again after the next launcher build): ${why}`);
      return;
    }
    fs.renameSync(partial, opts.archive);
    opts.progress(`class archive made in ${Math.round((Date.now() - started) / 1000)} s (${trained[1]} statements planned, ${trained[2]} skipped)`);
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(lock, { force: true });
  }
}

/** Takes the training lock (a file created exclusively); false when a live training holds it. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      let age: number;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      if (age < STALE_LOCK_MS) return false;
      fs.rmSync(lock, { force: true });
    }
  }
  return false;
}
