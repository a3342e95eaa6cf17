import { getMetadataStorage } from 'type-graphql';
import { POLICY, decide, isRouteKey } from '../auth/policy';
import { Role, type Principal } from '../auth/principal';
import { createSchema } from './build-schema';

/**
 * The role policy (auth/policy.ts) is the one place that says who may read what: every guarded
 * field of the schema must be in it, every field in it must exist and be guarded as it says, and
 * no decorator may carry roles of its own. No database needed.
 */
async function guardedCoordinates(): Promise<{ guarded: Map<string, string[]>; all: Set<string> }> {
  const schema = await createSchema();
  const storage = getMetadataStorage();
  const typeName = (cls: Function) => storage.objectTypes.find((o) => o.target === cls)?.name ?? cls.name;
  const coordinate = new Map<string, string>();
  const key = (target: Function, method: string) => `${target.name}#${method}`;
  for (const q of storage.queries) coordinate.set(key(q.target, q.methodName), `Query.${q.schemaName}`);
  for (const m of storage.mutations) coordinate.set(key(m.target, m.methodName), `Mutation.${m.schemaName}`);
  for (const f of storage.fieldResolvers) coordinate.set(key(f.target, f.methodName), `${typeName(f.getObjectType!() as Function)}.${f.schemaName}`);
  const guarded = new Map<string, string[]>();
  for (const a of storage.authorizedFields) {
    const c = coordinate.get(key(a.target, a.fieldName));
    if (!c) throw new Error(`@Authorized on ${key(a.target, a.fieldName)}: not a query, mutation or field resolver`);
    guarded.set(c, a.roles as string[]);
  }
  const all = new Set<string>();
  for (const t of [schema.getQueryType(), schema.getMutationType(), ...Object.values(schema.getTypeMap())]) {
    if (t && 'getFields' in t && !t.name.startsWith('__')) for (const f of Object.keys(t.getFields())) all.add(`${t.name}.${f}`);
  }
  return { guarded, all };
}

test('every guarded field is in the role policy, and every non-public policy entry is guarded', async () => {
  const { guarded } = await guardedCoordinates();
  const unlisted = [...guarded.keys()].filter((c) => !Object.hasOwn(POLICY, c));
  // HTTP routes are guarded by their own handler (test/mailing-export.test.ts), not by @Authorized.
  const unguarded = Object.entries(POLICY).filter(([c, p]) => p.allow !== 'PUBLIC' && !isRouteKey(c) && !guarded.has(c)).map(([c]) => c);
  const guardedPublic = Object.entries(POLICY).filter(([c, p]) => p.allow === 'PUBLIC' && guarded.has(c)).map(([c]) => c);
  expect({ unlisted, unguarded, guardedPublic }).toEqual({ unlisted: [], unguarded: [], guardedPublic: [] });
});

test('no @Authorized decorator names roles of its own (the policy is the only list)', async () => {
  const { guarded } = await guardedCoordinates();
  expect([...guarded].filter(([, roles]) => roles.length > 0)).toEqual([]);
});

test('every policy entry names a field the schema has, and every root field is in the policy', async () => {
  const { all } = await guardedCoordinates();
  expect(Object.keys(POLICY).filter((c) => !isRouteKey(c) && !all.has(c))).toEqual([]);
  const roots = [...all].filter((c) => c.startsWith('Query.') || c.startsWith('Mutation.'));
  expect(roots.filter((c) => !Object.hasOwn(POLICY, c))).toEqual([]);
});

describe('decide', () => {
  const user = (role: Role): Principal => ({ kind: 'user', subject: 's', role, orgId: role === 'INSURER' ? 'org-x' : null });
  it('public fields need no token; others need one', () => {
    expect(decide({ kind: 'anonymous' }, 'Query.breaches')).toBe('ALLOWED');
    expect(decide({ kind: 'anonymous' }, 'Query.breachImpact')).toBe('UNAUTHENTICATED');
    expect(decide({ kind: 'anonymous' }, 'Query.affectedContracts')).toBe('UNAUTHENTICATED');
  });
  it('person-level rows: INSURER only', () => {
    for (const role of Object.keys(Role) as Role[]) expect([role, decide(user(role), 'Query.memberExposure')]).toEqual([role, role === 'INSURER' ? 'ALLOWED' : 'FORBIDDEN']);
  });
  it('the mailing export route: INSURER only, person-level, and told apart from schema coordinates', () => {
    expect(isRouteKey('GET /export/affected-contracts')).toBe(true);
    expect(isRouteKey('Query.affectedContracts')).toBe(false);
    expect(POLICY['GET /export/affected-contracts'].personLevel).toBe(true);
    expect(decide({ kind: 'anonymous' }, 'GET /export/affected-contracts')).toBe('UNAUTHENTICATED');
    for (const role of Object.keys(Role) as Role[]) expect([role, decide(user(role), 'GET /export/affected-contracts')]).toEqual([role, role === 'INSURER' ? 'ALLOWED' : 'FORBIDDEN']);
  });
  it('an unlisted field, or an inherited property name, is never allowed', () => {
    for (const field of ['Query.nope', 'constructor', '__proto__', 'toString']) expect(decide(user('ADMIN'), field)).toBe('UNLISTED');
  });
});
