import { stringify } from 'csv-stringify/sync';
import type { ExposureRow } from '../../domain/breach/breach.rows';
import { neutraliseFormula } from '../../domain/common/spreadsheet-cell';
import type { ExportContractRow } from '../../domain/contract/affected-contracts-export';
import { clientBasis, type ClientBasis } from '../../domain/contract/client-basis';
import { confirmedExposures, exposuresOfContract } from '../../domain/contract/contract-exposures';

/** The formats of the mailing export. */
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One line of the export: one beneficiary of one affected contract (a contract with no
 * beneficiary loaded gives one line with a null key and role), with everything a mailing needs to
 * say why the member is written to. Never a NIR: the beneficiary is its pseudonymous key.
 */
export interface MailingRow {
  contractId: string;
  contractNumber: string;
  beneficiaryKey: string | null;
  beneficiaryRole: 'HOLDER' | 'DEPENDANT' | null;
  /** ACTIVE: still a client on the reference date; FORMER: ended before it, reached through retained data. */
  clientBasis: ClientBasis;
  contractStart: string;
  contractEnd: string | null;
  /** Each path reaching the contract: operator, partner (care network or intermediary), flow basis. */
  paths: Array<{ operatorId: string; partnerId: string | null; basis: 'ACTIVE' | 'RETAINED'; flowId: string }>;
  /** Categories stated EXPOSED for every insured person (no caveat), as `AffectedContract.exposedCategories`. */
  exposedCategories: string[];
  /** Every exposure the paths carry, with its caveats, as `AffectedContract.exposures`. */
  exposures: Array<{ categoryId: string; status: string; scope: string | null; scopeNote: string | null; confidence: string | null; sourceUrl: string | null }>;
}

/** The CSV columns, in order (the header line). */
export const CSV_COLUMNS = [
  'contract_id',
  'contract_number',
  'beneficiary_key',
  'beneficiary_role',
  'client_basis',
  'contract_start',
  'contract_end',
  'operators',
  'partners',
  'path_basis',
  'paths',
  'exposed_categories',
  'exposures',
  'exposed_category_names',
  'exposure_category_names',
  'exposure_caveats',
] as const;

/** Data category id → name, for the CSV's name columns (an id missing from it is written as the id, never blank). */
export type CategoryNames = ReadonlyMap<string, string>;

/** Separator of the values of a multi-valued CSV cell (ids never contain it). */
export const LIST_SEPARATOR = ' | ';

/** What the lines of a contract share that depends only on its paths (and the breach's exposures). */
type PathPart = Pick<MailingRow, 'paths' | 'exposedCategories' | 'exposures'>;

/**
 * A cache of {@link PathPart}s by path set, for one export (one breach, one reference date): the
 * contracts of a national insurer are reached through a handful of distinct path sets, so their
 * lines share these arrays instead of building them again per contract (and `csvRecord` formats
 * their cells once per path set). Create one per export with {@link newPathPartMemo}.
 */
export interface PathPartMemo {
  /** By the path set's content. */
  byKey: Map<string, PathPart>;
  /**
   * By the paths array itself: the export's reader hands contracts with the same paths one shared
   * array, and a lookup by identity spares the content key (a JSON text per contract).
   */
  byList: WeakMap<object, PathPart>;
}

/** An empty {@link PathPartMemo}, for one export. */
export function newPathPartMemo(): PathPartMemo {
  return { byKey: new Map(), byList: new WeakMap() };
}

/** Distinct path sets a memo keeps before it starts again (an export has a handful; this only bounds memory). */
const MEMO_LIMIT = 10_000;

/** The part of a contract's lines its paths decide, from `memo` when a contract with the same paths was seen. */
function pathPartOf(paths: ExportContractRow['paths'], breachExposures: readonly ExposureRow[], memo: PathPartMemo | undefined): PathPart {
  if (memo === undefined) return newPathPart(paths, breachExposures);
  const same = memo.byList.get(paths);
  if (same !== undefined) return same;
  const key = JSON.stringify(paths.map((p) => [p.flowId, p.operatorId, p.basis, p.networkId, p.exposedCategoryIds]));
  let part = memo.byKey.get(key);
  if (part === undefined) {
    part = newPathPart(paths, breachExposures);
    if (memo.byKey.size >= MEMO_LIMIT) memo.byKey.clear();
    memo.byKey.set(key, part);
  }
  memo.byList.set(paths, part);
  return part;
}

/** The part of a contract's lines its paths decide, built anew. */
function newPathPart(paths: ExportContractRow['paths'], breachExposures: readonly ExposureRow[]): PathPart {
  const exposures = exposuresOfContract(breachExposures, paths.flatMap((p) => p.exposedCategoryIds));
  return {
    paths: paths.map((p) => ({ operatorId: p.operatorId, partnerId: p.networkId, basis: p.basis, flowId: p.flowId })),
    exposedCategories: confirmedExposures(exposures).map((x) => x.categoryId),
    exposures: exposures.map((x) => ({ categoryId: x.categoryId, status: x.status, scope: x.scope, scopeNote: x.scopeNote, confidence: x.confidence, sourceUrl: x.sourceUrl })),
  };
}

/**
 * The export lines of one affected contract: one per beneficiary, in key order. `breachExposures`
 * are the breach's exposures (the same loader `affectedContracts` reads), `referenceDate` the
 * date the contracts were reached on; `memo` (one per export) shares the path-derived part of the
 * lines between contracts with the same paths, which holds the same values.
 */
