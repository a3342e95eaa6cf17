import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { AuditEventsArgs, AuditIntegrityArgs } from './audit.args';
import { listAuditEvents } from '../../domain/audit/audit.repository';
import type { AuditEventRow } from '../../domain/audit/audit.rows';
import { AuditEvent, AuditIntegrity } from './audit.type';
import { IntegrityReport, verifyAuditChain } from '../../domain/audit/audit-integrity';

/** The audit trail, for ADMIN and REGULATOR. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized()
  @Query(() => [AuditEvent], { description: 'Audit trail of person- and contract-level reads and refusals, and of audited writes (recorded notifications), newest first. ADMIN and REGULATOR only.' })
  async auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<AuditEventRow[]> {
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 500) throw badInput('limit', args.limit, 'must be between 1 and 500');
    if (args.outcome && !['READ', 'REFUSED', 'WRITTEN'].includes(args.outcome)) throw badInput('outcome', args.outcome, 'must be READ, REFUSED or WRITTEN');
    return listAuditEvents(ctx.db, {
      field: args.field ?? null,
      outcome: args.outcome ?? null,
      orgId: args.orgId ?? null,
      operationName: args.operationName ?? null,
      limit: args.limit,
    });
  }

  @Authorized()
  @Query(() => AuditIntegrity, {
    description:
      'Verifies the tamper-evident audit trail (hash chain) and reports the first broken link: a record edited, removed or inserted behind the API’s back. ADMIN and REGULATOR only. Checks at most `limit` records from the pruning anchor (or after `after`): a longer trail is verified piece by piece, each piece starting at the `next` of the one before, and is intact when every piece is `ok` up to a `complete` one. `npm run audit:verify` walks every piece with no request deadline.',
  })
  auditIntegrity(@Args(() => AuditIntegrityArgs) args: AuditIntegrityArgs, @Ctx() ctx: RequestContext): Promise<IntegrityReport> {
    // The range's bounds are checked once, by verifyAuditChain (BAD_USER_INPUT).
    return verifyAuditChain(ctx.db, { after: args.after ?? null, limit: args.limit });
  }
}
