import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import { fromRoot } from '../config/paths';
import { makePrivateDir } from '../config/private-dir';

/** Where the Maven project of the launcher lives. */
export const LAUNCHER_DIR = fromRoot('neo4j');
const JAR = path.join(LAUNCHER_DIR, 'target', 'neo4j-launcher.jar');
const LIB = path.join(LAUNCHER_DIR, 'target', 'lib');

/** Options of {@link startEmbeddedNeo4j}; sizes use Neo4j/JVM syntax (512m, 2g). */
export interface EmbeddedOptions {
  boltPort: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  /** Server-wide transaction timeout, such as 30s; default 0s (none): API requests send their own, administrative work has none. */
  txTimeout?: string;
  /**
   * Password of user neo4j (at least 16 characters, no line break). Handed to the launcher on its
   * stdin, never argv or environment; the store is given it on first start, or when it changed.
   */
  password: string;
  /** Called with each line Neo4j prints (for logging); defaults to dropping them. */
  onLine?: (line: string) => void;
  /** How long to wait for the ready line, in ms (default 600000: a cold JVM on 2 busy cores is slow, and a start must survive a busy machine). */
  startTimeoutMs?: number;
}

/** A running embedded Neo4j. */
export interface EmbeddedNeo4j {
  /** bolt:// address of the server, with the port it really bound. */
  uri: string;
  /** Credentials to connect with (authentication is always on). */
  auth: { user: string; password: string };
  /** Stops the server cleanly (SIGTERM), killing it if it has not exited after 60 s. */
  stop(): Promise<void>;
  /** The JVM process, for tests that need to kill it. */
  process: ChildProcess;
}

const INSTALL_HINT =
  'Install Java 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), or set NEO4J_URI to use an existing Neo4j 5 server.';
const RUN_HINT =
  'Common causes: another Neo4j already uses NEO4J_DATA_DIR (store lock) or NEO4J_BOLT_PORT; or set NEO4J_URI to use an existing Neo4j 5 server.';

/**
 * The only variables the JVM (and Maven) get from this process: what Java itself needs. Anything
 * else, such as PSEUDONYM_KEY or AUTH_JWT_SECRET, would be readable in /proc/<pid>/environ and,
 * through any file read the database allows, by its clients.
 */
const INHERITED = ['PATH', 'JAVA_HOME', 'HOME', 'LANG'] as const;
/** Maven's own settings, passed to the build only. */
const MAVEN_INHERITED = ['MAVEN_OPTS', 'MAVEN_ARGS', 'M2_HOME', 'MAVEN_HOME'] as const;

/** A minimal environment: the allowlisted variables of this process, plus `extra`. */
function minimalEnv(names: readonly string[], extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of names) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}

function launcherError(message: string, hint = INSTALL_HINT): AppError {
  return new AppError('NEO4J_LAUNCHER_UNAVAILABLE', `${message} ${hint}`);
}

/** Returns the major version of the `java` on PATH, or undefined when there is none. */
function javaMajor(): number | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8', env: minimalEnv(INHERITED) });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (!m) return undefined;
  // Java 8 and older print 1.x; the major is the second number there.
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the launcher with Maven when its jar is missing or older than its sources, after
 * checking that Java 17+ is on PATH. Throws NEO4J_LAUNCHER_UNAVAILABLE saying what to install.
 */
export function ensureLauncherBuilt(log: (msg: string) => void = () => undefined): void {
  const major = javaMajor();
  if (major === undefined) throw launcherError('No Java runtime found on PATH; the embedded Neo4j needs one.');
  if (major < 17) throw launcherError(`Java ${major} found; Neo4j 5.26 needs Java 17 or newer.`);
  const sourcesChanged =
    !fs.existsSync(JAR) ||
    !fs.existsSync(LIB) ||
    Math.max(fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs, newestMtime(path.join(LAUNCHER_DIR, 'src'))) >
      fs.statSync(JAR).mtimeMs;
  if (!sourcesChanged) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8', env: minimalEnv([...INHERITED, ...MAVEN_INHERITED]) });
  if (mvn.error || mvn.status !== 0) throw launcherError('Maven (mvn) is not on PATH; it builds the embedded Neo4j launcher.');
  log('building the embedded Neo4j launcher with Maven (first run downloads Neo4j 5.26 from Maven Central)…');
  const build = spawnSync('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: minimalEnv([...INHERITED, ...MAVEN_INHERITED]),
  });
  if (build.status !== 0) {
    throw launcherError(`Building the launcher failed (mvn exit ${build.status}):\n${(build.stdout + build.stderr).slice(-2000)}\n`);
  }
}

/**
 * The `java` arguments that run the launcher with a heap of `heap` (JVM syntax), before the
 * launcher's own arguments: the server and the batch importer (src/db/batch-importer.ts) share
 * them, so both run in the same JVM setup.
 */
export function launcherJavaArgs(heap: string): string[] {
  return [`-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-cp', `${JAR}${path.delimiter}${LIB}/*`, 'breachimpact.Launcher'];
}

/** The launcher JVM's environment: what Java needs (see INHERITED), plus `extra`; never this process's secrets. */
export function launcherEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return minimalEnv(INHERITED, extra);
}

/**
 * Starts Neo4j Community in a child JVM with Bolt on 127.0.0.1 and resolves once it prints its
 * ready line. The JVM stops by itself if this process dies (it watches its stdin). Authentication
 * is on (user neo4j, `opts.password`), Cypher cannot read files, the JVM gets a minimal
 * environment, and the store directory is created 0700.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  if (typeof opts.password !== 'string' || opts.password.length < 16 || /[\r\n]/.test(opts.password)) {
    throw new AppError('CONFIG_INVALID', 'The embedded Neo4j password must be at least 16 characters on one line.', { variable: 'NEO4J_PASSWORD' });
  }
  ensureLauncherBuilt(opts.onLine);
  makePrivateDir(opts.dataDir);
  const child = spawn(
    'java',
    launcherJavaArgs(opts.heap),
    {
      env: launcherEnv({
        NEO4J_BOLT_PORT: String(opts.boltPort),
        NEO4J_DATA_DIR: opts.dataDir,
        NEO4J_PAGECACHE: opts.pageCache,
        NEO4J_TX_TIMEOUT: opts.txTimeout ?? '0s',
        NEO4J_STOP_ON_STDIN_EOF: '1',
      }),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  // First line of stdin: the password (argv and environment are readable by others). The pipe
  // then stays open; its EOF tells the launcher that this process died.
  child.stdin!.on('error', () => undefined);
  child.stdin!.write(`${opts.password}\n`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const tail: string[] = [];
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(launcherError(`Neo4j did not report ready within ${(opts.startTimeoutMs ?? 600_000) / 1000} s.`, RUN_HINT));
    }, opts.startTimeoutMs ?? 600_000);
    const onData = (buf: Buffer) => {
      for (const line of buf.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        opts.onLine?.(line);
        const m = /^NEO4J_READY (\S+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      const cause = tail.filter((l) => /Exception|Caused by|Error/.test(l)).slice(-2).join('\n') || tail.slice(-5).join('\n');
      reject(launcherError(`The embedded Neo4j exited with code ${code} before it was ready:\n${cause}\n`, RUN_HINT));
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    uri,
    auth: { user: 'neo4j', password: opts.password },
    process: child,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}
