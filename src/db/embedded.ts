import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import { fromRoot } from '../config/paths';
import { makePrivateDir } from '../config/private-dir';
import { assertPortFree, PortUse } from '../config/port-check';
import { classArchiveJavaArgs, ensureClassArchive } from './class-archive';
import { JavaRun, runJava } from './run-java';
import { WarmUpOutcome, warmUpOutcomeOf } from './page-cache-warm-up';

/** Where the Maven project of the launcher lives. */
export const LAUNCHER_DIR = fromRoot('neo4j');
const JAR = path.join(LAUNCHER_DIR, 'target', 'neo4j-launcher.jar');
const LIB = path.join(LAUNCHER_DIR, 'target', 'lib');
/** The launcher JVM's class archive (see ./class-archive), in target/ so that a clean build drops it. */
export const CLASS_ARCHIVE = path.join(LAUNCHER_DIR, 'target', 'launcher-classes.jsa');

/** The host the launcher binds Bolt on (Launcher.java): the loopback only. */
const BOLT_HOST = '127.0.0.1';

/** The embedded Neo4j's Bolt port, as the start-up check names it (NEO4J_BOLT_PORT). */
export const BOLT_PORT: PortUse = {
  portVariable: 'NEO4J_BOLT_PORT',
  what: ', the embedded Neo4j’s Bolt port',
  otherwise: ', or set NEO4J_URI to use a Neo4j that is already running',
};

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
  /**
   * Called with the progress of the launcher's Maven build, when this start needs one (the first
   * start, or after the launcher's sources changed): that it began, each build step, a line after
   * {@link BUILD_PROGRESS_EVERY_MS} without news while a step runs on, and the end. For a person
   * waiting: log it at info. Defaults to `onLine`.
   */
  onProgress?: (message: string) => void;
  /** How long to wait for the ready line, in ms (default 600000: a cold JVM on 2 busy cores is slow, and a start must survive a busy machine). */
  startTimeoutMs?: number;
  /**
   * After the ready line, read the store into Neo4j's page cache in the background, as Neo4j
   * Enterprise does at start and Community does not (see PageCacheWarmup.java); default off.
   */
  warmPageCache?: boolean;
}

/** A running embedded Neo4j. */
export interface EmbeddedNeo4j {
  /** bolt:// address of the server, with the port it really bound. */
  uri: string;
  /** Credentials to connect with (authentication is always on). */
  auth: { user: string; password: string };
  /** Stops the server cleanly (SIGTERM), killing it if it has not exited after 60 s. */
  stop(): Promise<void>;
  /** Kills the JVM with SIGKILL, as a crash or an OOM kill would (fault tests, the restart benchmark); resolves once it has exited. */
  kill(): Promise<void>;
  /** The JVM process, for tests that need to kill it. */
  process: ChildProcess;
  /** How the page-cache warm-up ended; null when it was not asked for, or the JVM exited first. */
  warmUp: Promise<WarmUpOutcome | null>;
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
 * Checks that Java 17+ is on PATH, then whether the launcher needs a Maven build (its jar missing
 * or older than its sources) and, if so, that Maven is on PATH. Throws NEO4J_LAUNCHER_UNAVAILABLE
 * saying what to install.
 */
function launcherNeedsBuild(): boolean {
  const major = javaMajor();
  if (major === undefined) throw launcherError('No Java runtime found on PATH; the embedded Neo4j needs one.');
  if (major < 17) throw launcherError(`Java ${major} found; Neo4j 5.26 needs Java 17 or newer.`);
  const sourcesChanged =
    !fs.existsSync(JAR) ||
    !fs.existsSync(LIB) ||
    Math.max(fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs, newestMtime(path.join(LAUNCHER_DIR, 'src'))) >
      fs.statSync(JAR).mtimeMs;
  if (!sourcesChanged) return false;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8', env: minimalEnv([...INHERITED, ...MAVEN_INHERITED]) });
  if (mvn.error || mvn.status !== 0) throw launcherError('Maven (mvn) is not on PATH; it builds the embedded Neo4j launcher.');
  return true;
}

const BUILD_START_MESSAGE = 'building the Neo4j launcher with Maven (first start only; the first build downloads Neo4j 5.26 from Maven Central, which takes minutes)…';

/**
 * Builds the launcher with Maven when its jar is missing or older than its sources, after
 * checking that Java 17+ is on PATH, reporting the build's progress through `progress`
 * ({@link buildLauncher}), then makes its class archive when there is no current one
 * (./class-archive; never fatal). Rejects with NEO4J_LAUNCHER_UNAVAILABLE saying what to install.
 * Every launcher use (the server, the batch importer, dump and load) goes through here.
 */
export async function ensureLauncherBuilt(progress: (message: string) => void = () => undefined): Promise<void> {
  if (launcherNeedsBuild()) await buildLauncher(progress);
  await ensureClassArchive({ jar: JAR, archive: CLASS_ARCHIVE, javaArgs: launcherJavaArgs('512m', false), env: launcherEnv({}), progress });
}

/** How often a Maven step that runs on is reported again, in ms. */
export const BUILD_PROGRESS_EVERY_MS = 15_000;

/** What one line of Maven's batch-mode output says about the build's progress. */
export type MavenEvent = { kind: 'step'; step: string } | { kind: 'downloaded' } | { kind: 'other' };

/**
 * Reads one line of `mvn -B` output: a plugin goal starting (`[INFO] --- maven-compiler-plugin:
 * 3.11.0:compile (default-compile) @ neo4j-launcher ---`, or Maven 3.9's `--- compiler:3.11.0:
 * compile …`) is a step named by its goal (`compile`); `Downloaded from <repo>: …` is one
 * artefact fetched. Anything else is other.
 */
export function parseMavenLine(raw: string): MavenEvent {
  // Maven may colour even in batch mode; the escapes are no part of what it says.
  // eslint-disable-next-line no-control-regex
  const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
  const step = /^\[INFO\] --- (?:[\w.-]+:)?[\w.-]+:[\w.-]+:([\w.-]+)(?: \([^)]*\))? @ \S+ ---/.exec(line);
  if (step) return { kind: 'step', step: step[1] };
  if (/^(?:\[INFO\] )?Downloaded from \S+: /.test(line)) return { kind: 'downloaded' };
  return { kind: 'other' };
}

