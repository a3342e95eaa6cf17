import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Compiled CLIs run as child processes, as their npm scripts run them (`node dist/cli/<script>`
 * from the repository root; build dist first with buildDist()). Shared by the tests of the CLIs
 * (test/cli-while-running.test.ts, test/import-cli.test.ts).
 */
const ROOT = path.resolve(__dirname, '..');

/** What a child process gets: the machine's basics and the test's configuration, nothing of this process's (no NEO4J_URI). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const basics: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'JAVA_HOME', 'TMPDIR', 'MAVEN_OPTS']) if (process.env[name] !== undefined) basics[name] = process.env[name];
  return { ...basics, ...extra };
}

/** How a CLI run ended: exit code, and what it wrote (stdout, stderr, and both as they came). */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

/** A CLI started (`child`, to signal), and its end (`done`); `onStdout` hears stdout as it comes. */
export function startCli(script: string, args: string[], env: NodeJS.ProcessEnv, onStdout?: (soFar: string) => void): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [path.join('dist', 'cli', script), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: CliRun = { code: null, stdout: '', stderr: '', out: '' };
  child.stdout!.on('data', (b: Buffer) => {
    run.stdout += b.toString('utf8');
    run.out += b.toString('utf8');
    onStdout?.(run.stdout);
  });
  child.stderr!.on('data', (b: Buffer) => {
    run.stderr += b.toString('utf8');
    run.out += b.toString('utf8');
  });
  const done = new Promise<CliRun>((resolve) => child.once('close', (code) => resolve({ ...run, code })));
  return { child, done };
}

/** Runs a compiled CLI to its end. */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return startCli(script, args, env).done;
}
