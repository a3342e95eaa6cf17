import { AppError } from '../errors/app-error';
import type { Principal } from './principal';

/** Settles once per request: resolves when the caller's tenant is valid, rejects (FORBIDDEN) when not. */
export interface TenantCheck {
  (): Promise<void>;
  /**
   * The same verdict from the organisation row the process already holds at the catalogue version
   * the request may assume, with no statement; the full check when no such row is held or when
   * that row would refuse (a refusal is never made on an assumption). For a
   * field whose own statement returns the current catalogue version (contract pages): it must
   * compare that version with the one assumed and, when they differ, run the full check before
   * any row leaves. Any other field awaits the full check.
   */
  provisional(): Promise<void>;
  /** True when {@link TenantCheck.provisional} would answer without a statement (or the caller has no tenant). */
  canAssume(): boolean;
  /** True when the row held at the version the request may assume passes, now (synchronously, so at one version). */
  passesAssumed(): boolean;
}

type OrgRow = { roles: readonly string[] } | null;

/**
 * The tenant check of one request. A valid signature proves who issued an INSURER token, not
 * that its `org` names an insurer: an `org` that is an operator, a parent group or no
 * organisation at all would otherwise become a tenant. Fails closed: FORBIDDEN naming the org
 * when the organisation is absent or does not hold the INSURER role; a database failure rejects
 * too. Other roles have no tenant and pass at once. `organization` is the request's organisation
 * loader, so the lookup is answered by the process's catalogue cache (no statement once the row
 * is cached at the current catalogue version), and it runs at most once per request.
 * `assumedOrganization` answers from that cache at the version the request may assume, without
 * a statement (undefined: not held), for {@link TenantCheck.provisional}.
 */
export function tenantCheck(
  principal: Principal,
  organization: (id: string) => Promise<OrgRow>,
  assumedOrganization: (id: string) => OrgRow | undefined = () => undefined,
): TenantCheck {
  if (principal.kind !== 'user' || principal.role !== 'INSURER') {
    const pass = (() => Promise.resolve()) as TenantCheck;
    pass.provisional = () => Promise.resolve();
    pass.canAssume = () => true;
    pass.passesAssumed = () => true;
    return pass;
  }
  const orgId = principal.orgId;
  const judge = (row: OrgRow): void => {
    if (!row || !row.roles.includes('INSURER')) {
      throw new AppError(
        'FORBIDDEN',
        `The token's organisation ${JSON.stringify(orgId)} is not an insurer in the graph: an INSURER token must name an existing insurer (claim "org").`,
        { org: orgId },
      );
    }
  };
  let verdict: Promise<void> | undefined;
  const check = (() => (verdict ??= (orgId === null ? Promise.resolve(null) : organization(orgId)).then(judge))) as TenantCheck;
  const assumed = () => (orgId === null ? null : assumedOrganization(orgId));
  check.canAssume = () => assumed() !== undefined;
  check.passesAssumed = () => {
    const row = assumed();
    if (row === undefined) return false;
    try {
      judge(row);
      return true;
    } catch {
      return false;
    }
  };
  // Not memoised as the verdict: the full check, if a field asks for it, still reads the version.
  // A refusal is never made on an assumption: a row that fails is checked again at the current version.
  check.provisional = () => (check.passesAssumed() ? Promise.resolve() : check());
  return check;
}
