import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** A server process of the benchmark and the URL it printed. */
export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `command args` and waits for the line matching `ready` (its first group is the URL).
 * Output is kept for the error message when the server dies before it is ready, and no longer
 * after (a long soak would otherwise hold every log line in memory); with `logFile`, all of it is
 * also appended there, so an INTERNAL error seen by a client can be read in the server's own log.
 */
export function spawnServer(command: string, args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 120_000, logFile?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    if (logFile) {
      const sink = fs.createWriteStream(logFile, { flags: 'a' });
      child.stdout.pipe(sink, { end: false });
      child.stderr.pipe(sink, { end: false });
      child.once('exit', () => sink.end());
    }
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} was not ready after ${timeoutMs / 1000} s:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        // Without a listener of ours the pipes must still be drained, or a chatty server blocks on a full pipe.
        if (!logFile) {
          child.stdout.resume();
          child.stderr.resume();
        }
        output = '';
        resolve({
          url: m[1],
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready:\n${output.slice(-2000)}`));
    });
  });
}
