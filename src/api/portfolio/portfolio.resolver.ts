import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { importPortfolio, RejectedRow } from '../../domain/import/import-portfolio';
import { ImportResult } from './portfolio.type';

const MAX_REJECTIONS = 1_000;

/** `importPortfolio`: small files through the API (large ones through `npm run import`). */
@Resolver(() => ImportResult)
export class PortfolioImportResolver {
  @Authorized()
  @Mutation(() => ImportResult, { description: 'Imports a small portfolio CSV for an insurer (ADMIN; the request-size limit applies — use `npm run import` for large files). Same format, validation and idempotence as the command: refused rows are listed, good rows load.' })
  async importPortfolio(
    @Arg('insurerId', () => ID, { description: 'The insurer whose portfolio this is.' }) insurerId: string,
    @Arg('csv', () => String, { description: 'The CSV text, header line first (see seeds/portfolio-sample.csv).' }) csv: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportResult> {
    const rejections: Array<{ line: number; reason: string; record: string }> = [];
    const summary = await importPortfolio({
      executor: ctx.executor,
      pseudonymKey: ctx.pseudonymKey,
      insurerId,
      source: csv,
      counter: ctx.roundTrips,
      onReject: (r: RejectedRow) => {
        if (rejections.length < MAX_REJECTIONS) rejections.push({ line: r.line, reason: r.reason, record: JSON.stringify(r.record) });
      },
    });
    // Imported contracts change what the per-request loaders may have cached.
    ctx.loaders.impactPaths.clearAll();
    ctx.loaders.routedPaths.clearAll();
    ctx.loaders.contractAggregates.clearAll();
    return { ...summary, rejections };
  }
}
