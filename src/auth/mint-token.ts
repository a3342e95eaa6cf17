import { decodeJwt, SignJWT } from 'jose';
import type { Config } from '../config/config';
import { badInput } from '../errors/app-error';
import type { Role } from './principal';

/** What a locally minted token says. */
export interface TokenClaims {
  role: Role;
  org?: string;
  subject?: string;
  /** Lifetime, e.g. "8h" (jose syntax); at most `auth.maxTokenLifetimeS`. */
  expiresIn?: string;
}

/**
 * Signs an HS256 token with the local secret, with the issuer and audience the API requires, an
 * `iat` and a lifetime of 8 h unless told otherwise. For development, tests and scripts;
 * production tokens come from the identity provider. A lifetime over `auth.maxTokenLifetimeS`
 * is BAD_USER_INPUT: the API would refuse that token.
 */
export async function mintToken(config: Pick<Config, 'auth'>, secret: Uint8Array, claims: TokenClaims): Promise<string> {
  const jwt = new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject ?? `local-${claims.role.toLowerCase()}${claims.org ? `-${claims.org}` : ''}`)
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(claims.expiresIn ?? '8h');
  const token = await jwt.sign(secret);
  const { iat, exp } = decodeJwt(token);
  if (exp! - iat! > config.auth.maxTokenLifetimeS) {
    throw badInput('expiresIn', claims.expiresIn ?? '8h', `a lifetime of at most ${config.auth.maxTokenLifetimeS} s (AUTH_MAX_TOKEN_LIFETIME_S)`);
  }
  return token;
}
