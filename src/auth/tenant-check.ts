import { AppError } from '../errors/app-error';
import type { Principal } from './principal';

/** Settles once per request: resolves when the caller's tenant is valid, rejects (FORBIDDEN) when not. */
export type TenantCheck = () => Promise<void>;

/**
 * The tenant check of one request. A valid signature proves who issued an INSURER token, not
 * that its `org` names an insurer: an `org` that is an operator, a parent group or no
 * organisation at all would otherwise become a tenant. Fails closed: FORBIDDEN naming the org
 * when the organisation is absent or does not hold the INSURER role; a database failure rejects
 * too. Other roles have no tenant and pass at once. `organization` is the request's organisation
 * loader, so the lookup is answered by the process's catalogue cache (no statement once the row
 * is cached at the current catalogue version), and it runs at most once per request.
 */
export function tenantCheck(principal: Principal, organization: (id: string) => Promise<{ roles: readonly string[] } | null>): TenantCheck {
  if (principal.kind !== 'user' || principal.role !== 'INSURER') return () => Promise.resolve();
  const orgId = principal.orgId;
  let verdict: Promise<void> | undefined;
  return () =>
    (verdict ??= (orgId === null ? Promise.resolve(null) : organization(orgId)).then((row) => {
      if (!row || !row.roles.includes('INSURER')) {
        throw new AppError(
          'FORBIDDEN',
          `The token's organisation ${JSON.stringify(orgId)} is not an insurer in the graph: an INSURER token must name an existing insurer (claim "org").`,
          { org: orgId },
        );
      }
    }));
}
