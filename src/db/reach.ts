/**
 * The owner of the reach rule: which breach reaches whom, on which date, and what a tenant sees.
 *
 * The rule itself is Cypher, written once as fragments in `cypher/reach/` that statements pull in
 * with `// @include` (see cypher-files.ts); this module names those fragments, states the
 * reference-date steps that `cypher/reach/reference-date.cypher` follows, and applies the tenant
 * filter to rows that were read for every tenant and cached. test/one-owner.test.ts fails when a
 * statement or a module writes any of it out again instead.
 */

/** The fragments of the reach rule, by what they decide; each is `cypher/<name>.cypher`. */
export const REACH_FRAGMENTS = Object.freeze({
  /** A flow counts on d: started by d, and still running or its data still held (unknown retention: held). */
  flowHeld: 'reach/flow-held',
  /** A counted flow's basis on d: ACTIVE while it runs, RETAINED once ended. */
  flowBasis: 'reach/flow-basis',
  /** A contract is reached through a path on d: reachable, and held on d (the three below). */
  contractReached: 'reach/contract-reached',
  /** A contract is reachable through a path whatever the date (operator, window overlap, cut-off). */
  contractReachable: 'reach/contract-reachable',
  /** The first day a reachable contract is held (its start). */
  contractHeldSince: 'reach/contract-held-since',
  /** The last day a reachable contract is held (end plus known retention; null: whatever the date). */
  contractHeldUntil: 'reach/contract-held-until',
  /** An insurer sees the flows and paths it controls ($tenant null: every tenant). */
  tenantPath: 'reach/tenant-path',
  /** An insurer's count covers its own contracts ($tenant null: every insurer's). */
  tenantContract: 'reach/tenant-contract',
  /** An insurer's contract search: the number starts with $search, case-insensitively (a page and its count alike). */
  contractNumberSearch: 'reach/contract-number-search',
  /** The date a breach's events give it, and which step gave it. */
  referenceDate: 'reach/reference-date',
  /** The population-level paths from taken systems with exposed categories (a breach's, or a what-if's). */
  impactPath: 'reach/impact-path',
} as const);

/**
 * The steps that give a breach its reference date when no `asOf` is asked for, in order: the first
 * step with a dated event wins, with its earliest date. The single source of these kind lists:
 * `cypher/reach/reference-date.cypher` spells the same lists in the same order, and
 * test/reference-date.test.ts checks the two agree (text and answers on the seeded breaches).
 * Telling the clients and telling the public are two steps with two bases, so that a date is named
 * for what it is: Almerys informed a client (Alan) on 2024-02-02 and disclosed publicly on
 * 2024-02-05; its reference date is the first, with basis CLIENTS_INFORMED (#11 §1). Clients
 * come first because an operator tells its clients (the controllers) before the public.
 */
export const REFERENCE_DATE_STEPS = Object.freeze([
  Object.freeze({ basis: 'INTRUSION', kinds: Object.freeze(['INTRUSION', 'DATA_COLLECTED']) }),
  Object.freeze({ basis: 'DETECTION', kinds: Object.freeze(['DETECTED']) }),
  Object.freeze({ basis: 'CLIENTS_INFORMED', kinds: Object.freeze(['CLIENTS_INFORMED']) }),
  Object.freeze({ basis: 'PUBLIC_DISCLOSURE', kinds: Object.freeze(['DISCLOSED']) }),
] as const);

/** Which step gave a reference date; 'UNKNOWN' when no step's events are dated. */
export type ReferenceDateBasis = (typeof REFERENCE_DATE_STEPS)[number]['basis'] | 'UNKNOWN';

/** The event kinds of a breach's intrusion date (the first reference-date step). */
export const INTRUSION_KINDS: readonly string[] = REFERENCE_DATE_STEPS[0].kinds;
/** The event kinds of a breach's detection date (the second reference-date step). */
export const DETECTION_KINDS: readonly string[] = REFERENCE_DATE_STEPS[1].kinds;
/**
 * The event kinds of a breach's public disclosure date (the last reference-date step): DISCLOSED
 * only, since telling the clients is not telling the public.
 */
export const PUBLIC_DISCLOSURE_KINDS: readonly string[] = REFERENCE_DATE_STEPS[3].kinds;

/**
 * The reference date a breach's events give it, and the step that gave it, by the same rule as
 * `cypher/reach/reference-date.cypher`: the earliest dated event of the first step that has one.
 * Dates are ISO calendar dates (`YYYY-MM-DD`), which sort as strings.
 */
export function referenceDateOf(events: ReadonlyArray<{ kind: string; date: string | null }>): { date: string | null; basis: ReferenceDateBasis } {
  for (const step of REFERENCE_DATE_STEPS) {
    const dates = events.filter((e) => (step.kinds as readonly string[]).includes(e.kind) && e.date !== null).map((e) => e.date!);
    if (dates.length > 0) return { date: dates.sort()[0], basis: step.basis };
  }
  return { date: null, basis: 'UNKNOWN' };
}

/**
 * The tenant filter on rows read for every tenant (shared caches, stored summaries): true when
 * `tenant` may see the flow or path `row`, i.e. the tenant is null (a role that sees every
 * tenant) or the row's controller is the tenant. The same filter as `cypher/reach/tenant-path.cypher`,
 * so a cached row is shown exactly when the statement would have returned it.
 */
export function visibleToTenant(row: { controllerId: string | null }, tenant: string | null): boolean {
  return tenant === null || row.controllerId === tenant;
}
