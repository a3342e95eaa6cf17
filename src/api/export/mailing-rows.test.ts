import { parse } from 'csv-parse/sync';
import type { ExposureRow } from '../../domain/breach/breach.rows';
import { neutraliseFormula } from '../../domain/common/spreadsheet-cell';
import type { ExportContractRow } from '../../domain/contract/affected-contracts-export';
import { CategoryNames, CSV_COLUMNS, csvHeader, csvLines, endLine, jsonLines, mailingRows, newPathPartMemo } from './mailing-rows';

/** The export's lines, without a database: formula neutralisation, one line per beneficiary, caveats, end lines. */
const exposure = (categoryId: string, status: string, scope: string | null, confidence: 'H' | 'M' | 'L' | null = 'H'): ExposureRow => ({
  categoryId,
  subjects: 'INSURED',
  status,
  scope,
  scopeNote: scope === 'ALL' ? null : 'for some insurers',
  note: null,
  sourceUrl: 'cnil.fr/x',
  confidence,
});
const EXPOSURES: ExposureRow[] = [
  exposure('cat-nir', 'EXPOSED', 'ALL'),
  exposure('cat-member-number', 'EXPOSED', 'SOME_INSURERS', 'M'),
  exposure('cat-bank', 'NOT_EXPOSED', 'ALL'),
  exposure('cat-claimed', 'CLAIMED', 'ALL', 'L'),
  { ...exposure('cat-pro', 'EXPOSED', 'ALL'), subjects: 'PROFESSIONAL' },
];

/** Names of the categories above, one of them hostile; cat-pro is left out (written as its id). */
const NAMES: CategoryNames = new Map([
  ['cat-nir', 'Social security number (NIR)'],
  ['cat-member-number', 'Member number'],
  ['cat-bank', 'Bank details'],
  ['cat-claimed', '=Claimed thing'],
]);

function contract(number: string, over: Partial<ExportContractRow> = {}): ExportContractRow {
  return {
    contract: { id: `c-${number}`, number, startDate: '2020-01-01', endDate: null },
    paths: [{ flowId: 'f1', operatorId: 'org-viamedis', basis: 'ACTIVE', exposedCategoryIds: ['cat-nir', 'cat-member-number', 'cat-bank', 'cat-claimed', 'cat-pro'], networkId: 'org-itelis' }],
    beneficiaries: [
      { key: 'nir:aa', role: 'HOLDER' },
      { key: 'nir:bb', role: 'DEPENDANT' },
    ],
    ...over,
  };
}

test.each(['=1+1', '+33', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])('a cell starting a formula (%j) opens as text', (value) => {
  expect(neutraliseFormula(value)).toBe(`'${value}`);
  const [record] = parse(csvLines(mailingRows(contract(value), EXPOSURES, '2024-01-22'), NAMES), { relax_quotes: false }) as string[][];
  expect(record[CSV_COLUMNS.indexOf('contract_number')]).toBe(`'${value}`);
});

test.each(['SYN-LMG-1', "'quoted", 'a=b', '', 'Aésio'])('a harmless cell (%j) is left as it is', (value) => {
  expect(neutraliseFormula(value)).toBe(value);
});

test('one line per beneficiary, with the contract, its basis, paths and the caveats of each exposure', () => {
  const rows = mailingRows(contract('N1'), EXPOSURES, '2024-01-22');
  expect(rows.map((r) => [r.beneficiaryKey, r.beneficiaryRole])).toEqual([
    ['nir:aa', 'HOLDER'],
    ['nir:bb', 'DEPENDANT'],
  ]);
  // NOT_EXPOSED and other subjects' exposures are left out; the caveated ones stay, with their caveat.
  expect(rows[0].exposedCategories).toEqual(['cat-nir']);
  expect(rows[0].exposures.map((x) => x.categoryId)).toEqual(['cat-nir', 'cat-member-number', 'cat-claimed']);
  const [header, ...records] = parse(csvHeader() + csvLines(rows, NAMES)) as string[][];
  expect(header).toEqual([...CSV_COLUMNS]);
  const cell = (name: (typeof CSV_COLUMNS)[number]) => records[0][CSV_COLUMNS.indexOf(name)];
  expect(cell('client_basis')).toBe('ACTIVE');
  expect(cell('paths')).toBe('org-viamedis via org-itelis (ACTIVE)');
  expect(cell('exposures')).toBe('cat-nir EXPOSED ALL H | cat-member-number EXPOSED SOME_INSURERS M | cat-claimed CLAIMED ALL L');
  // The names and the caveats' text, after the columns above, in the same order as theirs.
  expect(header.slice(-3)).toEqual(['exposed_category_names', 'exposure_category_names', 'exposure_caveats']);
  expect(cell('exposed_category_names')).toBe('Social security number (NIR)');
  // Mid-cell, '=' starts no formula: only a cell's first character is neutralised (see below).
  expect(cell('exposure_category_names')).toBe('Social security number (NIR) | Member number | =Claimed thing');
  expect(cell('exposure_caveats')).toBe('Member number: for some insurers');
});

