import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import type { Config } from '../config/config';
import type { Secrets } from '../config/secrets';
import { AppError } from '../errors/app-error';
import { Principal, Role } from './principal';

const ORG_ID = /^org-[a-z0-9][a-z0-9-]{0,80}$/;

function unauthenticated(why: string): AppError {
  return new AppError('UNAUTHENTICATED', `Invalid bearer token: ${why}.`, { http: { status: 401 } });
}

/** Verifies bearer tokens; one instance per process (the JWKS is cached between requests). */
export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/**
 * Builds the verifier: the algorithm list is pinned (a token signed otherwise, or with `none`, is
 * refused), and `exp`, `nbf`, `iss` and `aud` are checked. Claims: `sub`, `role` (INSURER,
 * REGULATOR, ANALYST, ADMIN) and `org` (required for INSURER: the tenant). No header is the
 * anonymous principal; a bad header is UNAUTHENTICATED, never silently anonymous.
 */
export function createTokenVerifier(config: Pick<Config, 'auth'>, secrets: Pick<Secrets, 'jwtSecret'>): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.auth.jwksUrl ? createRemoteJWKSet(new URL(config.auth.jwksUrl)) : secrets.jwtSecret!;
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
    const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!m) throw unauthenticated('expected "Authorization: Bearer <JWT>"');
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1], key as Uint8Array, {
        algorithms: config.auth.algorithms,
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch (e) {
      // jose's codes say why without echoing the token (expired, wrong audience, bad signature…).
      const code = (e as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw unauthenticated(code.replace(/^ERR_/, '').toLowerCase().replace(/_/g, ' '));
    }
    const role = payload.role;
    if (typeof role !== 'string' || !(role in Role)) throw unauthenticated('claim "role" must be one of INSURER, REGULATOR, ANALYST, ADMIN');
    const org = payload.org;
    if (org !== undefined && (typeof org !== 'string' || !ORG_ID.test(org))) throw unauthenticated('claim "org" must be an organisation id');
    if (role === 'INSURER' && org === undefined) throw unauthenticated('an INSURER token needs an "org" claim');
    return { kind: 'user', subject: String(payload.sub), role: role as Role, orgId: (org as string | undefined) ?? null };
  };
}
