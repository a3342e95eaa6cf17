import { Field, ID, ObjectType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { ExportFormat } from './exchange.args';

/** A breach exported to an exchange format: the document, and what it follows. */
@ObjectType({ description: 'A breach exported as a VERIS incident record or a STIX bundle. The document holds the public record only (no person-level data); insurers reached appear only for callers whose role may read `affectedInsurers`.' })
export class BreachExport {
  @Field(() => ID, { description: 'The breach exported.' })
  breachId!: string;

  @Field(() => ExportFormat, { description: 'The format of `document`.' })
  format!: ExportFormat;

  @Field({ description: 'The published schema the document follows: `verisc.json` 1.3.7 (github.com/vz-risk/veris) or `bundle.json` of STIX 2.1 (github.com/oasis-open/cti-stix2-json-schemas).' })
  schema!: string;

  @Field({ description: 'Media type to save the document with (`application/json`, or `application/stix+json;version=2.1`).' })
  mediaType!: string;

  @Field(() => JSONObjectResolver, { description: 'The document itself (JSON object). The same record always gives the same document: STIX ids are UUIDv5 of our ids and timestamps come from the record’s dated events.' })
  document!: Record<string, unknown>;
}
