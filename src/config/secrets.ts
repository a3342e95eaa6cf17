import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/** The secrets the process uses, resolved once at start. Never log this object. */
export interface Secrets {
  /** HS256 key of local tokens; undefined when tokens are verified against a JWKS. */
  jwtSecret: Uint8Array | undefined;
  /** HMAC-SHA256 key of NIR pseudonyms. */
  pseudonymKey: Buffer;
  /** Set when development secrets were generated or read from disk (for a start-up notice). */
  generatedFile?: string;
}

const FILE = 'dev-secrets.json';

/**
 * Resolves secrets from the configuration. Outside production, a missing secret is generated
 * once and kept in `<secretsDir>/dev-secrets.json` (mode 600, git-ignored with the data), so
 * pseudonyms and local tokens stay valid across restarts without anyone pasting keys around.
 * Production refuses to start without configured secrets (see loadConfig).
 */
export function resolveSecrets(config: Pick<Config, 'auth' | 'pseudonymKey' | 'secretsDir' | 'production'>): Secrets {
  const needSecret = config.auth.jwtSecret === undefined && config.auth.jwksUrl === undefined;
  const needKey = config.pseudonymKey === undefined;
  let stored: { jwtSecret?: string; pseudonymKey?: string } = {};
  let generatedFile: string | undefined;
  if ((needSecret || needKey) && !config.production) {
    generatedFile = path.join(config.secretsDir, FILE);
    if (fs.existsSync(generatedFile)) stored = JSON.parse(fs.readFileSync(generatedFile, 'utf8'));
    let changed = false;
    if (needSecret && !stored.jwtSecret) (stored.jwtSecret = crypto.randomBytes(48).toString('base64url')), (changed = true);
    if (needKey && !stored.pseudonymKey) (stored.pseudonymKey = crypto.randomBytes(48).toString('base64url')), (changed = true);
    if (changed) {
      fs.mkdirSync(config.secretsDir, { recursive: true });
      fs.writeFileSync(generatedFile, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
  }
  const jwt = config.auth.jwtSecret ?? (needSecret ? stored.jwtSecret : undefined);
  const key = config.pseudonymKey ?? stored.pseudonymKey;
  if (key === undefined) throw new Error('no pseudonym key: loadConfig should have refused this configuration');
  return {
    jwtSecret: jwt === undefined ? undefined : new TextEncoder().encode(jwt),
    pseudonymKey: Buffer.from(key, 'utf8'),
    generatedFile,
  };
}
