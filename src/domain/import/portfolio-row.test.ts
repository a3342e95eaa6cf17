import { syntheticNir } from '../../identity/nir';
import { PORTFOLIO_COLUMNS, redactedRecord, RowContext, validateRow } from './portfolio-row';

/**
 * Issue #10 §4: no NIR in clear anywhere an import writes or answers. A valid NIR in any column
 * but `nir` is refused (it would be stored in clear), and a refusal's reason and masked record
 * carry no NIR-like value in any column (column-shifted rows move the NIR elsewhere).
 */
const ctx: RowContext = {
  insurerId: 'org-test',
  operators: new Set(['org-viamedis', 'org-almerys']),
  networks: new Set(['org-itelis']),
  pseudonymKey: Buffer.from('portfolio-row-test-key-0123456789abcdef'),
};
const NIR = syntheticNir('syn-person-portfolio-1');
const OTHER = syntheticNir('syn-person-portfolio-2');
/** The NIR as people type it: 1 85 05 78 006 084 91. */
const spaced = (n: string) => [n[0], n.slice(1, 3), n.slice(3, 5), n.slice(5, 7), n.slice(7, 10), n.slice(10, 13), n.slice(13)].join(' ');
const good = { contract_number: 'C-1', nir: NIR, role: 'HOLDER', product: 'Formule 2', operator: 'org-almerys', network: '', start_date: '2023-01-01', end_date: '' };
/** True when `text` holds the 13-digit number of `nir`, whatever separators surround its digits. */
const leaks = (text: string, nir: string) => text.replace(/[^0-9A-Z]/gi, '').includes(nir.slice(0, 13));

test('a good row is accepted (the checks below refuse for the NIR, not for something else)', () => {
  expect(validateRow(good, ctx)).toMatchObject({ number: 'C-1', product: 'Formule 2' });
});

test.each([
  ['contract_number', OTHER],
  ['product', `Formule ${spaced(OTHER)}`],
  ['product', OTHER],
])('regression #10: a valid NIR in %s (%s) is refused, and the reason does not quote it', (column, value) => {
  const row = validateRow({ ...good, [column]: value }, ctx);
  expect(row).toHaveProperty('reason');
  const reason = (row as { reason: string }).reason;
  expect(reason).toContain(column);
  expect(reason).toMatch(/NIR/);
  expect(leaks(reason, OTHER)).toBe(false);
});

test('a 15-digit contract number whose key does not match is not a NIR, and is accepted', () => {
  const notNir = `${OTHER.slice(0, 13)}${String((Number(OTHER.slice(13)) % 97) + 1).padStart(2, '0')}`;
  expect(validateRow({ ...good, contract_number: notNir }, ctx)).toMatchObject({ number: notNir });
});

// A row missing its first column: every value moves one column left, so the NIR lands in
// contract_number and the role in nir; other shifts put it in any column.
test.each(PORTFOLIO_COLUMNS.filter((c) => c !== 'nir').flatMap((column) => [[column, OTHER], [column, spaced(OTHER)]]))(
  'regression #10: a NIR shifted into %s (%s) appears neither in the reason nor in the masked record',
  (column, value) => {
    const record = { ...good, nir: 'HOLDER', role: 'Formule 2', [column]: value };
    const row = validateRow(record, ctx);
    expect(row).toHaveProperty('reason');
    expect(leaks((row as { reason: string }).reason, OTHER)).toBe(false);
    const masked = redactedRecord(record);
    expect(Object.keys(masked)).toEqual([...PORTFOLIO_COLUMNS]);
    expect(leaks(JSON.stringify(masked), OTHER)).toBe(false);
    // Masking keeps what tells a person which row it was.
    if (column !== 'contract_number') expect(masked.contract_number).toBe('C-1');
  },
);

test('regression #10: NIR-like values with a wrong key, and two in one cell, are masked too', () => {
  const badKey = `${NIR.slice(0, 13)}00`;
  const masked = redactedRecord({ ...good, product: `${spaced(badKey)} / ${OTHER}`, start_date: badKey });
  expect(leaks(JSON.stringify(masked), NIR)).toBe(false);
  expect(leaks(JSON.stringify(masked), OTHER)).toBe(false);
});