export function mailingRows(row: ExportContractRow, breachExposures: readonly ExposureRow[], referenceDate: string, memo?: PathPartMemo): MailingRow[] {
  const shared = {
    contractId: row.contract.id,
    contractNumber: row.contract.number,
    clientBasis: clientBasis(row.contract, referenceDate),
    contractStart: row.contract.startDate,
    contractEnd: row.contract.endDate,
    ...pathPartOf(row.paths, breachExposures, memo),
  };
  if (row.beneficiaries.length === 0) return [{ ...shared, beneficiaryKey: null, beneficiaryRole: null }];
  return row.beneficiaries.map((b) => ({ ...shared, beneficiaryKey: b.key, beneficiaryRole: b.role }));
}

const distinct = (values: Array<string | null>): string => [...new Set(values.filter((v): v is string => v !== null))].join(LIST_SEPARATOR);

/** The path-derived cells of the rows whose path part is this `paths` array, kept while the array lives. */
const PATH_CELLS = new WeakMap<object, { exposedCategories: readonly string[]; exposures: readonly object[]; names: CategoryNames; cells: string[] }>();

/** The cells of a row that its paths decide (operators to exposure_caveats), formatted once per shared path part. */
function pathCells(r: MailingRow, names: CategoryNames): string[] {
  const known = PATH_CELLS.get(r.paths);
  // The same paths array with other exposure arrays (or names) is another part: format it, do not reuse.
  if (known && known.exposedCategories === r.exposedCategories && known.exposures === r.exposures && known.names === names) return known.cells;
  const name = (id: string) => names.get(id) ?? id;
  const cells = [
    distinct(r.paths.map((p) => p.operatorId)),
    distinct(r.paths.map((p) => p.partnerId)),
    distinct(r.paths.map((p) => p.basis)),
    r.paths.map((p) => `${p.operatorId}${p.partnerId ? ` via ${p.partnerId}` : ''} (${p.basis})`).join(LIST_SEPARATOR),
    r.exposedCategories.join(LIST_SEPARATOR),
    r.exposures.map((x) => [x.categoryId, x.status, x.scope ?? 'UNKNOWN_SCOPE', x.confidence ?? 'UNKNOWN_CONFIDENCE'].join(' ')).join(LIST_SEPARATOR),
    r.exposedCategories.map(name).join(LIST_SEPARATOR),
    r.exposures.map((x) => name(x.categoryId)).join(LIST_SEPARATOR),
    r.exposures.flatMap((x) => (x.scopeNote ? [`${name(x.categoryId)}: ${x.scopeNote}`] : [])).join(LIST_SEPARATOR),
  ];
  PATH_CELLS.set(r.paths, { exposedCategories: r.exposedCategories, exposures: r.exposures, names, cells });
  return cells;
}

/** The CSV cells of a row, in {@link CSV_COLUMNS} order; `names` gives the categories' names. */
export function csvRecord(r: MailingRow, names: CategoryNames): Array<string | null> {
  return [r.contractId, r.contractNumber, r.beneficiaryKey, r.beneficiaryRole, r.clientBasis, r.contractStart, r.contractEnd, ...pathCells(r, names)];
}

/**
 * CSV text (RFC 4180 quoting by csv-stringify, `\n` line ends) of `records`, every text cell
 * neutralised against spreadsheet formulas (see neutraliseFormula), so a hostile contract number
 * such as `-1+cmd` opens as text.
 */
export function csvText(records: ReadonlyArray<ReadonlyArray<string | null>>): string {
  return stringify(records as Array<Array<string | null>>, { cast: { string: neutraliseFormula } });
}

/** The CSV header line. */
export function csvHeader(): string {
  return csvText([[...CSV_COLUMNS]]);
}

/** The CSV lines of `rows`; `names` gives the categories' names (see {@link CSV_COLUMNS}). */
export function csvLines(rows: readonly MailingRow[], names: CategoryNames): string {
  return rows.length === 0 ? '' : csvText(rows.map((r) => csvRecord(r, names)));
}

/** The JSON lines of `rows`: one object per line, `type: "row"`, values exact (JSON is not opened by spreadsheets). */
export function jsonLines(rows: readonly MailingRow[]): string {
  return rows.map((r) => `${JSON.stringify({ type: 'row', ...r })}\n`).join('');
}

/** What the end line of a complete export states. */
export interface ExportEnd {
  rows: number;
  contracts: number;
  breachId: string;
  referenceDate: string;
}

/** The CSV end line, the last of a complete file: `#END rows=<n> contracts=<m>`. */
export const CSV_END_PREFIX = '#END';

/**
 * The line that closes a complete export, written only after the last row and after the export's
 * audit record: CSV `#END rows=<n> contracts=<m> breach=<id> referenceDate=<date>` (a comment line,
 * as csv-parse's `comment: '#'` or pandas' `comment='#'` read it; no data line starts with `#`),
 * JSON lines `{"type":"end","rows":…,"contracts":…,"complete":true,…}`. A file without it is
 * incomplete, whatever it holds.
 */
export function endLine(format: ExportFormat, end: ExportEnd): string {
  if (format === 'jsonl') return `${JSON.stringify({ type: 'end', complete: true, ...end })}\n`;
  return `${CSV_END_PREFIX} rows=${end.rows} contracts=${end.contracts} breach=${end.breachId} referenceDate=${end.referenceDate}\n`;
}
