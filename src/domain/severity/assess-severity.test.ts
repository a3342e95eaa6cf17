import { assessSeverity, contextAdjustments, DpcAdjustment, SeverityExposure } from './assess-severity';
import type { Circumstances, CircumstanceElement } from './circumstances';
import { art34Follows, levelOf } from './enisa-method';

// Pure rule: no database. Categories are the seeded ones (category-classes.ts classifies them).
const exp = (categoryId: string, over: Partial<SeverityExposure> = {}): SeverityExposure => ({
  categoryId, categoryName: categoryId, subjects: 'INSURED', status: 'EXPOSED', scope: 'ALL', scopeNote: null, note: null, sourceUrl: 's', confidence: 'H', ...over,
});
const el = (score: number): CircumstanceElement => ({ extent: score ? 'X' : 'NONE', score, stated: score > 0, explanation: '', facts: [] });
const cb = (c = 0, i = 0, a = 0, m = 0): Circumstances => ({ score: c + i + a + m, confidentiality: el(c), integrity: el(i), availability: el(a), maliciousIntent: el(m) });
const one = (exposures: SeverityExposure[], circumstances = cb(), countRule: 'BREACH' | 'CONTROLLER' = 'BREACH') => assessSeverity({ exposures, circumstances, countRule });

describe('levels and Art. 34 (ENISA: low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high)', () => {
  it.each([
    [0.25, 'LOW'], [1.99, 'LOW'], [2, 'MEDIUM'], [2.99, 'MEDIUM'], [3, 'HIGH'], [3.99, 'HIGH'], [4, 'VERY_HIGH'], [6, 'VERY_HIGH'],
  ])('%s is %s', (score, level) => {
    expect(levelOf(score)).toBe(level);
  });
  it('Art. 34 follows from high and very high only', () => {
    expect([levelOf(1), levelOf(2), levelOf(3), levelOf(4)].map(art34Follows)).toEqual([false, false, true, true]);
  });
  it('a score exactly on a boundary takes the upper level, through the whole rule', () => {
    // name + birth date: EI maximum 1; simple data DPC 1; CB 1 → 2: MEDIUM, not LOW.
    const a = one([exp('cat-civil-status'), exp('cat-birth-date')], cb(0.5, 0, 0, 0.5));
    expect([a.score, a.level, a.notifyDataSubjects]).toEqual([2, 'MEDIUM', false]);
    // bank details + name: DPC 3 × 1 + 0 = 3: HIGH.
    const b = one([exp('cat-civil-status'), exp('cat-bank-details')]);
    expect([b.score, b.level, b.notifyDataSubjects]).toEqual([3, 'HIGH', true]);
    // health + name + birth date: 4 × 1 = 4: VERY_HIGH.
    expect(one([exp('cat-civil-status'), exp('cat-birth-date'), exp('cat-medical-data')]).level).toBe('VERY_HIGH');
    // health + name alone: 4 × 0.75 = 3: HIGH.
    expect(one([exp('cat-civil-status'), exp('cat-medical-data')]).score).toBe(3);
  });
});

