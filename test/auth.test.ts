import { decodeJwt, SignJWT } from 'jose';
import { mintToken } from '../src/auth/mint-token';
import { loadConfig } from '../src/config/config';
import { createTokenVerifier } from '../src/auth/verify-token';
import type { Executor } from '../src/db/executor';
import { App, startApp } from '../src/api/server/app';
import { TEST_JWT_SECRET, testAuthConfig, testExecutor, testServices } from './harness';
import { token } from './tokens';

/** Bearer tokens: what passes, what is refused (401 UNAUTHENTICATED), and what each role may read. */
let app: App;
let executor: Executor;
const secret = new TextEncoder().encode(TEST_JWT_SECRET);

beforeAll(async () => {
  executor = testExecutor();
  app = await startApp({ ...loadConfig({}), port: 0 }, testServices(executor), createTokenVerifier(testAuthConfig, { jwtSecret: secret }));
});
afterAll(async () => {
  await app.close();
  await executor.close();
});

async function gql(query: string, authorization?: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

// Issued now: every token must carry `iat` (see the lifetime tests), so each refusal below is
// for the reason its name gives, not for a missing `iat`.
const sign = (claims: Record<string, unknown>, alg = 'HS256') => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setSubject('tester').setIssuedAt();
  return jwt;
};
const now = () => Math.floor(Date.now() / 1000);

