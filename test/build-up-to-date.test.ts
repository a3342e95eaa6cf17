import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Issue #14 §1: "every `npm run token` took 14–53 s because each script recompiles the
 * TypeScript". Every script runs `npm run build` first; it must do no compile when nothing
 * changed, and still rebuild what a change touches. Checked on a copy of the project's build
 * inputs (src/, the tsconfig files, package.json; node_modules linked), so the shared dist/ that
 * other tests run is never rebuilt under them and no source of the repository is edited. No
 * timing: what is checked is what the build wrote, and what `tsc -b --verbose` says it would do.
 */
const ROOT = path.resolve(__dirname, '..');
let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-build-'));
  fs.cpSync(path.join(ROOT, 'src'), path.join(work, 'src'), { recursive: true });
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) fs.copyFileSync(path.join(ROOT, f), path.join(work, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Runs `npm run build` in the copy, as every script does first. */
function npmBuild(): { status: number | null; out: string } {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: work, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** What `tsc -b --verbose --dry` says the next build would do, without doing it. */
function dryRun(): string {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json', '--verbose', '--dry'], { cwd: work, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

/** Modification times of every file under dist/, by path. */
function distTimes(): Map<string, number> {
  const times = new Map<string, number>();
  const dist = path.join(work, 'dist');
  for (const f of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const stat = fs.statSync(path.join(dist, f));
    if (stat.isFile()) times.set(f, stat.mtimeMs);
  }
  return times;
}

test('npm run build compiles a fresh copy, then a second run with nothing changed compiles nothing', () => {
  const first = npmBuild();
  expect(first.out).toBe('');
  expect(first.status).toBe(0);
  expect(fs.existsSync(path.join(work, 'dist', 'main.js'))).toBe(true);
  expect(fs.existsSync(path.join(work, 'dist', 'cli', 'token-cli.js'))).toBe(true);
  expect(dryRun()).toMatch(/Project 'tsconfig\.build\.json' is up to date/);

  const before = distTimes();
  expect(before.size).toBeGreaterThan(100);
  const second = npmBuild();
  expect(second.status).toBe(0);
  // Nothing written: not one output file (nor the build-info file) has a newer time.
  expect(distTimes()).toEqual(before);

  // Nothing read either: a type error written into a source file under its old time is not
  // seen, since only a compile (what every script did before, `tsc -p`) would read the file.
  const source = path.join(work, 'src', 'config', 'paths.ts');
  const original = fs.readFileSync(source, 'utf8');
  const { atime, mtime } = fs.statSync(source);
  fs.writeFileSync(source, `${original}\nexport const notCompiled: number = 'a type error';\n`);
  fs.utimesSync(source, atime, mtime);
  const third = npmBuild();
  fs.writeFileSync(source, original);
  fs.utimesSync(source, atime, mtime);
  expect(third.out).toBe('');
  expect(third.status).toBe(0);
  expect(distTimes()).toEqual(before);
});

test('a changed source file is compiled by the next npm run build; a type error fails it, and fails it again until fixed', () => {
  const source = path.join(work, 'src', 'config', 'paths.ts');
  const original = fs.readFileSync(source, 'utf8');
  const compiled = path.join(work, 'dist', 'config', 'paths.js');
  expect(fs.readFileSync(compiled, 'utf8')).not.toContain('build-probe');

  fs.writeFileSync(source, `${original}\n/** A probe of the build test. */\nexport const buildProbe = 'build-probe-1';\n`);
  expect(dryRun()).toMatch(/Project 'tsconfig\.build\.json' is out of date/);
  const changed = npmBuild();
  expect(changed.status).toBe(0);
  expect(fs.readFileSync(compiled, 'utf8')).toContain("exports.buildProbe = 'build-probe-1'");
  expect(dryRun()).toMatch(/is up to date/);

  // A build that fails must not be taken as done by the next run.
  fs.writeFileSync(source, `${original}\n/** A probe of the build test. */\nexport const buildProbe: number = 'not a number';\n`);
  const broken = npmBuild();
  expect(broken.status).not.toBe(0);
  expect(broken.out).toMatch(/src\/config\/paths\.ts.*TS2322/);
  const again = npmBuild();
  expect(again.status).not.toBe(0);
  expect(again.out).toMatch(/TS2322/);

  fs.writeFileSync(source, original);
  expect(npmBuild().status).toBe(0);
  expect(fs.readFileSync(compiled, 'utf8')).not.toContain('build-probe');
});
