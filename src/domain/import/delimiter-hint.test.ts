import { delimiterHint } from './import-portfolio';
import { PORTFOLIO_COLUMNS } from './portfolio-row';

describe('a wrong header says when only the separator is wrong', () => {
  it('semicolons (a French spreadsheet’s default) and tabs get a hint naming them', () => {
    expect(delimiterHint([PORTFOLIO_COLUMNS.join(';')])).toMatch(/semicolons.*commas/);
    expect(delimiterHint([PORTFOLIO_COLUMNS.join('\t')])).toMatch(/tabs/);
    expect(delimiterHint([PORTFOLIO_COLUMNS.map((c) => c.toUpperCase()).join(' ; ')])).toMatch(/semicolons/);
  });
  it('other wrong headers get no hint (the hint never guesses)', () => {
    expect(delimiterHint(['contract;nir'])).toBe('');
    expect(delimiterHint(['a', 'b'])).toBe('');
    expect(delimiterHint([PORTFOLIO_COLUMNS.slice(1).join(';')])).toBe('');
  });
});
