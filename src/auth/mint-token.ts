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
  const expiresIn = claims.expiresIn ?? '8h';
  // jose reads the clock once per claim: a second that ends between `iat` and a relative `exp`
  // gives a token one second longer than asked, so "24h" against a 24 h maximum was refused now
  // and then. Mint again until the clock did not move to another second across the signing.
  for (;;) {
    const before = epochSeconds();
    const token = await new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.subject ?? `local-${claims.role.toLowerCase()}${claims.org ? `-${claims.org}` : ''}`)
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(expiresIn)
      .sign(secret);
    if (epochSeconds() !== before) continue;
    const { iat, exp } = decodeJwt(token);
    if (exp! - iat! > config.auth.maxTokenLifetimeS) {
      throw badInput('expiresIn', expiresIn, `a lifetime of at most ${config.auth.maxTokenLifetimeS} s (AUTH_MAX_TOKEN_LIFETIME_S)`);
    }
    return token;
  }
}

/** The clock as jose reads it (whole seconds of `new Date()`). */
function epochSeconds(): number {
  return Math.floor(new Date().getTime() / 1000);
}
