import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classArchiveJavaArgs, ensureClassArchive } from './class-archive';
import { servedStatementNames } from './plan-warm-up';

/**
 * The class archive's life cycle, with a stand-in for `java` first on PATH (the real training is
 * checked by test/class-archive.test.ts, on the launcher CI builds): when a training runs, what it
 * is handed, where its archive goes, and what a failure or a concurrent training does.
 */

interface Sandbox {
  dir: string;
  jar: string;
  archive: string;
  /** Each fake `java` run appends its arguments here, one run per line. */
  calls: string;
  /** The statements file the last training was handed, copied before it is deleted. */
  statements: string;
  messages: string[];
  run(): Promise<void>;
}

/**
 * A folder with a jar, and a fake `java` that records its arguments and copies the statements
 * file it is handed; with `code` 0 it writes the archive named by -XX:ArchiveClassesAtExit and
 * prints the training's closing line, as ClassTraining does, else it fails without writing one.
 */
function sandbox(code = 0): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'class-archive-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const calls = path.join(dir, 'calls.txt');
  const statements = path.join(dir, 'statements-seen.cypher');
  fs.writeFileSync(
    path.join(bin, 'java'),
    `#!/bin/sh
echo "$@" >> '${calls}'
out=''
for a in "$@"; do
  case "$a" in -XX:ArchiveClassesAtExit=*) out="\${a#-XX:ArchiveClassesAtExit=}";; esac
  last="$a"
done
cp "$last" '${statements}'
if [ ${code} -ne 0 ]; then echo "Error: no such JVM option" >&2; exit ${code}; fi
echo "archive of $NEO4J_DATA_DIR" > "$out"
echo "NEO4J_TRAINED planned=3 skipped=1"
`,
    { mode: 0o755 },
  );
  const jar = path.join(dir, 'launcher.jar');
  fs.writeFileSync(jar, 'jar');
  const archive = path.join(dir, 'launcher-classes.jsa');
  const messages: string[] = [];
  return {
    dir,
    jar,
    archive,
    calls,
    statements,
    messages,
    run: () => ensureClassArchive({ jar, archive, javaArgs: ['-cp', jar, 'Main'], env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` }, progress: (m) => messages.push(m) }),
  };
}

/** How many times the fake java ran. */
const runs = (s: Sandbox) => (fs.existsSync(s.calls) ? fs.readFileSync(s.calls, 'utf8').trim().split('\n').length : 0);

/** Sets a file's modification time `seconds` from now. */
const age = (file: string, seconds: number) => fs.utimesSync(file, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));

test('with no archive, a training runs on a throw-away store and its archive is moved into place; then JVMs are told to map it', async () => {
  const s = sandbox();
  expect(classArchiveJavaArgs(s.jar, s.archive)).toEqual([]);
  await s.run();
  expect(runs(s)).toBe(1);
  const args = fs.readFileSync(s.calls, 'utf8').trim().split(' ');
  // The archive is written to a partial file first (renamed when complete), then the launcher's train mode.
  expect(args[0]).toBe(`-XX:ArchiveClassesAtExit=${s.archive}.${process.pid}.partial`);
  expect(args.slice(1, 5)).toEqual(['-cp', s.jar, 'Main', 'train']);
  expect(fs.readFileSync(s.archive, 'utf8')).toMatch(/^archive of .*breach-impact-class-training-.*\/store$/m);
  expect(fs.readdirSync(s.dir).filter((f) => f.endsWith('.partial') || f.endsWith('.lock'))).toEqual([]);
  // The training was handed every statement the API serves, one per section.
  expect(fs.readFileSync(s.statements, 'utf8').split('\n;;\n')).toHaveLength(servedStatementNames().length);
  expect(s.messages.at(-1)).toMatch(/^class archive made in \d+ s \(3 statements planned, 1 skipped\)$/);
  expect(classArchiveJavaArgs(s.jar, s.archive)).toEqual([`-XX:SharedArchiveFile=${s.archive}`]);

  // Current: nothing runs again.
  await s.run();
  expect(runs(s)).toBe(1);
  // The launcher rebuilt (its jar newer than the archive): the archive is not used, and made again.
  age(s.jar, 60);
  expect(classArchiveJavaArgs(s.jar, s.archive)).toEqual([]);
  await s.run();
  expect(runs(s)).toBe(2);
});

test('a failed training leaves no archive, says why, and is not tried again until the launcher changes', async () => {
  const s = sandbox(1);
  await s.run();
  expect(fs.existsSync(s.archive)).toBe(false);
  expect(classArchiveJavaArgs(s.jar, s.archive)).toEqual([]);
  expect(s.messages.at(-1)).toMatch(/could not be made \(Neo4j starts without it.*exited with code 1 and wrote no archive: Error: no such JVM option/);
  expect(fs.readFileSync(`${s.archive}.failed`, 'utf8')).toMatch(/no such JVM option/);
  await s.run();
  expect(runs(s)).toBe(1);
  age(s.jar, 60);
  await s.run();
  expect(runs(s)).toBe(2);
});

test('a training under way elsewhere (its lock) is not waited for; a lock left by a dead one is taken over, and its half-written archive removed', async () => {
  const s = sandbox();
  fs.writeFileSync(`${s.archive}.lock`, '');
  await s.run();
  expect(runs(s)).toBe(0);
  expect(fs.existsSync(s.archive)).toBe(false);

  fs.writeFileSync(`${s.archive}.4242.partial`, 'half');
  age(`${s.archive}.lock`, -16 * 60);
  await s.run();
  expect(runs(s)).toBe(1);
  expect(fs.existsSync(s.archive)).toBe(true);
  expect(fs.existsSync(`${s.archive}.4242.partial`)).toBe(false);
  expect(fs.existsSync(`${s.archive}.lock`)).toBe(false);
});
