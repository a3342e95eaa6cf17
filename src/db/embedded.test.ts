import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildLauncher, ensureLauncherBuilt, parseMavenLine, startEmbeddedNeo4j } from './embedded';

/** Without Java on PATH, the embedded Neo4j fails with one clear error saying what to install. */
test('missing Java gives NEO4J_LAUNCHER_UNAVAILABLE naming Java, Maven and NEO4J_URI', async () => {
  const saved = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    await expect(ensureLauncherBuilt()).rejects.toThrow(/Java.*NEO4J_URI/s);
    await expect(ensureLauncherBuilt()).rejects.toMatchObject({ code: 'NEO4J_LAUNCHER_UNAVAILABLE' });
  } finally {
    process.env.PATH = saved;
  }
});

describe('the launcher build reports its progress (issue #14 §1: the first start was 89 s of silence)', () => {
  test('Maven lines: a plugin goal is a step named by its goal, a download is counted, the rest is other', () => {
    expect(parseMavenLine('[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ neo4j-launcher ---')).toEqual({ kind: 'step', step: 'compile' });
    expect(parseMavenLine('\u001b[0m[INFO] --- maven-dependency-plugin:3.6.1:copy-dependencies (copy-runtime) @ neo4j-launcher ---')).toEqual({ kind: 'step', step: 'copy-dependencies' });
    // Maven 3.9 names plugins by their prefix.
    expect(parseMavenLine('[INFO] --- jar:3.4.2:jar (default-jar) @ neo4j-launcher ---')).toEqual({ kind: 'step', step: 'jar' });
    expect(parseMavenLine('[INFO] Downloaded from central: https://repo.example/org/neo4j/neo4j/5.26.0/neo4j-5.26.0.jar (12 kB at 40 kB/s)')).toEqual({ kind: 'downloaded' });
    expect(parseMavenLine('[INFO] Downloading from central: https://repo.example/org/neo4j/neo4j/5.26.0/neo4j-5.26.0.pom')).toEqual({ kind: 'other' });
    expect(parseMavenLine('[INFO] Building jar: /x/target/neo4j-launcher.jar')).toEqual({ kind: 'other' });
  });

  /** A folder with an `mvn` that prints `lines` and exits with `code`, first on PATH; a stand-in for Maven, not for the database. */
  function fakeMaven(lines: string[], code: number): { dir: string; path: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-mvn-'));
    fs.writeFileSync(path.join(dir, 'mvn'), `#!/bin/sh\ncat <<'OUT'\n${lines.join('\n')}\nOUT\nexit ${code}\n`, { mode: 0o755 });
    return { dir, path: `${dir}${path.delimiter}${process.env.PATH}` };
  }

  test('buildLauncher says it began, names each step with the downloads so far, and says when it is done', async () => {
    const maven = fakeMaven(
      [
        '[INFO] Scanning for projects...',
        '[INFO] Downloaded from central: https://repo.example/a.pom (1 kB at 1 kB/s)',
        '[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ neo4j-launcher ---',
        '[INFO] Downloaded from central: https://repo.example/b.jar (1 kB at 1 kB/s)',
        '[INFO] --- maven-dependency-plugin:3.6.1:copy-dependencies (copy-runtime) @ neo4j-launcher ---',
        '[INFO] BUILD SUCCESS',
      ],
      0,
    );
    const saved = process.env.PATH;
    process.env.PATH = maven.path;
    const messages: string[] = [];
    try {
      await buildLauncher((m) => messages.push(m), maven.dir);
    } finally {
      process.env.PATH = saved;
      fs.rmSync(maven.dir, { recursive: true, force: true });
    }
    expect(messages[0]).toMatch(/^building the Neo4j launcher with Maven \(first start only/);
    expect(messages).toContainEqual(expect.stringMatching(/^building the Neo4j launcher: compile, 1 artefact downloaded, \d+ s$/));
    expect(messages).toContainEqual(expect.stringMatching(/^building the Neo4j launcher: copy-dependencies, 2 artefacts downloaded, \d+ s$/));
    expect(messages[messages.length - 1]).toMatch(/^Neo4j launcher built in \d+ s \(2 artefacts downloaded\)$/);
  });

  test('a failed build rejects with NEO4J_LAUNCHER_UNAVAILABLE quoting Maven’s [ERROR] lines, and says no "built"', async () => {
    const maven = fakeMaven(['[INFO] Downloading from central: https://repo.example/x.pom', '[ERROR] Failed to execute goal: could not resolve org.neo4j:neo4j:5.26.0'], 1);
    const saved = process.env.PATH;
    process.env.PATH = maven.path;
    const messages: string[] = [];
    try {
      await expect(buildLauncher((m) => messages.push(m), maven.dir)).rejects.toMatchObject({ code: 'NEO4J_LAUNCHER_UNAVAILABLE', message: expect.stringContaining('could not resolve org.neo4j:neo4j:5.26.0') });
    } finally {
      process.env.PATH = saved;
      fs.rmSync(maven.dir, { recursive: true, force: true });
    }
    expect(messages.some((m) => m.includes('built in'))).toBe(false);
  });
});

/**
 * Issue #14 §1, "ports checked before Neo4j starts": a Bolt port already taken is PORT_IN_USE
 * naming NEO4J_BOLT_PORT, at once, before the launcher is built or a JVM started (it was a Java
 * PortBindException after ~100 s). No Java runs here: the data directory is never even created.
 */
test('a Bolt port already taken is PORT_IN_USE naming NEO4J_BOLT_PORT, before anything is built or started', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
  const port = (holder.address() as net.AddressInfo).port;
  const dataDir = path.join(os.tmpdir(), `bolt-port-check-${process.pid}-${port}`);
  // Java and Maven unreachable: were the check after the launcher build, this would be NEO4J_LAUNCHER_UNAVAILABLE.
  const saved = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    const error = await startEmbeddedNeo4j({ boltPort: port, dataDir, heap: '256m', pageCache: '16m', password: 'a-password-of-sixteen-or-more' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'PORT_IN_USE', extensions: { variable: 'NEO4J_BOLT_PORT', port } });
    expect((error as Error).message).toBe(
      `port ${port} on 127.0.0.1 (NEO4J_BOLT_PORT, the embedded Neo4j’s Bolt port) is already in use by another process; stop it, or set NEO4J_BOLT_PORT to a free port (NEO4J_BOLT_PORT=0 picks one), or set NEO4J_URI to use a Neo4j that is already running.`,
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  } finally {
    process.env.PATH = saved;
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});
