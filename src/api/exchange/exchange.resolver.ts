import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { toStixBundle } from '../../domain/exchange/to-stix';
import { toVeris } from '../../domain/exchange/to-veris';
import type { RequestContext } from '../context';
import { BreachExportArgs, ExportFormat } from './exchange.args';
import { BreachExport } from './exchange.type';
import { loadExportRecord } from './export-record';

const SCHEMAS: Record<ExportFormat, { schema: string; mediaType: string }> = {
  [ExportFormat.VERIS_1_3]: { schema: 'https://github.com/vz-risk/veris/blob/6c9f419/verisc.json (VERIS 1.3.7)', mediaType: 'application/json' },
  [ExportFormat.STIX_2_1]: {
    schema: 'https://github.com/oasis-open/cti-stix2-json-schemas/blob/master/schemas/common/bundle.json (STIX 2.1)',
    mediaType: 'application/stix+json;version=2.1',
  },
};

/** `breachExport`: a breach in an exchange format (issue #11 §8). */
@Resolver(() => BreachExport)
export class BreachExportResolver {
  // Public, as `breach` is: the export is the public record. The insurers reached are added only
  // for callers the role policy lets read `affectedInsurers` (see export-record.ts).
  @Query(() => BreachExport, {
    description:
      'A breach as a VERIS 1.3.7 incident record or a STIX 2.1 bundle, for sharing with tools that speak them. Public like `breach` (the public record, no person-level data); insurers reached (VERIS secondary victims, STIX identities) only for callers whose role may read `affectedInsurers`. NOT_FOUND for an unknown breach; BAD_USER_INPUT for a breach with no dated event.',
  })
  async breachExport(@Args(() => BreachExportArgs) { breachId, format }: BreachExportArgs, @Ctx() ctx: RequestContext): Promise<BreachExport> {
    const record = await loadExportRecord(ctx, breachId);
    const document = format === ExportFormat.VERIS_1_3 ? toVeris(record) : toStixBundle(record);
    return { breachId, format, ...SCHEMAS[format], document };
  }
}