describe('DPC: basic score by type, the highest type, adjustments kept within 1…4', () => {
  it.each([
    ['cat-civil-status', 'SIMPLE', 1],
    ['cat-bank-details', 'FINANCIAL', 3],
    ['cat-medical-transport-invoices', 'SENSITIVE', 4],
  ])('%s alone is %s (%s)', (cat, type, basic) => {
    const g = one([exp(cat)]).groups[0];
    expect([g.dataProcessingContext.dataType, g.dataProcessingContext.basicScore, g.dataProcessingContext.score]).toEqual([type, basic, basic]);
    expect(g.dataProcessingContext.setBy).toEqual([cat]);
  });
  it('the highest type sets DPC and is named', () => {
    const g = one([exp('cat-civil-status'), exp('cat-bank-details'), exp('cat-phone')]).groups[0];
    expect(g.dataProcessingContext.score).toBe(3);
    expect(g.dataProcessingContext.setBy).toEqual(['cat-bank-details']);
    expect(g.dataProcessingContext.explanation).toContain('FINANCIAL');
  });
  it('adjustments add and are clamped to 1…4', () => {
    const withDelta = (delta: number) => (): DpcAdjustment[] => [{ factor: 'CONTROLLER_CHARACTERISTICS', delta, stated: true, explanation: 'test' }];
    const run = (cat: string, delta: number) => assessSeverity({ exposures: [exp(cat)], circumstances: cb(), countRule: 'BREACH', adjustments: withDelta(delta) }).groups[0].dataProcessingContext.score;
    expect(run('cat-civil-status', 2)).toBe(3);
    expect(run('cat-bank-details', 2)).toBe(4); // 5, kept at 4
    expect(run('cat-civil-status', -1)).toBe(1); // 0, kept at 1
  });
  it('the default adjustments are the six ENISA factors, each saying the record is silent', () => {
    const adj = contextAdjustments('INSURED');
    expect(adj.map((a) => a.factor)).toEqual(['VOLUME', 'CONTROLLER_CHARACTERISTICS', 'VULNERABLE_INDIVIDUALS', 'INVALID_OR_INACCURATE', 'PUBLICLY_AVAILABLE', 'NATURE_OF_DATA']);
    expect(adj.every((a) => a.delta === 0 && !a.stated && a.explanation.includes('silent'))).toBe(true);
  });
  it('an unclassified category is shown, not scored', () => {
    const g = one([exp('cat-civil-status'), exp('cat-new-kind')]).groups[0];
    expect(g.categories.find((c) => c.categoryId === 'cat-new-kind')?.treatment).toBe('UNCLASSIFIED');
    expect(g.dataProcessingContext.setBy).toEqual(['cat-civil-status']);
  });
});

describe('EI: negligible 0.25, limited 0.5, significant 0.75, maximum 1', () => {
  it.each([
    [['cat-insurer-name'], 'NEGLIGIBLE', 0.25],
    [['cat-contract-number'], 'LIMITED', 0.5],
    [['cat-bank-details'], 'LIMITED', 0.5],
    [['cat-civil-status'], 'SIGNIFICANT', 0.75],
    [['cat-nir'], 'SIGNIFICANT', 0.75],
    [['cat-civil-status', 'cat-birth-date'], 'MAXIMUM', 1],
    [['cat-civil-status', 'cat-nir'], 'MAXIMUM', 1],
  ])('%j gives %s', (cats, level, score) => {
    const ei = one(cats.map((c) => exp(c))).groups[0].easeOfIdentification;
    expect([ei.level, ei.score]).toEqual([level, score]);
  });
  it('EI multiplies DPC: name with bank details 3 × 1; NIR with bank details 3 × 0.75 = 2.25', () => {
    expect(one([exp('cat-civil-status'), exp('cat-bank-details')]).score).toBe(3);
    expect(one([exp('cat-nir'), exp('cat-bank-details')]).score).toBe(2.25);
  });
});

describe('CB is added', () => {
  it('each element adds its score', () => {
    const base = one([exp('cat-civil-status'), exp('cat-nir')]); // 1 × 1
    expect(base.score).toBe(1);
    expect(one([exp('cat-civil-status'), exp('cat-nir')], cb(0.5)).score).toBe(1.5);
    expect(one([exp('cat-civil-status'), exp('cat-nir')], cb(0.5, 0.25)).score).toBe(1.75);
    expect(one([exp('cat-civil-status'), exp('cat-nir')], cb(0.5, 0.25, 0.5)).score).toBe(2.25);
    expect(one([exp('cat-civil-status'), exp('cat-nir')], cb(0.5, 0.25, 0.5, 0.5)).score).toBe(2.75);
  });
  it('the explanation writes the formula with its numbers', () => {
    expect(one([exp('cat-civil-status'), exp('cat-nir')], cb(0.5, 0, 0.25, 0.5)).groups[0].explanation).toMatch(/^SE = DPC × EI \+ CB = 1 × 1 \+ 1.25 = 2.25: MEDIUM/);
  });
});

