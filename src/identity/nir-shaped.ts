/**
 * Six digits in a row, neighbours either adjacent or apart by one space (of any kind: a NIR is
 * often written spaced, and French numbers with narrow no-break spaces) or one underscore (the
 * only separator a GraphQL name allows: `query N1_85_05_78_006_084_91 {…}` is valid).
 */
const DIGIT_RUN = /\d(?:[\s_]?\d){5}/;

/**
 * Whether client text could carry a NIR (or a phone or card number): it holds a run of six
 * digits, spaced or split by underscores or not. The one rule of the request log's operation
 * names (api/server/request-record.ts) and of the traces' last filter (telemetry/privacy-exporter.ts):
 * such text is dropped whole, never written. Six, not fifteen: a NIR's middle alone (birth month,
 * place, rank) already narrows a person down. Imports nothing, so telemetry may load it before
 * `graphql` (see telemetry/early-tracing.ts).
 */
export function couldCarryNir(text: string): boolean {
  return DIGIT_RUN.test(text);
}
