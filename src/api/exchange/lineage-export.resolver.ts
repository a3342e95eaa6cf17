import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { fideslangMappingOf } from '../../domain/exchange/fideslang-mapping';
import { toFidesManifest } from '../../domain/exchange/to-fides';
import { OPENLINEAGE_SPEC, toOpenLineageEvents } from '../../domain/exchange/to-openlineage';
import type { RequestContext } from '../context';
import { LineageExportArgs, LineageFormat } from './lineage-export.args';
import { loadLineageRecord } from './lineage-export-record';
import { LineageExport } from './lineage-export.type';

const SCHEMAS: Record<LineageFormat, string> = {
  [LineageFormat.OPENLINEAGE]: `${OPENLINEAGE_SPEC} (OpenLineage 2-0-2: DatasetEvent and JobEvent; custom facets in schema/openlineage-facets.json)`,
  [LineageFormat.FIDES]: 'https://github.com/ethyca/fideslang/blob/main/src/fideslang/models.py (fideslang 3.1 Dataset; data categories of the default taxonomy)',
};

/**
 * `lineageExport`: the data map in OpenLineage or fideslang (issue #14 §5). A GraphQL query, not an
 * HTTP download: the export is graph metadata, a few events per flow (hundreds on the synthetic
 * France), not person-level rows to stream, and it follows the role rule of `lineage`.
 */
@Resolver(() => LineageExport)
export class LineageExportResolver {
  @Authorized()
  @Query(() => LineageExport, {
    description:
      'The data flows (who sends which data categories about which population to which system, through which partner, with GDPR roles, validity windows, retention and sources) as OpenLineage 2 static lineage events or a fideslang dataset manifest, for lineage and privacy tools (Marquez, DataHub, Fides). Any role, like `lineage`; an INSURER gets only the flows it controls. No person-level data.',
  })
  async lineageExport(@Args(() => LineageExportArgs) { format }: LineageExportArgs, @Ctx() ctx: RequestContext): Promise<LineageExport> {
    const record = await loadLineageRecord(ctx);
    const documents = format === LineageFormat.OPENLINEAGE ? toOpenLineageEvents(record, new Date().toISOString()) : [toFidesManifest(record)];
    const categories = [...record.categories.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => {
        const m = fideslangMappingOf(c);
        return { id: m.categoryId, name: m.name, fideslangKey: m.fideslangKey, fideslang: m.note };
      });
    return { format, schema: SCHEMAS[format], mediaType: 'application/json', flowCount: record.flows.length, documents, categories };
  }
}
