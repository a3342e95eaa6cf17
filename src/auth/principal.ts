import { registerEnumType } from 'type-graphql';

/** Roles a token can carry. */
export const Role = { INSURER: 'INSURER', REGULATOR: 'REGULATOR', ANALYST: 'ANALYST', ADMIN: 'ADMIN' } as const;
export type Role = keyof typeof Role;
registerEnumType(Role, {
  name: 'Role',
  description: 'INSURER: its own contracts, people, populations and paths. REGULATOR: every breach and aggregate, no person- or contract-level rows. ANALYST: graph, lineage and aggregates, no rows. ADMIN: writes and the audit trail.',
});

const ROLES: ReadonlySet<string> = new Set(Object.values(Role));

/**
 * True when `value` is one of the Role values. Not `value in Role`: `in` also accepts the keys
 * every object inherits (`constructor`, `toString`, `__proto__`…), and a signed token with
 * `role: "constructor"` once passed as a role that no guard listed, so no guard refused it.
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLES.has(value);
}

/** Who is calling: an authenticated subject with a role (and, for an insurer, its organisation), or nobody. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; subject: string; role: Role; orgId: string | null };

/** The anonymous principal (no Authorization header). */
export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

/**
 * The tenant a principal's person- and contract-level reads are confined to: the insurer's own
 * organisation; null for roles that see every tenant's aggregates (regulator, analyst, admin).
 * Every tenant-scoped Cypher statement receives this value as `$tenant`.
 */
export function tenantOf(p: Principal): string | null {
  return p.kind === 'user' && p.role === 'INSURER' ? p.orgId : null;
}