const bad: Array<[string, () => Promise<string>]> = [
  ['expired', async () => (await sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(secret))],
  ['not yet valid (nbf)', async () => (await sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setNotBefore('1h').setExpirationTime('2h').sign(secret))],
  ['wrong issuer', async () => (await sign({ role: 'ANALYST' }).setIssuer('evil').setAudience('breach-impact').setExpirationTime('1h').sign(secret))],
  ['wrong audience', async () => (await sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('other-api').setExpirationTime('1h').sign(secret))],
  ['algorithm not pinned (HS512)', async () => (await sign({ role: 'ANALYST' }, 'HS512').setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('1h').sign(secret))],
  ['wrong key', async () => (await sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes!!')))],
  ['no expiry', async () => (await sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').sign(secret))],
  ['unknown role', async () => (await sign({ role: 'ROOT' }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('1h').sign(secret))],
  ['insurer without org', async () => (await sign({ role: 'INSURER' }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('1h').sign(secret))],
  [
    'alg none',
    async () => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ role: 'ADMIN', sub: 'x', iss: 'breach-impact-local', aud: 'breach-impact', iat: now(), exp: now() + 3600 })}.`;
    },
  ],
];

test.each(bad)('a token that is %s is refused with 401 UNAUTHENTICATED, even for the public catalogue', async (_name, make) => {
  const { status, body } = await gql('{ breaches { id } }', `Bearer ${await make()}`);
  expect(status).toBe(401);
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(body.data).toBeUndefined();
});

test('a header that is not a bearer JWT is refused', async () => {
  const { status, body } = await gql('{ breaches { id } }', 'Basic dXNlcjpwYXNz');
  expect(status).toBe(401);
  expect(body.errors[0].message).toMatch(/Bearer/);
});

test('no token: the breach catalogue is public, everything else is UNAUTHENTICATED', async () => {
  expect((await gql('{ breaches { id exposures { status category { id } } reportedFigures { value } } dataCategories { id } }')).body.errors).toBeUndefined();
  for (const q of [
    '{ breachImpact(breachId: "breach-almerys-2024") { referenceDate } }',
    '{ breach(id: "breach-almerys-2024") { impact { referenceDate } } }',
    '{ organizations { id } }',
    '{ breaches { victim { partnerships { id } } } }',
    '{ lineage(nodeId: "org-alan", direction: DOWNSTREAM) { truncated } }',
    '{ affectedContracts(breachId: "breach-almerys-2024") { totalCount } }',
    '{ auditEvents { id } }',
  ]) {
    const { body } = await gql(q);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
});

test.each([
  ['REGULATOR', '{ affectedContracts(breachId: "breach-almerys-2024") { totalCount } }', 'FORBIDDEN'],
  ['ANALYST', '{ affectedContracts(breachId: "breach-almerys-2024") { totalCount } }', 'FORBIDDEN'],
  ['ADMIN', '{ memberExposure(nir: "101097412336605") { contracts { role } } }', 'FORBIDDEN'],
  ['ANALYST', '{ auditEvents { id } }', 'FORBIDDEN'],
  ['REGULATOR', '{ auditEvents(limit: 1) { id } }', null],
  ['ADMIN', '{ auditEvents(limit: 1) { id } }', null],
  ['REGULATOR', '{ breachImpact(breachId: "breach-almerys-2024") { totals { people } } }', null],
  ['ANALYST', '{ lineage(nodeId: "sys-viamedis-tp-platform", direction: UPSTREAM) { nodes { id } } }', null],
] as const)('%s: %s → %s', async (role, query, code) => {
  const { body } = await gql(query, `Bearer ${await token({ role })}`);
  if (code === null) expect(body.errors).toBeUndefined();
  else expect(body.errors[0].extensions.code).toBe(code);
});

test('an insurer cannot name another insurer: FORBIDDEN', async () => {
  const { body } = await gql('{ affectedContracts(insurerId: "org-la-mutuelle-generale", breachId: "breach-almerys-2024") { totalCount } }', `Bearer ${await token({ role: 'INSURER', org: 'org-alan' })}`);
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  expect(body.data).toBeNull();
});

test('an insurer’s breachImpact is its own share only', async () => {
  const alan = await gql('{ breachImpact(breachId: "breach-almerys-2024") { totals { contracts insurers } byInsurer { insurer { id } } } }', `Bearer ${await token({ role: 'INSURER', org: 'org-alan' })}`);
  const all = await gql('{ breachImpact(breachId: "breach-almerys-2024") { totals { contracts insurers } } }', `Bearer ${await token({ role: 'REGULATOR' })}`);
  expect(alan.body.data.breachImpact.byInsurer.map((r: any) => r.insurer.id)).toEqual(['org-alan']);
  expect(alan.body.data.breachImpact.totals.insurers).toBe(1);
  expect(all.body.data.breachImpact.totals.contracts).toBeGreaterThan(alan.body.data.breachImpact.totals.contracts);
});

// Issue #10 §4, claims: each finding of the red-team pass, replayed.

test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
  'regression: a signed token with role "%s" (an Object.prototype key, once accepted by `role in Role`) is 401 UNAUTHENTICATED',
  async (role) => {
    const jwt = await sign({ role }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('1h').sign(secret);
    const { status, body } = await gql('{ breachImpact(breachId: "breach-almerys-2024") { totals { people contracts insurers } } }', `Bearer ${jwt}`);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/claim "role"/);
    expect(body.data).toBeUndefined();
  },
);

const INSURER_QUERY = '{ breachImpact(breachId: "breach-almerys-2024") { totals { people contracts } } affectedContracts(breachId: "breach-almerys-2024") { totalCount } }';

test.each([
  ['an operator, not an insurer', 'org-viamedis'],
  ['a parent group, not an insurer', 'org-vyv'],
  ['an organisation that does not exist', 'org-does-not-exist'],
])('regression: an INSURER token whose org is %s (%s) is FORBIDDEN, naming the org, and sees nothing', async (_what, org) => {
  const { body } = await gql(INSURER_QUERY, `Bearer ${await token({ role: 'INSURER', org })}`);
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const e of body.errors) {
    expect(e.extensions.code).toBe('FORBIDDEN');
    expect(e.message).toContain(org);
  }
  expect(body.data?.breachImpact ?? null).toBeNull();
  expect(body.data?.affectedContracts ?? null).toBeNull();
});

test.each(['org-alan', 'org-malakoff-humanis'])('an INSURER token of a real insurer (%s) still reads its own share', async (org) => {
  const { body } = await gql(INSURER_QUERY, `Bearer ${await token({ role: 'INSURER', org })}`);
  expect(body.errors).toBeUndefined();
  expect(typeof body.data.affectedContracts.totalCount).toBe('number');
  expect(typeof body.data.breachImpact.totals.contracts).toBe('number');
});

const lifetimes: Array<[string, () => Promise<string>, RegExp]> = [
  ['a 100-year exp', () => sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('100y').sign(secret), /lifetime/],
  ['a lifetime of 24 h + 1 s (over the 24 h default maximum)', () => sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime(now() + 86_401).sign(secret), /lifetime/],
  [
    'an iat one hour in the future',
    () => sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setIssuedAt(now() + 3600).setExpirationTime(now() + 7200).sign(secret),
    /iat/,
  ],
  [
    'an iat 10 minutes in the future (beyond the 60 s clock skew)',
    () => sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setIssuedAt(now() + 600).setExpirationTime(now() + 3600).sign(secret),
    /iat/,
  ],
  [
    'no iat (the lifetime cannot be checked without one)',
    () => new SignJWT({ role: 'ANALYST' }).setProtectedHeader({ alg: 'HS256' }).setSubject('tester').setIssuer('breach-impact-local').setAudience('breach-impact').setExpirationTime('1h').sign(secret),
    /iat/,
  ],
];

test.each(lifetimes)('regression: a token with %s is 401 UNAUTHENTICATED', async (_name, make, reason) => {
  const { status, body } = await gql('{ breachImpact(breachId: "breach-almerys-2024") { totals { people } } }', `Bearer ${await make()}`);
  expect(status).toBe(401);
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(body.errors[0].message).toMatch(reason);
  expect(body.data).toBeUndefined();
});

test('a token issued within the clock skew (iat 30 s ahead) with a lifetime of exactly 24 h is accepted', async () => {
  const iat = now() + 30;
  const jwt = await sign({ role: 'ANALYST' }).setIssuer('breach-impact-local').setAudience('breach-impact').setIssuedAt(iat).setExpirationTime(iat + 86_400).sign(secret);
  const { status, body } = await gql('{ breachImpact(breachId: "breach-almerys-2024") { totals { people } } }', `Bearer ${jwt}`);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
});

test('`npm run token` mints within the maximum lifetime: 8 h by default, and refuses a longer --expires with BAD_USER_INPUT', async () => {
  const { iat, exp } = decodeJwt(await mintToken(testAuthConfig, secret, { role: 'ANALYST' }));
  expect(exp! - iat!).toBe(8 * 3600);
  await expect(mintToken(testAuthConfig, secret, { role: 'ANALYST', expiresIn: '100y' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
});

test('regression: a 24 h token is minted even when a second ends between its iat and its exp (the soak failed on it)', async () => {
  // A clock that moves 1 ms at each reading, from 2 ms before a second ends: jose reads it once
  // per claim (iat, nbf, exp), so the first signing spans two seconds.
  const RealDate = Date;
  let t = 1_700_000_000_998;
  const tick = () => t++;
  class SteppingDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(tick());
      else super(...(args as [number]));
    }
    static now(): number {
      return tick();
    }
  }
  global.Date = SteppingDate as DateConstructor;
  let minted: string;
  try {
    minted = await mintToken(testAuthConfig, secret, { role: 'ANALYST', expiresIn: '24h' });
  } finally {
    global.Date = RealDate;
  }
  const { iat, exp } = decodeJwt(minted);
  expect(exp! - iat!).toBe(86_400);
});

test('an INSURER token of a non-insurer asking for contract rows leaves a REFUSED audit record naming the org', async () => {
  const op = `NotAnInsurerProbe_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const { body } = await gql(`query ${op} { affectedContracts(breachId: "breach-almerys-2024") { totalCount } }`, `Bearer ${await token({ role: 'INSURER', org: 'org-viamedis' })}`);
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  const audit = await gql(`{ auditEvents(operationName: "${op}", limit: 10) { orgId field outcome reason } }`, `Bearer ${await token({ role: 'ADMIN' })}`);
  expect(audit.body.errors).toBeUndefined();
  expect(audit.body.data.auditEvents).toEqual([{ orgId: 'org-viamedis', field: 'Query.affectedContracts', outcome: 'REFUSED', reason: expect.stringContaining('org-viamedis') }]);
});