test('a category named in no list is written as its id; a name or caveat starting a formula opens as text', () => {
  const rows = mailingRows(contract('N1', { paths: [{ flowId: 'f1', operatorId: 'o', basis: 'ACTIVE', exposedCategoryIds: ['cat-claimed', 'cat-member-number'], networkId: null }] }), [
    { ...exposure('cat-claimed', 'CLAIMED', 'SOME_INSURERS', 'L'), scopeNote: '+1 insurer only' },
    exposure('cat-member-number', 'EXPOSED', 'SOME_INSURERS'),
  ], '2024-01-22');
  const [record] = parse(csvLines(rows, new Map([['cat-claimed', '@name']]))) as string[][];
  const cell = (name: (typeof CSV_COLUMNS)[number]) => record[CSV_COLUMNS.indexOf(name)];
  expect(cell('exposed_category_names')).toBe('');
  expect(cell('exposure_category_names')).toBe("'@name | cat-member-number");
  expect(cell('exposure_caveats')).toBe("'@name: +1 insurer only | cat-member-number: for some insurers");
});

test('a contract ended before the reference date is a FORMER client; one without beneficiaries still gets a line', () => {
  const [row] = mailingRows(contract('N2', { contract: { id: 'c', number: 'N2', startDate: '2010-01-01', endDate: '2023-12-31' }, beneficiaries: [] }), EXPOSURES, '2024-01-22');
  expect(row).toMatchObject({ clientBasis: 'FORMER', beneficiaryKey: null, beneficiaryRole: null });
  expect(mailingRows(contract('N3', { contract: { id: 'c', number: 'N3', startDate: '2010-01-01', endDate: '2024-01-22' } }), EXPOSURES, '2024-01-22')[0].clientBasis).toBe('ACTIVE');
});

test('JSON lines carry exact values (no apostrophe) and the end lines say what a complete file holds', () => {
  const [line] = jsonLines(mailingRows(contract('=1'), EXPOSURES, '2024-01-22')).split('\n');
  expect(JSON.parse(line)).toMatchObject({ type: 'row', contractNumber: '=1' });
  const end = { rows: 2, contracts: 1, breachId: 'b', referenceDate: '2024-01-22' };
  expect(endLine('csv', end)).toBe('#END rows=2 contracts=1 breach=b referenceDate=2024-01-22\n');
  expect(JSON.parse(endLine('jsonl', end))).toEqual({ type: 'end', complete: true, ...end });
});

test('a memo shares the path part between contracts with the same paths, and changes no line', () => {
  const other = contract('N5', { paths: [{ flowId: 'f2', operatorId: 'org-almerys', basis: 'RETAINED', exposedCategoryIds: ['cat-nir'], networkId: null }] });
  const batch = [contract('N1'), contract('N2'), other, contract('N4', { beneficiaries: [] })];
  const memo = newPathPartMemo();
  const shared = batch.flatMap((c) => mailingRows(c, EXPOSURES, '2024-01-22', memo));
  const fresh = batch.flatMap((c) => mailingRows(c, EXPOSURES, '2024-01-22'));
  expect(memo.byKey.size).toBe(2);
  // N1's lines and N2's share one paths array and one exposures array; N5's has its own.
  expect(shared[2].paths).toBe(shared[0].paths);
  expect(shared[2].exposures).toBe(shared[0].exposures);
  expect(shared[4].paths).not.toBe(shared[0].paths);
  expect(fresh[2].paths).not.toBe(fresh[0].paths);
  expect(shared).toEqual(fresh);
  expect(csvLines(shared, NAMES)).toBe(csvLines(fresh, NAMES));
  expect(jsonLines(shared)).toBe(jsonLines(fresh));
  expect(parse(csvLines(shared, NAMES))[4][CSV_COLUMNS.indexOf('paths')]).toBe('org-almerys (RETAINED)');
});

test('CSV cells formatted for one path part are not reused for a row with the same paths but other exposures', () => {
  const [row] = mailingRows(contract('N1'), EXPOSURES, '2024-01-22', newPathPartMemo());
  const first = parse(csvLines([row], NAMES))[0];
  const changed = { ...row, exposures: [], exposedCategories: [] };
  const [again] = parse(csvLines([changed], NAMES)) as string[][];
  expect(again[CSV_COLUMNS.indexOf('exposures')]).toBe('');
  expect(again[CSV_COLUMNS.indexOf('exposed_categories')]).toBe('');
  expect(again[CSV_COLUMNS.indexOf('exposure_caveats')]).toBe('');
  expect(first[CSV_COLUMNS.indexOf('exposures')]).not.toBe('');
  expect(first[CSV_COLUMNS.indexOf('exposure_caveats')]).not.toBe('');
  // Other names for the same row are another part too.
  const [renamed] = parse(csvLines([row], new Map([['cat-nir', 'NIR']]))) as string[][];
  expect(renamed[CSV_COLUMNS.indexOf('exposed_category_names')]).toBe('NIR');
});
