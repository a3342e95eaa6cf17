import * as jose from 'jose';
import { CLOCK_SKEW_S, createTokenVerifier, VERIFIED_TOKEN_TTL_MS } from './verify-token';

// A verifier reuses a token it verified (its signature is not checked again on every request),
// yet a held token is refused as soon as jose would refuse it, and never stands in for another.
const secret = new TextEncoder().encode('unit-test-secret-of-at-least-32-bytes-long');
const config = { auth: { jwtSecret: undefined, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'iss-test', audience: 'aud-test', maxTokenLifetimeS: 86_400 } };
const T0 = Date.parse('2026-12-05T12:00:00Z');

/** A token issued at T0, good for `lifetimeS`. */
function sign(lifetimeS: number, claims: Record<string, unknown> = { role: 'ANALYST' }): Promise<string> {
  const iat = Math.floor(T0 / 1000);
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('tester').setIssuer('iss-test').setAudience('aud-test').setIssuedAt(iat).setExpirationTime(iat + lifetimeS).sign(secret);
}

function verifierAt(clock: { ms: number }) {
  return createTokenVerifier(config, { jwtSecret: secret }, { now: () => clock.ms });
}

test('a token verified once answers the same principal again without another signature check, until the reuse window ends', async () => {
  const clock = { ms: T0 };
  const verify = verifierAt(clock);
  const spy = jest.spyOn(jose, 'jwtVerify');
  try {
    const jwt = await sign(3600);
    const first = await verify(`Bearer ${jwt}`);
    expect(first).toEqual({ kind: 'user', subject: 'tester', role: 'ANALYST', orgId: null });
    // Shared by every request presenting the token while it is held: nobody may change it.
    expect(Object.isFrozen(first)).toBe(true);
    clock.ms += 1_000;
    expect(await verify(`Bearer ${jwt}`)).toEqual(first);
    expect(spy).toHaveBeenCalledTimes(1);
    clock.ms = T0 + VERIFIED_TOKEN_TTL_MS + 1;
    expect(await verify(`Bearer ${jwt}`)).toEqual(first);
    expect(spy).toHaveBeenCalledTimes(2);
  } finally {
    spy.mockRestore();
  }
});

test('a held token is refused once expired, as jose refuses it (exp plus the clock skew)', async () => {
  const clock = { ms: T0 };
  const verify = verifierAt(clock);
  const jwt = await sign(30);
  await verify(`Bearer ${jwt}`);
  // Still inside the skew after exp: accepted, as jose accepts it.
  clock.ms = T0 + (30 + CLOCK_SKEW_S - 1) * 1000;
  await expect(verify(`Bearer ${jwt}`)).resolves.toMatchObject({ role: 'ANALYST' });
  clock.ms = T0 + (30 + CLOCK_SKEW_S) * 1000;
  await expect(verify(`Bearer ${jwt}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
});

test('a token differing from a held one in its signature or claims is verified on its own, and refused when forged', async () => {
  const clock = { ms: T0 };
  const verify = verifierAt(clock);
  const jwt = await sign(3600);
  await verify(`Bearer ${jwt}`);
  const [h, p, sig] = jwt.split('.');
  const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
  await expect(verify(`Bearer ${flipped}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  const admin = Buffer.from(JSON.stringify({ ...jose.decodeJwt(jwt), role: 'ADMIN' })).toString('base64url');
  await expect(verify(`Bearer ${h}.${admin}.${sig}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  // The genuine one is still good.
  await expect(verify(`Bearer ${jwt}`)).resolves.toMatchObject({ role: 'ANALYST' });
});
