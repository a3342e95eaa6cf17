import { ArgsType, Field, ID, registerEnumType } from 'type-graphql';

/** The exchange formats a breach exports to. */
export enum ExportFormat {
  VERIS_1_3 = 'VERIS_1_3',
  STIX_2_1 = 'STIX_2_1',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'An exchange format for a breach record.',
  valuesConfig: {
    VERIS_1_3: { description: 'A VERIS incident record, schema 1.3.7 (vz-risk/veris verisc.json, the last 1.3.x).' },
    STIX_2_1: { description: 'A STIX 2.1 bundle (OASIS cti-stix2-json-schemas): incident, identities, ATT&CK attack-patterns, relationships.' },
  },
});

/** Arguments of `breachExport`. */
@ArgsType()
export class BreachExportArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-viamedis-2024`.' })
  breachId!: string;

  @Field(() => ExportFormat, { description: 'VERIS_1_3 or STIX_2_1.' })
  format!: ExportFormat;
}
