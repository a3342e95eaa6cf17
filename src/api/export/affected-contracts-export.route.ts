import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TokenVerifier } from '../../auth/verify-token';
import { refusalOf } from '../../domain/audit/audit-recorder';
import { AppError, isAppError } from '../../errors/app-error';
import { HttpErrorCode, statusOf } from '../../errors/codes';
import { createRequestContext, Services } from '../context';
import { recordOf } from '../server/request-record';
import { EXPORT_PATH, exportStream, PreparedExport, prepareExport, recordExportAttempt } from './affected-contracts-export';

/** What the route needs from the HTTP server that mounts it. */
export interface ExportRouteDeps {
  services: Services;
  verifyToken: TokenVerifier;
  /** The server's GraphQL-shaped error answer, with the code's catalogue status. */
  sendError: (reply: FastifyReply, code: HttpErrorCode, message: string) => FastifyReply;
}

/** A file name safe in a Content-Disposition header: ids are already tame, this keeps them so. */
function fileName(prepared: PreparedExport): string {
  const part = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  const { request, tenant, referenceDate } = prepared;
  return `affected-contracts_${part(request.breachId)}_${part(tenant)}_${part(referenceDate ?? 'no-date')}.${request.format}`;
}

/**
 * Mounts `GET /export/affected-contracts?breachId=…&format=csv|jsonl[&asOf=…][&bom=true]`: every
 * affected contract and beneficiary role of the token's own insurer for a breach, streamed (see
 * `exportStream`), in one authorised request with one audit record. The bearer token is verified
 * as on /graphql (a bad one is 401 UNAUTHENTICATED, not audited, as a GraphQL request it fails
 * whole); every other refusal (no token, a role other than INSURER, an `org` that is no insurer,
 * a bad parameter, an unknown breach, a database failure before the first byte) is audited and
 * answered with its catalogue status and a GraphQL-shaped body. Once the first byte is sent, a
 * failure cuts the connection: the body then lacks its end line.
 */
export function registerAffectedContractsExport(fastify: FastifyInstance, deps: ExportRouteDeps): void {
  const { services, verifyToken, sendError } = deps;
  const fail = (reply: FastifyReply, e: unknown): FastifyReply => {
    const error = isAppError(e) && statusOf(e.code) !== null ? e : new AppError('INTERNAL', 'An internal error occurred.');
    if (error.code === 'INTERNAL') services.logger.error({ err: e, path: EXPORT_PATH }, 'export failed before its first byte');
    return sendError(reply, error.code as HttpErrorCode, error.message);
  };
  fastify.get(EXPORT_PATH, async (request, reply) => {
    const record = recordOf(request);
    let principal;
    try {
      principal = await verifyToken(request.headers.authorization);
    } catch (e) {
      return fail(reply, e);
    }
    record.principal = principal;
    const ctx = createRequestContext(services, principal);
    record.roundTrips = ctx.roundTrips;
    let prepared: PreparedExport;
    try {
      prepared = await prepareExport(ctx, request.query, { batchSize: services.exportBatchSize });
    } catch (e) {
      try {
        await recordExportAttempt(ctx, request.query, 'REFUSED', null, refusalOf(e));
      } catch (auditError) {
        // The caller still gets the refusal; the lost record is an operational alarm, not theirs.
        services.logger.error({ err: auditError, path: EXPORT_PATH }, 'audit record of a refused export failed');
      }
      return fail(reply, e);
    }
    const { stream } = exportStream(ctx, request.query, prepared);
    return reply
      .code(200)
      .header('content-type', prepared.request.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName(prepared)}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('x-export-reference-date', prepared.referenceDate ?? '')
      .send(stream);
  });
}
