import { serverTimingOf, statementsOfServerTiming } from './server-timing';

describe('serverTimingOf', () => {
  it('lists every statement in order with the total, and reads back', () => {
    const t = [
      { query: 'catalogue/version', ms: 1.04 },
      { query: 'impact/stored-summaries', ms: 12.36 },
    ];
    const header = serverTimingOf(t);
    expect(header).toBe('c1;desc="catalogue/version";dur=1.0, c2;desc="impact/stored-summaries";dur=12.4, cypher;dur=13.4');
    expect(statementsOfServerTiming(header)).toEqual([
      { query: 'catalogue/version', ms: 1 },
      { query: 'impact/stored-summaries', ms: 12.4 },
    ]);
  });

  it('keeps the slowest past the limit, in order, and sums the rest', () => {
    const t = [5, 1, 9, 2, 7].map((ms, i) => ({ query: `q${i}`, ms }));
    expect(serverTimingOf(t, 2)).toBe('c3;desc="q2";dur=9.0, c5;desc="q4";dur=7.0, rest;desc="3 more";dur=8.0, cypher;dur=24.0');
  });

  it('never puts a quote or backslash inside the quoted name', () => {
    expect(serverTimingOf([{ query: 'a"b', ms: 1 }])).toBe('c1;desc="statement";dur=1.0, cypher;dur=1.0');
    expect(statementsOfServerTiming(null)).toEqual([]);
  });
});
