import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import type { Config } from './config';
import { makePrivateDir } from './private-dir';

/** The secrets the process uses, resolved once at start. Never log this object. */
export interface Secrets {
  /** HS256 key of local tokens; undefined when tokens are verified against a JWKS. */
  jwtSecret: Uint8Array | undefined;
  /** HMAC-SHA256 key of NIR pseudonyms. */
  pseudonymKey: Buffer;
  /**
   * Password of user neo4j on the embedded Neo4j (NEO4J_PASSWORD, or generated and kept in the
   * secrets file); undefined when NEO4J_URI names a server of its own.
   */
  neo4jPassword: string | undefined;
  /** Set when development secrets were generated or read from disk (for a start-up notice). */
  generatedFile?: string;
}

/** What the secrets file may hold. */
interface Stored {
  jwtSecret?: string;
  pseudonymKey?: string;
  neo4jPassword?: string;
}

const FILE = 'dev-secrets.json';

/**
 * Resolves secrets from the configuration. Outside production, a missing secret is generated
 * once and kept in `<secretsDir>/dev-secrets.json` (folder 0700, file 0600, git-ignored), so
 * pseudonyms, local tokens and the embedded database's password stay valid across restarts
 * without anyone pasting keys around. The file lives outside the database's tree whatever
 * NEO4J_DATA_DIR is; one left by an older version next to the store is moved there.
 * Production refuses to start without configured secrets (see loadConfig), and needs
 * NEO4J_PASSWORD to run the embedded server.
 */
export function resolveSecrets(
  config: Pick<Config, 'auth' | 'pseudonymKey' | 'secretsDir' | 'production' | 'neo4j'> & Partial<Pick<Config, 'legacySecretsDir'>>,
): Secrets {
  const embedded = config.neo4j.uri === undefined;
  const needSecret = config.auth.jwtSecret === undefined && config.auth.jwksUrl === undefined;
  const needKey = config.pseudonymKey === undefined;
  const needPassword = embedded && config.neo4j.password === '';
  if (needPassword && config.production) {
    throw new AppError('CONFIG_INVALID', 'Configuration NEO4J_PASSWORD is invalid: expected set in production when the embedded Neo4j is used (at least 16 characters), or NEO4J_URI.', { variable: 'NEO4J_PASSWORD' });
  }
  let stored: Stored = {};
  let generatedFile: string | undefined;
  if ((needSecret || needKey || needPassword) && !config.production) {
    generatedFile = path.join(config.secretsDir, FILE);
    makePrivateDir(config.secretsDir);
    moveLegacyFile(config.legacySecretsDir, generatedFile);
    stored = readSecretsFile(generatedFile) ?? {};
    let changed = false;
    if (needSecret && !stored.jwtSecret) {
      stored.jwtSecret = randomSecret();
      changed = true;
    }
    if (needKey && !stored.pseudonymKey) {
      stored.pseudonymKey = randomSecret();
      changed = true;
    }
    if (needPassword && !stored.neo4jPassword) {
      stored.neo4jPassword = randomSecret();
      changed = true;
    }
    if (changed) writeSecretsFile(generatedFile, JSON.stringify(stored, null, 2));
  }
  const jwt = config.auth.jwtSecret ?? (needSecret ? stored.jwtSecret : undefined);
  const key = config.pseudonymKey ?? stored.pseudonymKey;
  if (key === undefined) throw new Error('no pseudonym key: loadConfig should have refused this configuration');
  return {
    jwtSecret: jwt === undefined ? undefined : new TextEncoder().encode(jwt),
    pseudonymKey: Buffer.from(key, 'utf8'),
    neo4jPassword: embedded ? (needPassword ? stored.neo4jPassword : config.neo4j.password) : undefined,
    generatedFile,
  };
}

function randomSecret(): string {
  return crypto.randomBytes(48).toString('base64url');
}

function fileError(file: string, why: string): AppError {
  return new AppError('CONFIG_INVALID', `The secrets file ${file} ${why}; remove it or set SECRETS_DIR to a private folder.`, { variable: 'SECRETS_DIR' });
}

/**
 * Reads the secrets file without following a symlink (O_NOFOLLOW), checking it is a regular
 * file of ours; undefined when there is none. A group- or world-readable file is tightened.
 */
function readSecretsFile(file: string): Stored | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw fileError(file, code === 'ELOOP' ? 'is a symbolic link' : `cannot be read (${code})`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw fileError(file, 'is not a regular file');
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw fileError(file, 'belongs to another user');
    if ((st.mode & 0o077) !== 0) fs.fchmodSync(fd, 0o600);
    return JSON.parse(fs.readFileSync(fd, 'utf8')) as Stored;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the secrets file atomically: a new file created exclusively with mode 0600 (O_EXCL:
 * never through a planted file or symlink), then renamed over the old one (rename replaces a
 * symlink itself, never its target).
 */
function writeSecretsFile(file: string, contents: string): void {
  try {
    const st = fs.lstatSync(file);
    if (st.isSymbolicLink()) throw fileError(file, 'is a symbolic link');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  try {
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Moves dev-secrets.json from where older versions kept it (next to the store) to the secrets
 * folder, so the pseudonym key stays the same (a new key would make every stored pseudonym
 * unmatchable) and the file leaves the database's reach.
 */
function moveLegacyFile(legacyDir: string | undefined, file: string): void {
  if (legacyDir === undefined) return;
  const legacy = path.join(legacyDir, FILE);
  if (path.resolve(legacy) === path.resolve(file) || fs.existsSync(file)) return;
  const old = readSecretsFile(legacy);
  if (old === undefined) return;
  writeSecretsFile(file, JSON.stringify(old, null, 2));
  fs.rmSync(legacy);
}
