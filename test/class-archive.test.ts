import { spawnSync } from 'node:child_process';
import { CLASS_ARCHIVE, ensureLauncherBuilt, launcherJavaArgs } from '../src/db/embedded';

/**
 * The launcher's real class archive (src/db/class-archive.ts): made after the launcher is built
 * (the global set-up's start made it, or this test does), and mapped by a launcher JVM. Run with
 * `-Xshare:on`, a JVM that cannot map the archive it is given refuses to start, so this fails when
 * the training wrote an archive the launcher cannot use (another class path, another JVM) or
 * none at all.
 */
test('a launcher JVM maps the class archive: the launcher’s own class comes from it, not from its jar', async () => {
  await ensureLauncherBuilt();
  const args = launcherJavaArgs('64m');
  expect(args).toContain(`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`);
  // No password on stdin: the launcher loads its class, says what is missing and exits 2, before any store is opened.
  const run = spawnSync('java', ['-Xshare:on', '-Xlog:class+load=info', ...args], { input: '', encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const out = `${run.stdout}${run.stderr}`;
  expect(out).toMatch(/NEO4J_CONFIG_ERROR the database password/);
  expect(run.status).toBe(2);
  expect(out).toMatch(/breachimpact\.Launcher source: shared objects file \(top\)/);
});
