import { spawn } from 'node:child_process';

/** How a `java` run ended, with what it printed. */
export interface JavaRun {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** Everything it printed on stdout (the launcher's modes print their few result markers there). */
  out: string;
  /** Its last 15 lines of output, both streams, for an error message. */
  tail: string;
}

/**
 * Runs `java args` with exactly `env` (the caller's minimal environment) and resolves once the
 * JVM has exited and its output is read; `onOutput` hears the output of both streams as it comes.
 * What the launcher's tool modes (./embedded) and its class training (./class-archive) share.
 */
export function runJava(args: string[], env: NodeJS.ProcessEnv, onOutput?: (text: string) => void): Promise<JavaRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    let out = '';
    const hear = (buf: Buffer, stdout: boolean) => {
      const text = buf.toString('utf8');
      // Kept short: a tool may print for minutes, and only the end explains a failure.
      tail = (tail + text).slice(-3000);
      if (stdout) out += text;
      onOutput?.(text);
    };
    child.stdout.on('data', (b: Buffer) => hear(b, true));
    child.stderr.on('data', (b: Buffer) => hear(b, false));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, tail: tail.trim().split('\n').slice(-15).join('\n') }));
  });
}
