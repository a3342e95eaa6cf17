import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { resolveSecrets } from '../config/secrets';
import { isAppError } from '../errors/app-error';
import { mintToken } from '../auth/mint-token';
import { isRole, Role } from '../auth/principal';

/**
 * `npm run token -- --role insurer --org org-alan [--sub name] [--expires 8h]`: prints a local
 * HS256 token for the configured issuer and audience (uses the same secret as `npm start`); the
 * lifetime must not exceed AUTH_MAX_TOKEN_LIFETIME_S, or the API would refuse the token.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, org: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string' } },
  });
  const role = (values.role ?? '').toUpperCase();
  if (!isRole(role)) throw new Error(`--role must be one of ${Object.keys(Role).join(', ').toLowerCase()}, got "${values.role ?? ''}"`);
  if (role === 'INSURER' && !values.org) throw new Error('--org <organisation id> is required with --role insurer (e.g. --org org-alan)');
  const config = loadConfig();
  if (config.auth.jwksUrl) throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command');
  const secrets = resolveSecrets(config);
  console.log(await mintToken(config, secrets.jwtSecret!, { role, org: values.org, subject: values.sub, expiresIn: values.expires }));
}

main().catch((e: unknown) => {
  console.error(isAppError(e) ? `token [${e.code}]: ${e.message}` : `token: ${(e as Error).message}`);
  process.exit(1);
});
