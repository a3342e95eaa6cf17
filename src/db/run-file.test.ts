import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findRunningServer, readRunFile, removeRunFile, runFilePath, writeRunFile } from './run-file';

/**
 * The run file that lets a CLI find the embedded Neo4j of a running server (issue #14 §1): found
 * only while its Neo4j process lives and its port answers; a crashed server's file is removed.
 */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A process id that existed a moment ago and has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

async function listener(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function freePort(): Promise<number> {
  const l = await listener();
  await l.close();
  return l.port;
}

test('no run file: no running server', async () => {
  expect(await findRunningServer(dir)).toBeUndefined();
});

test('a live Neo4j process whose port answers is found, and the file is private (0600)', async () => {
  const l = await listener();
  try {
    writeRunFile(dir, { uri: `bolt://127.0.0.1:${l.port}`, neo4jPid: process.pid, serverPid: process.pid });
    expect(await findRunningServer(dir)).toMatchObject({ uri: `bolt://127.0.0.1:${l.port}`, neo4jPid: process.pid, serverPid: process.pid });
    expect(fs.statSync(runFilePath(dir)).mode & 0o777).toBe(0o600);
  } finally {
    await l.close();
  }
});

test('a crashed server’s file (its Neo4j process gone) is stale: not used, and removed', async () => {
  writeRunFile(dir, { uri: `bolt://127.0.0.1:${await freePort()}`, neo4jPid: deadPid(), serverPid: deadPid() });
  expect(await findRunningServer(dir)).toBeUndefined();
  expect(fs.existsSync(runFilePath(dir))).toBe(false);
});

test('a live process whose port does not answer (a reused pid, or a server stopping) is not used; the file is left to its owner', async () => {
  writeRunFile(dir, { uri: `bolt://127.0.0.1:${await freePort()}`, neo4jPid: process.pid, serverPid: process.pid });
  expect(await findRunningServer(dir, 1_000)).toBeUndefined();
  expect(fs.existsSync(runFilePath(dir))).toBe(true);
});

test('a torn or foreign file is ignored; an address other than loopback Bolt is never trusted', () => {
  fs.writeFileSync(runFilePath(dir), '{"uri": "bolt://127.0.0.1:7687", "neo4jPid"');
  expect(readRunFile(dir)).toBeUndefined();
  fs.writeFileSync(runFilePath(dir), JSON.stringify({ uri: 'bolt://evil.example:7687', neo4jPid: 1, serverPid: 1 }));
  expect(readRunFile(dir)).toBeUndefined();
});

test('a server removes its own run file only, never another server’s', () => {
  writeRunFile(dir, { uri: 'bolt://127.0.0.1:7687', neo4jPid: 10, serverPid: 11 });
  removeRunFile(dir, 12);
  expect(readRunFile(dir)).toMatchObject({ serverPid: 11 });
  removeRunFile(dir, 11);
  expect(fs.existsSync(runFilePath(dir))).toBe(false);
});
