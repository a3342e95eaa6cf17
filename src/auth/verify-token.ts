import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import type { Config } from '../config/config';
import type { Secrets } from '../config/secrets';
import { AppError } from '../errors/app-error';
import { isRole, Principal } from './principal';

const ORG_ID = /^org-[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * Clock skew allowed between the identity provider and this API, in seconds, on `exp`, `nbf`
 * and `iat`: enough for servers kept by NTP, too little to stretch a token's life.
 */
export const CLOCK_SKEW_S = 60;

function unauthenticated(why: string): AppError {
  return new AppError('UNAUTHENTICATED', `Invalid bearer token: ${why}.`);
}

/** Verifies bearer tokens; one instance per process (the JWKS is cached between requests). */
export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/**
 * How long a verified token's principal is reused, in ms, without checking its signature again
 * (its time claims are checked on every use): a client sends the same token with every request,
 * and the signature check was 4 % of the API's CPU on a contract page. Bounded so that a key
 * withdrawn from a JWKS stops its tokens within this time.
 */
export const VERIFIED_TOKEN_TTL_MS = 60_000;

/** At most this many verified tokens are held; past it the oldest goes first. */
const VERIFIED_TOKENS_MAX = 1_000;

/** A verified token, as held for reuse. */
interface Verified {
  principal: Principal;
  /** Its `exp` claim, in seconds since the epoch. */
  exp: number;
  /** When it must be verified again (ms since the epoch). */
  until: number;
}

/** Options of {@link createTokenVerifier}. */
export interface VerifierOptions {
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
}

/**
 * Builds the verifier: the algorithm list is pinned (a token signed otherwise, or with `none`, is
 * refused), and `exp`, `nbf`, `iss` and `aud` are checked. `iat` is required: it may not be
 * later than now plus {@link CLOCK_SKEW_S}, and `exp - iat` may not exceed
 * `auth.maxTokenLifetimeS` (a leaked token must not stay good for a century). Claims: `sub`,
 * `role` (INSURER, REGULATOR, ANALYST, ADMIN: the enumeration's own values, nothing inherited)
 * and `org` (required for INSURER: the tenant; that it names an insurer of the graph is checked
 * per request, see tenant-check.ts). No header is the anonymous principal; a bad header is
 * UNAUTHENTICATED, never silently anonymous. A token that passed is held (by its whole text) for
 * up to {@link VERIFIED_TOKEN_TTL_MS} and answered again without a signature check, while its
 * `exp` still passes.
 */
export function createTokenVerifier(config: Pick<Config, 'auth'>, secrets: Pick<Secrets, 'jwtSecret'>, options: VerifierOptions = {}): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.auth.jwksUrl ? createRemoteJWKSet(new URL(config.auth.jwksUrl)) : secrets.jwtSecret!;
  const maxLifetime = config.auth.maxTokenLifetimeS;
  const clock = options.now ?? Date.now;
  // Keyed by the whole token, signature included: a token altered in any byte is another key.
  const verified = new Map<string, Verified>();
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
    const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!m) throw unauthenticated('expected "Authorization: Bearer <JWT>"');
    const nowMs = clock();
    const held = verified.get(m[1]);
    // Reused only while jose would still accept its exp (exp > now - skew); nbf and iat, once
    // passed, stay passed. An expired one falls through to jose, which says why.
    if (held && nowMs < held.until && held.exp > Math.floor(nowMs / 1000) - CLOCK_SKEW_S) return held.principal;
    if (held) verified.delete(m[1]);
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1], key as Uint8Array, {
        algorithms: config.auth.algorithms,
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        requiredClaims: ['exp', 'sub', 'iat'],
        clockTolerance: CLOCK_SKEW_S,
        currentDate: new Date(nowMs),
      }));
    } catch (e) {
      // jose's codes say why without echoing the token (expired, wrong audience, bad signature…);
      // the claim's name (never its value) says which claim failed.
      const { code = 'ERR_JWT_INVALID', claim } = e as { code?: string; claim?: string };
      throw unauthenticated(code.replace(/^ERR_/, '').toLowerCase().replace(/_/g, ' ') + (typeof claim === 'string' ? ` (claim "${claim}")` : ''));
    }
    // jose has checked that iat and exp are numbers.
    const iat = payload.iat!;
    const exp = payload.exp!;
    if (iat > Math.floor(nowMs / 1000) + CLOCK_SKEW_S) throw unauthenticated(`claim "iat" is in the future (more than ${CLOCK_SKEW_S} s of clock skew)`);
    if (exp - iat > maxLifetime) throw unauthenticated(`token lifetime (exp - iat = ${exp - iat} s) exceeds the maximum of ${maxLifetime} s`);
    const role = payload.role;
    if (!isRole(role)) throw unauthenticated('claim "role" must be one of INSURER, REGULATOR, ANALYST, ADMIN');
    const org = payload.org;
    if (org !== undefined && (typeof org !== 'string' || !ORG_ID.test(org))) throw unauthenticated('claim "org" must be an organisation id');
    if (role === 'INSURER' && org === undefined) throw unauthenticated('an INSURER token needs an "org" claim');
    // Frozen: the requests that present this token while it is held share the one object.
    const principal: Principal = Object.freeze({ kind: 'user', subject: String(payload.sub), role, orgId: (org as string | undefined) ?? null });
    if (verified.size >= VERIFIED_TOKENS_MAX) verified.delete(verified.keys().next().value!);
    verified.set(m[1], { principal, exp, until: nowMs + VERIFIED_TOKEN_TTL_MS });
    return principal;
  };
}
