import type { GraphQLResolveInfo } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { allowedRoles, decide, PERSON_LEVEL_FIELDS } from '../auth/policy';
import type { Role } from '../auth/principal';
import { AppError, isAppError } from '../errors/app-error';
import type { RequestContext } from './context';

/** `Type.field` of the field being resolved. */
export function fieldCoordinate(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

/**
 * type-graphql's guard for `@Authorized()`: it asks the one role policy (auth/policy) about the
 * field being resolved, so decorators carry no roles of their own. No token is UNAUTHENTICATED; a
 * role the policy does not list is FORBIDDEN; a guarded field missing from the policy is refused
 * (fail closed); an INSURER whose `org` is not an insurer of the graph is FORBIDDEN. Refusals of
 * person- or contract-level fields leave an audit record before the
 * error is thrown, so the trail shows attempts as well as reads.
 */
export const authChecker: AuthChecker<RequestContext, Role> = async ({ context, info, args }, roles) => {
  const field = fieldCoordinate(info);
  // Roles on a decorator would be a second policy, silently ignored: refuse to run with one.
  if (roles.length > 0) throw new AppError('INTERNAL', `@Authorized on ${field} names roles; the role policy lives in auth/policy.ts only.`);
  const p = context.principal;
  switch (decide(p, field)) {
    case 'ALLOWED':
      // An INSURER token whose `org` is not an insurer of the graph is FORBIDDEN everywhere (the
      // request's tenant check, started with the context, awaited before any protected field).
      try {
        await context.tenantCheck();
      } catch (e) {
        if (PERSON_LEVEL_FIELDS.has(field) && isAppError(e) && e.code === 'FORBIDDEN') await context.audit.refused(info, args, e.message);
        throw e;
      }
      return true;
    case 'UNAUTHENTICATED':
      throw new AppError('UNAUTHENTICATED', `"${field}" needs a bearer token (Authorization: Bearer <JWT>); without one only the breach catalogue is public.`);
    case 'UNLISTED':
      throw new AppError('FORBIDDEN', `"${field}" is not in the role policy; nobody may read it.`);
    case 'FORBIDDEN': {
      const role = p.kind === 'user' ? p.role : 'anonymous';
      if (PERSON_LEVEL_FIELDS.has(field)) await context.audit.refused(info, args, `role ${role} may not read ${field}`);
      throw new AppError('FORBIDDEN', `Role ${role} may not read "${field}" (allowed: ${allowedRoles(field)}).`);
    }
  }
};
