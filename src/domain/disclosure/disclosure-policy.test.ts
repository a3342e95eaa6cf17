import type { Principal, Role } from '../../auth/principal';
import { audienceOf, checkDisclosedDate, DEFAULT_DISCLOSURE, discloseImpact, documentedDates, isSensitive, suppressBreakdown } from './disclosure-policy';

const as = (role: Role, orgId: string | null = null): Principal => ({ kind: 'user', subject: 't', role, orgId });
const c = (people: number, contracts = people) => ({ people, contracts });

describe('disclosure policy: audiences', () => {
  it('an insurer sees its own figures exactly; regulator and analyst are controlled; an admin gets no count', () => {
    expect(audienceOf(as('INSURER', 'org-a'), DEFAULT_DISCLOSURE)).toBe('EXACT');
    expect(audienceOf(as('REGULATOR'), DEFAULT_DISCLOSURE)).toBe('CONTROLLED');
    expect(audienceOf(as('ANALYST'), DEFAULT_DISCLOSURE)).toBe('CONTROLLED');
    expect(audienceOf(as('ADMIN'), DEFAULT_DISCLOSURE)).toBe('WITHHELD');
    expect(audienceOf({ kind: 'anonymous' }, DEFAULT_DISCLOSURE)).toBe('CONTROLLED');
  });

  it('a threshold of 1 turns the control off for every role', () => {
    for (const p of [as('REGULATOR'), as('ANALYST'), as('ADMIN'), { kind: 'anonymous' as const }]) expect(audienceOf(p, { minCell: 1 })).toBe('EXACT');
  });
});

describe('disclosure policy: small cells', () => {
  it('1 to minCell-1 people or contracts is sensitive; 0 and minCell are not', () => {
    expect([0, 1, 9, 10].map((n) => isSensitive(c(n), 10))).toEqual([false, true, true, false]);
    expect(isSensitive(c(25, 3), 10)).toBe(true);
  });

  it('no small cell: nothing suppressed', () => {
    expect(suppressBreakdown(c(100), [c(60), c(40), c(0)], 10)).toEqual({ total: false, cells: [false, false, false] });
  });

  it('exactly one small cell: the next smallest non-zero cell goes too, so total minus the rest reveals nothing', () => {
    // 100 = 60 + 37 + 3: with only the 3 withheld, 100 - 60 - 37 gives it back.
    expect(suppressBreakdown(c(100), [c(60), c(37), c(3), c(0)], 10)).toEqual({ total: false, cells: [false, true, true, false] });
  });

  it('two small cells that add up to fewer than minCell: a third goes too', () => {
    // 2 + 3 = 5 withheld together would still say "both are tiny" and pin them from the total.
    expect(suppressBreakdown(c(100), [c(50), c(45), c(3), c(2)], 10)).toEqual({ total: false, cells: [false, true, true, true] });
  });

  it('a contract count alone can make a cell sensitive', () => {
    expect(suppressBreakdown(c(100, 100), [c(60, 60), c(30, 35), c(12, 5)], 10).cells).toEqual([false, true, true]);
  });

  it('when no cell is left to pair a small one with, the total is suppressed', () => {
    expect(suppressBreakdown(c(50), [c(3)], 10)).toEqual({ total: true, cells: [true] });
    expect(suppressBreakdown(c(50), [c(3), c(0)], 10)).toEqual({ total: true, cells: [true, false] });
  });

  it('a small total suppresses every non-zero cell', () => {
    expect(suppressBreakdown(c(7), [c(5), c(2), c(0)], 10)).toEqual({ total: true, cells: [true, true, false] });
  });

  it('threshold 1: nothing is ever suppressed', () => {
    expect(suppressBreakdown(c(1), [c(1), c(0)], 1)).toEqual({ total: false, cells: [false, false] });
  });
});

describe('disclosure policy: a whole impact answer', () => {
  const counts = {
    totals: { people: 134, contracts: 80, insurers: 4 },
    byInsurer: [{ id: 'a', ...c(90, 50) }, { id: 'b', ...c(40, 25) }, { id: 'c', ...c(1, 1) }, { id: 'd', ...c(0, 0) }],
    byPartner: [{ id: 'op', ...c(134, 80) }],
    byCategory: [{ id: 'nir', ...c(134, 80) }, { id: 'rib', ...c(12, 10) }],
  };

  it('controlled: small and complementary cells say suppressed with no number, and move after the visible ones', () => {
    const d = discloseImpact(counts, 'CONTROLLED', DEFAULT_DISCLOSURE);
    expect(d.totals).toEqual({ people: 134, contracts: 80, insurers: 4, suppressed: false });
    expect(d.byInsurer).toEqual([
      { id: 'a', people: 90, contracts: 50, suppressed: false },
      { id: 'd', people: 0, contracts: 0, suppressed: false },
      { id: 'b', people: null, contracts: null, suppressed: true },
      { id: 'c', people: null, contracts: null, suppressed: true },
    ]);
    expect(d.byPartner[0].suppressed).toBe(false);
    expect(d.byCategory.map((x) => x.suppressed)).toEqual([false, false]);
  });

  it('the totals go when any breakdown needs them gone, whichever field the caller selects', () => {
    const d = discloseImpact({ ...counts, byCategory: [{ id: 'rib', ...c(3) }] }, 'CONTROLLED', DEFAULT_DISCLOSURE);
    expect(d.totals).toMatchObject({ people: null, contracts: null, suppressed: true });
  });

  it('exact: every figure as counted; withheld: none', () => {
    expect(discloseImpact(counts, 'EXACT', DEFAULT_DISCLOSURE).byInsurer.map((x) => x.people)).toEqual([90, 40, 1, 0]);
    const w = discloseImpact(counts, 'WITHHELD', DEFAULT_DISCLOSURE);
    expect([w.totals, ...w.byInsurer, ...w.byPartner, ...w.byCategory].every((x) => x.people === null && x.contracts === null && x.suppressed)).toBe(true);
  });
});

describe('disclosure policy: reference dates', () => {
  const allowed = documentedDates(['2024-02-02', null, '2024-01-22', '2024-02-02']);

  it('documented dates are the dated events, sorted, each once', () => {
    expect(allowed).toEqual(['2024-01-22', '2024-02-02']);
  });

  it('controlled and withheld audiences may use only those (or none); an exact audience any', () => {
    expect(() => checkDisclosedDate('b', null, 'CONTROLLED', allowed)).not.toThrow();
    expect(() => checkDisclosedDate('b', '2024-01-22', 'CONTROLLED', allowed)).not.toThrow();
    expect(() => checkDisclosedDate('b', '2023-06-15', 'EXACT', allowed)).not.toThrow();
    for (const audience of ['CONTROLLED', 'WITHHELD'] as const) {
      expect(() => checkDisclosedDate('b', '2024-01-23', audience, allowed)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('2024-01-22, 2024-02-02'), extensions: expect.objectContaining({ allowedDates: allowed }) }),
      );
    }
  });
});
