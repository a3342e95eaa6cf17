import type { MiddlewareFn } from 'type-graphql';
import { refusalOf } from '../../domain/audit/audit-recorder';
import type { RequestContext } from '../context';

/**
 * Middleware of every person- or contract-level field (`@UseMiddleware(AuditAttempt)`): whatever
 * the resolver refuses (a bad page size, a forged cursor, an unknown breach, an invalid NIR,
 * another tenant) is recorded as REFUSED with its error code before the error leaves, unless the
 * attempt already has its record (a read recorded before it failed). Refusals by role are
 * recorded by the auth checker, which runs before this middleware.
 */
export const AuditAttempt: MiddlewareFn<RequestContext> = async ({ context, info, args }, next) => {
  try {
    return await next();
  } catch (error) {
    if (!context.audit.recorded(info)) {
      try {
        await context.audit.refused(info, args, refusalOf(error));
      } catch (auditError) {
        // The caller still gets the refusal; the lost record is an operational alarm, not theirs.
        context.logger.error({ err: auditError, field: `${info.parentType.name}.${info.fieldName}` }, 'audit record of a refusal failed');
      }
    }
    throw error;
  }
};