/**
 * Builds the Maven project in `dir` (`mvn -B package -DskipTests`, plus `extraArgs`) with the
 * launcher's minimal environment, reporting progress through `progress`: that the build began,
 * each plugin goal as Maven reaches it (with the artefacts downloaded so far and the time spent),
 * the same after {@link BUILD_PROGRESS_EVERY_MS} without a message while a goal runs on (the first build downloads
 * Neo4j for minutes), and the end. Resolves when Maven succeeds; rejects with
 * NEO4J_LAUNCHER_UNAVAILABLE quoting the end of its output otherwise.
 */
export async function buildLauncher(progress: (message: string) => void, dir: string = LAUNCHER_DIR, extraArgs: string[] = []): Promise<void> {
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
  // Before its first plugin goal Maven reads the project and fetches plugins and dependencies.
  let step = 'resolving the project';
  let downloaded = 0;
  const status = () => `${step}, ${downloaded} artefact${downloaded === 1 ? '' : 's'} downloaded, ${seconds()}`;
  let lastTold = Date.now();
  const tell = (message: string) => {
    lastTold = Date.now();
    progress(message);
  };
  tell(BUILD_START_MESSAGE);
  const child = spawn('mvn', ['-B', '-f', path.join(dir, 'pom.xml'), 'package', '-DskipTests', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: minimalEnv([...INHERITED, ...MAVEN_INHERITED]),
  });
  let tail = '';
  // One reader per stream: a line may arrive in two chunks, and the streams interleave.
  const reader = () => {
    let partial = '';
    return (buf: Buffer) => {
      tail = (tail + buf.toString('utf8')).slice(-4000);
      const lines = (partial + buf.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const event = parseMavenLine(line.trimEnd());
        if (event.kind === 'downloaded') downloaded += 1;
        if (event.kind === 'step') {
          step = event.step;
          tell(`building the Neo4j launcher: ${status()}`);
        }
      }
    };
  };
  child.stdout.on('data', reader());
  child.stderr.on('data', reader());
  // Quiet for BUILD_PROGRESS_EVERY_MS (a long download, a slow compile): say it is still going.
  const timer = setInterval(() => {
    if (Date.now() - lastTold >= BUILD_PROGRESS_EVERY_MS) tell(`building the Neo4j launcher: still at ${status()}`);
  }, 1_000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c) => resolve(c));
    });
    if (code !== 0) {
      // Maven's own lines saying why, rather than pages of download logs.
      const errors = tail.split('\n').filter((l) => l.startsWith('[ERROR]')).join('\n');
      throw launcherError(`Building the launcher failed (mvn exit ${code}):\n${(errors || tail).slice(-2000)}\n`);
    }
  } finally {
    clearInterval(timer);
  }
  tell(`Neo4j launcher built in ${seconds()} (${downloaded} artefact${downloaded === 1 ? '' : 's'} downloaded)`);
}

