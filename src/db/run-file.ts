import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The run file of a running embedded Neo4j: `<NEO4J_DATA_DIR>/breach-impact-server.json`, written
 * by the API server (`npm start`) once its embedded Neo4j is ready and removed when it stops. The
 * store can be opened by one process only (Neo4j's store lock), so a CLI started while the server
 * runs (`npm run seed`, `npm run import`) reads this file and connects over Bolt to the server's
 * Neo4j instead of starting a second one on the same store. It holds an address and process ids
 * only: the password is the one in the secrets file, which every entry point already reads.
 */
export const RUN_FILE_NAME = 'breach-impact-server.json';

/** What a run file says. */
export interface RunFile {
  /** bolt:// address of the running embedded Neo4j (loopback, with the port it really bound). */
  uri: string;
  /** Process id of the Neo4j JVM, which holds the store lock and the port. */
  neo4jPid: number;
  /** Process id of the API server that started it. */
  serverPid: number;
  /** When the server wrote the file (ISO time), for a person reading it. */
  startedAt: string;
}

/** Where the run file of the store in `dataDir` lives. */
export function runFilePath(dataDir: string): string {
  return path.join(dataDir, RUN_FILE_NAME);
}

/**
 * Writes the run file (mode 0600) in the store folder, replacing any other atomically (write,
 * then rename), so that a reader never sees half a file.
 */
export function writeRunFile(dataDir: string, run: Omit<RunFile, 'startedAt'>): void {
  const file = runFilePath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...run, startedAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Removes the run file if it is the one server `serverPid` wrote (never another server's). */
export function removeRunFile(dataDir: string, serverPid: number): void {
  const run = readRunFile(dataDir);
  if (run && run.serverPid === serverPid) fs.rmSync(runFilePath(dataDir), { force: true });
}

/** The run file's contents, or undefined when there is none or it does not parse (a torn or foreign file). */
export function readRunFile(dataDir: string): RunFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(runFilePath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(text) as Partial<RunFile>;
    if (typeof v.uri !== 'string' || !/^bolt:\/\/127\.0\.0\.1:\d+$/.test(v.uri)) return undefined;
    if (!Number.isInteger(v.neo4jPid) || !Number.isInteger(v.serverPid)) return undefined;
    return v as RunFile;
  } catch {
    return undefined;
  }
}

/** True when a process with this id exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when something accepts TCP connections on the loopback port of `uri` within `timeoutMs`. */
function listening(uri: string, timeoutMs: number): Promise<boolean> {
  const port = Number(new URL(uri.replace(/^bolt:/, 'http:')).port);
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The embedded Neo4j that a running server started on the store in `dataDir`, or undefined when
 * none runs. A run file is trusted only while its Neo4j process is alive and its port accepts
 * connections: a server that crashed (SIGKILL, power loss) leaves a file whose JVM has exited
 * (the JVM stops when its parent dies), which is removed here; one whose port does not answer is
 * ignored (left for its owner, which may be stopping). A process id reused by something else
 * still fails the port check, or the login that follows.
 */
export async function findRunningServer(dataDir: string, timeoutMs = 5_000): Promise<RunFile | undefined> {
  const run = readRunFile(dataDir);
  if (!run) return undefined;
  if (!processAlive(run.neo4jPid)) {
    fs.rmSync(runFilePath(dataDir), { force: true });
    return undefined;
  }
  return (await listening(run.uri, timeoutMs)) ? run : undefined;
}
