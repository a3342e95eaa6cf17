import { ArgsType, Field, registerEnumType } from 'type-graphql';

/** The formats the data map exports to. */
export enum LineageFormat {
  OPENLINEAGE = 'OPENLINEAGE',
  FIDES = 'FIDES',
}
registerEnumType(LineageFormat, {
  name: 'LineageFormat',
  description: 'An exchange format for the data flows (the data map).',
  valuesConfig: {
    OPENLINEAGE: {
      description:
        'OpenLineage 2 static lineage (spec 2-0-2): one DatasetEvent per held data set (a holder × a population) and one JobEvent per data flow, each ready to POST to an OpenLineage endpoint such as Marquez’s /api/v1/lineage.',
    },
    FIDES: { description: 'A fideslang dataset manifest (`{"dataset": [...]}`, as `fides push` reads it): one dataset per holder, one collection per population, one field per data category with its fideslang key.' },
  },
});

/** Arguments of `lineageExport`. */
@ArgsType()
export class LineageExportArgs {
  @Field(() => LineageFormat, { description: 'OPENLINEAGE or FIDES.' })
  format!: LineageFormat;
}
