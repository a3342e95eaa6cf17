import { SignJWT } from 'jose';
import type { Config } from '../config/config';
import type { Role } from './principal';

/** What a locally minted token says. */
export interface TokenClaims {
  role: Role;
  org?: string;
  subject?: string;
  /** Lifetime, e.g. "8h" (jose syntax). */
  expiresIn?: string;
}

/**
 * Signs an HS256 token with the local secret, with the issuer and audience the API requires.
 * For development, tests and scripts; production tokens come from the identity provider.
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
  return jwt.sign(secret);
}
