import type { GraphQLResolveInfo } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { AppError, isAppError } from '../errors/app-error';
import type { RequestContext } from '../graphql/context';
import type { Role } from './principal';

/** Fields that return person- or contract-level rows: every read and every refusal is audited. */
export const PERSON_LEVEL_FIELDS = new Set(['Query.affectedContracts', 'Query.memberExposure']);

/** `Type.field` of the field being resolved. */
export function fieldCoordinate(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

/**
 * type-graphql's guard for `@Authorized(...roles)`: no token is UNAUTHENTICATED; a role not in
 * the list is FORBIDDEN; an INSURER token whose `org` is not an insurer of the graph is FORBIDDEN
 * (the request's tenant check, run once, before any protected field resolves). Refusals of
 * person- or contract-level fields leave an audit record before the error is thrown, so the
 * trail shows attempts as well as reads.
 */
export const authChecker: AuthChecker<RequestContext, Role> = async ({ context, info, args }, roles) => {
  const p = context.principal;
  const field = fieldCoordinate(info);
  if (p.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED', `"${field}" needs a bearer token (Authorization: Bearer <JWT>); without one only the breach catalogue is public.`);
  }
  if (roles.length > 0 && !roles.includes(p.role)) {
    if (PERSON_LEVEL_FIELDS.has(field)) await context.audit.refused(info, args, `role ${p.role} may not read ${field}`);
    throw new AppError('FORBIDDEN', `Role ${p.role} may not read "${field}" (allowed: ${roles.join(', ')}).`);
  }
  try {
    await context.tenantCheck();
  } catch (e) {
    if (PERSON_LEVEL_FIELDS.has(field) && isAppError(e) && e.code === 'FORBIDDEN') await context.audit.refused(info, args, e.message);
    throw e;
  }
  return true;
};
