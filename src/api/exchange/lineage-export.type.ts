import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { LineageFormat } from './lineage-export.args';

/** A data category of the export and its fideslang counterpart. */
@ObjectType({ description: 'A data category carried by an exported flow, and its fideslang data category (from the catalogue’s `fideslangKey`, the one mapping).' })
export class LineageExportCategory {
  @Field(() => ID, { description: 'Category id, e.g. `cat-nir`.' })
  id!: string;

  @Field({ description: 'Category name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The fideslang data-category key (e.g. `user.government_id.national_identification_number`); null when no fideslang category fits: the export then gives the field no data category, never a guessed one.' })
  fideslangKey!: string | null;

  @Field({ description: '`fideslang: <key>`, or `no fideslang equivalent`: what the documents write beside the category.' })
  fideslang!: string;
}

/** The data flows exported to a lineage or data-map format. */
@ObjectType({ description: 'The data flows the caller may read (an INSURER: its own), with their populations, categories, GDPR roles, validity windows, retention and sources, in a standard format. No person-level data.' })
export class LineageExport {
  @Field(() => LineageFormat, { description: 'The format of `documents`.' })
  format!: LineageFormat;

  @Field({ description: 'The published schema the documents follow, with its version.' })
  schema!: string;

  @Field({ description: 'Media type to save or send each document with (`application/json`).' })
  mediaType!: string;

  @Field(() => Int, { description: 'How many data flows the export covers.' })
  flowCount!: number;

  @Field(() => [JSONObjectResolver], {
    description:
      'The documents. OPENLINEAGE: one event each, DatasetEvents (by data-set name) then JobEvents (by flow id), each to be POSTed as is, in this order; FIDES: one manifest. The same graph gives the same documents, but for the OpenLineage `eventTime`, the time of the export.',
  })
  documents!: Array<Record<string, unknown>>;

  @Field(() => [LineageExportCategory], { description: 'Every data category the exported flows carry, by id, with its fideslang key or the statement that it has none.' })
  categories!: LineageExportCategory[];
}
