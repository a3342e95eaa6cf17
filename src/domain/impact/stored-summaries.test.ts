import { storedSummaryOf } from './stored-summaries';
import { SummaryCache } from './summary-cache';

// Pure: a stored summary's row as the read returns it, and the process's parsed-summary cache.
const paths = (version: string) => JSON.stringify({ breachId: 'b1', asOf: null, referenceDate: '2024-01-22', referenceDateBasis: 'INTRUSION', paths: [], v: version });
const aggregates = (people: number) => JSON.stringify({ key: 'b1|', people, contracts: people, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] });
const row = (version: string, withJson: boolean, people = 0) => ({
  version,
  paths: withJson ? paths(version) : null,
  aggregates: withJson ? aggregates(people) : null,
  sliced: false,
  slice: null,
  stale: false,
  staleSince: null,
});

describe('a stored summary read while another request replaces the cache’s entry', () => {
  it('a reply without JSON ("the version you know") is read from what the read announced, not counted live', () => {
    const cache = new SummaryCache();
    storedSummaryOf('b1', row('v1', true, 100), null, cache);
    // The read announces v1; before its reply arrives, another request parses v2 into the cache.
    const { known, held } = cache.hold(['b1']);
    expect(known).toEqual({ b1: 'v1' });
    storedSummaryOf('b1', row('v2', true, 101), null, cache);
    // The reply: still v1 (its snapshot predates v2's commit), without the JSON it was told is known.
    const answer = storedSummaryOf('b1', row('v1', false), null, cache, null, held);
    expect(answer.aggregates?.people).toBe(100);
    expect(answer.paths).not.toBeNull();
    // Without what it announced (as before), nothing was found: aggregates null, a live count.
    expect(storedSummaryOf('b1', row('v1', false), null, cache).aggregates).toBeNull();
    // The cache keeps the newest.
    expect(cache.latest('b1')?.version).toBe('v2');
  });

  it('hold announces nothing for a breach the cache does not have', () => {
    expect(new SummaryCache().hold(['b9'])).toEqual({ known: {}, held: new Map() });
  });
});
