import type { Principal, Role } from './principal';

/**
 * Who may read a field: `PUBLIC` (anyone, no token), `ANY_ROLE` (any valid token), or a list
 * of roles. `personLevel` marks fields that return person- or contract-level rows: every read
 * and every refusal of them is audited.
 */
export interface FieldPolicy {
  readonly allow: 'PUBLIC' | 'ANY_ROLE' | readonly Role[];
  readonly personLevel?: true;
  /** A write whose every attempt (done or refused) is audited, like a person-level read. */
  readonly auditedWrite?: true;
}

/**
 * THE role policy: what each role may read, by schema coordinate (`Type.field`). The GraphQL
 * guard (api/auth-checker), the audit's list of person-level fields and the tests' list of root
 * fields all derive from it, and `test/policy.test.ts` fails when a guarded field of the schema is
 * missing here or a field here is not guarded as written. HTTP routes that serve rows outside
 * GraphQL (the mailing export) have their entry here too, keyed `METHOD /path`. A new role or field is one edit here.
 * Row-level confinement (an insurer sees only its own tenant) is not a role rule: see the tenant
 * filter (db/reach).
 */
export const POLICY: Readonly<Record<string, FieldPolicy>> = Object.freeze({
  // The public record of the breaches: what was published, no counts of people.
  'Query.breaches': { allow: 'PUBLIC' },
  'Query.breach': { allow: 'PUBLIC' },
  // The public record in VERIS / STIX; insurers reached are added only where `Query.affectedInsurers` allows.
  'Query.breachExport': { allow: 'PUBLIC' },
  'Query.dataCategories': { allow: 'PUBLIC' },
  // Severity of a breach from its public record (no counts of people): public like the record.
  'Query.breachSeverity': { allow: 'PUBLIC' },
  'Breach.severity': { allow: 'PUBLIC' },
  // Aggregates and the graph: any role; an insurer's answers are confined to its own tenant.
  'Query.breachImpact': { allow: 'ANY_ROLE' },
  'Query.affectedInsurers': { allow: 'ANY_ROLE' },
  'Query.crossBreachImpact': { allow: 'ANY_ROLE' },
  'Breach.impact': { allow: 'ANY_ROLE' },
  'Query.lineage': { allow: 'ANY_ROLE' },
  // The data flows in OpenLineage / fideslang (#14 §5): the same graph as `lineage`, the same rule.
  'Query.lineageExport': { allow: 'ANY_ROLE' },
  // Severity for one controller's people, chosen by its impact paths: as impact is.
  'Query.controllerSeverity': { allow: 'ANY_ROLE' },
  // What-if: the shape of breachImpact, so the same rule; an insurer's is confined to its own
  // paths and contracts by the tenant filter, aggregate roles count on today's date only.
  'Query.simulateBreach': { allow: 'ANY_ROLE' },
  'Query.organization': { allow: 'ANY_ROLE' },
  'Query.organizations': { allow: 'ANY_ROLE' },
  'Organization.subsidiaries': { allow: 'ANY_ROLE' },
  'Organization.owners': { allow: 'ANY_ROLE' },
  'Organization.partnerships': { allow: 'ANY_ROLE' },
  'Organization.systems': { allow: 'ANY_ROLE' },
  'Organization.populations': { allow: 'ANY_ROLE' },
  // Person- and contract-level rows: an insurer's own members only.
  'Query.affectedContracts': { allow: ['INSURER'], personLevel: true },
  'Query.memberExposure': { allow: ['INSURER'], personLevel: true },
  // The audit trail and writes.
  'Query.auditEvents': { allow: ['ADMIN', 'REGULATOR'] },
  'Query.auditIntegrity': { allow: ['ADMIN', 'REGULATOR'] },
  'Mutation.registerBreach': { allow: ['ADMIN'] },
  'Mutation.importPortfolio': { allow: ['ADMIN'] },
  // The notification cascade (#11 §3-4): an insurer records and drafts its own (the resolver
  // refuses another actor or controller); the regulator sees every controller's duties.
  'Query.notifications': { allow: ['INSURER', 'REGULATOR'] },
  'Query.notificationDuties': { allow: ['REGULATOR'] },
  'Query.notificationDraft': { allow: ['INSURER', 'REGULATOR'] },
  'Mutation.recordNotification': { allow: ['INSURER'], auditedWrite: true },
  // HTTP routes outside GraphQL, keyed `METHOD /path` (see isRouteKey): the same table, the same
  // decide(). The mailing export streams every affected contract of the token's own insurer.
  'GET /export/affected-contracts': { allow: ['INSURER'], personLevel: true },
});

/** True when a policy key names an HTTP route (`GET /export/…`) rather than a schema coordinate. */
export function isRouteKey(key: string): boolean {
  return /^[A-Z]+ \//.test(key);
}

/** Fields whose reads and refusals are audited (derived from {@link POLICY}). */
export const PERSON_LEVEL_FIELDS: ReadonlySet<string> = new Set(Object.entries(POLICY).flatMap(([field, p]) => (p.personLevel ? [field] : [])));

/** Fields whose every attempt is audited: person-level reads and audited writes (derived from {@link POLICY}). */
export const AUDITED_FIELDS: ReadonlySet<string> = new Set(Object.entries(POLICY).flatMap(([field, p]) => (p.personLevel || p.auditedWrite ? [field] : [])));

/** The outcome of asking the policy whether a principal may read a field. */
export type PolicyDecision = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNLISTED';

/**
 * Whether `principal` may read `field`. A field missing from the policy is `UNLISTED`: the guard
 * refuses it (fail closed), since a guarded field nobody listed is a mistake, not an opening.
 */
export function decide(principal: Principal, field: string): PolicyDecision {
  const policy = Object.hasOwn(POLICY, field) ? POLICY[field] : undefined;
  if (!policy) return 'UNLISTED';
  if (policy.allow === 'PUBLIC') return 'ALLOWED';
  if (principal.kind === 'anonymous') return 'UNAUTHENTICATED';
  if (policy.allow === 'ANY_ROLE') return 'ALLOWED';
  return policy.allow.includes(principal.role) ? 'ALLOWED' : 'FORBIDDEN';
}

/** The roles a field allows, for messages ("allowed: …"). */
export function allowedRoles(field: string): string {
  const allow = Object.hasOwn(POLICY, field) ? POLICY[field].allow : [];
  return typeof allow === 'string' ? allow : allow.join(', ');
}