describe('what counts: claims and unconfirmed exposures are shown, never scored', () => {
  const pro = (cat: string, over: Partial<SeverityExposure> = {}) => exp(cat, { subjects: 'PROFESSIONAL', ...over });
  it('a CLAIMED category alone scores nothing; its effect is apart', () => {
    const a = one([pro('cat-bank-details', { status: 'CLAIMED', confidence: 'L' })], cb(0.5, 0, 0.25, 0.5));
    const g = a.groups[0];
    expect([g.score, g.level, g.notifyDataSubjects]).toEqual([null, null, null]);
    expect(g.categories[0].treatment).toBe('UNCONFIRMED');
    expect(g.categories[0].reason).toContain('claim (confidence L)');
    // 3 (financial) × 0.5 (limited) + 1.25
    expect([g.ifUnconfirmedHeld?.score, g.ifUnconfirmedHeld?.level, g.ifUnconfirmedHeld?.categoryIds]).toEqual([2.75, 'MEDIUM', ['cat-bank-details']]);
    expect([a.score, a.drivenBy, a.ifUnconfirmedHeld?.score]).toEqual([null, null, 2.75]);
  });
  it('a claim beside established exposures does not change the score', () => {
    const g = one([pro('cat-civil-status'), pro('cat-bank-details', { status: 'CLAIMED' })]).groups[0];
    expect(g.score).toBe(0.75); // simple 1 × name alone 0.75
    expect(g.ifUnconfirmedHeld?.score).toBe(3);
  });
  it('NOT_EXPOSED is listed, never counted, and gives no alternative', () => {
    const g = one([exp('cat-civil-status'), exp('cat-medical-data', { status: 'NOT_EXPOSED' })]).groups[0];
    expect(g.score).toBe(0.75);
    expect(g.categories.find((c) => c.categoryId === 'cat-medical-data')?.treatment).toBe('NOT_EXPOSED');
    expect(g.ifUnconfirmedHeld).toBeNull();
  });
  it('SOME_INSURERS counts for the breach, not for one controller', () => {
    const cats = [exp('cat-nir'), exp('cat-member-number', { scope: 'SOME_INSURERS', scopeNote: 'which ones not stated' })];
    expect(one(cats).groups[0].categories.find((c) => c.categoryId === 'cat-member-number')?.treatment).toBe('COUNTED');
    const ctrl = one(cats, cb(), 'CONTROLLER').groups[0];
    expect(ctrl.categories.find((c) => c.categoryId === 'cat-member-number')?.treatment).toBe('UNCONFIRMED');
    expect(ctrl.easeOfIdentification.setBy).toEqual(['cat-nir']);
    expect(ctrl.ifUnconfirmedHeld?.categoryIds).toEqual(['cat-member-number']);
  });
});

describe('the whole takes the highest group and names it', () => {
  it('professionals above insured', () => {
    const a = one([exp('cat-civil-status'), exp('cat-birth-date'), exp('cat-civil-status', { subjects: 'PROFESSIONAL' }), exp('cat-bank-details', { subjects: 'PROFESSIONAL' })], cb(0.5, 0, 0, 0.5));
    expect(a.groups.map((g) => [g.subjects, g.score])).toEqual([['INSURED', 2], ['PROFESSIONAL', 4]]);
    expect([a.score, a.level, a.drivenBy, a.notifyDataSubjects]).toEqual([4, 'VERY_HIGH', 'PROFESSIONAL', true]);
    expect(a.ifUnconfirmedHeld).toBeNull();
  });
  it('no exposure at all: nothing scored, said so', () => {
    const a = one([]);
    expect([a.score, a.level, a.drivenBy]).toEqual([null, null, null]);
    expect(a.explanation).toContain('No established exposure');
  });
});
