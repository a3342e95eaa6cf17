import type { GraphQLResolveInfo } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { allowedRoles, AUDITED_FIELDS, decide } from '../auth/policy';
import type { Role } from '../auth/principal';
import { AppError, isAppError } from '../errors/app-error';
import type { RequestContext } from './context';

/** `Type.field` of the field being resolved. */
export function fieldCoordinate(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

/**
 * Fields whose resolver confirms the catalogue version the tenant check assumed, in its own
 * statement, before any row leaves (TenantCheck.provisional): for them the check costs no
 * statement of its own. Only the contract page does (api/contract/contract-page.ts).
 */
const CONFIRMS_TENANT_ITSELF: ReadonlySet<string> = new Set(['Query.affectedContracts']);

/**
 * type-graphql's guard for `@Authorized()`: it asks the one role policy (auth/policy) about the
 * field being resolved, so decorators carry no roles of their own. No token is UNAUTHENTICATED; a
 * role the policy does not list is FORBIDDEN; a guarded field missing from the policy is refused
 * (fail closed); an INSURER whose `org` is not an insurer of the graph is FORBIDDEN. Every
 * refusal of a person- or contract-level field, anonymous ones included, leaves an audit record
 * (with its error code) before the error is thrown, so the trail shows attempts as well as reads;
 * what the resolver itself refuses is recorded by audit-attempt.
 */
export const authChecker: AuthChecker<RequestContext, Role> = async ({ context, info, args }, roles) => {
  const field = fieldCoordinate(info);
  // Roles on a decorator would be a second policy, silently ignored: refuse to run with one.
  if (roles.length > 0) throw new AppError('INTERNAL', `@Authorized on ${field} names roles; the role policy lives in auth/policy.ts only.`);
  const p = context.principal;
  const role = p.kind === 'user' ? p.role : 'anonymous';
  const refuse = async (code: 'UNAUTHENTICATED' | 'FORBIDDEN', reason: string, message: string): Promise<never> => {
    if (AUDITED_FIELDS.has(field)) await context.audit.refused(info, args, { code, reason });
    throw new AppError(code, message);
  };
  switch (decide(p, field)) {
    case 'ALLOWED':
      // An INSURER token whose `org` is not an insurer of the graph is FORBIDDEN everywhere (the
      // request's tenant check, started with the context, awaited before any protected field).
      try {
        await (CONFIRMS_TENANT_ITSELF.has(field) ? context.tenantCheck.provisional() : context.tenantCheck());
      } catch (e) {
        if (AUDITED_FIELDS.has(field) && isAppError(e) && e.code === 'FORBIDDEN') await context.audit.refused(info, args, { code: 'FORBIDDEN', reason: `the token’s organisation ${p.kind === 'user' ? p.orgId : null} is not an insurer of the graph` });
        throw e;
      }
      return true;
    case 'UNAUTHENTICATED':
      return refuse('UNAUTHENTICATED', `no token for ${field}`, `"${field}" needs a bearer token (Authorization: Bearer <JWT>); without one only the breach catalogue is public.`);
    case 'UNLISTED':
      return refuse('FORBIDDEN', `${field} is not in the role policy`, `"${field}" is not in the role policy; nobody may read it.`);
    case 'FORBIDDEN':
      return refuse('FORBIDDEN', `role ${role} may not read ${field}`, `Role ${role} may not read "${field}" (allowed: ${allowedRoles(field)}).`);
  }
};