/**
 * The `java` arguments that run the launcher with a heap of `heap` (JVM syntax), before the
 * launcher's own arguments: the server and the tool modes ({@link runLauncherTool}) share them,
 * so all run in the same JVM setup, mapping the class archive when there is a current one
 * (`archive`, default true; the training run that makes it has none).
 */
export function launcherJavaArgs(heap: string, archive = true): string[] {
  return [...(archive ? classArchiveJavaArgs(JAR, CLASS_ARCHIVE) : []), `-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-cp', `${JAR}${path.delimiter}${LIB}/*`, 'breachimpact.Launcher'];
}

/** The launcher JVM's environment: what Java needs (see INHERITED), plus `extra`; never this process's secrets. */
function launcherEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return minimalEnv(INHERITED, extra);
}

/** How a launcher tool run ({@link runLauncherTool}) ended, with what it printed. */
export type LauncherToolRun = JavaRun;

/**
 * Runs one of the launcher's offline tool modes (`import`, `dump`, `load`: `args` starts with the
 * mode) on the store in `dataDir`, in the same JVM setup and minimal environment as the server,
 * after building the launcher if needed; the store directory is created 0700. `onOutput` hears
 * the output as it comes. Resolves when the JVM has exited and its output is read.
 */
export async function runLauncherTool(args: string[], opts: { dataDir: string; heap: string; onOutput?: (text: string) => void }): Promise<LauncherToolRun> {
  await ensureLauncherBuilt();
  makePrivateDir(opts.dataDir);
  return runJava([...launcherJavaArgs(opts.heap), ...args], launcherEnv({ NEO4J_DATA_DIR: opts.dataDir }), opts.onOutput);
}

/**
 * Starts Neo4j Community in a child JVM with Bolt on 127.0.0.1 and resolves once it prints its
 * ready line. The JVM stops by itself if this process dies (it watches its stdin). Authentication
 * is on (user neo4j, `opts.password`), Cypher cannot read files, the JVM gets a minimal
 * environment, and the store directory is created 0700. A Bolt port already taken (unless 0) is
 * PORT_IN_USE before anything is built or started.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  if (typeof opts.password !== 'string' || opts.password.length < 16 || /[\r\n]/.test(opts.password)) {
    throw new AppError('CONFIG_INVALID', 'The embedded Neo4j password must be at least 16 characters on one line.', { variable: 'NEO4J_PASSWORD' });
  }
  // Before the launcher build and the JVM: a taken port fails in a second with one plain line
  // (PORT_IN_USE naming NEO4J_BOLT_PORT), not after a minute of start-up and a Java stack trace.
  if (opts.boltPort !== 0) await assertPortFree(BOLT_HOST, opts.boltPort, BOLT_PORT);
  await ensureLauncherBuilt(opts.onProgress ?? opts.onLine);
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
        NEO4J_PAGECACHE_WARMUP: opts.warmPageCache ? '1' : '0',
      }),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  // First line of stdin: the password (argv and environment are readable by others). The pipe
  // then stays open; its EOF tells the launcher that this process died.
  child.stdin!.on('error', () => undefined);
  child.stdin!.write(`${opts.password}\n`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let warmedUp: (outcome: WarmUpOutcome | null) => void = () => undefined;
  const warmUp = opts.warmPageCache ? new Promise<WarmUpOutcome | null>((resolve) => (warmedUp = resolve)) : Promise.resolve(null);
  void exited.then(() => warmedUp(null));
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
        const outcome = warmUpOutcomeOf(line);
        if (outcome) warmedUp(outcome);
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
    warmUp,
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
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
