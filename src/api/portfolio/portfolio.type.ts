import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** A refused row of an import. */
@ObjectType({ description: 'A row the import refused: its line, why, and the row with the NIR masked (as JSON).' })
export class ImportRejection {
  @Field(() => Int, { description: 'Line in the file (1 = header).' })
  line!: number;

  @Field(() => String, { description: 'Why it was refused.' })
  reason!: string;

  @Field(() => String, { description: 'The row as JSON, NIR masked.' })
  record!: string;
}

/** What an import did. */
@ObjectType({ description: 'Summary of a portfolio import: rows read, loaded and refused (with reasons).' })
export class ImportResult {
  @Field(() => ID, { description: 'The insurer.' })
  insurerId!: string;

  @Field(() => Int, { description: 'Data rows read.' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows loaded.' })
  rowsLoaded!: number;

  @Field(() => Int, { description: 'Rows refused.' })
  rowsRejected!: number;

  @Field(() => Float, { description: 'Duration in seconds.' })
  seconds!: number;

  @Field(() => [ImportRejection], { description: 'The refused rows (first 1,000).' })
  rejections!: ImportRejection[];
}
