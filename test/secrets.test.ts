import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { resolveSecrets } from '../src/config/secrets';

/**
 * Local secrets (issue #10 §1, issue #14 §1): one documented place whatever NEO4J_DATA_DIR is,
 * outside the store's tree, created private (0700 folder, 0600 file, exclusive create), and the
 * embedded database's password kept there with the token secret and the pseudonym key.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-secrets-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type SecretsConfig = Parameters<typeof resolveSecrets>[0];
/** A development configuration using the embedded Neo4j, with secrets under `dir`. */
function devConfig(dir: string, extra: Record<string, unknown> = {}): SecretsConfig {
  const base = loadConfig({ SECRETS_DIR: dir, NEO4J_DATA_DIR: path.join(root, 'store') });
  return { ...base, ...extra } as SecretsConfig;
}

test('regression #14: two NEO4J_DATA_DIR values give the same secrets location, outside either store tree', () => {
  const a = loadConfig({ NEO4J_DATA_DIR: path.join(root, 'one', 'neo4j') });
  const b = loadConfig({ NEO4J_DATA_DIR: path.join(root, 'elsewhere', 'deeper', 'store') });
  expect(a.secretsDir).toBe(b.secretsDir);
  // The documented default: .secrets at the repository root.
  expect(a.secretsDir).toBe(path.resolve(__dirname, '..', '.secrets'));
  for (const c of [a, b]) {
    const storeParent = path.dirname(c.neo4j.embedded.dataDir);
    expect(path.relative(storeParent, c.secretsDir).startsWith('..')).toBe(true);
  }
  expect(loadConfig({ SECRETS_DIR: path.join(root, 'mine') }).secretsDir).toBe(path.join(root, 'mine'));
});

test('regression #10.1d: generated secrets go to a 0700 folder, in a 0600 file', () => {
  const dir = path.join(root, 'fresh', 'secrets');
  const s = resolveSecrets(devConfig(dir));
  expect(s.generatedFile).toBe(path.join(dir, 'dev-secrets.json'));
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  expect(fs.statSync(s.generatedFile!).mode & 0o777).toBe(0o600);
});

test('regression #10.1d: a symlink planted where the secrets file goes is refused, not written through', () => {
  const dir = path.join(root, 'planted');
  fs.mkdirSync(dir, { mode: 0o700 });
  const target = path.join(root, 'victim.json');
  fs.writeFileSync(target, '{}');
  fs.symlinkSync(target, path.join(dir, 'dev-secrets.json'));
  expect(() => resolveSecrets(devConfig(dir))).toThrow(/dev-secrets\.json/);
  expect(fs.readFileSync(target, 'utf8')).toBe('{}');
});

test('regression #10.1a: the embedded database gets a generated password, kept with the other secrets', () => {
  const dir = path.join(root, 'pw');
  const first = resolveSecrets(devConfig(dir)) as unknown as Record<string, unknown>;
  expect(typeof first.neo4jPassword).toBe('string');
  expect((first.neo4jPassword as string).length).toBeGreaterThanOrEqual(32);
  const again = resolveSecrets(devConfig(dir)) as unknown as Record<string, unknown>;
  expect(again.neo4jPassword).toBe(first.neo4jPassword);
  // A server of one's own (NEO4J_URI) keeps its own credentials: nothing generated for it.
  const external = loadConfig({ SECRETS_DIR: path.join(root, 'ext'), NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'theirs' });
  expect((resolveSecrets(external) as unknown as Record<string, unknown>).neo4jPassword).toBeUndefined();
});

test('secrets from the old place (next to the store) move to the new one, keeping the pseudonym key', () => {
  const legacy = path.join(root, 'legacy-data');
  fs.mkdirSync(legacy);
  const old = { jwtSecret: 'j'.repeat(48), pseudonymKey: 'k'.repeat(48) };
  fs.writeFileSync(path.join(legacy, 'dev-secrets.json'), JSON.stringify(old), { mode: 0o600 });
  const dir = path.join(root, 'moved');
  const s = resolveSecrets(devConfig(dir, { legacySecretsDir: legacy }));
  expect(s.pseudonymKey.toString('utf8')).toBe(old.pseudonymKey);
  expect(fs.existsSync(path.join(legacy, 'dev-secrets.json'))).toBe(false);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8')).pseudonymKey).toBe(old.pseudonymKey);
});

test('PSEUDONYM_KEY_FILE reads the key from a mounted secret file; both ways at once is refused', () => {
  const file = path.join(root, 'pseudonym-key');
  const key = 'm'.repeat(40);
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  expect(loadConfig({ PSEUDONYM_KEY_FILE: file }).pseudonymKey).toBe(key);
  expect(() => loadConfig({ PSEUDONYM_KEY_FILE: file, PSEUDONYM_KEY: key })).toThrow(/PSEUDONYM_KEY/);
  expect(() => loadConfig({ PSEUDONYM_KEY_FILE: path.join(root, 'missing') })).toThrow(/PSEUDONYM_KEY_FILE/);
  // The error names the variable, never the key.
  fs.writeFileSync(file, 'short-secret');
  expect(() => loadConfig({ PSEUDONYM_KEY_FILE: file })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('short-secret') }));
});
